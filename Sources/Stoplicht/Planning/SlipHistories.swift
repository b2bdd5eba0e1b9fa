import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Vapor

/// Every project's slip history across the programme's periods: one query.
enum SlipHistories {
    static func load(_ context: ProgrammeContext, on db: any Database) async throws -> [Int: SlipHistory] {
        let sql = try db.sqlDatabase()
        // Fields named as the query's columns.
        // swift-format-ignore: AlwaysUseLowerCamelCase
        struct Row: Decodable {
            var number: Int
            var period_id: UUID
            var planned_delivery: String?
            var forecast_delivery: String?
        }
        let rows = try await sql.raw(
            """
            SELECT p.number, s.period_id, s.planned_delivery, s.forecast_delivery
            FROM project_statuses s JOIN projects p ON p.id = s.project_id
            WHERE p.programme_id = \(bind: try context.programme.requireID())
            """
        ).all(decoding: Row.self)
        var byProject: [Int: [UUID: PlanDate?]] = [:]
        for row in rows {
            let delivery: PlanDate? =
                row.forecast_delivery.flatMap(PlanDate.init(storageValue:))
                ?? row.planned_delivery.flatMap(PlanDate.init(storageValue:))
            byProject[row.number, default: [:]][row.period_id] = .some(delivery)
        }
        return byProject.mapValues { deliveries in
            SlipHistory(
                context.periods.compactMap { period in
                    guard let id = period.id, let delivery = deliveries[id] else { return nil }
                    return (period.name, delivery)
                })
        }
    }

    /// From a project page's history (newest first).
    static func of(_ history: [ProjectShowModel.PeriodEntry]) -> SlipHistory {
        SlipHistory(
            history.reversed().compactMap { entry in
                guard let status = entry.status else { return nil }
                return (entry.period.name, status.forecast ?? status.planned)
            })
    }
}
