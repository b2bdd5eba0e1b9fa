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
    /// A request's head must arrive whole within this long of its first byte
    /// (`STOPLICHT_HEAD_TIMEOUT`, seconds), or the client gets a 408 and the connection ends.
    public var headTimeoutSeconds: Int
    /// A request's body may come as slowly as it likes for this long (`STOPLICHT_BODY_GRACE`,
    /// seconds)…
    public var bodyGraceSeconds: Int
    /// …and after that must have come at this many bytes a second or more, averaged from the
    /// end of its head (`STOPLICHT_BODY_MIN_RATE`, bytes a second), or the client gets a 408
    /// and the connection ends. See `RequestPace`.
    public var bodyMinimumRate: Int
    /// How long WeasyPrint may take over one PDF before it is stopped (`STOPLICHT_PDF_TIMEOUT`, seconds).
    public var pdfTimeoutSeconds: Int
    /// Reverse proxies whose X-Forwarded-For is believed (`STOPLICHT_TRUSTED_PROXIES`, addresses
    /// separated by commas); see `Request.clientAddress`.
    public var trustedProxies: Set<String>
    /// Keep rendered live pages, sessions and readers' passes until the database changes
    /// (`STOPLICHT_PAGE_CACHE=uit` to read and render every request; see `VersionedCache`).
    public var cachesPages: Bool
    /// The weasyprint program, whose Python renders the PDFs (`STOPLICHT_WEASYPRINT`; nil: the
    /// first `weasyprint` on the PATH). See `PDFRenderer`.
    public var weasyprint: String?

    public static let defaultIdleTimeoutSeconds = 300
    public static let defaultPDFTimeoutSeconds = 60
    public static let defaultHeadTimeoutSeconds = 10
    public static let defaultBodyGraceSeconds = 10
    /// 1 kB/s is 8 kbit/s: below any line a municipality's staff upload from (a weak mobile
    /// connection sends 100 kbit/s and more), far above a client that trickles on purpose.
    public static let defaultBodyMinimumRate = 1024

    public init(
        database: Database, themeStylesheetURL: String? = nil,
        idleTimeoutSeconds: Int = Settings.defaultIdleTimeoutSeconds,
        pdfTimeoutSeconds: Int = Settings.defaultPDFTimeoutSeconds, trustedProxies: Set<String> = [],
        cachesPages: Bool = true, weasyprint: String? = nil,
        headTimeoutSeconds: Int = Settings.defaultHeadTimeoutSeconds,
        bodyGraceSeconds: Int = Settings.defaultBodyGraceSeconds, bodyMinimumRate: Int = Settings.defaultBodyMinimumRate
    ) {
        self.database = database
        self.themeStylesheetURL = themeStylesheetURL
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.headTimeoutSeconds = headTimeoutSeconds
        self.bodyGraceSeconds = bodyGraceSeconds
        self.bodyMinimumRate = bodyMinimumRate
        self.pdfTimeoutSeconds = pdfTimeoutSeconds
        self.trustedProxies = trustedProxies
        self.cachesPages = cachesPages
        self.weasyprint = weasyprint
    }

    /// `DATABASE_URL` selects PostgreSQL; otherwise the SQLite file `STOPLICHT_SQLITE`
    /// (default `stoplicht.sqlite`), or `stoplicht-demo.sqlite` for the demo.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment, demo: Bool = false
    ) -> Settings {
        let database: Database
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            database = .postgres(url: url)
        } else if demo {
            database = .sqliteFile(environment["STOPLICHT_DEMO_SQLITE"] ?? "stoplicht-demo.sqlite")
        } else {
            database = .sqliteFile(environment["STOPLICHT_SQLITE"] ?? "stoplicht.sqlite")
        }
        func positive(_ name: String, _ fallback: Int) -> Int {
            environment[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? fallback
        }
        return Settings(
            database: database, themeStylesheetURL: environment["STOPLICHT_THEME_CSS"],
            idleTimeoutSeconds: positive("STOPLICHT_IDLE_TIMEOUT", defaultIdleTimeoutSeconds),
            pdfTimeoutSeconds: positive("STOPLICHT_PDF_TIMEOUT", defaultPDFTimeoutSeconds),
            trustedProxies: Set(
                (environment["STOPLICHT_TRUSTED_PROXIES"] ?? "").split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }),
            cachesPages: !["uit", "0", "false", "nee"].contains(
                (environment["STOPLICHT_PAGE_CACHE"] ?? "").lowercased()),
            weasyprint: environment["STOPLICHT_WEASYPRINT"].flatMap { $0.isEmpty ? nil : $0 },
            headTimeoutSeconds: positive("STOPLICHT_HEAD_TIMEOUT", defaultHeadTimeoutSeconds),
            bodyGraceSeconds: positive("STOPLICHT_BODY_GRACE", defaultBodyGraceSeconds),
            bodyMinimumRate: positive("STOPLICHT_BODY_MIN_RATE", defaultBodyMinimumRate))
    }
}
