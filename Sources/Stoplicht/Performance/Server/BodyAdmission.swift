import NIOHTTP1
import Vapor

/// Who may send a route a body larger than anyone may, decided when the request's head
/// arrives, before the body is read: an anonymous client cannot make the server hold or
/// store more than the default (16 kB) by aiming at the upload routes.
///
/// A route that takes more (`Application.on(_:_:bodyUpTo:admit:spooled:use:)`) names its
/// rule: the import a session whose account may import somewhere, the actuals upload one
/// who may manage the programme's finances, the API a token that may write. The rule runs on
/// a `Request` without a body, behind the same middlewares as the route (the session is read
/// as for the route; a refusal is the answer the route would give: a browser without a login
/// is sent to log in, an API client gets 401 problem JSON). A refused request's body is not
/// read: the answer goes out and the connection ends (`HTTPConnection`). The route checks
/// everything again, as before, once the body is there.
enum BodyAdmission {
    /// Throws what the route would throw for a request from someone who may not send it
    /// this body at all: `NotLoggedIn`, or an error with status 401 or 403.
    typealias Rule = @Sendable (Request) async throws -> Void

    /// Whether this request is asked first: its route has a rule, and it says its body is
    /// larger than the default, or does not say how large (sent in chunks).
    static func isNeeded(_ head: HTTPRequestHead, route: BodyLimits.Route, standard: Int) -> Bool {
        guard route.admission != nil, route.bytes > standard else { return false }
        guard let declared = head.headers.first(name: .contentLength) else {
            return head.headers.contains(name: .transferEncoding)
        }
        return Int(declared).map { $0 > standard } ?? true
    }

    /// Whether the admission's answer lets the request in (else it is the refusal to send).
    static func admits(_ response: Response) -> Bool {
        response.storage[AdmittedKey.self] == true
    }

    /// The rule to run, set on the request by the connection.
    struct RuleKey: StorageKey {
        typealias Value = Rule
    }

    private struct AdmittedKey: StorageKey {
        typealias Value = Bool
    }

    /// Behind the middlewares in place of the router: runs the request's rule.
    struct Check: Responder {
        func respond(to request: Request) -> EventLoopFuture<Response> {
            guard let rule = request.storage[RuleKey.self] else {
                return request.eventLoop.makeFailedFuture(Abort(.internalServerError))
            }
            return request.eventLoop.makeFutureWithTask {
                try await rule(request)
                let admitted = Response(status: .continue)
                admitted.storage[AdmittedKey.self] = true
                return admitted
            }
        }
    }
}
