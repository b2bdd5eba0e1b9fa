import Fluent
import Foundation
import SQLKit

/// Both of Stoplicht's databases (SQLite and PostgreSQL) are SQL databases; raw SQL reaches
/// them through this one door. It throws instead of doing something else when a database
/// is not one (a driver Stoplicht does not use), so no query, lock or row is ever skipped.
extension Database {
    func sqlDatabase() throws -> any SQLDatabase {
        if let database = self as? any SQLDatabase { return database }
        throw NotSQL(driver: String(describing: type(of: self)))
    }

    /// Whether this is the embedded SQLite database (which has no row locks and no triggers
    /// of PostgreSQL's kind).
    var isSQLite: Bool { (try? sqlDatabase())?.dialect.name == "sqlite" }

    /// Takes the embedded database's write lock as a transaction's first statement, so the
    /// transaction waits its turn behind another writer. SQLite cannot let a transaction
    /// that has read and then writes wait for another writer: it refuses it at once
    /// ("database is locked"), which reached users as a 503 under a handful of saves at once.
    /// (Inside a transaction that already wrote, this changes nothing.) PostgreSQL: nothing
    /// to do; its writes wait for the rows they need.
    func writeFirst() async throws {
        guard isSQLite else { return }
        try await sqlDatabase().raw("UPDATE audit_entries SET sequence = sequence WHERE 0 = 1").run()
    }

    /// Holds the row until the transaction ends (PostgreSQL: a row lock; SQLite: the write
    /// lock), so what was read under it is what is overwritten. `column` is one that is not
    /// a key, so no foreign key is checked and nothing referring to the row waits on it.
    func lockRow(_ table: String, column: String, id: UUID) async throws {
        try await sqlDatabase().raw(
            "UPDATE \(ident: table) SET \(ident: column) = \(ident: column) WHERE id = \(bind: id)"
        ).run()
    }
}

struct NotSQL: Error, CustomStringConvertible {
    var driver: String
    var description: String { "Database \(driver) does not speak SQL" }
}
