import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Writing a status through the API: ETag and If-Match for optimistic locking, the web's
/// permissions and checks, a read-only token refused, concurrent writes of one ETag: one wins.
@Suite struct APIStatusTests {
    static let path = "/api/v1/programmes/dienstverlening/projects/1/status"

    func body(light: String?, remarks: String, cause: String = "", consequence: String = "", measure: String = "")
        -> [String: Any]
    {
        [
            "light": light as Any, "dimensionLights": [String: String](), "lifecycle": "lopend", "remarks": remarks,
            "achieved": "", "plannedNext": "",
            "plannedStart": "", "forecastStart": "Q1 2019", "plannedDelivery": "", "forecastDelivery": "Q2 2019",
            "cause": cause, "consequence": consequence, "measure": measure,
        ]
    }

    @Test func aStatusIsWrittenWithItsETagAndAStaleOneIsRefused() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let walter = try await APIClient.token(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let read = try await APIClient.send(app, .GET, Self.path, token: walter)
            #expect(read.0 == .ok)
            let etag = try #require(read.1.first(name: .eTag))

            #expect(
                try await APIClient.send(
                    app, .PUT, Self.path, token: walter, body: body(light: "groen", remarks: "Loopt.")
                ).0 == .preconditionRequired)
            let refused = try await APIClient.send(
                app, .PUT, Self.path, token: walter, ifMatch: etag, body: body(light: "oranje", remarks: "Vertraagd."))
            #expect(refused.0 == .unprocessableEntity)
            #expect((refused.2["detail"] as? String)?.contains("oorzaak") == true)

            let saved = try await APIClient.send(
                app, .PUT, Self.path, token: walter, ifMatch: etag,
                body: body(light: "groen", remarks: "Loopt via de API."))
            #expect(saved.0 == .ok)
            #expect(
                saved.2["remarks"] as? String == "Loopt via de API."
                    && saved.2["forecastDelivery"] as? String == "Q2 2019")
            let newTag = try #require(saved.1.first(name: .eTag))
            #expect(newTag != etag)
            #expect(try await Cycle.status(1, on: app.db)?.remarks == "Loopt via de API.")
            let actors = try await AuditEntry.query(on: app.db).filter(\.$entity == "status").all().map(\.actor)
            #expect(actors.last == "walter@woudenberg.nl", "\(actors)")

            // The old ETag again: someone else's change would be lost, so 412 with the current ETag.
            let stale = try await APIClient.send(
                app, .PUT, Self.path, token: walter, ifMatch: etag, body: body(light: "grijs", remarks: "Oud."))
            #expect(stale.0 == .preconditionFailed)
            #expect(stale.1.first(name: .eTag) == newTag)
            #expect(try await Cycle.status(1, on: app.db)?.light == "groen")
        }
    }

    @Test func theWebsPermissionsAndTheTokensScope() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let readOnly = try await APIClient.token(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan", scope: .read)
            let other = try await APIClient.token(
                app, "sieka@woudenberg.nl", role: .projectLeader, person: "Sieka Geldof")
            let reader = try await APIClient.token(app, "lezer@woudenberg.nl", role: .reader)
            let manager = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let etag = try #require(try await APIClient.send(app, .GET, Self.path, token: reader).1.first(name: .eTag))
            let change = body(light: "groen", remarks: "Door de API.")
            #expect(
                try await APIClient.send(app, .PUT, Self.path, token: nil, ifMatch: etag, body: change).0
                    == .unauthorized)
            let scoped = try await APIClient.send(app, .PUT, Self.path, token: readOnly, ifMatch: etag, body: change)
            #expect(scoped.0 == .forbidden)
            #expect(scoped.2["detail"] as? String == "Deze API-token mag alleen lezen.")
            #expect(
                try await APIClient.send(app, .PUT, Self.path, token: other, ifMatch: etag, body: change).0
                    == .forbidden)
            #expect(
                try await APIClient.send(app, .PUT, Self.path, token: reader, ifMatch: etag, body: change).0
                    == .forbidden)
            #expect(
                try await APIClient.send(app, .PUT, Self.path, token: manager, ifMatch: etag, body: change).0 == .ok)
            #expect(try await APIClient.send(app, .DELETE, Self.path, token: manager).0 == .methodNotAllowed)
        }
    }

    @Test func ofEightWritesWithOneETagOneWins() async throws {
        try await withStoplicht(seeded: true) { app in
            let manager = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let etag = try #require(try await APIClient.send(app, .GET, Self.path, token: manager).1.first(name: .eTag))
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for n in 0..<8 {
                    group.addTask {
                        try await APIClient.send(
                            app, .PUT, Self.path, token: manager, ifMatch: etag,
                            body: body(light: "groen", remarks: "Schrijver \(n)")
                        ).0
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(
                statuses.allSatisfy { [.ok, .preconditionFailed, .serviceUnavailable].contains($0) }, "\(statuses)")
        }
    }
}
