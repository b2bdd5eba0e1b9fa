import Fluent
import StoplichtCore
import Vapor

/// The overview of a programme: its projects with their lights in the latest period.
struct ProgrammeOverviewModel: Sendable {
    var context: ProgrammeContext
    var officials: Officials
    var period: ReportingPeriod?
    /// The projects shown: all, or those with the light the reader chose.
    var rows: [ProjectRow]
    var counts: LightCounts
    var filter: LightFilter?
    var viewer = Viewer()
    /// The numbers of the projects a project leader leads, shown first with their update link.
    var ownProjects: Set<Int> = []

    /// `?licht=oranje` shows only the orange projects; `?licht=geen` those without a light.
    enum LightFilter: Equatable, Sendable {
        case light(LightDefinition)
        case none

        static let noneCode = "geen"

        var code: String {
            switch self {
            case .light(let light): light.code
            case .none: Self.noneCode
            }
        }

        func matches(_ row: ProjectRow) -> Bool {
            switch self {
            case .light(let light): row.light?.code == light.code
            case .none: row.light == nil
            }
        }
    }

    static func query(_ context: ProgrammeContext, light: String? = nil, on db: any Database) async throws
        -> ProgrammeOverviewModel
    {
        let period = context.latestPeriod
        async let officials = Officials.load(programmeID: context.programme.requireID(), on: db)
        async let rows = ProjectRow.load(context, period: period, on: db)
        var loaded = try await rows
        try await ProgrammeSchedule.loadIfLinked(context, period: period, on: db)?.flag(&loaded)
        var filter: LightFilter?
        if let light, !light.isEmpty {
            if light == LightFilter.noneCode {
                filter = LightFilter.none
            } else if let definition = context.scale.light(light) {
                filter = .light(definition)
            } else {
                throw Abort(.badRequest, reason: Strings.unknownLight(light, scale: context.scale))
            }
        }
        return try await ProgrammeOverviewModel(
            context: context, officials: officials, period: period,
            rows: filter.map { filter in loaded.filter(filter.matches) } ?? loaded,
            counts: LightCounts(rows: loaded, scale: context.scale), filter: filter)
    }
}
