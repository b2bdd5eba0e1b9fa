import Fluent
import Foundation

/// A programme of projects run by a municipality, e.g. "Dienstverlening 2018–2021".
final class Programme: Model, @unchecked Sendable {
    static let schema = "programmes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    /// The name folded for the start page's order and search (`IndexNameMiddleware` sets it).
    @Field(key: "index_name") var indexName: String
    /// The report's title, e.g. "Voortgangsrapportage programma dienstverlening".
    @OptionalField(key: "report_title") var reportTitle: String?
    /// As written: "2018-2021".
    @OptionalField(key: "duration") var duration: String?
    /// Who may read the programme without a role in it.
    @Field(key: "access") var access: ProgrammeAccess
    @Children(for: \.$programme) var officials: [ProgrammeOfficial]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(organisationID: UUID, slug: String, name: String) {
        self.$organisation.id = organisationID
        self.slug = slug
        self.name = name
        self.access = .closed
    }
}

/// Who reads a programme: only the people with a role in it (the default), also anyone its
/// published reports, or anyone everything.
enum ProgrammeAccess: String, Codable, Sendable, CaseIterable {
    case closed = "besloten"
    case publishedReports = "rapportages-openbaar"
    case open = "openbaar"

    var label: String {
        switch self {
        case .closed: Strings.accessClosed
        case .publishedReports: Strings.accessPublishedReports
        case .open: Strings.accessOpen
        }
    }
}

/// A person's role in the programme's governance.
final class ProgrammeOfficial: Model, @unchecked Sendable {
    static let schema = "programme_officials"

    enum Role: String, Codable, Sendable, CaseIterable {
        case politicalSponsor = "bestuurlijk-opdrachtgever"
        case administrativeSponsor = "ambtelijk-opdrachtgever"
        case programmeManager = "programmamanager"
        case portfolioHolder = "portefeuillehouder"

        var label: String {
            switch self {
            case .politicalSponsor: Strings.politicalSponsor
            case .administrativeSponsor: Strings.administrativeSponsor
            case .programmeManager: Strings.programmeManager
            case .portfolioHolder: Strings.portfolioHolder
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "person_id") var person: Person
    @Field(key: "role") var role: Role
    @Field(key: "position") var position: Int

    init() {}

    init(programmeID: UUID, personID: UUID, role: Role, position: Int) {
        self.$programme.id = programmeID
        self.$person.id = personID
        self.role = role
        self.position = position
    }
}

struct CreateProgramme: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Programme.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("report_title", .string)
            .field("duration", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")  // the slug is the programme's address: /programmas/{slug}
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Programme.schema).delete()
    }
}

struct CreateProgrammeOfficial: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ProgrammeOfficial.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("position", .int, .required)
            .unique(on: "programme_id", "role", "person_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ProgrammeOfficial.schema).delete()
    }
}
