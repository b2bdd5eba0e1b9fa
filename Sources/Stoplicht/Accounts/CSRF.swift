import Foundation
import Plot
import Vapor

/// Protection against cross-site request forgery: every form carries the session's
/// random token, and every state-changing request must send it back. (Vapor has none.)
/// A visitor who is not logged in has no stored session: the login form's token goes out
/// in a cookie of its own (`SessionCookies.loginToken`) and must come back with the form,
/// so looking at the login page writes nothing.
enum CSRF {
    static let fieldName = "_csrf"

    static func newToken() -> String {
        [UInt8].random(count: 32).base64String().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
            of: "/", with: "_")
    }

    /// The session's token; without one, the login form's, made on first use.
    static func token(for req: Request) -> String {
        if let token = expected(req) { return token }
        let token = newToken()
        req.accountSession.issueLoginToken(token)
        return token
    }

    /// What a form must send back: the session's token, or else the login form's cookie.
    private static func expected(_ req: Request) -> String? {
        let session = req.accountSession
        return session[AccountSession.csrfKey] ?? session.current.newLoginToken
            ?? SessionCookies.value(SessionCookies.loginToken, in: req.headers)
    }

    /// Refuses the request with 403 unless its form or header carries the session's token.
    static func verify(_ req: Request) throws {
        try verify(req, sent: try? req.content.get(String.self, at: fieldName))
    }

    /// The same for an upload, whose form the route reads itself (`UploadForm`).
    static func verify(_ req: Request, form: UploadForm) throws {
        try verify(req, sent: form.field(fieldName))
    }

    private static func verify(_ req: Request, sent field: String?) throws {
        let sent = req.headers.first(name: "X-CSRF-Token") ?? field
        guard let expected = expected(req), let sent,
            sent.utf8.count == expected.utf8.count, constantTimeEqual(Array(sent.utf8), Array(expected.utf8))
        else {
            throw InputError(Strings.csrfFailed, status: .forbidden)
        }
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

extension Node {
    /// The hidden field every form includes.
    static func csrfField(_ token: String) -> Node {
        .element(
            named: "input",
            attributes: [
                .attribute(named: "type", value: "hidden"), .attribute(named: "name", value: CSRF.fieldName),
                .attribute(named: "value", value: token),
            ])
    }
}
