/// The texts of backups and restores.
extension Strings {
    static let backupPostgres = """
        Deze opdracht is voor de ingebouwde database. Maak van PostgreSQL een reservekopie met \
        pg_dump --format=custom --file stoplicht.dump "$DATABASE_URL" en zet hem terug met \
        pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" stoplicht.dump.
        """
    static let backupPathRequired = "Geef het bestand voor de reservekopie, bijvoorbeeld stoplicht-2026-11-25.sqlite."
    static func backupExists(_ path: String) -> String {
        "‘\(path)’ bestaat al; kies een nieuwe naam, zodat geen eerdere reservekopie verloren gaat."
    }
    static func backupFailed(_ path: String, _ reason: String) -> String {
        "De reservekopie ‘\(path)’ is niet gemaakt: \(reason)"
    }
    static func backupMissing(_ path: String) -> String { "‘\(path)’ bestaat niet." }
    static func backupDamaged(_ path: String, _ reason: String) -> String {
        "‘\(path)’ is beschadigd (SQLite meldt: \(reason)); er is niets teruggezet."
    }
    static func backupNotStoplicht(_ path: String) -> String {
        "‘\(path)’ is geen database van Stoplicht; er is niets teruggezet."
    }
    static func restoreFailed(_ path: String, _ reason: String) -> String {
        "‘\(path)’ is niet vervangen: \(reason). De database is ongewijzigd."
    }

    static func describe(_ summary: Backup.Summary) -> String {
        "\(summary.projects) projecten, \(summary.auditEntries) regels in het logboek, \(summary.bytes / 1024) kB"
    }
    static func backupWritten(_ path: String, _ summary: Backup.Summary) -> String {
        "Reservekopie geschreven naar \(path): \(describe(summary))."
    }
    static func restoreWouldReplace(_ path: String, _ summary: Backup.Summary, _ target: String) -> String {
        "\(path) is een gave reservekopie (\(describe(summary))). Stop Stoplicht en geef --yes om \(target) erdoor te vervangen."
    }
    static func restored(_ path: String, _ summary: Backup.Summary, _ target: String) -> String {
        "\(target) is teruggezet uit \(path): \(describe(summary)). Start Stoplicht opnieuw."
    }
}
