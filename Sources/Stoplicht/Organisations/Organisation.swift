import Fluent
import Foundation

/// A municipality, or an external firm that supplies project leaders.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    enum Kind: String, Codable, Sendable {
        case municipality = "gemeente"
        case firm = "extern"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// The name folded for the start page's order and search (`IndexNameMiddleware` sets it).
    @Field(key: "index_name") var indexName: String
    @Field(key: "kind") var kind: Kind
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

struct CreateOrganisation: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "name", "kind")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Organisation.schema).delete()
    }
}
