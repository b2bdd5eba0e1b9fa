import Fluent
import Foundation
import StoplichtCore
import Vapor

/// The finances of a programme as each audience needs them: a project leader their own
/// projects; the programme manager (and a beheerder) every project, the programme's own
/// budgets and the lines without a project; sponsors and board (lezers) the summary by
/// source, nature and year and the totals.
struct FinancePageModel: Sendable {
    enum Audience: Sendable { case leader, manager, board }

    struct SummaryRow: Sendable {
        var source: FundingSource
        var nature: BudgetNature
        var year: Int
        var budgetCents: Int64
        var commitmentCents: Int64
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

    static func load(_ req: Request) async throws -> FinancePageModel {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.require(.read, req, programme: context.programme)
        let audience: Audience = viewer.may(.editAnyProject) ? .manager : viewer.role == .projectLeader ? .leader : .board
        let overview = try await BudgetOverview.load(context.programme, on: req.db)
        var projects = overview.projects
        if audience == .leader {
            let led = try await Project.numbers(ledBy: viewer.user?.personID, inProgramme: context.programme.requireID(), on: req.db)
            projects = projects.filter { $0.number.map(led.contains) ?? false }
        }
        let lines = try await BudgetLine.query(on: req.db).filter(\.$programme.$id == context.programme.requireID()).all()
        var grouped: [String: SummaryRow] = [:]
        for line in lines {
            let key = "\(line.year)|\(line.source.rawValue)|\(line.nature.rawValue)"
            var row = grouped[key] ?? SummaryRow(source: line.source, nature: line.nature, year: line.year, budgetCents: 0, commitmentCents: 0)
            row.budgetCents += line.budgetCents
            row.commitmentCents += line.commitmentCents
            grouped[key] = row
        }
        let summary = grouped.values.sorted {
            ($0.year, FundingSource.allCases.firstIndex(of: $0.source)!, $0.nature.rawValue)
                < ($1.year, FundingSource.allCases.firstIndex(of: $1.source)!, $1.nature.rawValue)
        }
        let unmapped = audience == .manager ? try await ActualLine.unmapped(in: context.programme.requireID(), on: req.db).count() : 0
        return FinancePageModel(
            context: context, viewer: viewer, audience: audience,
            projects: audience == .board ? [] : projects,
            programmeOwn: audience == .manager ? overview.programme : nil,
            total: audience == .leader ? nil : overview.total,
            summary: audience == .leader ? [] : summary, unmapped: unmapped)
    }

}

enum FinanceController {
    static func show(_ req: Request) async throws -> Response {
        FinancePageView.page(try await FinancePageModel.load(req), settings: req.settings).response()
    }
}
