import Fluent
import Foundation
import Vapor

/// Making, revoking and checking personal API tokens. The token is shown once, when it is
/// made; only its SHA-256 is kept, so a copy of the database gives no access.
enum APITokens {
    struct Client: Sendable {
        var user: User
        var scope: APIToken.Scope
    }

    static func digest(_ token: String) -> String { SHA256.hash(data: Data(token.utf8)).hex }

    /// A new token for the user: "stl_" and 43 random URL-safe characters (32 bytes).
    static func create(for user: User, name: String, scope: APIToken.Scope, actor: String, on db: any Database)
        async throws -> (APIToken, String)
    {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw InputError(Strings.tokenNameRequired, field: "naam") }
        let secret =
            "stl_"
            + [UInt8].random(count: 32).base64String()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(
                of: "=", with: "")
        let token = APIToken(
            userID: try user.requireID(), name: String(trimmed.prefix(100)), scope: scope, tokenHash: digest(secret),
            prefix: String(secret.prefix(8)))
        try await db.transaction { db in
            try await token.save(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, action: .apiTokenCreate, entity: "api-token",
                        entityID: token.id?.uuidString, programmeID: nil,
                        periodID: nil, before: nil,
                        after: AuditRecord.json([
                            "gebruiker": user.email, "naam": token.name, "bereik": scope.rawValue,
                            "begin": token.prefix,
                        ]))
                ], on: db)
        }
        return (token, secret)
    }

    static func revoke(_ token: APIToken, actor: String, on db: any Database, now: Date = Date()) async throws {
        guard token.revokedAt == nil else { return }
        token.revokedAt = now
        try await db.transaction { db in
            try await token.save(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: now, actor: actor, action: .apiTokenRevoke, entity: "api-token",
                        entityID: token.id?.uuidString, programmeID: nil,
                        periodID: nil, before: AuditRecord.json(["naam": token.name, "begin": token.prefix]), after: nil
                    )
                ], on: db)
        }
    }

    /// The client of a request with "Authorization: Bearer stl_…"; nil without one; 401 for a
    /// token that is unknown or revoked.
    /// Looked up once per request: every permission check of the request asks again.
    static func client(_ req: Request) async throws -> Client? {
        guard let bearer = req.headers.bearerAuthorization?.token else { return nil }
        if let known = req.storage[ClientKey.self] { return known }
        try await TokenUse.record(req).get()
        guard
            let token = try await APIToken.query(on: req.db).filter(\.$tokenHash == digest(bearer)).with(\.$user)
                .first(),
            token.revokedAt == nil
        else {
            throw InputError(Strings.tokenInvalid, status: .unauthorized)
        }
        let client = Client(user: token.user, scope: token.scope)
        req.storage[ClientKey.self] = client
        return client
    }

    private struct ClientKey: StorageKey {
        typealias Value = Client
    }
}
