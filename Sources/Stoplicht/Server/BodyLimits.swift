import NIOConcurrencyHelpers
import NIOHTTP1
import Vapor

/// The largest body each route takes. Vapor's routes collect their body within their
/// `.collect(maxSize:)`, but `StoplichtServer` hands a `Request` its body already read,
/// which those routes take as it is; so the server asks here first. A route that takes more
/// than the default (`app.routes.defaultMaxBodySize`, 16 KB) is registered with
/// `Application.on(_:_:bodyUpTo:use:)`, which tells both.
final class BodyLimits: Sendable {
    /// Touched under the lock only (RoutingKit's router is not `Sendable`).
    private struct Table: @unchecked Sendable {
        var router: TrieRouter<Int>
        var standard: Int
    }

    private let table: NIOLockedValueBox<Table>

    init(caseInsensitive: Bool = false, standard: Int = 16 * 1024) {
        table = NIOLockedValueBox(Table(router: TrieRouter(Int.self, options: caseInsensitive ? [.caseInsensitive] : []), standard: standard))
    }

    func allow(_ bytes: Int, _ method: HTTPMethod, _ path: [PathComponent]) {
        table.withLockedValue { $0.router.register(bytes, at: [.constant(method.rawValue)] + path) }
    }

    /// The default for every other route.
    func setStandard(_ bytes: Int) {
        table.withLockedValue { $0.standard = bytes }
    }

    /// The most this request's body may hold; 0 for a request that says it has none (no
    /// Content-Length and no Transfer-Encoding), so it is not looked up.
    func maximum(for head: HTTPRequestHead) -> Int {
        guard head.headers.contains(name: .contentLength) || head.headers.contains(name: .transferEncoding) else { return 0 }
        return maximum(head.method, path: URI(string: head.uri).path)
    }

    /// The most a body sent with `method` to `path` may hold.
    func maximum(_ method: HTTPMethod, path: String) -> Int {
        let components = path.split(separator: "/").map(String.init)
        let method = method == .HEAD ? HTTPMethod.GET : method
        return table.withLockedValue { table in
            var parameters = Parameters()
            return table.router.route(path: [method.rawValue] + components, parameters: &parameters) ?? table.standard
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

    /// A route that takes a body of up to `bytes`.
    @discardableResult
    func on<Answer: AsyncResponseEncodable>(_ method: HTTPMethod, _ path: [PathComponent], bodyUpTo bytes: Int,
                                            use handler: @escaping @Sendable (Request) async throws -> Answer) -> Route {
        bodyLimits.allow(bytes, method, path)
        return on(method, path, body: .collect(maxSize: ByteCount(value: bytes)), use: handler)
    }
}
