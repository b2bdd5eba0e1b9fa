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
    /// The lights per dimension (Geld, Tijd, … or the programme's own), by dimension code.
    var dimensionLights: [String: LightDefinition] = [:]
    /// What changed since the previous period.
    var changes: [StatusChange] = []
    /// What was achieved, what is next, and an orange or red light's explanation
    /// (cause, consequence, measure), as labelled Markdown; empty ones left out.
    var explanation: [(label: String, text: String)] = []
    /// "Planning niet haalbaar: vroegst oplevering juni 2019": a prerequisite has slipped.
    var planFlag: String?
    /// The status is last period's, carried over and not yet updated in this one.
    var carriedForward = false

    var leaderText: String { leaders.map(\.text).joined(separator: ", ") }

    /// The programme's projects with their status in `period`, by number: two queries
    /// however many projects there are. Plain SQL rather than Fluent models, as this is
    /// the hot path of the overview and the report.
    static func load(_ context: ProgrammeContext, period: ReportingPeriod?, on db: any Database) async throws
        -> [ProjectRow]
    {
        let sql = try db.sqlDatabase()
        let programmeID = try context.programme.requireID()
        let periodID = period?.id ?? UUID()  // no period: a key that matches no status
        // The period before, for what changed since; in the same query.
        let previousPeriod = period.flatMap { current in
            context.periods.firstIndex { $0.id == current.id }.flatMap { $0 > 0 ? context.periods[$0 - 1] : nil }
        }
        let previousID = previousPeriod?.id ?? UUID()

        let projects = try await sql.raw(
            """
            SELECT p.id, p.number, p.name, p.lifecycle, s.id AS status_id, s.light, s.lifecycle AS status_lifecycle,
                   s.remarks, s.planned_delivery, s.forecast_delivery, s.previous_light AS reported_previous_light,
                   s.achieved, s.planned_next, s.cause, s.consequence, s.measure, s.carried_forward,
                   v.id AS previous_status_id, v.light AS previous_light, v.planned_delivery AS previous_planned,
                   v.forecast_delivery AS previous_forecast
            FROM projects p
            LEFT JOIN project_statuses s ON s.project_id = p.id AND s.period_id = \(bind: periodID)
            LEFT JOIN project_statuses v ON v.project_id = p.id AND v.period_id = \(bind: previousID)
            WHERE p.programme_id = \(bind: programmeID) AND (NOT p.archived OR s.id IS NOT NULL)
            ORDER BY p.number
            """
        ).all()
        // Leaders, sub-items and lights per dimension in one round trip, told apart by `kind`.
        let details = try await sql.raw(
            """
            SELECT 'leader' AS kind, l.project_id, l.position, pe.name AS first, f.name AS second
            FROM project_leaders l
            JOIN projects p ON p.id = l.project_id
            JOIN people pe ON pe.id = l.person_id
            LEFT JOIN organisations f ON f.id = pe.firm_id
            WHERE p.programme_id = \(bind: programmeID)
            UNION ALL
            SELECT 'item', i.project_id, i.position, i.title, CAST(NULL AS TEXT)
            FROM project_items i JOIN projects p ON p.id = i.project_id
            WHERE p.programme_id = \(bind: programmeID)
            UNION ALL
            SELECT 'dimension', s.project_id, 0, d.dimension, d.light
            FROM status_dimension_lights d
            JOIN project_statuses s ON s.id = d.status_id
            JOIN projects p ON p.id = s.project_id
            WHERE p.programme_id = \(bind: programmeID) AND s.period_id = \(bind: periodID)
            ORDER BY 1, 2, 3
            """
        ).all()

        var leadersByProject: [UUID: [Leader]] = [:]
        var itemsByProject: [UUID: [String]] = [:]
        var dimensionsByProject: [UUID: [String: LightDefinition]] = [:]
        for row in details {
            let projectID = try row.decode(column: "project_id", as: UUID.self)
            let first = try row.decode(column: "first", as: String.self)
            let second = try row.decode(column: "second", as: String?.self)
            switch try row.decode(column: "kind", as: String.self) {
            case "leader": leadersByProject[projectID, default: []].append(Leader(name: first, firm: second))
            case "item": itemsByProject[projectID, default: []].append(first)
            default:
                if let light = context.scale.light(second) {
                    dimensionsByProject[projectID, default: [:]][first] = light
                }
            }
        }
        return try projects.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let hasStatus = try row.decode(column: "status_id", as: UUID?.self) != nil
            let lifecycle = try row.decode(column: hasStatus ? "status_lifecycle" : "lifecycle", as: String.self)
            func date(_ column: String) throws -> PlanDate? {
                try row.decode(column: column, as: String?.self).flatMap(PlanDate.init(storageValue:))
            }
            let light = context.scale.light(try row.decode(column: "light", as: String?.self))
            let current =
                hasStatus
                ? StatusChange.Status(light: light, delivery: try date("forecast_delivery") ?? date("planned_delivery"))
                : nil
            var previous: StatusChange.Status?
            if try row.decode(column: "previous_status_id", as: UUID?.self) != nil {
                previous = StatusChange.Status(
                    light: context.scale.light(try row.decode(column: "previous_light", as: String?.self)),
                    delivery: try date("previous_forecast") ?? date("previous_planned"))
            } else if previousPeriod == nil,
                let reported = context.scale.light(try row.decode(column: "reported_previous_light", as: String?.self))
            {
                // No earlier period here, but the report itself gave last period's light.
                previous = StatusChange.Status(light: reported, delivery: nil)
            }
            let changes = StatusChange.between(
                previous: previous, current: current, hasPreviousPeriod: previousPeriod != nil)
            var explanation: [(label: String, text: String)] = []
            for (column, label) in [
                ("achieved", Strings.achieved), ("planned_next", Strings.plannedNext), ("cause", Strings.cause),
                ("consequence", Strings.consequence), ("measure", Strings.measure),
            ] {
                if let text = try row.decode(column: column, as: String?.self), !text.isEmpty {
                    explanation.append((label, text))
                }
            }
            return ProjectRow(
                number: try row.decode(column: "number", as: Int.self),
                name: try row.decode(column: "name", as: String.self),
                items: itemsByProject[id] ?? [],
                leaders: leadersByProject[id] ?? [],
                lifecycle: Lifecycle(rawValue: lifecycle) ?? .running,
                light: light,
                remarks: try row.decode(column: "remarks", as: String?.self) ?? "",
                plannedDelivery: try row.decode(column: "planned_delivery", as: String?.self).flatMap(
                    PlanDate.init(storageValue:)),
                forecastDelivery: try row.decode(column: "forecast_delivery", as: String?.self).flatMap(
                    PlanDate.init(storageValue:)),
                dimensionLights: dimensionsByProject[id] ?? [:],
                changes: changes,
                explanation: explanation,
                carriedForward: try hasStatus && (row.decode(column: "carried_forward", as: Bool?.self) ?? false))
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
