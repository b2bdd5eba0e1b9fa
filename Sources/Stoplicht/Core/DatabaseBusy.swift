/// The embedded SQLite refuses a write while another connection holds the write lock
/// ("database is locked", SQLITE_BUSY/SQLITE_LOCKED). It is worth one more try, not a 500.
enum DatabaseBusy {
    static func matches(_ error: any Error) -> Bool {
        let text = String(describing: error).lowercased()
        return text.contains("database is locked") || text.contains("sqlite_busy") || text.contains("database table is locked")
    }
}
