import Fluent
import Foundation
import StoplichtCore

/// A budget of a project (or of the programme as a whole): its source, nature and year, the
/// amount budgeted and what is committed (verplichtingen) against it, in cents.
final class BudgetLine: Model, @unchecked Sendable {
    static let schema = "budget_lines"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    /// Nil for a budget of the programme itself.
    @OptionalParent(key: "project_id") var project: Project?
    @Field(key: "source") var source: FundingSource
    @Field(key: "nature") var nature: BudgetNature
    @Field(key: "year") var year: Int
    @Field(key: "description") var description: String
    @Field(key: "budget_cents") var budgetCents: Int64
    @Field(key: "commitment_cents") var commitmentCents: Int64

    init() {}

    init(programmeID: UUID, projectID: UUID?, source: FundingSource, nature: BudgetNature, year: Int, description: String,
         budgetCents: Int64, commitmentCents: Int64) {
        self.$programme.id = programmeID
        self.$project.id = projectID
        self.source = source
        self.nature = nature
        self.year = year
        self.description = description
        self.budgetCents = budgetCents
        self.commitmentCents = commitmentCents
    }
}

struct CreateBudgetLine: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(BudgetLine.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("project_id", .uuid, .references(Project.schema, "id", onDelete: .cascade))
            .field("source", .string, .required)
            .field("nature", .string, .required)
            .field("year", .int, .required)
            .field("description", .string, .required)
            .field("budget_cents", .int64, .required)
            .field("commitment_cents", .int64, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(BudgetLine.schema).delete()
    }
}

/// Budgets against actuals and commitments, per project and for the programme, exactly.
struct BudgetOverview: Sendable {
    struct Entry: Sendable {
        var number: Int?
        var name: String
        var position: BudgetPosition
    }

    var projects: [Entry]
    /// The programme's own budgets (no project) with the actuals booked on no project.
    var programme: Entry
    var total: BudgetPosition

    static func load(_ programme: Programme, on db: any Database) async throws -> BudgetOverview {
        let programmeID = try programme.requireID()
        let lines = try await BudgetLine.query(on: db).filter(\.$programme.$id == programmeID).all()
        let actuals = try await ActualsTotals.perProject(programme, on: db)
        let projects = try await Project.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$number).all()
        var positions: [UUID?: BudgetPosition] = [:]
        for line in lines {
            positions[line.$project.id, default: BudgetPosition(budgetCents: 0, actualCents: 0, commitmentCents: 0)] =
                positions[line.$project.id, default: BudgetPosition(budgetCents: 0, actualCents: 0, commitmentCents: 0)]
                + BudgetPosition(budgetCents: line.budgetCents, actualCents: 0, commitmentCents: line.commitmentCents)
        }
        let byNumber = Dictionary(uniqueKeysWithValues: projects.map { ($0.number, $0) })
        for total in actuals {
            let id = total.number.flatMap { byNumber[$0]?.id }
            positions[id, default: BudgetPosition(budgetCents: 0, actualCents: 0, commitmentCents: 0)].actualCents += total.cents
        }
        let entries = projects.compactMap { project -> Entry? in
            guard let position = positions[project.id] else { return nil }
            return Entry(number: project.number, name: project.name, position: position)
        }
        let own = Entry(number: nil, name: programme.name, position: positions[nil] ?? BudgetPosition(budgetCents: 0, actualCents: 0, commitmentCents: 0))
        let total = positions.values.reduce(BudgetPosition(budgetCents: 0, actualCents: 0, commitmentCents: 0), +)
        return BudgetOverview(projects: entries, programme: own, total: total)
    }
}
