import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Vapor

/// Exact sums of the actuals, per project (and the lines without one).
enum ActualsTotals {
    struct Total: Sendable, Equatable {
        var label: String
        var number: Int?
        var cents: Int64
        var lines: Int
    }

    static func perProject(_ programme: Programme, on db: any Database) async throws -> [Total] {
        let sql = try db.sqlDatabase()
        struct Row: Decodable {
            var number: Int?
            var name: String?
            var cents: Int64?
            var lines: Int
        }
        let rows = try await sql.raw(
            """
            SELECT p.number, p.name, CAST(SUM(a.amount_cents) AS BIGINT) AS cents, COUNT(*) AS lines
            FROM actual_lines a LEFT JOIN projects p ON p.id = a.project_id
            WHERE a.programme_id = \(bind: try programme.requireID()) AND a.problem IS NULL
            GROUP BY p.number, p.name ORDER BY p.number
            """
        ).all(decoding: Row.self)
        return rows.map { row in
            Total(
                label: row.number.map { "\($0). \(row.name ?? "")" } ?? "Zonder project", number: row.number,
                cents: row.cents ?? 0, lines: row.lines)
        }
    }
}
