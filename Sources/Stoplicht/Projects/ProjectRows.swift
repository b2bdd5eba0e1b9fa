import Fluent
import SQLKit
import StoplichtCore
import Vapor

/// A project as the overview and the report's annex table show it in one period.
struct ProjectRow: Sendable {
    struct Leader: Sendable, Equatable {
        var name: String
        var firm: String?

        var text: String { firm.map { "\(name) (\(Strings.firm) \($0))" } ?? name }
    }

    var number: Int
    var name: String
    var items: [String]
    var leaders: [Leader]
    var lifecycle: Lifecycle
    /// Nil where the project has no status in the period, or its status has no light.
    var light: LightDefinition?
    var remarks: String
    var plannedDelivery: PlanDate?
    var forecastDelivery: PlanDate?
    var hasStatus: Bool
    /// The lights per dimension (Geld, Tijd, … or the programme's own), by dimension code.
    var dimensionLights: [String: LightDefinition] = [:]

    var leaderText: String { leaders.map(\.text).joined(separator: ", ") }

    /// The programme's projects with their status in `period`, by number: four queries
    /// however many projects there are. Plain SQL rather than Fluent models, as this is
    /// the hot path of the overview and the report.
    static func load(_ context: ProgrammeContext, period: ReportingPeriod?, on db: any Database) async throws -> [ProjectRow] {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let programmeID = try context.programme.requireID()
        let periodID = period?.id ?? UUID()  // no period: a key that matches no status

        let projects = try await sql.raw("""
            SELECT p.id, p.number, p.name, p.lifecycle, s.id AS status_id, s.light, s.lifecycle AS status_lifecycle,
                   s.remarks, s.planned_delivery, s.forecast_delivery
            FROM projects p
            LEFT JOIN project_statuses s ON s.project_id = p.id AND s.period_id = \(bind: periodID)
            WHERE p.programme_id = \(bind: programmeID)
            ORDER BY p.number
            """).all()
        let leaders = try await sql.raw("""
            SELECT l.project_id, pe.name, f.name AS firm
            FROM project_leaders l
            JOIN projects p ON p.id = l.project_id
            JOIN people pe ON pe.id = l.person_id
            LEFT JOIN organisations f ON f.id = pe.firm_id
            WHERE p.programme_id = \(bind: programmeID)
            ORDER BY l.project_id, l.position
            """).all()
        let items = try await sql.raw("""
            SELECT i.project_id, i.title
            FROM project_items i JOIN projects p ON p.id = i.project_id
            WHERE p.programme_id = \(bind: programmeID)
            ORDER BY i.project_id, i.position
            """).all()

        let dimensionLights = try await sql.raw("""
            SELECT s.project_id, d.dimension, d.light
            FROM status_dimension_lights d
            JOIN project_statuses s ON s.id = d.status_id
            JOIN projects p ON p.id = s.project_id
            WHERE p.programme_id = \(bind: programmeID) AND s.period_id = \(bind: periodID)
            """).all()

        var dimensionsByProject: [UUID: [String: LightDefinition]] = [:]
        for row in dimensionLights {
            guard let light = context.scale.light(try row.decode(column: "light", as: String.self)) else { continue }
            dimensionsByProject[try row.decode(column: "project_id", as: UUID.self), default: [:]][try row.decode(column: "dimension", as: String.self)] = light
        }
        var leadersByProject: [UUID: [Leader]] = [:]
        for row in leaders {
            leadersByProject[try row.decode(column: "project_id", as: UUID.self), default: []]
                .append(Leader(name: try row.decode(column: "name", as: String.self), firm: try row.decode(column: "firm", as: String?.self)))
        }
        var itemsByProject: [UUID: [String]] = [:]
        for row in items {
            itemsByProject[try row.decode(column: "project_id", as: UUID.self), default: []].append(try row.decode(column: "title", as: String.self))
        }
        return try projects.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let hasStatus = try row.decode(column: "status_id", as: UUID?.self) != nil
            let lifecycle = try row.decode(column: hasStatus ? "status_lifecycle" : "lifecycle", as: String.self)
            return ProjectRow(
                number: try row.decode(column: "number", as: Int.self),
                name: try row.decode(column: "name", as: String.self),
                items: itemsByProject[id] ?? [],
                leaders: leadersByProject[id] ?? [],
                lifecycle: Lifecycle(rawValue: lifecycle) ?? .running,
                light: context.scale.light(try row.decode(column: "light", as: String?.self)),
                remarks: try row.decode(column: "remarks", as: String?.self) ?? "",
                plannedDelivery: try row.decode(column: "planned_delivery", as: String?.self).flatMap(PlanDate.init(storageValue:)),
                forecastDelivery: try row.decode(column: "forecast_delivery", as: String?.self).flatMap(PlanDate.init(storageValue:)),
                hasStatus: hasStatus,
                dimensionLights: dimensionsByProject[id] ?? [:])
        }
    }
}

/// How many projects carry each light, in the scale's order, "geen status" last.
struct LightCounts: Sendable {
    var counts: [(light: LightDefinition?, count: Int)]

    init(rows: [ProjectRow], scale: LightScale) {
        var counts: [(LightDefinition?, Int)] = scale.lights.map { light in
            (light, rows.filter { $0.light?.code == light.code }.count)
        }
        counts.append((nil, rows.filter { $0.light == nil }.count))
        self.counts = counts
    }
}
