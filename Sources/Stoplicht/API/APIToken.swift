import Fluent
import Foundation
import Vapor

/// A personal API token: stored as its SHA-256 only, with the first characters to tell it
/// apart; scoped to reading or to reading and writing; revoked, never deleted (the audit
/// trail names it).
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    enum Scope: String, Codable, Sendable, CaseIterable {
        case read = "lezen"
        case readWrite = "lezen-schrijven"

        var label: String { self == .read ? "Alleen lezen" : "Lezen en schrijven" }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "scope") var scope: Scope
    /// Hex SHA-256 of the token.
    @Field(key: "token_hash") var tokenHash: String
    /// "stl_Ab3x…": enough to recognise it in a list.
    @Field(key: "prefix") var prefix: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(userID: UUID, name: String, scope: Scope, tokenHash: String, prefix: String) {
        self.$user.id = userID
        self.name = name
        self.scope = scope
        self.tokenHash = tokenHash
        self.prefix = prefix
    }
}

struct CreateAPIToken: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("scope", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("created_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(APIToken.schema).delete()
    }
}
