import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Assembles the application: database, migrations, middleware, routes and commands.
public func configure(_ app: Application, settings: Settings) async throws {
    // SQLite runs its calls on this pool, and a connection waiting for another's write lock
    // keeps its thread (SQLiteNIO retries without end). The process-wide default pool has a
    // thread per core, shared by every application in the process; this one is the
    // application's own, with room for every connection and the password hashing beside them.
    app.threadPool = NIOThreadPool(numberOfThreads: max(4, 2 * System.coreCount))
    switch settings.database {
    // The embedded database writes one transaction at a time, so a request may queue behind
    // others; it waits up to 30 s for a connection (PostgreSQL's pool: 10 s) before its 503.
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(30), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, connectionPoolTimeout: .seconds(30), sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url):
        app.databases.use(.postgres(configuration: try .stoplicht(url: url), sqlLogLevel: .debug), as: .psql)
    }
    app.databases.middleware.use(IndexNameMiddleware<Programme>())
    app.databases.middleware.use(IndexNameMiddleware<Organisation>())
    app.storage[SettingsKey.self] = settings
    app.http.server.configuration.idleTimeout = .seconds(Int64(settings.idleTimeoutSeconds))
    // No browser sends a compressed body; a body is read as it comes, within its route's limit.
    app.http.server.configuration.requestDecompression = .disabled
    // Vapor counts every request into swift-metrics; Stoplicht installs no metrics backend,
    // so that would only build the counters' names and throw them away.
    app.http.server.configuration.reportMetrics = false
    Migrations.register(on: app)
    // The embedded database has one user, so it migrates itself; a shared PostgreSQL
    // database is migrated on purpose with `stoplicht migrate`.
    if settings.database.isEmbedded {
        if case .sqliteFile = settings.database {
            // Write-ahead logging: a commit syncs the log once instead of a journal and the
            // file, and pages are read while someone writes. `synchronous` stays FULL, so a
            // committed change survives the machine going down, not only Stoplicht.
            try await app.db.sqlDatabase().raw("PRAGMA journal_mode=WAL").run()
        }
        try await app.autoMigrate()
    }
    // The database's version, the caches under it and the HTTP server (Performance/).
    try await Performance.install(on: app, settings: settings)
    app.lifecycle.use(SessionPurgeLifecycle())
    app.storage[TokenUseKey.self] = TokenUse()

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(SecurityHeadersMiddleware(settings: settings))
    app.middleware.use(APIVersionMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(NulCharacterMiddleware())
    // Sessions live in the database, so several instances share them; reading a page
    // leaves them alone (see CachedSessions).
    app.middleware.use(SessionMiddleware(store: CachedSessions(base: HashedSessions())))

    try routes(app)
    // Read now: a missing stylesheet stops the start, not a reader's first page.
    _ = Stylesheet.etag

    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(ReportCommand(), as: "report")
    app.asyncCommands.use(ScaleCommand(), as: "scale")
    app.asyncCommands.use(DimensionsCommand(), as: "dimensions")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(PeriodCommand(), as: "period")
    app.asyncCommands.use(ActualsCommand(), as: "actuals")
    app.asyncCommands.use(BudgetCommand(), as: "budget")
    app.asyncCommands.use(PlanningCommand(), as: "planning")
    app.asyncCommands.use(TokenCommand(), as: "token")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(GenerateCommand(), as: "generate")
}

struct SettingsKey: StorageKey {
    typealias Value = Settings
}

extension Application {
    var settings: Settings { storage[SettingsKey.self] ?? Settings(database: .sqliteMemory) }
}

extension Request {
    var settings: Settings { application.settings }
}
