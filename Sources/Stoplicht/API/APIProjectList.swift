import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Vapor

/// One page of a programme's projects with their status in a period, filtered and counted
/// in the database: three queries (the count, the page, its leaders) that read only the
/// page's rows, however many projects the programme has. The overview reads every row to
/// draw its table; an API client asks for a page at a time.
enum APIProjectList {
    struct Filter: Sendable {
        /// A light code, or "geen" for no light (or one the programme's scale does not have).
        var light: String?
        var lifecycle: Lifecycle?
    }

    static func load(
        _ context: ProgrammeContext, period: ReportingPeriod?, filter: Filter, page: APIPage,
        on db: any Database
    ) async throws -> (projects: [ProgrammesAPI.ProjectBody], total: Int) {
        let sql = try db.sqlDatabase()
        let programmeID = try context.programme.requireID()
        let periodID = period?.id ?? UUID()  // no period: a key that matches no status
        var conditions: SQLQueryString =
            "p.programme_id = \(bind: programmeID) AND (NOT p.archived OR s.id IS NOT NULL)"
        if let light = filter.light {
            let codes = context.scale.lights.map(\.code)
            if light == "geen" {
                conditions += codes.isEmpty ? "" : " AND (s.light IS NULL OR s.light NOT IN (\(binds: codes)))"
            } else {
                // A code the programme's scale does not have matches nothing.
                conditions += codes.contains(light) ? " AND s.light = \(bind: light)" : " AND 1 = 0"
            }
        }
        if let lifecycle = filter.lifecycle {
            conditions += " AND COALESCE(s.lifecycle, p.lifecycle) = \(bind: lifecycle.rawValue)"
        }
        let from: SQLQueryString =
            "FROM projects p LEFT JOIN project_statuses s ON s.project_id = p.id AND s.period_id = \(bind: periodID) WHERE "
        let total =
            try await sql.raw("SELECT COUNT(*) AS total " + from + conditions).first()?.decode(
                column: "total", as: Int.self) ?? 0
        let rows = try await sql.raw(
            """
            SELECT p.id, p.number, p.name, COALESCE(s.lifecycle, p.lifecycle) AS lifecycle, s.light, s.remarks,
                   s.planned_delivery, s.forecast_delivery
            """ + " " + from + conditions
                + " ORDER BY p.number LIMIT \(literal: page.size) OFFSET \(literal: (page.number - 1) * page.size)"
        ).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        var leaders: [UUID: [String]] = [:]
        if !ids.isEmpty {
            let found = try await sql.raw(
                """
                SELECT l.project_id, pe.name, f.name AS firm
                FROM project_leaders l JOIN people pe ON pe.id = l.person_id LEFT JOIN organisations f ON f.id = pe.firm_id
                WHERE l.project_id IN (\(binds: ids)) ORDER BY l.project_id, l.position
                """
            ).all()
            for row in found {
                let leader = ProjectRow.Leader(
                    name: try row.decode(column: "name", as: String.self),
                    firm: try row.decode(column: "firm", as: String?.self))
                leaders[try row.decode(column: "project_id", as: UUID.self), default: []].append(leader.text)
            }
        }
        let projects = try zip(ids, rows).map { id, row in
            func date(_ column: String) throws -> String? {
                try row.decode(column: column, as: String?.self).flatMap(PlanDate.init(storageValue:))?.description
            }
            return ProgrammesAPI.ProjectBody(
                number: try row.decode(column: "number", as: Int.self),
                name: try row.decode(column: "name", as: String.self),
                leaders: leaders[id] ?? [], lifecycle: try row.decode(column: "lifecycle", as: String.self),
                light: context.scale.light(try row.decode(column: "light", as: String?.self))?.code,
                plannedDelivery: try date("planned_delivery"), forecastDelivery: try date("forecast_delivery"),
                remarks: try row.decode(column: "remarks", as: String?.self) ?? "")
        }
        return (projects, total)
    }
}
