import Fluent
import Foundation
@testable import Stoplicht
import StoplichtCore
import Testing
import Vapor

/// Writing a status through the API: ETag and If-Match for optimistic locking, the web's
/// permissions and checks, a read-only token refused, concurrent writes of one ETag: one wins.
@Suite struct APIStatusTests {
    static let path = "/api/v1/programmes/dienstverlening/projects/1/status"

    func token(_ app: Application, _ email: String, role: ProgrammeRole?, person: String? = nil, scope: APIToken.Scope = .readWrite) async throws -> String {
        _ = try await Browser.member(app, email, role: role, person: person)
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
        return try await APITokens.create(for: user, name: "Koppeling", scope: scope, actor: "test", on: app.db).1
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String?, ifMatch: String? = nil,
              body: [String: Any]? = nil) async throws -> (HTTPStatus, HTTPHeaders, [String: Any]) {
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
            result = (res.status, res.headers, (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [String: Any] ?? [:])
        }
        return result
    }

    func body(light: String?, remarks: String, cause: String = "", consequence: String = "", measure: String = "") -> [String: Any] {
        ["light": light as Any, "dimensionLights": [String: String](), "lifecycle": "lopend", "remarks": remarks, "achieved": "", "plannedNext": "",
         "plannedStart": "", "forecastStart": "Q1 2019", "plannedDelivery": "", "forecastDelivery": "Q2 2019",
         "cause": cause, "consequence": consequence, "measure": measure]
    }

    @Test func aStatusIsWrittenWithItsETagAndAStaleOneIsRefused() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let walter = try await token(app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let read = try await send(app, .GET, Self.path, token: walter)
            #expect(read.0 == .ok)
            let etag = try #require(read.1.first(name: .eTag))

            #expect(try await send(app, .PUT, Self.path, token: walter, body: body(light: "groen", remarks: "Loopt.")).0 == .preconditionRequired)
            let refused = try await send(app, .PUT, Self.path, token: walter, ifMatch: etag, body: body(light: "oranje", remarks: "Vertraagd."))
            #expect(refused.0 == .unprocessableEntity)
            #expect((refused.2["detail"] as? String)?.contains("oorzaak") == true)

            let saved = try await send(app, .PUT, Self.path, token: walter, ifMatch: etag, body: body(light: "groen", remarks: "Loopt via de API."))
            #expect(saved.0 == .ok)
            #expect(saved.2["remarks"] as? String == "Loopt via de API." && saved.2["forecastDelivery"] as? String == "Q2 2019")
            let newTag = try #require(saved.1.first(name: .eTag))
            #expect(newTag != etag)
            #expect(try await Cycle.status(1, on: app.db)?.remarks == "Loopt via de API.")
            let actors = try await AuditEntry.query(on: app.db).filter(\.$entity == "status").all().map(\.actor)
            #expect(actors.last == "walter@woudenberg.nl", "\(actors)")

            // The old ETag again: someone else's change would be lost, so 412 with the current ETag.
            let stale = try await send(app, .PUT, Self.path, token: walter, ifMatch: etag, body: body(light: "grijs", remarks: "Oud."))
            #expect(stale.0 == .preconditionFailed)
            #expect(stale.1.first(name: .eTag) == newTag)
            #expect(try await Cycle.status(1, on: app.db)?.light == "groen")
        }
    }

    @Test func theWebsPermissionsAndTheTokensScope() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let readOnly = try await token(app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan", scope: .read)
            let other = try await token(app, "sieka@woudenberg.nl", role: .projectLeader, person: "Sieka Geldof")
            let reader = try await token(app, "lezer@woudenberg.nl", role: .reader)
            let manager = try await token(app, "erna@woudenberg.nl", role: .programmeManager)
            let etag = try #require(try await send(app, .GET, Self.path, token: reader).1.first(name: .eTag))
            let change = body(light: "groen", remarks: "Door de API.")
            #expect(try await send(app, .PUT, Self.path, token: nil, ifMatch: etag, body: change).0 == .unauthorized)
            let scoped = try await send(app, .PUT, Self.path, token: readOnly, ifMatch: etag, body: change)
            #expect(scoped.0 == .forbidden)
            #expect(scoped.2["detail"] as? String == "Deze API-token mag alleen lezen.")
            #expect(try await send(app, .PUT, Self.path, token: other, ifMatch: etag, body: change).0 == .forbidden)
            #expect(try await send(app, .PUT, Self.path, token: reader, ifMatch: etag, body: change).0 == .forbidden)
            #expect(try await send(app, .PUT, Self.path, token: manager, ifMatch: etag, body: change).0 == .ok)
            #expect(try await send(app, .DELETE, Self.path, token: manager).0 == .methodNotAllowed)
        }
    }

    @Test func ofEightWritesWithOneETagOneWins() async throws {
        try await withStoplicht(seeded: true) { app in
            let manager = try await token(app, "erna@woudenberg.nl", role: .programmeManager)
            let etag = try #require(try await send(app, .GET, Self.path, token: manager).1.first(name: .eTag))
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for n in 0..<8 {
                    group.addTask { try await send(app, .PUT, Self.path, token: manager, ifMatch: etag, body: body(light: "groen", remarks: "Schrijver \(n)")).0 }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.allSatisfy { [.ok, .preconditionFailed, .serviceUnavailable].contains($0) }, "\(statuses)")
        }
    }
}
