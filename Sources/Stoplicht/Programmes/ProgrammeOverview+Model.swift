import Fluent
import StoplichtCore
import Vapor

/// The overview of a programme: its projects with their lights in the latest period.
struct ProgrammeOverviewModel: Sendable {
    var context: ProgrammeContext
    var officials: Officials
    var period: ReportingPeriod?
    var rows: [ProjectRow]
    var counts: LightCounts

    static func query(slug: String, on db: any Database) async throws -> ProgrammeOverviewModel {
        let context = try await ProgrammeContext.load(slug: slug, on: db)
        let period = context.latestPeriod
        async let officials = Officials.load(programmeID: context.programme.requireID(), on: db)
        async let rows = ProjectRow.load(context, period: period, on: db)
        let loaded = try await rows
        return try await ProgrammeOverviewModel(
            context: context, officials: officials, period: period, rows: loaded,
            counts: LightCounts(rows: loaded, scale: context.scale))
    }
}
