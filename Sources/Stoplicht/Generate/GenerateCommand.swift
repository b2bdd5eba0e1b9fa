import Foundation
import StoplichtCore
import Vapor

/// `stoplicht generate`: a synthetic installation of a chosen size, for benchmarks and
/// trying Stoplicht out at the scale of a shared installation.
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "organisations", help: "Aantal gemeenten (standaard 1).")
        var organisations: Int?
        @Option(name: "programmes", help: "Programma's per gemeente (standaard 1).")
        var programmes: Int?
        @Option(name: "projects", help: "Projecten per programma (standaard 100).")
        var projects: Int?
        @Option(name: "periods", help: "Rapportageperioden per programma, drie per jaar (standaard 24).")
        var periods: Int?
        @Option(name: "seed", help: "Zaadgetal: hetzelfde getal geeft dezelfde gegevens (standaard 2026).")
        var seed: Int?
        @Option(name: "access", help: "Wie mag lezen: besloten, rapportages-openbaar (standaard) of openbaar.")
        var access: String?
        @Flag(name: "no-snapshots", help: "Sla het opslaan van de laatste gepubliceerde rapportage over (sneller).")
        var noSnapshots: Bool
    }

    var help: String {
        "Maakt synthetische gegevens: gemeenten × programma's × projecten × perioden, met Nederlandse namen en teksten."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var options = SyntheticWriter.Options(
            size: SyntheticSize(
                organisations: signature.organisations ?? 1, programmesPerOrganisation: signature.programmes ?? 1,
                projectsPerProgramme: signature.projects ?? 100, periodsPerProgramme: signature.periods ?? 24))
        if let seed = signature.seed { options.seed = UInt64(truncatingIfNeeded: seed) }
        if let access = signature.access {
            guard let value = ProgrammeAccess(rawValue: access) else { throw InputError(Strings.unknownAccess(access)) }
            options.access = value
        }
        options.snapshots = !signature.noSnapshots
        let started = Date()
        let summary = try await SyntheticWriter(options: options, settings: app.settings).write(on: app.db) {
            organisation, summary in
            context.console.print(
                Strings.generateProgress(organisation, summary, seconds: Date().timeIntervalSince(started)))
        }
        context.console.print(Strings.generated(summary, seconds: Date().timeIntervalSince(started)))
    }
}
