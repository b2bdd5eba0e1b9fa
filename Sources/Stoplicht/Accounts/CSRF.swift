import Foundation
import Plot
import Vapor

/// Protection against cross-site request forgery: every form carries the session's
/// random token, and every state-changing request must send it back. (Vapor has none.)
enum CSRF {
    static let fieldName = "_csrf"

    static func newToken() -> String {
        [UInt8].random(count: 32).base64String().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    /// The session's token, made on first use (the login form needs one before login).
    static func token(for req: Request) -> String {
        if let token = req.session.data[AccountSession.csrfKey] { return token }
        let token = newToken()
        req.session.data[AccountSession.csrfKey] = token
        return token
    }

    /// Refuses the request with 403 unless its form or header carries the session's token.
    static func verify(_ req: Request) throws {
        let sent = req.headers.first(name: "X-CSRF-Token") ?? (try? req.content.get(String.self, at: fieldName))
        guard req.hasSession, let expected = req.session.data[AccountSession.csrfKey], let sent,
              sent.utf8.count == expected.utf8.count, constantTimeEqual(Array(sent.utf8), Array(expected.utf8)) else {
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
        .element(named: "input", attributes: [.attribute(named: "type", value: "hidden"), .attribute(named: "name", value: CSRF.fieldName),
                                              .attribute(named: "value", value: token)])
    }
}
