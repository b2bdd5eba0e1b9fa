import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// A test's API client: a person with a role and a token, and JSON requests with the token
/// and an If-Match.
enum APIClient {
    static func token(
        _ app: Application, _ email: String, role: ProgrammeRole?, person: String? = nil,
        scope: APIToken.Scope = .readWrite,
        administrator: Bool = false
    ) async throws -> String {
        _ = try await Browser.member(app, email, role: role, administrator: administrator, person: person)
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
        return try await APITokens.create(for: user, name: "Koppeling", scope: scope, actor: "test", on: app.db).1
    }

    static func send(
        _ app: Application, _ method: HTTPMethod, _ path: String, token: String?, ifMatch: String? = nil,
        body: [String: Any]? = nil
    ) async throws -> (HTTPStatus, HTTPHeaders, [String: Any]) {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        if let ifMatch { headers.replaceOrAdd(name: .ifMatch, value: ifMatch) }
        var buffer: ByteBuffer?
        if let body {
            headers.contentType = .json
            buffer = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
        }
        var result: (HTTPStatus, HTTPHeaders, [String: Any]) = (.ok, [:], [:])
        try await app.test(method, path, headers: headers, body: buffer) { res in
            result = (
                res.status, res.headers,
                (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [String: Any] ?? [:]
            )
        }
        return result
    }
}
