import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Vapor

/// The finances of a programme as each audience needs them: a project leader their own
/// projects and their expected costs; the programme manager (and a beheerder) every project,
/// the programme's own budgets, the lines, quotes, transfers and cost centres with the
/// forms to change them; sponsors and board (lezers) the summary by source, nature and
/// year, the totals and the transfers decided or asked.
struct FinancePageModel: Sendable {
    enum Audience: Sendable { case leader, manager, board }

    struct SummaryRow: Sendable {
        var source: FundingSource
        var nature: BudgetNature
        var year: Int
        var budgetCents: Int64
        var commitmentCents: Int64
    }

    /// A cost centre in the actuals that books on no project yet.
    struct UnmappedCentre: Sendable, Decodable {
        var costCentre: String
        var lines: Int
        var cents: Int64?
    }

    var context: ProgrammeContext
    var viewer: Viewer
    var audience: Audience
    var projects: [BudgetOverview.Entry]
    var programmeOwn: BudgetOverview.Entry?
    var total: BudgetPosition?
    var summary: [SummaryRow]
    /// Lines of actuals without a project or unreadable, for the programme manager.
    var unmapped: Int
    var lines: [BudgetLine] = []
    var quotes: [PendingQuote] = []
    var transfers: [BudgetTransfer] = []
    var mappings: [CostCentreMapping] = []
    var unmappedCentres: [UnmappedCentre] = []
    /// The projects the viewer may book on in the forms: every active one for the programme
    /// manager, their own for a leader.
    var projectChoices: [(number: Int, name: String)] = []
    /// Decision requests a transfer can hang on: those not decided yet.
    var openDecisions: [Decision] = []
    /// A refused form: its problems and what was typed.
    var problems: [FieldProblem] = []
    var entered: [String: String] = [:]
    var notice: String?

    var mayManage: Bool { viewer.may(.manageFinances) }
    var mayAddQuotes: Bool { mayManage || !projectChoices.isEmpty && audience == .leader }

    /// Whether a form was refused: one of its fields has a problem.
    func refused(_ form: String) -> Bool { problems.contains { $0.field.hasPrefix(form + "-") } }

    func value(_ field: some FormField, _ fallback: String = "") -> String { entered[field.name] ?? fallback }

    static func load(_ req: Request) async throws -> FinancePageModel {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.require(.read, req, programme: context.programme)
        return try await load(context, viewer: viewer, on: req.db)
    }

    static func load(_ context: ProgrammeContext, viewer: Viewer, on db: any Database) async throws -> FinancePageModel
    {
        let programmeID = try context.programme.requireID()
        let audience: Audience =
            viewer.may(.editAnyProject) ? .manager : viewer.role == .projectLeader ? .leader : .board
        let overview = try await BudgetOverview.load(context.programme, on: db)
        var projects = overview.projects
        var led: Set<Int> = []
        if audience == .leader {
            led = try await Project.numbers(ledBy: viewer.user?.personID, inProgramme: programmeID, on: db)
            projects = projects.filter { $0.number.map(led.contains) ?? false }
        }
        let lines = try await BudgetLine.query(on: db).filter(\.$programme.$id == programmeID).with(\.$project).all()
        var model = FinancePageModel(
            context: context, viewer: viewer, audience: audience,
            projects: audience == .board ? [] : projects,
            programmeOwn: audience == .manager ? overview.programme : nil,
            total: audience == .leader ? nil : overview.total,
            summary: audience == .leader ? [] : summarise(lines), unmapped: 0)
        let active = try await Project.query(on: db).filter(\.$programme.$id == programmeID).filter(
            \.$archived == false
        ).sort(\.$number).all()
        let quotes = try await PendingQuote.query(on: db).filter(\.$programme.$id == programmeID).with(\.$project).all()
        switch audience {
        case .manager:
            model.unmapped = try await ActualLine.unmapped(in: programmeID, on: db).count()
            model.lines = lines.sorted {
                ($0.project?.number ?? 0, $0.year, $0.source.rawValue) < (
                    $1.project?.number ?? 0, $1.year, $1.source.rawValue
                )
            }
            model.quotes = quotes.sorted(by: quoteOrder)
            model.mappings = try await CostCentreMapping.query(on: db).filter(\.$programme.$id == programmeID).with(
                \.$project
            ).sort(\.$costCentre).all()
            model.unmappedCentres = try await unmappedCentres(programmeID, on: db)
            model.projectChoices = active.map { ($0.number, $0.name) }
            model.openDecisions = try await DecisionRequests.open(in: context.periods.compactMap(\.id), on: db)
            model.transfers = try await BudgetTransfers.transfers(context.programme, on: db)
        case .leader:
            model.quotes = quotes.filter { $0.project.map { led.contains($0.number) } ?? false }.sorted(by: quoteOrder)
            model.projectChoices = active.filter { led.contains($0.number) }.map { ($0.number, $0.name) }
        case .board:
            model.transfers = try await BudgetTransfers.transfers(context.programme, on: db)
        }
        return model
    }

    private static func quoteOrder(_ a: PendingQuote, _ b: PendingQuote) -> Bool {
        (a.state.isPending ? 0 : 1, a.project?.number ?? 0, a.description) < (
            b.state.isPending ? 0 : 1, b.project?.number ?? 0, b.description
        )
    }

    static func summarise(_ lines: [BudgetLine]) -> [SummaryRow] {
        var grouped: [String: SummaryRow] = [:]
        for line in lines {
            let key = "\(line.year)|\(line.source.rawValue)|\(line.nature.rawValue)"
            var row =
                grouped[key]
                ?? SummaryRow(
                    source: line.source, nature: line.nature, year: line.year, budgetCents: 0, commitmentCents: 0)
            row.budgetCents += line.budgetCents
            row.commitmentCents += line.commitmentCents
            grouped[key] = row
        }
        return grouped.values.sorted {
            ($0.year, FundingSource.allCases.firstIndex(of: $0.source)!, $0.nature.rawValue)
                < ($1.year, FundingSource.allCases.firstIndex(of: $1.source)!, $1.nature.rawValue)
        }
    }

    /// The cost centres of lines without a project, with how many lines and how much.
    private static func unmappedCentres(_ programmeID: UUID, on db: any Database) async throws -> [UnmappedCentre] {
        let sql = try db.sqlDatabase()
        return try await sql.raw(
            """
            SELECT cost_centre AS "costCentre", COUNT(*) AS lines, CAST(SUM(amount_cents) AS BIGINT) AS cents
            FROM actual_lines WHERE programme_id = \(bind: programmeID) AND project_id IS NULL
            GROUP BY cost_centre ORDER BY cost_centre LIMIT 200
            """
        ).all(decoding: UnmappedCentre.self)
    }
}
