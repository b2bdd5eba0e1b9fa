import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Tokens in the web UI: made by their owner and shown once, listed by their beginning
/// only, revoked by their owner and nobody else.
@Suite struct TokenPageTests {
    static let page = "/mijn-account/api-tokens"

    @Test func aPersonMakesListsAndRevokesTheirOwnTokens() async throws {
        try await withStoplicht(seeded: true) { app in
            var anonymous = Browser(app)
            #expect(try await anonymous.get(Self.page).status == .seeOther)

            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let empty = try await walter.get(Self.page)
            #expect(empty.body.contains("U hebt nog geen API-tokens."))
            let refused = try await walter.post(Self.page, TokenField.form([.name: " ", .scope: "lezen"]))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Geef de token een naam"))

            let made = try await walter.post(
                Self.page, TokenField.form([.name: "Dashboard", .scope: "lezen-schrijven"]))
            #expect(made.status == .ok)
            #expect(made.headers.first(name: HTTPHeaders.Name.cacheControl) == "no-store")
            let secret = try #require(
                made.body.range(of: #"stl_[A-Za-z0-9_-]{43}"#, options: .regularExpression).map {
                    String(made.body[$0])
                })
            #expect(try await APIToken.query(on: app.db).first()?.tokenHash == APITokens.digest(secret))
            let listed = try await walter.get(Self.page)
            #expect(!listed.body.contains(secret), "shown once")
            #expect(listed.body.contains(String(secret.prefix(8)) + "…"))
            #expect(listed.body.contains("Lezen en schrijven"))

            // Someone else cannot revoke it; its owner can, and then it opens nothing.
            let token = try #require(try await APIToken.query(on: app.db).first())
            var sieka = try await Browser.member(
                app, "sieka@woudenberg.nl", role: .projectLeader, person: "Sieka Geldof")
            _ = try await sieka.get(Self.page)
            let path = "/mijn-account/api-tokens/\(try token.requireID().uuidString.lowercased())/intrekken"
            #expect(try await sieka.post(path).status == .notFound)
            #expect(try await APIToken.find(token.id, on: app.db)?.revokedAt == nil)
            #expect(try await walter.post(path).status == .seeOther)
            #expect(try await APIToken.find(token.id, on: app.db)?.revokedAt != nil)
            #expect(try await walter.get(Self.page).body.contains("Ingetrokken"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "api-token-intrekken").count() == 1)
        }
    }
}
