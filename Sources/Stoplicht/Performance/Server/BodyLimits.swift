import NIOConcurrencyHelpers
import NIOHTTP1
import Vapor

/// The largest body each route takes, who may send one that large, and where it goes while
/// it comes. Vapor's routes collect their body within their `.collect(maxSize:)`, but
/// `StoplichtServer` hands a `Request` its body already read, which those routes take as it
/// is; so the server asks here first. A route that takes more than the default
/// (`app.routes.defaultMaxBodySize`, 16 KB) is registered with
/// `Application.on(_:_:bodyUpTo:admit:spooled:use:)`, which tells both.
final class BodyLimits: Sendable {
    /// What the server knows of a route before its body is read.
    struct Route: Sendable {
        /// The most its body may hold.
        var bytes: Int
        /// Who may send it more than the default: asked when the head arrives (`BodyAdmission`).
        var admission: BodyAdmission.Rule?
        /// Its body goes to a temporary file as it comes, not into memory (`BodySpool`); the
        /// route reads it with `UploadForm`.
        var spooled = false
        /// The path's parameters, for the admission.
        var parameters = Parameters()
    }

    /// Touched under the lock only (RoutingKit's router is not `Sendable`).
    private struct Table: @unchecked Sendable {
        var router: TrieRouter<Route>
        var standard: Int
    }

    private let table: NIOLockedValueBox<Table>

    init(caseInsensitive: Bool = false, standard: Int = 16 * 1024) {
        table = NIOLockedValueBox(
            Table(
                router: TrieRouter(Route.self, options: caseInsensitive ? [.caseInsensitive] : []), standard: standard))
    }

    func allow(
        _ bytes: Int, _ method: HTTPMethod, _ path: [PathComponent], admission: BodyAdmission.Rule? = nil,
        spooled: Bool = false
    ) {
        table.withLockedValue {
            $0.router.register(
                Route(bytes: bytes, admission: admission, spooled: spooled), at: [.constant(method.rawValue)] + path)
        }
    }

    /// The default for every other route.
    func setStandard(_ bytes: Int) {
        table.withLockedValue { $0.standard = bytes }
    }

    /// The default: what anyone may send any route.
    var standard: Int { table.withLockedValue { $0.standard } }

    /// The most this request's body may hold; 0 for a request that says it has none (no
    /// Content-Length and no Transfer-Encoding), so it is not looked up.
    func maximum(for head: HTTPRequestHead) -> Int {
        route(for: head).bytes
    }

    /// This request's route as far as its body goes; a limit of 0 for a request that says it
    /// has none (no Content-Length and no Transfer-Encoding), so it is not looked up.
    func route(for head: HTTPRequestHead) -> Route {
        guard head.headers.contains(name: .contentLength) || head.headers.contains(name: .transferEncoding) else {
            return Route(bytes: 0)
        }
        return route(head.method, path: URI(string: head.uri).path)
    }

    /// The most a body sent with `method` to `path` may hold.
    func maximum(_ method: HTTPMethod, path: String) -> Int {
        route(method, path: path).bytes
    }

    private func route(_ method: HTTPMethod, path: String) -> Route {
        let components = path.split(separator: "/").map(String.init)
        let method = method == .HEAD ? HTTPMethod.GET : method
        return table.withLockedValue { table in
            var parameters = Parameters()
            guard var found = table.router.route(path: [method.rawValue] + components, parameters: &parameters) else {
                return Route(bytes: table.standard)
            }
            found.parameters = parameters
            return found
        }
    }
}

struct BodyLimitsKey: StorageKey {
    typealias Value = BodyLimits
}

extension Application {
    /// Set once in `configure`, before the routes.
    var bodyLimits: BodyLimits {
        if let limits = storage[BodyLimitsKey.self] { return limits }
        let limits = BodyLimits(caseInsensitive: routes.caseInsensitive, standard: routes.defaultMaxBodySize.value)
        storage[BodyLimitsKey.self] = limits
        return limits
    }

    /// A route that takes a body of up to `bytes`, more than anyone may send: `admit` says,
    /// from the head, who may send more (it throws what the route would: `NotLoggedIn`, a
    /// 401 or a 403), and the server asks it before it reads more than the default. A
    /// `spooled` route's body goes to a temporary file as it comes; it reads it with `UploadForm`.
    @discardableResult
    func on<Answer: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: [PathComponent], bodyUpTo bytes: Int,
        admit: @escaping BodyAdmission.Rule, spooled: Bool = false,
        use handler: @escaping @Sendable (Request) async throws -> Answer
    ) -> Route {
        bodyLimits.allow(bytes, method, path, admission: admit, spooled: spooled)
        return on(method, path, body: .collect(maxSize: ByteCount(value: bytes)), use: handler)
    }
}
