import Fluent
import StoplichtCore
import Vapor

/// Everything the progress report of one period prints, in the seed's order.
struct ReportPageModel: Sendable {
    var context: ProgrammeContext
    var officials: Officials
    var period: ReportingPeriod
    var sections: [ProgrammeSection]
    var decisions: [Decision]
    var risks: [Risk]
    var rows: [ProjectRow]
    var counts: LightCounts
    /// The figures under the Financiën section's text; nil where there are none.
    var finance: FinanceReport?
    /// The projects whose plan no longer holds, for the Tijd & capaciteit section.
    var infeasible: [ProgrammeSchedule.Entry] = []
    /// The roadmap for the Tijd & capaciteit section, where projects have dates.
    var roadmap: Roadmap?
    /// For a reader who may edit the period's texts: the page to edit them; nil in documents.
    var editTexts: String?
    /// The texts were just saved (the page says so).
    var textsSaved = false

    var title: String { context.programme.reportTitle ?? Strings.reportTitle(context.programme.name) }
    /// A report not yet published: marked CONCEPT on screen, on every PDF page and in its files' names.
    var isDraft: Bool { period.state != .published }

    static func query(programme slug: String, period periodSlug: String, on db: any Database) async throws
        -> ReportPageModel
    {
        let context = try await ProgrammeContext.load(slug: slug, on: db)
        return try await query(context, period: context.period(slug: periodSlug), on: db)
    }

    static func query(_ context: ProgrammeContext, period: ReportingPeriod, on db: any Database) async throws
        -> ReportPageModel
    {
        let periodID = try period.requireID()
        async let officials = Officials.load(programmeID: context.programme.requireID(), on: db)
        async let sections = ProgrammeSection.query(on: db).filter(\.$period.$id == periodID).sort(\.$position).all()
        async let decisions = Decision.query(on: db).filter(\.$period.$id == periodID).sort(\.$position).all()
        async let risks = Risk.query(on: db).filter(\.$period.$id == periodID).sort(\.$position).all()
        var rows = try await ProjectRow.load(context, period: period, on: db)
        let schedule = try await ProgrammeSchedule.load(context, period: period, on: db)
        schedule.flag(&rows)
        let finance = try await FinanceReport.forReport(context.programme, period: period, on: db)
        return try await ReportPageModel(
            context: context, officials: officials, period: period, sections: sections,
            decisions: decisions, risks: risks, rows: rows, counts: LightCounts(rows: rows, scale: context.scale),
            finance: finance,
            infeasible: schedule.infeasible,
            roadmap: schedule.entries.contains { $0.delivery != nil }
                ? schedule.roadmap(title: Strings.roadmapTitle(context.programme.name, period.name)) : nil)
    }

    /// The cover as the seed prints it.
    var cover: [(String, String)] {
        var facts: [(String, String)] = [(Strings.programme, context.programme.name)]
        if let duration = context.programme.duration { facts.append((Strings.duration, duration)) }
        for role in ProgrammeOfficial.Role.allCases {
            let names = officials.names(role)
            if !names.isEmpty { facts.append((role.label, names.joined(separator: ", "))) }
        }
        facts.append((Strings.period, period.name))
        facts.append((Strings.state, period.state.label))
        return facts
    }
}
