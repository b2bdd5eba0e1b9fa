import Foundation

/// Where the data lives and what the site looks like, read from the environment.
public struct Settings: Sendable {
    public enum Database: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(url: String)

        var isEmbedded: Bool {
            if case .postgres = self { return false }
            return true
        }
    }

    public var database: Database
    /// A municipality's own NL Design System theme, linked after Stoplicht's stylesheet.
    public var themeStylesheetURL: String?

    public init(database: Database, themeStylesheetURL: String? = nil) {
        self.database = database
        self.themeStylesheetURL = themeStylesheetURL
    }

    /// `DATABASE_URL` selects PostgreSQL; otherwise the SQLite file `STOPLICHT_SQLITE`
    /// (default `stoplicht.sqlite`), or `stoplicht-demo.sqlite` for the demo.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment, demo: Bool = false) -> Settings {
        let database: Database
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            database = .postgres(url: url)
        } else if demo {
            database = .sqliteFile(environment["STOPLICHT_DEMO_SQLITE"] ?? "stoplicht-demo.sqlite")
        } else {
            database = .sqliteFile(environment["STOPLICHT_SQLITE"] ?? "stoplicht.sqlite")
        }
        return Settings(database: database, themeStylesheetURL: environment["STOPLICHT_THEME_CSS"])
    }
}
