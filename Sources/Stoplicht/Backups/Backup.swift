import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Backups of the embedded database. `write` makes a consistent copy while Stoplicht keeps
/// running: SQLite's `VACUUM INTO` reads the database in one transaction, so the copy is
/// the database as it was at one moment, whatever is written meanwhile. `restore` puts a
/// copy back after checking it is a whole Stoplicht database. PostgreSQL is backed up with
/// its own tools (pg_dump and pg_restore); the command says how.
enum Backup {
    struct Summary: Sendable, Equatable {
        var bytes: Int
        var projects: Int
        var auditEntries: Int
    }

    static func write(to path: String, settings: Settings, on db: any Database) async throws -> Summary {
        guard settings.database.isEmbedded else { throw InputError(Strings.backupPostgres) }
        guard !path.isEmpty else { throw InputError(Strings.backupPathRequired) }
        guard !FileManager.default.fileExists(atPath: path) else { throw InputError(Strings.backupExists(path)) }
        let sql = try db.sqlDatabase()
        do {
            try await sql.raw("VACUUM INTO \(bind: path)").run()
        } catch {
            throw InputError(Strings.backupFailed(path, String(describing: error)))
        }
        return try await check(path)
    }

    /// Puts the copy at `backup` in the place of the database file `target`: checked first,
    /// then copied beside it and renamed over it in one step, so the database is never half one
    /// and half the other.
    static func restore(from backup: String, to target: String) async throws -> Summary {
        _ = try await check(backup)
        let staging = target + ".terugzetten"
        let files = FileManager.default
        try? files.removeItem(atPath: staging)
        do {
            try files.copyItem(atPath: backup, toPath: staging)
            // The journal of the database being replaced belongs to it, not to the copy.
            for suffix in ["-journal", "-wal", "-shm"] { try? files.removeItem(atPath: target + suffix) }
            guard rename(staging, target) == 0 else {
                throw InputError(Strings.restoreFailed(target, String(cString: strerror(errno))))
            }
        } catch let error as InputError {
            try? files.removeItem(atPath: staging)
            throw error
        } catch {
            try? files.removeItem(atPath: staging)
            throw InputError(Strings.restoreFailed(target, error.localizedDescription))
        }
        return try await check(target)
    }

    /// Opens the file on its own and checks it: SQLite's integrity check, Stoplicht's tables,
    /// what it holds.
    static func check(_ path: String) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: path) else { throw InputError(Strings.backupMissing(path)) }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            let integrity = try await connection.query("PRAGMA integrity_check", []).first?.column("integrity_check")?
                .string
            guard integrity == "ok" else { throw InputError(Strings.backupDamaged(path, integrity ?? "?")) }
            let tables = Set(
                try await connection.query("SELECT name FROM sqlite_master WHERE type = 'table'", []).compactMap {
                    $0.column("name")?.string
                })
            guard tables.isSuperset(of: ["_fluent_migrations", "programmes", "projects", "audit_entries"]) else {
                throw InputError(Strings.backupNotStoplicht(path))
            }
            func count(_ table: String) async throws -> Int {
                try await connection.query("SELECT COUNT(*) AS n FROM \(table)", []).first?.column("n")?.integer ?? 0
            }
            let summary = Summary(
                bytes: bytes, projects: try await count("projects"), auditEntries: try await count("audit_entries"))
            try await connection.close()
            return summary
        } catch {
            try? await connection.close()
            if let input = error as? InputError { throw input }
            throw InputError(Strings.backupNotStoplicht(path))
        }
    }
}
