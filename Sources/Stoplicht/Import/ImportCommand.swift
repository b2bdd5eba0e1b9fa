import Fluent
import Foundation
import StoplichtCore
import Vapor

/// `stoplicht import FILE`: reads a progress report — Word, OpenDocument, Excel, CSV,
/// HTML, Markdown or text — into a programme and period.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "De rapportage: .docx, .odt, .ods, .xlsx, .csv, .html, .md of .txt.")
        var file: String
        @Option(name: "organisation", help: "De gemeente; standaard de enige gemeente in de database.")
        var organisation: String?
        @Option(name: "programme", help: "Het programma; standaard het programma dat de rapportage noemt.")
        var programme: String?
        @Option(name: "period", help: "De rapportageperiode; standaard de periode die de rapportage noemt.")
        var period: String?
        @Option(
            name: "columns",
            help: "Welke kolom wat bevat: \"Kolomkop=rol;…\", bijvoorbeeld \"Wie=projectleider;Hoe=status\".")
        var columns: String?
        @Option(name: "lights", help: "Wat eigen woorden voor lichten betekenen: \"Op stoom=groen;Stroef=oranje\".")
        var lights: String?
        @Option(
            name: "mapping",
            help: "Een indelingsbestand met regels ‘kolom Wie = projectleider’ en ‘licht Op stoom = groen’.")
        var mapping: String?
        @Flag(
            name: "dry-run", help: "Laten zien wat er nieuw wordt of verandert, met elke waarschuwing; niets opslaan.")
        var dryRun: Bool
        @Flag(name: "json", help: "Met --dry-run: het plan als JSON.")
        var json: Bool
        @Flag(name: "check", help: "Alleen lezen en de waarschuwingen tonen, zonder de database te raadplegen.")
        var check: Bool
    }

    var help: String { "Importeert een voortgangsrapportage in een programma en periode." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw InputError("Het bestand ‘\(signature.file)’ bestaat niet of kan niet worden gelezen.")
        }
        let options = try Self.options(columns: signature.columns, lights: signature.lights, mapping: signature.mapping)
        let result: ReportReader.Result
        do {
            result = try ReportReader(options: options).read(data, filename: signature.file)
        } catch {
            throw InputError("\(signature.file): \(error.message)")
        }
        let report = result.report
        if signature.check {
            context.console.print(
                "\(signature.file) (\(result.format.label)): \(report.projects.count) projecten en \(report.sections.count) paragrafen herkend; niets opgeslagen."
            )
            Self.print(report.warnings, file: signature.file, console: context.console)
            return
        }
        let db = context.application.db
        let organisation = try await Self.organisation(signature.organisation, on: db)
        var target = ImportTarget(organisation: organisation, programme: signature.programme, period: signature.period)
        target.programmeID = try await Self.existingProgramme(signature.programme, organisation: organisation, on: db)
        target.source = (signature.file as NSString).lastPathComponent
        let importer = ReportImporter(database: db)
        if signature.dryRun {
            let summary = try await importer.dryRun(report, into: target)
            if signature.json {
                context.console.output(
                    try ImportPlan(file: signature.file, format: result.format, report: report, summary: summary).json()
                        .consoleText())
            } else {
                context.console.print(Self.describePlan(summary, organisation: organisation, format: result.format))
                Self.print(summary.warnings, file: signature.file, console: context.console)
                context.console.print("Niets opgeslagen. Importeer zonder --dry-run om dit door te voeren.")
            }
            return
        }
        if signature.json {
            throw InputError(
                "--json hoort bij --dry-run: het plan wordt als JSON getoond voordat er iets wordt opgeslagen.")
        }
        let summary = try await importer.run(report, into: target)
        context.console.print(Self.describe(summary, organisation: organisation))
        Self.print(summary.warnings, file: signature.file, console: context.console)
    }

    static func options(columns: String?, lights: String?, mapping: String?) throws -> ImportOptions {
        var options = ImportOptions()
        do {
            if let mapping {
                guard let data = FileManager.default.contents(atPath: mapping) else {
                    throw InputError("Het indelingsbestand ‘\(mapping)’ bestaat niet of kan niet worden gelezen.")
                }
                try options.addMappingFile(String(decoding: data, as: UTF8.self), name: mapping)
            }
            if let columns { try options.addColumns(columns) }
            if let lights { try options.addLights(lights) }
        } catch let error as ReportFileError {
            throw InputError(error.message)
        }
        return options
    }

    static func describe(_ summary: ImportSummary, organisation: String) -> String {
        let changes =
            summary.changedAnything
            ? "\(summary.created) records nieuw, \(summary.updated) gewijzigd"
            : "niets gewijzigd: de database had deze rapportage al"
        return
            "Geïmporteerd in \(organisation): programma ‘\(summary.programmeSlug)’, periode ‘\(summary.periodSlug)’, \(summary.projects) projecten (\(changes))."
    }

    static func describePlan(_ summary: ImportSummary, organisation: String, format: ReportFormat) -> String {
        var lines = [
            "Proefimport (\(format.label)) in \(organisation): programma ‘\(summary.programmeSlug)’, periode ‘\(summary.periodSlug)’."
        ]
        let counts = Dictionary(grouping: summary.projectChanges, by: \.action).mapValues(\.count)
        lines.append(
            "\(summary.projects) projecten: \(counts[.created] ?? 0) nieuw, \(counts[.updated] ?? 0) gewijzigd, \(counts[.unchanged] ?? 0) ongewijzigd."
        )
        for change in summary.projectChanges where change.action != .unchanged {
            let detail = change.action == .updated ? " (\(change.fields.joined(separator: ", ")))" : ""
            lines.append("  \(change.action.rawValue): \(change.number). \(change.name.prefix(70))\(detail)")
        }
        return lines.joined(separator: "\n")
    }

    static func print(_ warnings: [ImportWarning], file: String, console: any Console) {
        guard !warnings.isEmpty else { return }
        console.print("\(warnings.count) waarschuwingen:")
        for warning in warnings {
            let position = warning.place.map { "\(file) (\($0))" } ?? "\(file):\(warning.line)"
            console.warning("\(position): \(warning.commandLineText)")
        }
    }

    /// The named municipality, or the only one there is.
    /// The id of the organisation's programme that `--programme` names by its address (slug).
    /// Another municipality's programme is never it; a name is matched within the
    /// organisation by the importer.
    static func existingProgramme(_ programme: String?, organisation: String, on db: any Database) async throws -> UUID?
    {
        guard let programme,
            let found = try await Programme.query(on: db).filter(\.$slug == programme).with(\.$organisation).first(),
            found.organisation.name == organisation
        else { return nil }
        return try found.requireID()
    }

    static func organisation(_ name: String?, on db: any Database) async throws -> String {
        if let name { return name }
        let municipalities = try await Organisation.query(on: db).filter(\.$kind == .municipality).all()
        guard municipalities.count == 1 else {
            throw InputError(
                municipalities.isEmpty
                    ? "Geef de gemeente op met --organisation \"Gemeente …\": de database heeft er nog geen."
                    : "Geef de gemeente op met --organisation: de database kent er meer dan één (\(municipalities.map(\.name).joined(separator: ", ")))."
            )
        }
        return municipalities[0].name
    }
}
