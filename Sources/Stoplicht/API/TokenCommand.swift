import Fluent
import Foundation
import Vapor

/// `stoplicht token create --user e-mail --name "Koppeling" [--scope lezen|lezen-schrijven]`,
/// `token list --user e-mail`, `token revoke --user e-mail --prefix stl_Ab3x`.
struct TokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create, list of revoke")
        var action: String
        @Option(name: "user", help: "Het e-mailadres van het account.")
        var user: String?
        @Option(name: "name", help: "Met create: waarvoor de token is.")
        var name: String?
        @Option(name: "scope", help: "Met create: lezen (standaard) of lezen-schrijven.")
        var scope: String?
        @Option(name: "prefix", help: "Met revoke: het begin van de token, zoals ‘list’ het toont.")
        var prefix: String?
    }

    var help: String { "Persoonlijke API-tokens: maken (de token wordt één keer getoond), tonen en intrekken." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        guard let email = signature.user?.lowercased(),
            let user = try await User.query(on: db).filter(\.$email == email).first()
        else {
            throw InputError(Strings.tokenUserUnknown(signature.user ?? ""))
        }
        let actor = "stoplicht token (opdrachtregel)"
        switch signature.action {
        case "create":
            guard let scope = APIToken.Scope(rawValue: signature.scope ?? "lezen") else {
                throw InputError(Strings.tokenScopeUnknown(signature.scope ?? ""))
            }
            let (_, secret) = try await APITokens.create(
                for: user, name: signature.name ?? "", scope: scope, actor: actor, on: db)
            context.console.print(Strings.tokenCreated(secret))
        case "list":
            for token in try await APIToken.query(on: db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt)
                .all()
            {
                context.console.print(
                    "\(token.prefix)… \(token.name) (\(token.scope.rawValue)), laatst gebruikt: \(Strings.tokenLastUsed(token.lastUsedAt).lowercased())"
                        + (token.revokedAt == nil ? "" : " — ingetrokken"))
            }
        case "revoke":
            guard let prefix = signature.prefix,
                let token = try await APIToken.query(on: db).filter(\.$user.$id == user.requireID()).filter(
                    \.$prefix == prefix
                ).first()
            else {
                throw InputError(Strings.tokenNotFound(signature.prefix ?? ""))
            }
            try await APITokens.revoke(token, actor: actor, on: db)
            context.console.print("Token \(token.prefix)… is ingetrokken.")
        default:
            throw InputError("Onbekende actie ‘\(signature.action)’; kies create, list of revoke.")
        }
    }
}
