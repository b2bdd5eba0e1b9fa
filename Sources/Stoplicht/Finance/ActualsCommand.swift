import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Vapor

/// `stoplicht actuals import --file F [--columns "rol=Kop;…"]`, `stoplicht actuals map
/// --cost-centre KPL --project NR`, `stoplicht actuals unmapped`, `stoplicht actuals totals`
/// — for one programme (`--programme`, or the only one).
struct ActualsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "import, map, unmapped of totals")
        var action: String
        @Option(name: "file", help: "Met import: het CSV-bestand uit het financiële systeem.")
        var file: String?
        @Option(name: "cost-centre", help: "Met map: de kostenplaats.")
        var costCentre: String?
        @Option(name: "programme", help: "Het programma (zoals in de adresbalk); standaard het enige.")
        var programme: String?
        @Option(name: "columns", help: "Welke kolom wat is, bijv. \"kostenplaats=Kpl;bedrag=Bedrag EUR\"; wordt bewaard voor de volgende import. Rollen: datum, kostenplaats, grootboek, omschrijving, bedrag.")
        var columns: String?
        @Option(name: "project", help: "Met map: het projectnummer.")
        var project: Int?
    }

    var help: String { "Realisatie uit het financiële systeem: importeren (CSV), kostenplaatsen aan projecten koppelen, niet-gekoppelde regels en totalen tonen." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        let programme = try await ReportCommand.programmeModel(signature.programme, on: db)
        switch signature.action {
        case "import":
            guard let file = signature.file else { throw InputError("Geef het bestand op: stoplicht actuals import --file BESTAND.") }
            var columns: [ActualsColumn: String] = [:]
            for text in (signature.columns ?? "").split(separator: ";").map(String.init) {
                let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let column = ActualsColumn(rawValue: parts[0].lowercased()), !parts[1].isEmpty else {
                    throw InputError("‘\(text)’ is geen kolomindeling; schrijf rol=Kop met rol datum, kostenplaats, grootboek, omschrijving of bedrag.")
                }
                columns[column] = parts[1]
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            let started = Date()
            let console = context.console
            let summary = try await ActualsImporter(database: db).run(
                path: file, source: URL(fileURLWithPath: file).lastPathComponent, programme: programme, columns: columns) { read, bytes in
                    let percent = size > 0 ? " (\(min(100, bytes * 100 / size))%)" : ""
                    console.output("\(read) regels gelezen\(percent)…".consoleText(), newLine: true)
                }
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            console.print("\(summary.read) regels gelezen in \(seconds) s: \(summary.added) nieuw (\(ReportedAmount.money(cents: summary.addedCents))), "
                + "\(summary.alreadyImported) al eerder geïmporteerd, \(summary.unmapped) zonder project (waarvan \(summary.problems) onleesbaar).")
            if summary.unmapped > 0 { console.print("Toon ze met ‘stoplicht actuals unmapped’; koppel een kostenplaats met ‘stoplicht actuals map --cost-centre KOSTENPLAATS --project NR’.") }
        case "map":
            guard let costCentre = signature.costCentre, let number = signature.project else {
                throw InputError("Gebruik: stoplicht actuals map --cost-centre KOSTENPLAATS --project PROJECTNUMMER.")
            }
            let mapped = try await ActualsMapping.map(costCentre: costCentre, toProject: number, in: programme, on: db)
            context.console.print("Kostenplaats \(costCentre) hoort bij project \(number); \(mapped) regels gekoppeld.")
        case "unmapped":
            let lines = try await ActualLine.unmapped(in: programme.requireID(), on: db).sort(\.$id).limit(200).all()
            let count = try await ActualLine.unmapped(in: programme.requireID(), on: db).count()
            context.console.print("\(count) regels zonder project\(count > lines.count ? " (de eerste \(lines.count))" : ""):")
            for line in lines {
                let amount = line.amountCents.map { ReportedAmount.money(cents: $0).description } ?? "—"
                context.console.print("\(line.source), regel \(line.sourceLine): kostenplaats \(line.costCentre.isEmpty ? "—" : line.costCentre), \(amount), \(line.description)"
                    + (line.problem.map { " — \($0)" } ?? ""))
            }
        case "totals":
            for total in try await ActualsTotals.perProject(programme, on: db) {
                context.console.print("\(total.label): \(ReportedAmount.money(cents: total.cents)) (\(total.lines) regels)")
            }
        default:
            throw InputError("Onbekende actie ‘\(signature.action)’; kies import, map, unmapped of totals.")
        }
    }
}

/// Cost centres to projects; mapping one also maps the lines already imported on it.
enum ActualsMapping {
    static func map(costCentre: String, toProject number: Int, in programme: Programme, on db: any Database) async throws -> Int {
        let programmeID = try programme.requireID()
        guard let project = try await Project.find(number: number, inProgramme: programmeID, on: db) else {
            throw InputError(Strings.projectNotFound(String(number)))
        }
        return try await db.transaction { db in
            if let existing = try await CostCentreMapping.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$costCentre == costCentre).first() {
                existing.$project.id = try project.requireID()
                try await existing.save(on: db)
            } else {
                try await CostCentreMapping(programmeID: programmeID, costCentre: costCentre, projectID: project.requireID()).save(on: db)
            }
            let lines = try await ActualLine.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$costCentre == costCentre).count()
            try await ActualLine.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$costCentre == costCentre)
                .set(\.$project.$id, to: project.requireID()).update()
            return lines
        }
    }
}

/// Exact sums of the actuals, per project (and the lines without one).
enum ActualsTotals {
    struct Total: Sendable, Equatable {
        var label: String
        var number: Int?
        var cents: Int64
        var lines: Int
    }

    static func perProject(_ programme: Programme, on db: any Database) async throws -> [Total] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct Row: Decodable { var number: Int?; var name: String?; var cents: Int64?; var lines: Int }
        let rows = try await sql.raw("""
            SELECT p.number, p.name, CAST(SUM(a.amount_cents) AS BIGINT) AS cents, COUNT(*) AS lines
            FROM actual_lines a LEFT JOIN projects p ON p.id = a.project_id
            WHERE a.programme_id = \(bind: try programme.requireID()) AND a.problem IS NULL
            GROUP BY p.number, p.name ORDER BY p.number
            """).all(decoding: Row.self)
        return rows.map { row in
            Total(label: row.number.map { "\($0). \(row.name ?? "")" } ?? "Zonder project", number: row.number, cents: row.cents ?? 0, lines: row.lines)
        }
    }
}
