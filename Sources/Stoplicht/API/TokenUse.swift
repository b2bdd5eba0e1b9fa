import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// When each API token was last used, as its owner sees it on the token page: written at
/// most once in `refresh` per token, like a session's last-seen time, because each write is
/// a commit that ends what is cached (the API's answers, the live pages). The time last
/// written is held in memory per token digest, so a request within `refresh` of it writes
/// nothing and asks nothing. A token not in memory (the first request after a start) is
/// looked up once; only a token that exists and is not revoked is remembered, so made-up
/// tokens cause no write.
///
/// It is recorded before the request reads the database's version (`CachedAPIAnswers.cached`), so
/// an answer made after the write is cached under the version that holds it.
final class TokenUse: Sendable {
    static let refresh: TimeInterval = 5 * 60
    /// Past this many tokens remembered, the memory is cleared and each token in use is
    /// looked up once again.
    static let maximumEntries = 10_000

    private let written = NIOLockedValueBox<[String: Date]>([:])

    /// What a request with this token at `now` has to do.
    enum Step: Equatable {
        /// Written less than `refresh` ago.
        case nothing
        /// Known, written `refresh` or more ago (or never): write it.
        case write
        /// Not in memory: look it up.
        case lookUp
    }

    func step(_ digest: String, at now: Date) -> Step {
        guard let last = written.withLockedValue({ $0[digest] }) else { return .lookUp }
        return Self.isDue(last: last, at: now) ? .write : .nothing
    }

    static func isDue(last: Date?, at now: Date) -> Bool {
        guard let last else { return true }
        return now.timeIntervalSince(last) >= refresh || now < last
    }

    func remember(_ digest: String, writtenAt time: Date) {
        written.withLockedValue { written in
            if written.count >= Self.maximumEntries, written[digest] == nil { written.removeAll(keepingCapacity: true) }
            written[digest] = time
        }
    }

    /// Records the request's token's use when it is due; nothing without a token, once per
    /// request. A failure is logged, never the request's: the time is information for the
    /// owner, not a permission.
    static func record(_ req: Request, now: Date = Date()) -> EventLoopFuture<Void> {
        guard let bearer = req.headers.bearerAuthorization?.token, req.storage[RecordedKey.self] == nil else {
            return req.eventLoop.makeSucceededVoidFuture()
        }
        req.storage[RecordedKey.self] = true
        let use = req.application.tokenUse
        let digest = APITokens.digest(bearer)
        let done: EventLoopFuture<Void>
        switch use.step(digest, at: now) {
        case .nothing:
            return req.eventLoop.makeSucceededVoidFuture()
        case .write:
            done = write(digest, at: now, on: req.db).map { use.remember(digest, writtenAt: now) }
        case .lookUp:
            done = APIToken.query(on: req.db).filter(\.$tokenHash == digest).filter(\.$revokedAt == nil)
                .field(\.$id).field(\.$lastUsedAt).first()
                .flatMap { token in
                    guard let token else { return req.eventLoop.makeSucceededVoidFuture() }
                    guard isDue(last: token.lastUsedAt, at: now) else {
                        use.remember(digest, writtenAt: token.lastUsedAt ?? now)
                        return req.eventLoop.makeSucceededVoidFuture()
                    }
                    return write(digest, at: now, on: req.db).map { use.remember(digest, writtenAt: now) }
                }
        }
        return done.flatMapError { error in
            req.logger.warning("Could not record the API token's last use: \(String(reflecting: error))")
            return req.eventLoop.makeSucceededVoidFuture()
        }
    }

    /// Another instance may have written it meanwhile: then this changes nothing.
    private static func write(_ digest: String, at now: Date, on db: any Database) -> EventLoopFuture<Void> {
        APIToken.query(on: db)
            .filter(\.$tokenHash == digest).filter(\.$revokedAt == nil)
            .group(.or) { $0.filter(\.$lastUsedAt == nil).filter(\.$lastUsedAt < now.addingTimeInterval(-refresh)) }
            .set(\.$lastUsedAt, to: now)
            .update()
    }

    private struct RecordedKey: StorageKey {
        typealias Value = Bool
    }
}

struct TokenUseKey: StorageKey {
    typealias Value = TokenUse
}

extension Application {
    /// Set once in `configure`, before any request.
    var tokenUse: TokenUse { storage[TokenUseKey.self] ?? TokenUse() }
}
