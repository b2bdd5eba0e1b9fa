import Fluent
import Foundation
import StoplichtCore
import Vapor

/// `stoplicht user add EMAIL --name "…" [--administrator]`: creates an account, the first
/// administrator among them. The password is asked for (not echoed), or read from
/// `STOPLICHT_PASSWORD` for scripts. `stoplicht user grant EMAIL --programme SLUG --role
/// ROLE` gives a role in a programme.
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
        @Option(name: "programme", help: "Met grant: het programma (zoals in de adresbalk).")
        var programme: String?
        @Option(name: "role", help: "Met grant: programmamanager, projectleider of lezer.")
        var role: String?
        @Option(
            name: "person",
            help: "Met add: de persoon zoals de programma's haar noemen (een projectleider wijzigt de eigen projecten)."
        )
        var person: String?
        @Option(
            name: "organisation",
            help: "Met add en --person: de gemeente van die persoon, als de naam in meer dan één gemeente voorkomt.")
        var organisation: String?
    }

    var help: String {
        "Beheert accounts: ‘stoplicht user add e-mailadres --name \"Naam\" [--administrator] [--person \"Naam\" [--organisation \"Gemeente …\"]]’, ‘stoplicht user grant e-mailadres --programme slug --role rol’."
    }

    func grant(_ signature: Signature, context: CommandContext) async throws {
        let db = context.application.db
        guard let user = try await User.query(on: db).filter(\.$email == signature.email.lowercased()).first() else {
            throw InputError("Er is geen account voor \(signature.email).")
        }
        guard let slug = signature.programme,
            let programme = try await Programme.query(on: db).filter(\.$slug == slug).first()
        else {
            throw InputError("Geef een bestaand programma op met --programme.")
        }
        let assignable = ProgrammeRole.allCases.filter { $0 != .administrator }
        guard let role = signature.role.flatMap({ ProgrammeRole(rawValue: $0.lowercased()) }), role != .administrator
        else {
            throw InputError("Geef de rol op met --role: \(assignable.map(\.rawValue).joined(separator: ", ")).")
        }
        try await AccountAdministration(actor: "stoplicht user (opdrachtregel)").setRole(
            role, for: user, in: programme, on: db)
        context.console.print("\(user.email) is \(role.rawValue) in programma ‘\(programme.name)’.")
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.action == "grant" { return try await grant(signature, context: context) }
        guard signature.action == "add" else {
            throw InputError(
                "Onbekende actie ‘\(signature.action)’; gebruik ‘stoplicht user add …’ of ‘stoplicht user grant …’.")
        }
        let password: String
        if let fromEnvironment = Environment.get("STOPLICHT_PASSWORD") {
            password = fromEnvironment
        } else {
            let prompt = "Wachtwoord (ten minste \(User.minimumPasswordLength) tekens):"
            password = context.console.ask(prompt.consoleText(), isSecure: true)
            guard context.console.ask("Nogmaals:".consoleText(), isSecure: true) == password else {
                throw InputError("De wachtwoorden zijn niet gelijk.")
            }
        }
        let user = try await AccountAdministration(actor: "stoplicht user (opdrachtregel)").add(
            email: signature.email, name: signature.name ?? signature.email, password: password,
            administrator: signature.administrator, person: signature.person, organisation: signature.organisation,
            on: context.application.db)
        context.console.print("Account aangemaakt voor \(user.email)\(user.isAdministrator ? " (beheerder)" : "").")
    }
}
