import Fluent
import Vapor

/// Fluent's database sessions, but a session once read is cached under the database's version
/// (`VersionedCache`), so a reader's next page asks the database only for its version;
/// every change to a session is a commit, which ends what was cached. (`SessionMiddleware`
/// writes a session back only when the request changed it.)
struct CachedSessions: SessionDriver {
    let base: any SessionDriver

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        let cache = request.application.sessionCache
        return request.databaseVersion().flatMap { version in
            if let version, let data = cache.value(sessionID.string, version: version) {
                return request.eventLoop.makeSucceededFuture(data)
            }
            return base.readSession(sessionID, for: request).map { data in
                if let data, let version {
                    cache.insert(data, key: sessionID.string, version: version, size: Self.size(of: data))
                }
                return data
            }
        }
    }

    /// About what a session takes in memory: its keys and values.
    static func size(of data: SessionData) -> Int {
        data.snapshot.reduce(64) { $0 + $1.key.utf8.count + $1.value.utf8.count + 32 }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID>
    {
        base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
