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
        @Option(name: "file", help: "Met import: het CSV- of XLSX-bestand uit het financiële systeem.")
        var file: String?
        @Option(name: "cost-centre", help: "Met map: de kostenplaats.")
        var costCentre: String?
        @Option(name: "programme", help: "Het programma (zoals in de adresbalk); standaard het enige.")
        var programme: String?
        @Option(
            name: "columns",
            help:
                "Welke kolom wat is, bijv. \"kostenplaats=Kpl;bedrag=Bedrag EUR\"; wordt bewaard voor de volgende import. Rollen: datum, kostenplaats, grootboek, omschrijving, bedrag."
        )
        var columns: String?
        @Option(name: "project", help: "Met map: het projectnummer.")
        var project: Int?
    }

    var help: String {
        "Realisatie uit het financiële systeem: importeren (CSV of XLSX), kostenplaatsen aan projecten koppelen, niet-gekoppelde regels en totalen tonen."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        let programme = try await ReportCommand.programmeModel(signature.programme, on: db)
        switch signature.action {
        case "import":
            guard let file = signature.file else {
                throw InputError("Geef het bestand op: stoplicht actuals import --file BESTAND.")
            }
            let columns = try ActualsImporter.columns(signature.columns ?? "")
            let started = Date()
            let console = context.console
            let summary = try await ActualsImporter(database: db).run(
                path: file, source: URL(fileURLWithPath: file).lastPathComponent, programme: programme, columns: columns
            ) { read, bytes, size in
                let percent = size > 0 ? " (\(min(100, bytes * 100 / size))%)" : ""
                console.output("\(read) regels gelezen\(percent)…".consoleText(), newLine: true)
            }
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            console.print(Strings.actualsImported(summary) + " (\(seconds) s)")
            if summary.unmapped > 0 {
                console.print(
                    "Toon ze met ‘stoplicht actuals unmapped’; koppel een kostenplaats met ‘stoplicht actuals map --cost-centre KOSTENPLAATS --project NR’."
                )
            }
        case "map":
            guard let costCentre = signature.costCentre, let number = signature.project else {
                throw InputError("Gebruik: stoplicht actuals map --cost-centre KOSTENPLAATS --project PROJECTNUMMER.")
            }
            let mapped = try await ActualsMapping.map(costCentre: costCentre, toProject: number, in: programme, on: db)
            context.console.print("Kostenplaats \(costCentre) hoort bij project \(number); \(mapped) regels gekoppeld.")
        case "unmapped":
            let lines = try await ActualLine.unmapped(in: programme.requireID(), on: db).sort(\.$id).limit(200).all()
            let count = try await ActualLine.unmapped(in: programme.requireID(), on: db).count()
            context.console.print(
                "\(count) regels zonder project\(count > lines.count ? " (de eerste \(lines.count))" : ""):")
            for line in lines {
                let amount = line.amountCents.map { ReportedAmount.money(cents: $0).description } ?? "—"
                context.console.print(
                    "\(line.source), regel \(line.sourceLine): kostenplaats \(line.costCentre.isEmpty ? "—" : line.costCentre), \(amount), \(line.description)"
                        + (line.problem.map { " — \($0)" } ?? ""))
            }
        case "totals":
            for total in try await ActualsTotals.perProject(programme, on: db) {
                context.console.print(
                    "\(total.label): \(ReportedAmount.money(cents: total.cents)) (\(total.lines) regels)")
            }
        default:
            throw InputError("Onbekende actie ‘\(signature.action)’; kies import, map, unmapped of totals.")
        }
    }
}
