import Fluent
import Foundation
import Vapor

/// `stoplicht report [--format pdf|odt|docx|html|xlsx|csv] -o FILE`: writes the report of a
/// period as a file that opens without the server (HTML by default).
struct ReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(
            name: "programme",
            help: "Het programma (zoals in de adresbalk, bijv. dienstverlening); standaard het enige.")
        var programme: String?
        @Option(name: "period", help: "De periode (bijv. juni-t-m-oktober-2018); standaard de laatste.")
        var period: String?
        @Option(name: "output", short: "o", help: "Het bestand; zonder deze optie naar standaarduitvoer.")
        var output: String?
        @Option(
            name: "format", short: "f",
            help: "pdf, odt, docx, html, xlsx of csv (standaard html, of naar de extensie van -o).")
        var format: String?
    }

    var help: String {
        "Schrijft de voortgangsrapportage van een periode als PDF/A, ODT, DOCX, HTML, of de projecttabel als XLSX of CSV."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        let slug = try await Self.programme(signature.programme, on: db)
        let programme = try await ProgrammeContext.load(slug: slug, on: db)
        guard let period = try signature.period.map({ try programme.period(slug: $0) }) ?? programme.latestPeriod else {
            throw InputError(Strings.noPeriods)
        }
        let name =
            signature.format ?? signature.output.map { URL(fileURLWithPath: $0).pathExtension.lowercased() }.flatMap {
                $0.isEmpty ? nil : $0
            } ?? "html"
        guard let format = ExportFormat(rawValue: name.lowercased()) else {
            throw InputError(Strings.unknownFormat(name))
        }
        let model = try await ReportPageModel.query(programme: slug, period: period.slug, on: db)
        let started = Date()
        let data = try await ReportDocuments.render(model, format: format, settings: context.application.settings)
        if let output = signature.output {
            do {
                try data.write(to: URL(fileURLWithPath: output))
            } catch {
                throw InputError("Kan ‘\(output)’ niet schrijven: \(error.localizedDescription)")
            }
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            context.console.print(
                "Rapportage \(period.name) geschreven naar \(output) (\(format.rawValue), \(data.count) bytes, \(seconds) s)."
            )
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// The programme named on the command line (or the only one).
    static func programmeModel(_ slug: String?, on db: any Database) async throws -> Programme {
        let slug = try await programme(slug, on: db)
        guard let programme = try await Programme.query(on: db).filter(\.$slug == slug).first() else {
            throw InputError(Strings.programmeNotFound(slug))
        }
        return programme
    }

    static func programme(_ slug: String?, on db: any Database) async throws -> String {
        if let slug { return slug }
        let programmes = try await Programme.query(on: db).all()
        guard programmes.count == 1 else {
            throw InputError(
                programmes.isEmpty
                    ? "Er is nog geen programma. Importeer eerst een rapportage met `stoplicht import BESTAND`."
                    : "Geef het programma op met --programme: \(programmes.map(\.slug).joined(separator: ", ")).")
        }
        return programmes[0].slug
    }
}
