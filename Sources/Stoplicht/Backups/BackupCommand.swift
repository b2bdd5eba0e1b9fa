import Foundation
import Vapor

/// `stoplicht backup FILE`: a consistent copy of the embedded database while Stoplicht runs.
/// `stoplicht restore FILE --yes`: puts a copy back (stop Stoplicht first).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Het bestand voor de reservekopie (het mag nog niet bestaan).")
        var file: String
    }

    var help: String {
        "Maakt een reservekopie van de ingebouwde database terwijl Stoplicht draait (PostgreSQL: pg_dump, zie README)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let summary = try await Backup.write(to: signature.file, settings: app.settings, on: app.db)
        context.console.print(Strings.backupWritten(signature.file, summary))
    }
}

struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "file",
            help: "De reservekopie die terug moet. Met --yes (zoals bij migrate): vervang de huidige database erdoor.")
        var file: String
    }

    var help: String {
        "Zet een reservekopie van de ingebouwde database terug; stop Stoplicht eerst (PostgreSQL: pg_restore, zie README)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard case .sqliteFile(let target) = context.application.settings.database else {
            throw InputError(Strings.backupPostgres)
        }
        // `--yes` is the console's own answer to confirmations, as for `stoplicht migrate --yes`.
        guard context.console.confirmOverride == true else {
            let summary = try await Backup.check(signature.file)
            context.console.print(Strings.restoreWouldReplace(signature.file, summary, target))
            return
        }
        let summary = try await Backup.restore(from: signature.file, to: target)
        context.console.print(Strings.restored(signature.file, summary, target))
    }
}
