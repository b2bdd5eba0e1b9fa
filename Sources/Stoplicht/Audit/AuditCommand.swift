import Fluent
import Vapor

/// `stoplicht audit verify`: checks that no entry of the audit trail was changed or removed.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }

    var help: String { "Controleert de audittrail: ‘stoplicht audit verify’." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            throw InputError("Onbekende actie ‘\(signature.action)’; gebruik ‘stoplicht audit verify’.")
        }
        let result = try await AuditTrail.verify(on: context.application.db)
        if let broken = result.brokenAt {
            throw InputError(
                "De audittrail is niet intact: bij regel \(broken) \(result.problem ?? "klopt de keten niet").")
        }
        context.console.print("De audittrail is intact: \(result.entries) regels, de keten klopt.")
    }
}
