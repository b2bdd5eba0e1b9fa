import Fluent
import Foundation
import Vapor

/// `stoplicht report`: writes the HTML report of a period, a file that opens without the server.
struct ReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "programme", help: "Het programma (zoals in de adresbalk, bijv. dienstverlening); standaard het enige.")
        var programme: String?
        @Option(name: "period", help: "De periode (bijv. juni-t-m-oktober-2018); standaard de laatste.")
        var period: String?
        @Option(name: "output", short: "o", help: "Het bestand; zonder deze optie naar standaarduitvoer.")
        var output: String?
    }

    var help: String { "Schrijft de voortgangsrapportage van een periode als HTML." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        let slug = try await Self.programme(signature.programme, on: db)
        let programme = try await ProgrammeContext.load(slug: slug, on: db)
        guard let period = try signature.period.map({ try programme.period(slug: $0) }) ?? programme.latestPeriod else {
            throw InputError(Strings.noPeriods)
        }
        let model = try await ReportPageModel.query(programme: slug, period: period.slug, on: db)
        let html = ReportPageView.page(model, settings: context.application.settings, standalone: true).render()
        if let output = signature.output {
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw InputError("Kan ‘\(output)’ niet schrijven: \(error.localizedDescription)")
            }
            context.console.print("Rapportage \(period.name) geschreven naar \(output).")
        } else {
            FileHandle.standardOutput.write(Data(html.utf8))
        }
    }

    static func programme(_ slug: String?, on db: any Database) async throws -> String {
        if let slug { return slug }
        let programmes = try await Programme.query(on: db).all()
        guard programmes.count == 1 else {
            throw InputError(programmes.isEmpty
                ? "Er is nog geen programma. Importeer eerst een rapportage met `stoplicht import BESTAND`."
                : "Geef het programma op met --programme: \(programmes.map(\.slug).joined(separator: ", ")).")
        }
        return programmes[0].slug
    }
}
