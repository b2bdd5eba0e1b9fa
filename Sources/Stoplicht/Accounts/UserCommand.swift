import Fluent
import Foundation
import Vapor

/// `stoplicht user add EMAIL --name "…" [--administrator]`: creates an account, the first
/// administrator among them. The password is asked for (not echoed), or read from
/// `STOPLICHT_PASSWORD` for scripts.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "add")
        var action: String
        @Argument(name: "email", help: "Het e-mailadres waarmee de gebruiker inlogt.")
        var email: String
        @Option(name: "name", help: "De naam van de gebruiker.")
        var name: String?
        @Flag(name: "administrator", help: "Beheerder: mag alles, in elk programma.")
        var administrator: Bool
    }

    var help: String { "Beheert accounts: ‘stoplicht user add e-mailadres --name \"Naam\" [--administrator]’." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "add" else { throw InputError("Onbekende actie ‘\(signature.action)’; gebruik ‘stoplicht user add …’.") }
        let password: String
        if let fromEnvironment = Environment.get("STOPLICHT_PASSWORD") {
            password = fromEnvironment
        } else {
            let prompt = "Wachtwoord (ten minste \(User.minimumPasswordLength) tekens):"
            password = context.console.ask(prompt.consoleText(), isSecure: true)
            guard context.console.ask("Nogmaals:".consoleText(), isSecure: true) == password else { throw InputError("De wachtwoorden zijn niet gelijk.") }
        }
        let user = try await User.create(email: signature.email, name: signature.name ?? signature.email, password: password,
                                         administrator: signature.administrator, on: context.application.db)
        context.console.print("Account aangemaakt voor \(user.email)\(user.isAdministrator ? " (beheerder)" : "").")
    }
}
