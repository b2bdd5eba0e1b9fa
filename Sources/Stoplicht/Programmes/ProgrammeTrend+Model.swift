import Fluent
import SQLKit
import StoplichtCore
import Vapor

/// Each project's lights over the programme's last periods, side by side.
struct ProgrammeTrendModel: Sendable {
    struct Row: Sendable {
        var number: Int
        var name: String
        /// One per period of `periods`, oldest first; nil where the project had no light.
        var lights: [LightDefinition?]
        /// Reports in a row with an orange or red light, up to the latest.
        var concern: Int
    }

    static let periodCount = 4

    var context: ProgrammeContext
    var periods: [ReportingPeriod]
    var rows: [Row]

    static func query(slug: String, on db: any Database) async throws -> ProgrammeTrendModel {
        try await query(try await ProgrammeContext.load(slug: slug, on: db), on: db)
    }

    static func query(_ context: ProgrammeContext, on db: any Database) async throws -> ProgrammeTrendModel {
        let sql = try db.sqlDatabase()
        let periods = Array(context.periods.suffix(periodCount))
        let programmeID = try context.programme.requireID()
        let periodIDs = periods.compactMap(\.id)
        // Projects and their lights in these periods: one query.
        let rows = try await sql.raw(
            """
            SELECT p.id, p.number, p.name, s.period_id, s.light
            FROM projects p
            LEFT JOIN project_statuses s ON s.project_id = p.id AND s.period_id IN (\(binds: periodIDs.isEmpty ? [UUID()] : periodIDs))
            WHERE p.programme_id = \(bind: programmeID)
            ORDER BY p.number
            """
        ).all()
        var order: [UUID] = []
        var names: [UUID: (Int, String)] = [:]
        var lights: [UUID: [UUID: String]] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            if names[id] == nil {
                order.append(id)
                names[id] = (
                    try row.decode(column: "number", as: Int.self), try row.decode(column: "name", as: String.self)
                )
            }
            if let period = try row.decode(column: "period_id", as: UUID?.self),
                let light = try row.decode(column: "light", as: String?.self)
            {
                lights[id, default: [:]][period] = light
            }
        }
        let trendRows = order.map { id -> Row in
            let perPeriod = periods.map { period in
                period.id.flatMap { lights[id]?[$0] }.flatMap { context.scale.light($0) }
            }
            return Row(
                number: names[id]!.0, name: names[id]!.1, lights: perPeriod, concern: LightTrend.concern(perPeriod))
        }
        return ProgrammeTrendModel(context: context, periods: periods, rows: trendRows)
    }
}
