import Fluent
import Foundation
import StoplichtCore
import Vapor

/// `stoplicht import FILE`: reads a progress report into a programme and period.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "De rapportage (tekst of Markdown).")
        var file: String
        @Option(name: "organisation", help: "De gemeente; standaard de enige gemeente in de database.")
        var organisation: String?
        @Option(name: "programme", help: "Het programma; standaard het programma dat de rapportage noemt.")
        var programme: String?
        @Option(name: "period", help: "De rapportageperiode; standaard de periode die de rapportage noemt.")
        var period: String?
        @Flag(name: "check", help: "Alleen lezen en de waarschuwingen tonen; niets opslaan.")
        var check: Bool
    }

    var help: String { "Importeert een voortgangsrapportage in een programma en periode." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw InputError("Het bestand ‘\(signature.file)’ bestaat niet of kan niet worden gelezen.")
        }
        let report: ParsedReport
        do {
            report = try ReportTextParser().parse(data: data)
        } catch {
            throw InputError("\(signature.file): \(error.message)")
        }
        if signature.check {
            context.console.print("\(signature.file): \(report.projects.count) projecten en \(report.sections.count) paragrafen herkend; niets opgeslagen.")
            Self.print(report.warnings, file: signature.file, console: context.console)
            return
        }
        let db = context.application.db
        let organisation = try await Self.organisation(signature.organisation, on: db)
        let summary = try await ReportImporter(database: db)
            .run(report, into: ImportTarget(organisation: organisation, programme: signature.programme, period: signature.period))
        context.console.print(Self.describe(summary, organisation: organisation))
        Self.print(summary.warnings, file: signature.file, console: context.console)
    }

    static func describe(_ summary: ImportSummary, organisation: String) -> String {
        let changes = summary.changedAnything
            ? "\(summary.created) records nieuw, \(summary.updated) gewijzigd"
            : "niets gewijzigd: de database had deze rapportage al"
        return "Geïmporteerd in \(organisation): programma ‘\(summary.programmeSlug)’, periode ‘\(summary.periodSlug)’, \(summary.projects) projecten (\(changes))."
    }

    static func print(_ warnings: [ImportWarning], file: String, console: any Console) {
        guard !warnings.isEmpty else { return }
        console.print("\(warnings.count) waarschuwingen:")
        for warning in warnings { console.warning("\(file):\(warning.line): \(warning.message)") }
    }

    /// The named municipality, or the only one there is.
    static func organisation(_ name: String?, on db: any Database) async throws -> String {
        if let name { return name }
        let municipalities = try await Organisation.query(on: db).filter(\.$kind == .municipality).all()
        guard municipalities.count == 1 else {
            throw InputError(municipalities.isEmpty
                ? "Geef de gemeente op met --organisation \"Gemeente …\": de database heeft er nog geen."
                : "Geef de gemeente op met --organisation: de database kent er meer dan één (\(municipalities.map(\.name).joined(separator: ", "))).")
        }
        return municipalities[0].name
    }
}
