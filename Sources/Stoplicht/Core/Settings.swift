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
    /// A connection on which nothing moves either way for this long is closed, so abandoned
    /// or stalled clients cannot hold the server's connections (`STOPLICHT_IDLE_TIMEOUT`,
    /// seconds). Vapor counts the time an answer is being made as idle too, so this stays well
    /// above the longest request: a 1,000,000-line import of actuals takes 60–70 s here
    /// (`scripts/bench-actuals`).
    public var idleTimeoutSeconds: Int
    /// How long WeasyPrint may take over one PDF before it is stopped (`STOPLICHT_PDF_TIMEOUT`, seconds).
    public var pdfTimeoutSeconds: Int
    /// Reverse proxies whose X-Forwarded-For is believed (`STOPLICHT_TRUSTED_PROXIES`, addresses
    /// separated by commas); see `Request.clientAddress`.
    public var trustedProxies: Set<String>
    /// Keep rendered live pages, sessions and readers' passes until the database changes
    /// (`STOPLICHT_PAGE_CACHE=uit` to read and render every request; see `VersionedStore`).
    public var livePageCache: Bool
    /// The weasyprint program, whose Python renders the PDFs (`STOPLICHT_WEASYPRINT`; nil: the
    /// first `weasyprint` on the PATH). See `PDFRenderer`.
    public var weasyprint: String?

    public static let defaultIdleTimeoutSeconds = 300
    public static let defaultPDFTimeoutSeconds = 60

    public init(database: Database, themeStylesheetURL: String? = nil,
                idleTimeoutSeconds: Int = Settings.defaultIdleTimeoutSeconds,
                pdfTimeoutSeconds: Int = Settings.defaultPDFTimeoutSeconds, trustedProxies: Set<String> = [],
                livePageCache: Bool = true, weasyprint: String? = nil) {
        self.database = database
        self.themeStylesheetURL = themeStylesheetURL
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.pdfTimeoutSeconds = pdfTimeoutSeconds
        self.trustedProxies = trustedProxies
        self.livePageCache = livePageCache
        self.weasyprint = weasyprint
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
        func seconds(_ name: String, _ fallback: Int) -> Int {
            environment[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? fallback
        }
        return Settings(database: database, themeStylesheetURL: environment["STOPLICHT_THEME_CSS"],
                        idleTimeoutSeconds: seconds("STOPLICHT_IDLE_TIMEOUT", defaultIdleTimeoutSeconds),
                        pdfTimeoutSeconds: seconds("STOPLICHT_PDF_TIMEOUT", defaultPDFTimeoutSeconds),
                        trustedProxies: Set((environment["STOPLICHT_TRUSTED_PROXIES"] ?? "").split(separator: ",")
                            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }),
                        livePageCache: !["uit", "0", "false", "nee"].contains((environment["STOPLICHT_PAGE_CACHE"] ?? "").lowercased()),
                        weasyprint: environment["STOPLICHT_WEASYPRINT"].flatMap { $0.isEmpty ? nil : $0 })
    }
}
