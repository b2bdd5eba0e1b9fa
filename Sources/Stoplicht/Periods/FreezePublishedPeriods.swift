import Fluent
import SQLKit

/// A published period is frozen in the database itself, not only in the application: its
/// statuses, lights per dimension, sections, decisions and risks cannot be inserted,
/// changed or deleted, the period cannot be changed or deleted, and a published report
/// cannot be changed or deleted. Triggers, on SQLite and PostgreSQL alike.
struct FreezePublishedPeriods: AsyncMigration {
    static let message = "de periode is gepubliceerd en kan niet meer worden gewijzigd"
    static let published = ReportingPeriod.State.published.rawValue
    /// Tables with a period_id column.
    static let periodTables = ["project_statuses", "programme_sections", "decisions", "risks"]

    func prepare(on database: Database) async throws {
        let sql = try database.sqlDatabase()
        if sql.dialect.name == "sqlite" { try await sqlite(sql) } else { try await postgres(sql) }
    }

    private func sqlite(_ sql: any SQLDatabase) async throws {
        let refuse = "BEGIN SELECT RAISE(ABORT, '\(Self.message)'); END"
        func state(_ periodID: String) -> String {
            "(SELECT state FROM reporting_periods WHERE id = \(periodID)) = '\(Self.published)'"
        }
        for table in Self.periodTables {
            try await sql.raw(
                "CREATE TRIGGER \(unsafeRaw: table)_frozen_insert BEFORE INSERT ON \(unsafeRaw: table) WHEN \(unsafeRaw: state("NEW.period_id")) \(unsafeRaw: refuse)"
            ).run()
            try await sql.raw(
                "CREATE TRIGGER \(unsafeRaw: table)_frozen_update BEFORE UPDATE ON \(unsafeRaw: table) WHEN \(unsafeRaw: state("OLD.period_id")) OR \(unsafeRaw: state("NEW.period_id")) \(unsafeRaw: refuse)"
            ).run()
            try await sql.raw(
                "CREATE TRIGGER \(unsafeRaw: table)_frozen_delete BEFORE DELETE ON \(unsafeRaw: table) WHEN \(unsafeRaw: state("OLD.period_id")) \(unsafeRaw: refuse)"
            ).run()
        }
        func statusState(_ statusID: String) -> String {
            "(SELECT p.state FROM reporting_periods p JOIN project_statuses s ON s.period_id = p.id WHERE s.id = \(statusID)) = '\(Self.published)'"
        }
        try await sql.raw(
            "CREATE TRIGGER status_dimension_lights_frozen_insert BEFORE INSERT ON status_dimension_lights WHEN \(unsafeRaw: statusState("NEW.status_id")) \(unsafeRaw: refuse)"
        ).run()
        try await sql.raw(
            "CREATE TRIGGER status_dimension_lights_frozen_update BEFORE UPDATE ON status_dimension_lights WHEN \(unsafeRaw: statusState("OLD.status_id")) OR \(unsafeRaw: statusState("NEW.status_id")) \(unsafeRaw: refuse)"
        ).run()
        try await sql.raw(
            "CREATE TRIGGER status_dimension_lights_frozen_delete BEFORE DELETE ON status_dimension_lights WHEN \(unsafeRaw: statusState("OLD.status_id")) \(unsafeRaw: refuse)"
        ).run()
        try await sql.raw(
            "CREATE TRIGGER reporting_periods_frozen_update BEFORE UPDATE ON reporting_periods WHEN OLD.state = '\(unsafeRaw: Self.published)' \(unsafeRaw: refuse)"
        ).run()
        try await sql.raw(
            "CREATE TRIGGER reporting_periods_frozen_delete BEFORE DELETE ON reporting_periods WHEN OLD.state = '\(unsafeRaw: Self.published)' \(unsafeRaw: refuse)"
        ).run()
        try await sql.raw(
            "CREATE TRIGGER published_reports_frozen_update BEFORE UPDATE ON published_reports \(unsafeRaw: refuse)"
        ).run()
        try await sql.raw(
            "CREATE TRIGGER published_reports_frozen_delete BEFORE DELETE ON published_reports \(unsafeRaw: refuse)"
        ).run()
    }

