/// The database is busy for someone else: the embedded SQLite refuses a write while another
/// connection holds the write lock ("database is locked", SQLITE_BUSY/SQLITE_LOCKED), or every
/// connection of the pool stayed taken past its timeout (AsyncKit's
/// `ConnectionPoolTimeoutError.connectionRequestTimeout`). Nothing was written; it is worth
/// one more try (503), not a 500.
enum DatabaseBusy {
    static func matches(_ error: any Error) -> Bool {
        let text = String(describing: error).lowercased()
        return text.contains("database is locked") || text.contains("sqlite_busy")
            || text.contains("database table is locked")
            || text == "connectionrequesttimeout"
    }
}
