import Fluent
import Foundation

/// A section of a period's report written by the programme manager ("3. Financiën").
final class ProgrammeSection: Model, @unchecked Sendable {
    static let schema = "programme_sections"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: ReportingPeriod
    /// `SectionKind.key`: "financien".
    @Field(key: "key") var key: String
    @OptionalField(key: "number") var number: Int?
    @Field(key: "title") var title: String
    /// Markdown.
    @Field(key: "body") var body: String
    @Field(key: "position") var position: Int

    init() {}

    init(periodID: UUID, key: String, position: Int) {
        self.$period.id = periodID
        self.key = key
        self.position = position
        self.title = ""
        self.body = ""
    }
}

/// A decision the report asks of the college or council.
final class Decision: Model, @unchecked Sendable {
    static let schema = "decisions"

    enum Outcome: String, Codable, Sendable {
        case requested = "gevraagd"
        case approved = "akkoord"
        case rejected = "afgewezen"
        case deferred = "aangehouden"

        var label: String {
            switch self {
            case .requested: Strings.decisionRequested
            case .approved: Strings.decisionApproved
            case .rejected: Strings.decisionRejected
            case .deferred: Strings.decisionDeferred
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: ReportingPeriod
    @Field(key: "position") var position: Int
    /// Markdown.
    @Field(key: "text") var text: String
    /// "college", "raad"; nil where the report does not say.
    @OptionalField(key: "requested_from") var requestedFrom: String?
    @Field(key: "outcome") var outcome: Outcome
    @OptionalField(key: "decided_on") var decidedOn: String?

    init() {}

    init(periodID: UUID, position: Int, text: String) {
        self.$period.id = periodID
        self.position = position
        self.text = text
        self.outcome = .requested
    }
}

/// A risk or point of attention reported in a period.
final class Risk: Model, @unchecked Sendable {
    static let schema = "risks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: ReportingPeriod
    @Field(key: "position") var position: Int
    /// Markdown.
    @Field(key: "description") var description: String
    @OptionalField(key: "cause") var cause: String?
    @OptionalField(key: "impact") var impact: String?
    @OptionalField(key: "measures") var measures: String?
    @OptionalParent(key: "owner_id") var owner: Person?

    init() {}

    init(periodID: UUID, position: Int, description: String) {
        self.$period.id = periodID
        self.position = position
        self.description = description
    }
}

struct CreateProgrammeSection: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ProgrammeSection.schema)
            .id()
            .field("period_id", .uuid, .required, .references(ReportingPeriod.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("number", .int)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("position", .int, .required)
            .unique(on: "period_id", "key")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ProgrammeSection.schema).delete()
    }
}

struct CreateDecision: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Decision.schema)
            .id()
            .field("period_id", .uuid, .required, .references(ReportingPeriod.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("text", .string, .required)
            .field("requested_from", .string)
            .field("outcome", .string, .required)
            .field("decided_on", .string)
            .unique(on: "period_id", "position")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Decision.schema).delete()
    }
}

struct CreateRisk: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Risk.schema)
            .id()
            .field("period_id", .uuid, .required, .references(ReportingPeriod.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("description", .string, .required)
            .field("cause", .string)
            .field("impact", .string)
            .field("measures", .string)
            .field("owner_id", .uuid, .references(Person.schema, "id", onDelete: .setNull))
            .unique(on: "period_id", "position")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Risk.schema).delete()
    }
}
