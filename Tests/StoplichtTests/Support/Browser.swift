import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

/// A browser for the tests: keeps the session cookie, the login form's cookie and the last
/// CSRF token a page gave, and sends them back the way a real browser's forms do.
struct Browser {
    struct Reply {
        var status: HTTPStatus
        var body: String
        var location: String?
        var setCookie: HTTPCookies.Value?
        var headers: HTTPHeaders = [:]
    }

    let app: Application
    var cookie: String?
    var loginCookie: String?
    var csrf: String?

    init(_ app: Application) {
        self.app = app
    }

    /// A browser logged in as a new user (a beheerder unless said otherwise).
    static func loggedIn(_ app: Application, email: String = "beheerder@gemeente.nl", administrator: Bool = true)
        async throws -> Browser
    {
        _ = try await User.create(
            email: email, name: "Test \(email)", password: "een lang wachtwoord", administrator: administrator,
            on: app.db)
        var browser = Browser(app)
        let reply = try await browser.logIn(email: email, password: "een lang wachtwoord")
        #expect(reply.status == .seeOther)
        return browser
    }

    mutating func logIn(email: String, password: String) async throws -> Reply {
        _ = try await send(.GET, "/inloggen")
        return try await post("/inloggen", LoginField.form([.email: email, .password: password]))
    }

    mutating func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil)
        async throws -> Reply
    {
        var headers = headers
        if !headers.contains(name: .accept) { headers.add(name: .accept, value: "text/html") }
        let cookies = [
            cookie.map { "\(SessionCookies.session)=\($0)" }, loginCookie.map { "\(SessionCookies.loginToken)=\($0)" },
        ].compactMap { $0 }
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.joined(separator: "; ")) }
        var reply = Reply(status: .ok, body: "")
        try await app.testing().test(method, path, headers: headers, body: body) { res in
            reply = Reply(
                status: res.status, body: res.body.string, location: res.headers.first(name: .location),
                setCookie: res.headers.setCookie?[SessionCookies.session], headers: res.headers)
        }
        if let set = reply.setCookie { cookie = Self.kept(set) }
        if let set = reply.headers.setCookie?[SessionCookies.loginToken] { loginCookie = Self.kept(set) }
        if let token = Self.csrfToken(in: reply.body) { csrf = token }
        return reply
    }

    mutating func get(_ path: String) async throws -> Reply {
        try await send(.GET, path)
    }

    /// A form post with the page's CSRF token, unless `csrf: false`.
    mutating func post(_ path: String, _ fields: [String: String] = [:], csrf includeToken: Bool = true) async throws
        -> Reply
    {
        var fields = fields
        if includeToken, let csrf { fields[CSRF.fieldName] = csrf }
        var components = URLComponents()
        components.queryItems = fields.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        let encoded = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return try await send(
            .POST, path, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: encoded))
    }

    /// A file upload as the import form sends it.
    mutating func upload(
        _ path: String, file: Data, filename: String, fields: [String: String],
        fileField: String = ImportUploadField.file.name
    ) async throws -> Reply {
        var fields = fields
        if let csrf { fields[CSRF.fieldName] = csrf }
        let boundary = "----stoplicht-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        return try await send(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }

    /// What a browser keeps of a Set-Cookie: nothing when it is expired.
    private static func kept(_ set: HTTPCookies.Value) -> String? {
        let expired = set.expires.map { $0 < Date() } ?? false
        return expired || set.maxAge == 0 || set.string.isEmpty ? nil : set.string
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(CSRF.fieldName)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
