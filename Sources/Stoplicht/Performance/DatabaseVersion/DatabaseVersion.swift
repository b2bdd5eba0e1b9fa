import FluentPostgresDriver
import Vapor

/// One value that changes with every commit to the database, made by this process or any
/// other (a second instance, `stoplicht import` on the command line). Live pages are cached
/// under it, so a cached page is never older than the database; see `VersionedCache`.
///
/// - PostgreSQL: the current snapshot (`pg_current_snapshot()`: which transactions are
///   visible). Two requests with the same snapshot read the same data; a transaction that
///   commits changes it, and only once its changes are visible. (The WAL position would
///   move while a commit is still being flushed, before its rows can be read, and a page
///   rendered in that moment would be cached without them.) Reading assigns no transaction ids,
///   so reading leaves it alone. Read on a connection of each event loop's own
///   (`PostgresSnapshot`).
/// - SQLite: `data_version`, read on a connection of its own that never writes: it changes
///   whenever another connection's commit has become visible (`SQLiteDataVersion`).
///
/// Each event loop reads for its requests through its own `VersionReads`, which lets the
/// requests that ask at the same time share one read, and no loop hands out a version older
/// than one already handed out (`LatestVersion`).
final class DatabaseVersion: Sendable {
    /// By event loop; empty where the version cannot be known (the in-memory SQLite of the
    /// tests: no other connection can watch it, so nothing is cached).
    private let reads: [ObjectIdentifier: VersionReads]
    /// The newest version handed out; nil with no reads.
    private let latest: LatestVersion?
    /// Closes the connections the versions are read on.
    private let closeWatcher: @Sendable () async -> Void

    private init(reads: [VersionReads], latest: LatestVersion?, closeWatcher: @escaping @Sendable () async -> Void = {})
    {
        self.reads = Dictionary(uniqueKeysWithValues: reads.map { (ObjectIdentifier($0.loop), $0) })
        self.latest = latest
        self.closeWatcher = closeWatcher
    }

    static func open(for database: Settings.Database, on app: Application) async throws -> DatabaseVersion {
        let loops = Array(app.eventLoopGroup.makeIterator())
        switch database {
        case .sqliteMemory:
            return DatabaseVersion(reads: [], latest: nil)
        case .postgres(let url):
            // Snapshots of one server compare whichever connection read them.
            let configuration = try SQLPostgresConfiguration.stoplicht(url: url).coreConfiguration
            let snapshots = loops.map { PostgresSnapshot(loop: $0, configuration: configuration, logger: app.logger) }
            return DatabaseVersion(
                readers: snapshots.map { snapshot in (snapshot.loop, { snapshot.read() }) }, latest: .postgres(),
                closeWatcher: { for snapshot in snapshots { await snapshot.close() } })
        case .sqliteFile(let path):
            // One watcher for all loops: a connection's data_version counts the commits it
            // has seen, so another connection's numbers are not comparable with its own.
            let watcher = try SQLiteDataVersion(path: path, threadPool: app.threadPool)
            return DatabaseVersion(
                readers: loops.map { loop in (loop, { watcher.read(on: loop) }) }, latest: .sqlite(),
                closeWatcher: { watcher.close() })
        }
    }

    /// Each loop's reads through its reader, every version read passed through `latest`
    /// before it is handed out.
    private convenience init(
        readers: [(loop: any EventLoop, read: @Sendable () -> EventLoopFuture<String?>)], latest: LatestVersion,
        closeWatcher: @escaping @Sendable () async -> Void
    ) {
        self.init(
            reads: readers.map { reader in VersionReads(loop: reader.loop) { reader.read().map { latest.advance($0) } }
            },
            latest: latest, closeWatcher: closeWatcher)
    }

    /// The database's version as a read begun now finds it, or nil where it cannot be known.
    func current(for req: Request) -> EventLoopFuture<String?> {
        current(on: req.eventLoop)
    }

    /// The same for a request on `loop` that has no Vapor `Request` (`PublishedReportFastPath`).
    func current(on loop: any EventLoop) -> EventLoopFuture<String?> {
        // Every request is on one of the application's loops; any other asks the first one's reads.
        guard let reads = reads[ObjectIdentifier(loop)] ?? reads.values.first else {
            return loop.makeSucceededFuture(nil)
        }
        return reads.next()
    }

    /// Whether `version` is known to come before `other`: `VersionedCache` never moves back.
    func isOlder(_ version: String, than other: String) -> Bool {
        latest?.isOlder(version, than: other) ?? false
    }

    /// `version`, or the newer one handed out since this request read it. A page looked up
    /// and made under the newer version is as exact for the request: that version was found
    /// by a read that has completed, so the page is made from a database at least as new.
    func newest(_ version: String) -> String {
        latest?.atLeast(version) ?? version
    }

    func close() async {
        await closeWatcher()
    }
}

/// Closes the SQLite watcher when the application stops.
struct DatabaseVersionLifecycle: LifecycleHandler {
    let version: DatabaseVersion

    func shutdownAsync(_ application: Application) async {
        await version.close()
    }
}

extension Request {
    private struct VersionKey: StorageKey {
        typealias Value = String?
    }

    /// The database's version as this request first read it, read once: the session, the
    /// reader's access and the page are all looked up under it. Nil where nothing is cached
    /// (`STOPLICHT_PAGE_CACHE=uit`, the in-memory database) or it could not be read.
    /// Whatever the request reads after it is at least as new, so a value cached under it is
    /// never older than the database at that version.
    func databaseVersion() -> EventLoopFuture<String?> {
        guard settings.cachesPages, let source = application.databaseVersion else {
            return eventLoop.makeSucceededFuture(nil)
        }
        if let known = storage[VersionKey.self] { return eventLoop.makeSucceededFuture(known) }
        return source.current(for: self).recover { _ in nil }.hop(to: eventLoop).map { version in
            self.storage[VersionKey.self] = .some(version)
            return version
        }
    }

    func databaseVersion() async -> String? {
        (try? await databaseVersion().get()) ?? nil
    }
}
