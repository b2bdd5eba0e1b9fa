import Fluent
import Foundation
import Vapor

/// Who is logged in, kept in a server-side session (in the database, so several server
/// instances share it) behind a cookie that is Secure, HttpOnly and SameSite=Lax
/// (`SessionMiddleware`, `SessionCookies`).
enum AccountSession {
    /// Logged out after this long without a request…
    static let idleTimeout: TimeInterval = 30 * 60
    /// …and after this long in any case.
    static let absoluteTimeout: TimeInterval = 8 * 60 * 60
    /// How stale the last-seen time may get: a session idle for 25 to 30 minutes ends.
    static let seenAtRefresh: TimeInterval = 5 * 60

    static let userKey = "gebruiker"
    static let loginAtKey = "ingelogd"
    static let seenAtKey = "gezien"
    static let csrfKey = "csrf"

    /// Logs a user in with a new session id, so an id known before login is worth nothing after.
    static func logIn(_ user: User, on req: Request, now: Date = Date()) async throws {
        let id = try user.requireID().uuidString
        req.accountSession.renew(
            with: SessionData(initialData: [
                userKey: id,
                loginAtKey: String(now.timeIntervalSince1970),
                seenAtKey: String(now.timeIntervalSince1970),
                csrfKey: CSRF.newToken(),
            ]))
    }

    static func logOut(on req: Request) {
        req.accountSession.end()
    }

    /// The logged-in user, or nil; a session past a timeout is ended here.
    static func currentUser(_ req: Request, now: Date = Date()) async throws -> User? {
        guard let id = userID(req, now: now) else { return nil }
        return try await User.find(id, on: req.db)
    }

    /// The id of the session's user, or nil; a session past a timeout is ended here, and
    /// its last-seen time moved on when it is due.
    static func userID(_ req: Request, now: Date = Date()) -> UUID? {
        sessionUser(req, now: now).flatMap(UUID.init(uuidString:))
    }

    /// The session's user as the session holds it (a UUID's text), after the same checks.
    static func sessionUser(_ req: Request, now: Date = Date()) -> String? {
        let session = req.accountSession
        guard let id = session[userKey] else { return nil }
        let t = now.timeIntervalSince1970
        if expired(loginAt: session[loginAtKey], seenAt: session[seenAtKey], at: t) {
            session.end()
            return nil
        }
        // Written at most once in `seenAtRefresh`, not on every request: each write is a
        // change to the database, which also ends every cached live page (PageCache).
        if t - (session[seenAtKey].flatMap(Double.init) ?? 0) > seenAtRefresh { session[seenAtKey] = String(t) }
        return id
    }

    /// Whether a session logged in and last seen at these times (seconds since 1970, as the
    /// session holds them; missing or no number counts as long ago) is past a timeout at `t`.
    static func expired(loginAt: String?, seenAt: String?, at t: TimeInterval) -> Bool {
        let login = loginAt.flatMap(Double.init) ?? 0
        let seen = seenAt.flatMap(Double.init) ?? 0
        return t - login > absoluteTimeout || t - seen > idleTimeout
    }

    /// The logged-in user; anyone else is sent to the login page (or refused, for a POST).
    static func requireUser(_ req: Request) async throws -> User {
        if let user = try await currentUser(req) { return user }
        throw NotLoggedIn(returnPath: req.method == .GET ? req.url.string : nil)
    }
}

/// Raised where a page needs a login; the error middleware turns it into a redirect.
struct NotLoggedIn: AbortError {
    var returnPath: String?
    var status: HTTPResponseStatus { .unauthorized }
    var reason: String { Strings.loginRequired }
}
