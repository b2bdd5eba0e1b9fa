import Vapor

/// Stoplicht's speed, behind one seam: the database's version (`DatabaseVersion/`), the
/// caches kept under it (`Cache/`) and the HTTP server with its fast path for published
/// reports (`Server/`). `configure` installs it once; a route says where it is registered
/// whether its answers may be cached (`Caching`). Nothing outside this folder caches:
/// `Access` decides who may read, and `CachedReadPermission` remembers a yes.
///
/// The rule, in five sentences. Every cache but the published reports' is kept under the
/// database's version, and any commit, by any process, ends it. A published report never
/// changes, so its page is cached by address; who may read it is still asked anew after
/// every commit. Only a whole 200 is cached, by address, query and viewer (or API token).
/// Readers who ask for a page while it is being rendered wait for that one rendering. Set
/// `STOPLICHT_PAGE_CACHE=uit` and every answer is rendered anew: the behaviour is the same.
enum Performance {
    /// The database's version, the caches under it and the server; after the migrations,
    /// before any request.
    static func install(on app: Application, settings: Settings) async throws {
        let version = try await DatabaseVersion.open(for: settings.database, on: app)
        app.storage[DatabaseVersionKey.self] = version
        app.lifecycle.use(DatabaseVersionLifecycle(version: version))
        let isOlder: @Sendable (String, String) -> Bool = { version.isOlder($0, than: $1) }
        app.storage[PageCacheKey.self] = PageCache(maximumBytes: 32 * 1024 * 1024, isOlder: isOlder)
        app.storage[SessionCacheKey.self] = VersionedCache(maximumBytes: 4 * 1024 * 1024, isOlder: isOlder)
        app.storage[ReadPermissionCacheKey.self] = VersionedCache(maximumBytes: 4 * 1024 * 1024, isOlder: isOlder)
        app.storage[APIAnswerCacheKey.self] = VersionedCache(maximumBytes: 8 * 1024 * 1024, isOlder: isOlder)
        app.storage[SingleFlightKey.self] = SingleFlight()
        app.storage[PublishedReportCacheKey.self] = PublishedReportCache()
        // Stoplicht's own HTTP/1.1 server beneath the same middlewares and routes (StoplichtServer).
        let server = StoplichtServer(application: app)
        app.servers.use { _ in server }
    }
}

/// Whether a GET route's answers may be cached, declared where it is registered.
enum Caching: Sendable {
    /// A live page of the programme in the address, cached per reader (`CachedPage`).
    case page
    /// The report of a period: a published one from memory (`CachedPublishedReport`), else
    /// as `page`.
    case publishedReport
    /// An API read, cached per token (`CachedAPIAnswers`).
    case apiAnswer

    /// The cached answer is served on the event loop, without starting a task for the
    /// request; `handler` runs only when there is none.
    func route(_ handler: @escaping @Sendable (Request) async throws -> Response)
        -> @Sendable (Request) -> EventLoopFuture<Response>
    {
        let cached: @Sendable (Request) -> EventLoopFuture<Response?>
        let render: @Sendable (Request) async throws -> Response
        switch self {
        case .page: (cached, render) = (CachedPage.cached, handler)
        case .publishedReport: (cached, render) = (CachedPublishedReport.cached, handler)
        case .apiAnswer:
            (cached, render) = (CachedAPIAnswers.cached, { try await CachedAPIAnswers.respond($0, handler) })
        }
        return { req in
            cached(req).flatMap { answer in
                if let answer { return req.eventLoop.makeSucceededFuture(answer) }
                return req.eventLoop.makeFutureWithTask { try await render(req) }
            }
        }
    }
}

extension RoutesBuilder {
    /// A GET route whose answers may be cached as `caching` says.
    @discardableResult
    func get(
        _ path: [PathComponent], cached caching: Caching,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(.GET, path, use: caching.route(handler))
    }
}

struct PageCacheKey: StorageKey {
    typealias Value = PageCache
}

struct SingleFlightKey: StorageKey {
    typealias Value = SingleFlight
}

struct DatabaseVersionKey: StorageKey {
    typealias Value = DatabaseVersion
}

struct SessionCacheKey: StorageKey {
    typealias Value = VersionedCache<SessionData>
}

struct ReadPermissionCacheKey: StorageKey {
    typealias Value = VersionedCache<ReadPermission>
}

struct APIAnswerCacheKey: StorageKey {
    typealias Value = VersionedCache<CachedAPIAnswers.Answer>
}

struct PublishedReportCacheKey: StorageKey {
    typealias Value = PublishedReportCache
}

/// Set once by `Performance`, before any request; empty where it has not run.
extension Application {
    var pageCache: PageCache { storage[PageCacheKey.self] ?? PageCache(maximumBytes: 0) }
    var sessionCache: VersionedCache<SessionData> { storage[SessionCacheKey.self] ?? VersionedCache(maximumBytes: 0) }
    var readPermissions: VersionedCache<ReadPermission> {
        storage[ReadPermissionCacheKey.self] ?? VersionedCache(maximumBytes: 0)
    }
    var apiAnswerCache: VersionedCache<CachedAPIAnswers.Answer> {
        storage[APIAnswerCacheKey.self] ?? VersionedCache(maximumBytes: 0)
    }
    var publishedReports: PublishedReportCache {
        storage[PublishedReportCacheKey.self] ?? PublishedReportCache(maximumBytes: 0)
    }
    var databaseVersion: DatabaseVersion? { storage[DatabaseVersionKey.self] }
    var singleFlight: SingleFlight { storage[SingleFlightKey.self] ?? SingleFlight() }
}
