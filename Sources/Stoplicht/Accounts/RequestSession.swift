import NIOConcurrencyHelpers
import Vapor

/// One request's session: what `SessionMiddleware` read for the cookie's id, and what the
/// request makes of it. The middleware stores the outcome once the response is made.
final class RequestSession: Sendable {
    struct State: Sendable {
        /// The stored session's id; nil while the session is not stored (a visitor, or a
        /// login that asked for a new id).
        var id: SessionID?
        var data: SessionData
        /// The data as read for the cookie: a session the request left as it was is not written.
        let read: SessionData?
        var ended = false
        /// The stored session a login replaced: deleted when the new one is stored.
        var replaced: SessionID?
        /// The login form's token when the form made it for this request (it goes out in
        /// its own cookie, as a visitor has no stored session to keep it in).
        var newLoginToken: String?
    }

    private let state: NIOLockedValueBox<State>

    init(id: SessionID?, data: SessionData) {
        state = NIOLockedValueBox(State(id: id, data: data, read: id == nil ? nil : data))
    }

    var current: State { state.withLockedValue { $0 } }

    subscript(key: String) -> String? {
        get { state.withLockedValue { $0.ended ? nil : $0.data[key] } }
        set { state.withLockedValue { $0.data[key] = newValue } }
    }

    /// A session under a new id with only `data`: the old id, if any, is worth nothing after.
    func renew(with data: SessionData) {
        state.withLockedValue {
            $0 = State(
                id: nil, data: data, read: nil, ended: false, replaced: $0.id ?? $0.replaced,
                newLoginToken: $0.newLoginToken)
        }
    }

    /// Ends the session: it is deleted and its cookie expired.
    func end() {
        state.withLockedValue { $0.ended = true }
    }

    func issueLoginToken(_ token: String) {
        state.withLockedValue { $0.newLoginToken = token }
    }
}

private struct RequestSessionKey: StorageKey {
    typealias Value = RequestSession
}

extension Request {
    /// The request's session, as `SessionMiddleware` read it (empty where it did not run).
    var accountSession: RequestSession {
        if let session = storage[RequestSessionKey.self] { return session }
        let session = RequestSession(id: nil, data: SessionData())
        storage[RequestSessionKey.self] = session
        return session
    }

    func setAccountSession(_ session: RequestSession) {
        storage[RequestSessionKey.self] = session
    }
}
