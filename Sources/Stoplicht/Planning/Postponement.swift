import Fluent
import Foundation

/// A project put off by a decision ("de projecten intranet en projectomgeving met minimaal
/// een half jaar uit te stellen"): proposed with the decision request that asks for it;
/// once agreed, the project's expected start and delivery move by the months.
final class Postponement: Model, @unchecked Sendable {
    static let schema = "postponements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "project_id") var project: Project
    @Field(key: "months") var months: Int
    @Field(key: "reason") var reason: String
    @Parent(key: "decision_id") var decision: Decision
    /// voorgesteld, uitgevoerd or afgewezen, as a budget transfer.
    @Field(key: "state") var state: BudgetTransfer.State
    @OptionalField(key: "decided_on") var decidedOn: String?

    init() {}

    init(programmeID: UUID, projectID: UUID, months: Int, reason: String, decisionID: UUID) {
        self.$programme.id = programmeID
        self.$project.id = projectID
        self.months = months
        self.reason = reason
        self.$decision.id = decisionID
        self.state = .proposed
    }
}

struct CreatePostponement: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Postponement.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("project_id", .uuid, .required, .references(Project.schema, "id", onDelete: .cascade))
            .field("months", .int, .required)
            .field("reason", .string, .required)
            .field("decision_id", .uuid, .required, .references(Decision.schema, "id", onDelete: .restrict))
            .field("state", .string, .required)
            .field("decided_on", .string)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Postponement.schema).delete()
    }
}
