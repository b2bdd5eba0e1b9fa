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

    init(
        programmeID: UUID, projectID: UUID?, source: FundingSource, nature: BudgetNature, year: Int,
        description: String,
        budgetCents: Int64, commitmentCents: Int64
    ) {
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

/// An expected cost not covered yet: a quote awaited or being assessed ("In november volgt
/// de offerte"). It counts in the shortfall until it is committed or dropped.
final class PendingQuote: Model, @unchecked Sendable {
    static let schema = "pending_quotes"

    enum State: String, Codable, Sendable, CaseIterable {
        case awaited = "verwacht"
        case received = "ontvangen"
        case committed = "verplicht"
        case dropped = "vervallen"

        var label: String {
            switch self {
            case .awaited: "Verwacht (offerte volgt)"
            case .received: "Ontvangen, in beoordeling"
            case .committed: "Opdracht gegeven (verplicht)"
            case .dropped: "Vervallen"
            }
        }

        /// Awaited and received quotes are still expected costs.
        var isPending: Bool { self == .awaited || self == .received }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @OptionalParent(key: "project_id") var project: Project?
    @Field(key: "description") var description: String
    /// Zero while the amount is not known.
    @Field(key: "amount_cents") var amountCents: Int64
    /// False for a quote still to come, its amount unknown.
    @Field(key: "amount_known") var amountKnown: Bool
    @Field(key: "state") var state: State

    init() {}

    init(programmeID: UUID, projectID: UUID?, description: String, amountCents: Int64) {
        self.$programme.id = programmeID
        self.$project.id = projectID
        self.description = description
        self.amountCents = amountCents
        self.amountKnown = true
        self.state = .awaited
    }

    /// "€ 8.000,00", or "bedrag volgt".
    var amountText: String {
        amountKnown ? ReportedAmount.money(cents: amountCents).description : Strings.amountToFollow
    }
}

struct CreatePendingQuote: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PendingQuote.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("project_id", .uuid, .references(Project.schema, "id", onDelete: .cascade))
            .field("description", .string, .required)
            .field("amount_cents", .int64, .required)
            .field("state", .string, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(PendingQuote.schema).delete()
    }
}

/// Quotes may come without an amount: "In november volgt de offerte".
struct AddQuoteAmountKnown: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PendingQuote.schema).field("amount_known", .bool, .required, .sql(.default(true)))
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(PendingQuote.schema).deleteField("amount_known").update()
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

    static func load(_ programme: Programme, lines given: [BudgetLine]? = nil, on db: any Database) async throws
        -> BudgetOverview
    {
        let programmeID = try programme.requireID()
        var lines = given ?? []
        if given == nil { lines = try await BudgetLine.query(on: db).filter(\.$programme.$id == programmeID).all() }
        let actuals = try await ActualsTotals.perProject(programme, on: db)
        let projects = try await Project.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$number).all()
        var positions: [UUID?: BudgetPosition] = [:]
        for line in lines {
            positions[line.$project.id, default: .zero] =
                positions[line.$project.id, default: .zero]
                + BudgetPosition(budgetCents: line.budgetCents, actualCents: 0, commitmentCents: line.commitmentCents)
        }
        // A quote awaited or received is an expected cost; once accepted, a commitment.
        for quote in try await PendingQuote.query(on: db).filter(\.$programme.$id == programmeID).all() {
            if quote.state.isPending && !quote.amountKnown {
                positions[quote.$project.id, default: .zero].unpricedQuotes += 1
            }
            if quote.state.isPending { positions[quote.$project.id, default: .zero].pendingCents += quote.amountCents }
            if quote.state == .committed {
                positions[quote.$project.id, default: .zero].commitmentCents += quote.amountCents
            }
        }
        let byNumber = Dictionary(uniqueKeysWithValues: projects.map { ($0.number, $0) })
        for total in actuals {
            let id = total.number.flatMap { byNumber[$0]?.id }
            positions[id, default: .zero].actualCents += total.cents
        }
        let entries = projects.compactMap { project -> Entry? in
            guard let position = positions[project.id] else { return nil }
            return Entry(number: project.number, name: project.name, position: position)
        }
        let own = Entry(number: nil, name: programme.name, position: positions[nil] ?? .zero)
        let total = positions.values.reduce(.zero, +)
        return BudgetOverview(projects: entries, programme: own, total: total)
    }
}
