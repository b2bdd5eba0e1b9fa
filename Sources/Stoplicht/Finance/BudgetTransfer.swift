import Fluent
import Foundation

/// Budget moved from one line to a project (or to the programme itself) by a decision the
/// report requests ("Beschikbaar stellen van het budget informatiearchitectuur uit het
/// krediet invoering omgevingswet voor 2018 (€ 21.750,-) voor …"). Proposed, it changes
/// nothing; once the college or council agrees, the amount leaves its line and becomes a
/// new line of the receiving project with the same source, nature and year — money keeps
/// where it came from.
final class BudgetTransfer: Model, @unchecked Sendable {
    static let schema = "budget_transfers"

    enum State: String, Codable, Sendable, CaseIterable {
        case proposed = "voorgesteld"
        case executed = "uitgevoerd"
        case rejected = "afgewezen"

        var label: String {
            switch self {
            case .proposed: "Voorgesteld, besluit gevraagd"
            case .executed: "Besloten en uitgevoerd"
            case .rejected: "Afgewezen"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "from_line_id") var from: BudgetLine
    /// Nil: to the programme's own budget.
    @OptionalParent(key: "to_project_id") var toProject: Project?
    /// The line the amount became, once executed.
    @OptionalParent(key: "to_line_id") var toLine: BudgetLine?
    @Field(key: "amount_cents") var amountCents: Int64
    @Field(key: "reason") var reason: String
    @Parent(key: "decision_id") var decision: Decision
    @Field(key: "state") var state: State
    /// "2018-11-20", as the decision was taken.
    @OptionalField(key: "decided_on") var decidedOn: String?

    init() {}

    init(programmeID: UUID, fromLineID: UUID, toProjectID: UUID?, amountCents: Int64, reason: String, decisionID: UUID)
    {
        self.$programme.id = programmeID
        self.$from.id = fromLineID
        self.$toProject.id = toProjectID
        self.amountCents = amountCents
        self.reason = reason
        self.$decision.id = decisionID
        self.state = .proposed
    }
}

struct CreateBudgetTransfer: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(BudgetTransfer.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("from_line_id", .uuid, .required, .references(BudgetLine.schema, "id", onDelete: .cascade))
            .field("to_project_id", .uuid, .references(Project.schema, "id", onDelete: .setNull))
            .field("to_line_id", .uuid, .references(BudgetLine.schema, "id", onDelete: .setNull))
            .field("amount_cents", .int64, .required)
            .field("reason", .string, .required)
            .field("decision_id", .uuid, .required, .references(Decision.schema, "id", onDelete: .restrict))
            .field("state", .string, .required)
            .field("decided_on", .string)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(BudgetTransfer.schema).delete()
    }
}
