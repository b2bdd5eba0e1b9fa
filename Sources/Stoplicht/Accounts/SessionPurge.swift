import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Deletes the stored sessions nobody can use any more: past a timeout (a browser closed
/// without logging out leaves its row behind), or without an account (what Vapor used to
/// store for every visitor). A session past a timeout is already refused when it comes back
/// (`AccountSession.sessionUser`); this keeps the table as small as the people logged in.
enum SessionPurge {
    /// How often a running server looks; the first time a minute after it starts.
    static let interval: TimeAmount = .hours(1)

    /// Deletes the sessions no request can use at `now`; answers how many.
    @discardableResult
    static func purge(on db: any Database, now: Date = Date()) async throws -> Int {
        func usable(_ data: SessionData) -> Bool {
            data[AccountSession.userKey] != nil
                && !AccountSession.expired(
                    loginAt: data[AccountSession.loginAtKey], seenAt: data[AccountSession.seenAtKey],
                    at: now.timeIntervalSince1970)
        }
        let stale = try await SessionRecord.query(on: db).all().filter { !usable($0.data) }.compactMap(\.id)
        // A delete is a commit, which ends every cached page: only when there is something to delete.
        for batch in stride(from: 0, to: stale.count, by: 500) {
            try await SessionRecord.query(on: db).filter(\.$id ~~ Array(stale[batch..<min(stale.count, batch + 500)]))
                .delete()
        }
        return stale.count
    }
}

/// Runs `SessionPurge` every `SessionPurge.interval` while the server runs.
final class SessionPurgeLifecycle: LifecycleHandler, Sendable {
    private let task = NIOLockedValueBox<RepeatedTask?>(nil)

    func didBoot(_ application: Application) throws {
        let logger = application.logger
        let db = application.db
        let loop = application.eventLoopGroup.any()
        let repeated = loop.scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: SessionPurge.interval) { _ in
            loop.makeFutureWithTask {
                do {
                    let deleted = try await SessionPurge.purge(on: db)
                    if deleted > 0 { logger.info("Deleted \(deleted) expired sessions") }
                } catch {
                    logger.warning("Could not delete expired sessions: \(String(reflecting: error))")
                }
            }
        }
        task.withLockedValue { $0 = repeated }
    }

    func shutdown(_ application: Application) {
        task.withLockedValue { $0?.cancel() }
    }
}
