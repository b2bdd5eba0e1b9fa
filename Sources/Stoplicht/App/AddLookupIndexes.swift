import Fluent
import SQLKit

/// Indexes for the lookups that would otherwise read a whole table as an installation
/// grows: a period's statuses (the unique key leads with the project), and the rows the
/// pages of a programme ask for by programme. Without them the overview of one programme
/// slows with every other programme's history (see docs/performance-log.md).
struct AddLookupIndexes: AsyncMigration {
    static let indexes = [
        ("project_statuses_by_period", "project_statuses", "period_id"),
        ("programme_lights_by_programme", "programme_lights", "programme_id"),
        ("programme_dimensions_by_programme", "programme_dimensions", "programme_id"),
        ("prerequisites_by_programme", "prerequisites", "programme_id"),
        ("budget_lines_by_programme", "budget_lines", "programme_id"),
        ("pending_quotes_by_programme", "pending_quotes", "programme_id"),
        ("actual_lines_by_programme", "actual_lines", "programme_id"),
        ("audit_entries_by_programme", "audit_entries", "programme_id"),
    ]

    func prepare(on database: Database) async throws {
        let sql = try database.sqlDatabase()
        for (name, table, column) in Self.indexes {
            try await sql.raw("CREATE INDEX IF NOT EXISTS \(ident: name) ON \(ident: table) (\(ident: column))").run()
        }
    }

    func revert(on database: Database) async throws {
        let sql = try database.sqlDatabase()
        for (name, _, _) in Self.indexes { try await sql.raw("DROP INDEX IF EXISTS \(ident: name)").run() }
    }
}
