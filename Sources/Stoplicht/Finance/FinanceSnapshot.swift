import Fluent
import Foundation
import SQLKit
import StoplichtCore

/// The Financiën figures of a published report, as they were when it was published: the
/// report of a published period prints these, not today's.
final class FinanceSnapshot: Model, @unchecked Sendable {
    static let schema = "finance_snapshots"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: ReportingPeriod
    /// `FinanceReport` as JSON.
    @Field(key: "figures") var figures: String
    @Field(key: "taken_at") var takenAt: Date

    init() {}

    init(periodID: UUID, report: FinanceReport, takenAt: Date) throws {
        self.$period.id = periodID
        self.figures = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        self.takenAt = takenAt
    }

    var report: FinanceReport? { try? JSONDecoder().decode(FinanceReport.self, from: Data(figures.utf8)) }
}

struct CreateFinanceSnapshot: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(FinanceSnapshot.schema)
            .id()
            .field("period_id", .uuid, .required, .references(ReportingPeriod.schema, "id", onDelete: .cascade))
            .field("figures", .string, .required)
            .field("taken_at", .datetime, .required)
            .unique(on: "period_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(FinanceSnapshot.schema).delete()
    }
}

extension FinanceReport {
    /// The programme's figures now; nil while it has no budgets, quotes or actuals.
    static func current(_ programme: Programme, on db: any Database, now: Date = Date()) async throws -> FinanceReport?
    {
        let programmeID = try programme.requireID()
        guard try await hasFigures(programmeID, on: db) else { return nil }
        let lines = try await BudgetLine.query(on: db).filter(\.$programme.$id == programmeID).all()
        let overview = try await BudgetOverview.load(programme, lines: lines, on: db)
        var entries = overview.projects.map {
            Entry(label: "\($0.number.map { "\($0). " } ?? "")\($0.name)", position: $0.position)
        }
        if overview.programme.position != .zero {
            entries.append(Entry(label: Strings.financeProgrammeOwn, position: overview.programme.position))
        }
        let bySource = FinancePageModel.summarise(lines).map {
            SourceRow(
                year: $0.year, source: $0.source.label, nature: $0.nature.label, budgetCents: $0.budgetCents,
                commitmentCents: $0.commitmentCents)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let day = calendar.dateComponents([.year, .month, .day], from: now)
        let asOf = String(format: "%02d-%02d-%04d", day.day ?? 1, day.month ?? 1, day.year ?? 2000)
        return FinanceReport(entries: entries, total: overview.total, bySource: bySource, asOf: asOf)
    }

    /// Whether the programme has any budget, quote or actual: one query, so a programme
    /// without finances pays one query per report for the section.
    static func hasFigures(_ programmeID: UUID, on db: any Database) async throws -> Bool {
        let sql = try db.sqlDatabase()
        struct Row: Decodable { var present: Int }
        let row = try await sql.raw(
            """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM budget_lines WHERE programme_id = \(bind: programmeID))
                          OR EXISTS (SELECT 1 FROM pending_quotes WHERE programme_id = \(bind: programmeID))
                          OR EXISTS (SELECT 1 FROM actual_lines WHERE programme_id = \(bind: programmeID)) THEN 1 ELSE 0 END AS present
            """
        ).first(decoding: Row.self)
        return row?.present == 1
    }

    /// What a period's report prints: the figures kept at publication, or today's for a
    /// period not yet published; nothing for a period published before figures were kept.
    static func forReport(_ programme: Programme, period: ReportingPeriod, on db: any Database) async throws
        -> FinanceReport?
    {
        guard period.state != .published else {
            return try await FinanceSnapshot.query(on: db).filter(\.$period.$id == period.requireID()).first()?.report
        }
        return try await current(programme, on: db)
    }
}
