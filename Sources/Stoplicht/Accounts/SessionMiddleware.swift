import Vapor

/// Reads the session the cookie names before the route and stores what the route made of it
/// after. In place of Vapor's `SessionsMiddleware`, which parses every cookie of every
/// request, writes a Set-Cookie on every response and makes a session for any cookie that
/// names none: here a cookie is looked up by a scan of the header, a cookie is set only
/// when the session's id changes, and a session is stored only once it holds something.
struct SessionMiddleware: Middleware {
    let store: any SessionDriver

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let sent = SessionCookies.value(SessionCookies.session, in: request.headers).map(SessionID.init(string:))
        let read = sent.map { store.readSession($0, for: request) } ?? request.eventLoop.makeSucceededFuture(nil)
        return read.flatMap { data in
            let session = RequestSession(id: data == nil ? nil : sent, data: data ?? SessionData())
            request.setAccountSession(session)
            // Stored also when the route failed: an error page is made further out, and what
            // the request did to its session (ended it on a timeout, say) holds all the same.
            return next.respond(to: request).flatMapAlways { result in
                save(session, sent: sent, for: request).flatMap { cookies in
                    switch result {
                    case .success(let response):
                        for cookie in cookies { response.headers.add(name: .setCookie, value: cookie) }
                        return request.eventLoop.makeSucceededFuture(response)
                    case .failure(let error):
                        return request.eventLoop.makeFailedFuture(error)
                    }
                }
            }
        }
    }

    /// Stores the session as the request left it; answers the Set-Cookie values it needs.
    private func save(_ session: RequestSession, sent: SessionID?, for request: Request) -> EventLoopFuture<[String]> {
        let state = session.current
        let login = state.newLoginToken.map { [SessionCookies.loginTokenCookie($0)] } ?? []
        if let id = state.id, !state.ended {
            // Unchanged, nothing is written: a write is a commit, which ends every cached page.
            guard state.data != state.read else { return request.eventLoop.makeSucceededFuture(login) }
            return store.updateSession(id, to: state.data, for: request).map { _ in login }
        }
        // Ended, replaced by a login, or never stored.
        let gone = [state.replaced, state.ended ? state.id : nil].compactMap { $0 }
        let deleted = EventLoopFuture.andAllSucceed(
            gone.map { store.deleteSession($0, for: request) }, on: request.eventLoop)
        if !state.ended, !state.data.snapshot.isEmpty {
            return deleted.flatMap { store.createSession(state.data, for: request) }.map { id in
                login + [SessionCookies.sessionCookie(id)]
            }
        }
        // The cookie of a session that ended, or that names none (expired, from a stale tab,
        // made up), is expired.
        let cookies = sent == nil ? login : login + [SessionCookies.expiredSessionCookie]
        return deleted.map { cookies }
    }
}
