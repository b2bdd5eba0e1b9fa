import Fluent
import Foundation
import Vapor

/// Logging in and out.
enum AccountController {
    /// The login form as posted; a field of another type than text refuses the form.
    struct LoginForm: Decodable {
        var email: String?
        var password: String?
        var back: String?

        init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: LoginField.self)
            email = try fields.decodeIfPresent(String.self, forKey: .email)
            password = try fields.decodeIfPresent(String.self, forKey: .password)
            back = try fields.decodeIfPresent(String.self, forKey: .back)
        }
    }

    static func form(_ req: Request) async throws -> Response {
        let back = safeReturnPath(req.query[String.self, at: LoginField.back.name])
        return LoginView.page(email: "", back: back, error: nil, csrf: CSRF.token(for: req), settings: req.settings)
            .response()
    }

    static func logIn(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let form = try req.content.decode(LoginForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let back = safeReturnPath(form.back)
        let address = req.clientAddress ?? "onbekend"
        let now = Date()
        guard try await FailedLogin.reserve(email: email, address: address, now: now, on: req.db) != nil else {
            return LoginView.page(
                email: email, back: back, error: Strings.loginThrottled, csrf: CSRF.token(for: req),
                settings: req.settings
            )
            .response(status: .tooManyRequests)
        }
        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        // bcrypt on the thread pool, not the event loop; an unknown address is checked against
        // a hash of the same cost, so the time taken does not tell whether an account exists.
        let matches = try await req.password.async.verify(
            form.password ?? "", created: user?.passwordHash ?? LoginTiming.unknownAccountHash
        ).get()
        guard let user, form.password != nil, matches else {
            try await AuditTrail.append(
                [AuditRecord(at: now, actor: email, address: address, action: .loginFailed, entity: "account")],
                on: req.db)
            return LoginView.page(
                email: email, back: back, error: Strings.loginFailed, csrf: CSRF.token(for: req), settings: req.settings
            )
            .response(status: .unauthorized)
        }
        try await FailedLogin.clear(email: email, on: req.db)
        try await AuditTrail.append(
            [
                AuditRecord(
                    at: now, actor: email, address: address, action: .login, entity: "account",
                    entityID: user.id?.uuidString)
            ], on: req.db)
        try await AccountSession.logIn(user, on: req, now: now)
        return req.redirect(to: back ?? SiteURL.home.path, redirectType: .normal)
    }

    static func logOut(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        AccountSession.logOut(on: req)
        return req.redirect(to: SiteURL.home.path, redirectType: .normal)
    }

    /// A bcrypt hash of the cost accounts are made with (`Bcrypt.hash`'s default), for a
    /// login whose address has no account: made once, of a password nobody knows.
    enum LoginTiming {
        static let unknownAccountHash: String = (try? Bcrypt.hash([UInt8].random(count: 24).base64String())) ?? ""
    }

    /// Only a path on this site: "/importeren", never "//elders.nl", "https://…" or a path
    /// that a browser turns into another site once it drops what it ignores ("/\t/elders.nl"
    /// becomes "//elders.nl"): every character must be one a URL's path or query holds as it
    /// is, so nothing is removed on the way.
    static func safeReturnPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), path.utf8.count < 512,
            path.utf8.allSatisfy(isPathByte),
            let parsed = URLComponents(string: path), parsed.scheme == nil, parsed.host == nil,
            parsed.percentEncodedPath.hasPrefix("/"), !parsed.percentEncodedPath.hasPrefix("//")
        else { return nil }
        return path
    }

    /// Letters, digits and the characters RFC 3986 allows unencoded in a path or query.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: "-._~!$&'()*+,;=:@/?%".utf8.contains(byte)
        }
    }
}

/// The login form's fields, by the names it posts; `terug` is also the login page's query
/// parameter: where to go after logging in.
enum LoginField: String, CaseIterable, CodingKey, FormField {
    case email
    case password = "wachtwoord"
    case back = "terug"
}