    private func postgres(_ sql: any SQLDatabase) async throws {
        let p = Self.published
        // A row belongs to a period directly (period_id) or through its status (status_id).
        func rowCheck(_ name: String, state: (String) -> String) -> SQLQueryString {
            """
            CREATE FUNCTION \(unsafeRaw: name)() RETURNS trigger AS $$
            BEGIN
              IF TG_OP <> 'INSERT' AND \(unsafeRaw: state("OLD")) = '\(unsafeRaw: p)' THEN RAISE EXCEPTION '\(unsafeRaw: Self.message)'; END IF;
              IF TG_OP <> 'DELETE' AND \(unsafeRaw: state("NEW")) = '\(unsafeRaw: p)' THEN RAISE EXCEPTION '\(unsafeRaw: Self.message)'; END IF;
              IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql
            """
        }
        try await sql.raw(
            rowCheck("stoplicht_frozen_by_period") {
                "(SELECT state FROM reporting_periods WHERE id = \($0).period_id)"
            }
        ).run()
        try await sql.raw(
            rowCheck("stoplicht_frozen_by_status") {
                "(SELECT p.state FROM reporting_periods p JOIN project_statuses s ON s.period_id = p.id WHERE s.id = \($0).status_id)"
            }
        ).run()
        try await sql.raw(
            """
            CREATE FUNCTION stoplicht_frozen_period() RETURNS trigger AS $$
            BEGIN
              IF OLD.state = '\(unsafeRaw: p)' THEN RAISE EXCEPTION '\(unsafeRaw: Self.message)'; END IF;
              IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql
            """
        ).run()
        try await sql.raw(
            """
            CREATE FUNCTION stoplicht_frozen_always() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '\(unsafeRaw: Self.message)'; END $$ LANGUAGE plpgsql
            """
        ).run()
        for table in Self.periodTables {
            try await sql.raw(
                "CREATE TRIGGER \(unsafeRaw: table)_frozen BEFORE INSERT OR UPDATE OR DELETE ON \(unsafeRaw: table) FOR EACH ROW EXECUTE FUNCTION stoplicht_frozen_by_period()"
            ).run()
        }
        try await sql.raw(
            "CREATE TRIGGER status_dimension_lights_frozen BEFORE INSERT OR UPDATE OR DELETE ON status_dimension_lights FOR EACH ROW EXECUTE FUNCTION stoplicht_frozen_by_status()"
        ).run()
        try await sql.raw(
            "CREATE TRIGGER reporting_periods_frozen BEFORE UPDATE OR DELETE ON reporting_periods FOR EACH ROW EXECUTE FUNCTION stoplicht_frozen_period()"
        ).run()
        try await sql.raw(
            "CREATE TRIGGER published_reports_frozen BEFORE UPDATE OR DELETE ON published_reports FOR EACH ROW EXECUTE FUNCTION stoplicht_frozen_always()"
        ).run()
    }

    func revert(on database: Database) async throws {
        let sql = try database.sqlDatabase()
        let tables = Self.periodTables + ["status_dimension_lights"]
        if sql.dialect.name == "sqlite" {
            for table in tables {
                for op in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_frozen_\(unsafeRaw: op)").run()
                }
            }
            for name in [
                "reporting_periods_frozen_update", "reporting_periods_frozen_delete", "published_reports_frozen_update",
                "published_reports_frozen_delete",
            ] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: name)").run()
            }
        } else {
            for table in tables {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_frozen ON \(unsafeRaw: table)").run()
            }
            try await sql.raw("DROP TRIGGER IF EXISTS reporting_periods_frozen ON reporting_periods").run()
            try await sql.raw("DROP TRIGGER IF EXISTS published_reports_frozen ON published_reports").run()
            for function in [
                "stoplicht_frozen_by_period", "stoplicht_frozen_by_status", "stoplicht_frozen_period",
                "stoplicht_frozen_always",
            ] {
                try await sql.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: function)()").run()
            }
        }
    }
}
