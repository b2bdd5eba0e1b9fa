import Fluent
import Vapor

/// Fluent's database sessions, but a request that did not change its session writes
/// nothing: Vapor saves the session after every response, which would make every page
/// view of a logged-in user a database write. The data as read is kept on the request and
/// compared before the update.
struct QuietSessions: SessionDriver {
    let base: any SessionDriver

    private struct ReadKey: StorageKey {
        typealias Value = SessionData
    }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        base.readSession(sessionID, for: request).map { data in
            if let data { request.storage[ReadKey.self] = data }
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[ReadKey.self] == data { return request.eventLoop.makeSucceededFuture(sessionID) }
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
