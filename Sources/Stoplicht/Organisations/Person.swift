import Fluent
import Foundation

/// Someone named in a programme: sponsor, manager, project leader or line manager.
/// People belong to the municipality whose programmes name them; a leader hired from an
/// external firm also records that firm.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String
    @OptionalParent(key: "firm_id") var firm: Organisation?
    @OptionalField(key: "function") var function: String?

    init() {}

    init(organisationID: UUID, name: String, firmID: UUID? = nil) {
        self.$organisation.id = organisationID
        self.name = name
        self.$firm.id = firmID
    }
}

struct CreatePerson: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Person.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("firm_id", .uuid, .references(Organisation.schema, "id", onDelete: .setNull))
            .field("function", .string)
            .unique(on: "organisation_id", "name")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Person.schema).delete()
    }
}
