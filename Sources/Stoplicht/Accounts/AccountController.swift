import Fluent
import Foundation
import Vapor

/// Logging in and out.
enum AccountController {
    struct LoginForm: Content {
        var email: String?
        var wachtwoord: String?
        var terug: String?
    }

    static func form(_ req: Request) async throws -> Response {
        let back = safeReturnPath(req.query[String.self, at: "terug"])
        return LoginView.page(email: "", back: back, error: nil, csrf: CSRF.token(for: req), settings: req.settings).response()
    }

    static func logIn(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let form = try req.content.decode(LoginForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let back = safeReturnPath(form.terug)
        let address = req.clientAddress ?? "onbekend"
        let now = Date()
        if try await FailedLogin.isThrottled(email: email, address: address, now: now, on: req.db) {
            return LoginView.page(email: email, back: back, error: Strings.loginThrottled, csrf: CSRF.token(for: req), settings: req.settings)
                .response(status: .tooManyRequests)
        }
        guard let user = try await User.query(on: req.db).filter(\.$email == email).first(),
              let password = form.wachtwoord, try Bcrypt.verify(password, created: user.passwordHash) else {
            try await FailedLogin.record(email: email, address: address, now: now, on: req.db)
            try await AuditTrail.append([AuditRecord(at: now, actor: email, address: address, action: "inloggen-mislukt", entity: "account")], on: req.db)
            return LoginView.page(email: email, back: back, error: Strings.loginFailed, csrf: CSRF.token(for: req), settings: req.settings)
                .response(status: .unauthorized)
        }
        try await FailedLogin.clear(email: email, on: req.db)
        try await AuditTrail.append([AuditRecord(at: now, actor: email, address: address, action: "inloggen", entity: "account",
                                                 entityID: user.id?.uuidString)], on: req.db)
        try await AccountSession.logIn(user, on: req, now: now)
        return req.redirect(to: back ?? SiteURL.home.path, redirectType: .normal)
    }

    static func logOut(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        AccountSession.logOut(on: req)
        return req.redirect(to: SiteURL.home.path, redirectType: .normal)
    }

    /// Only a path on this site: "/importeren", never "//elders.nl" or "https://…".
    static func safeReturnPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"), path.count < 512 else { return nil }
        return path
    }
}
