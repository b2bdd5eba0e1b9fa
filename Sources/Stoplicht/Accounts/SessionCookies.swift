import Vapor

/// The two cookies Stoplicht sets: the session's id and, for a visitor on the login page,
/// the login form's token. Both are Secure and HttpOnly and carry no expiry date: they end
/// with the browser, and the server ends a session sooner by its timeouts.
enum SessionCookies {
    static let session = "stoplicht-sessie"
    /// `__Host-`: only this host over HTTPS may set it, so no other site under the same
    /// domain can plant a token of its choosing. SameSite=Strict: a form posted from
    /// another site arrives without it.
    static let loginToken = "__Host-stoplicht-inlog"

    /// The value of the cookie `name` in the request's Cookie headers. A plain scan of the
    /// header, where Vapor's `cookies` parses every cookie into a dictionary.
    static func value(_ name: String, in headers: HTTPHeaders) -> String? {
        for header in headers[.cookie] {
            for pair in header.utf8.split(separator: UInt8(ascii: ";")) {
                var pair = pair
                while pair.first == UInt8(ascii: " ") { pair = pair.dropFirst() }
                guard pair.count > name.utf8.count, pair.starts(with: name.utf8),
                    pair[pair.index(pair.startIndex, offsetBy: name.utf8.count)] == UInt8(ascii: "=")
                else { continue }
                let value = String(decoding: pair.dropFirst(name.utf8.count + 1), as: UTF8.self)
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    static func sessionCookie(_ id: SessionID) -> String {
        "\(session)=\(id.string); Path=/; Secure; HttpOnly; SameSite=Lax"
    }

    static func loginTokenCookie(_ token: String) -> String {
        "\(loginToken)=\(token); Path=/; Secure; HttpOnly; SameSite=Strict"
    }

    static let expiredSessionCookie =
        "\(session)=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax"
}
