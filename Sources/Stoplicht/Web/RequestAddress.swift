import Vapor

private struct PlainPathKey: StorageKey {
    typealias Value = String
}

extension Request {
    /// `url.path`, worked out once a request: each reading of Vapor's `URI.path` (and
    /// `URI.string`) goes through Foundation's URLComponents and an NSString replacement,
    /// a few microseconds every time, and the middlewares and the cached pages each ask.
    var plainPath: String {
        if let path = storage[PlainPathKey.self] { return path }
        let path = url.path
        storage[PlainPathKey.self] = path
        return path
    }

    /// The path with its query, as the address asked for: what pages and answers are cached by.
    var pathAndQuery: String {
        url.query.map { plainPath + "?" + $0 } ?? plainPath
    }
}
