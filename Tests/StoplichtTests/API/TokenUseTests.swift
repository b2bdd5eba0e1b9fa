import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// A token's last use, for its owner to see which tokens are still in use: written at most
/// every five minutes, for real tokens only, without ending the answer kept for it.
@Suite struct TokenUseTests {
    static let list = "/api/v1/programmes/dienstverlening/projects?page-size=100"

    func lastUsed(_ app: Application, _ token: String) async throws -> Date? {
        try #require(try await APIToken.query(on: app.db).filter(\.$tokenHash == APITokens.digest(token)).first())
            .lastUsedAt
    }

    @Test func aTokenIsWrittenOnceInFiveMinutes() {
        let use = TokenUse()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(use.step("a", at: start) == .lookUp)
        use.remember("a", writtenAt: start)
        #expect(use.step("a", at: start.addingTimeInterval(60)) == .nothing)
        #expect(use.step("a", at: start.addingTimeInterval(299)) == .nothing)
        #expect(use.step("a", at: start.addingTimeInterval(300)) == .write)
        #expect(use.step("a", at: start.addingTimeInterval(-60)) == .write, "a clock set back writes again")
        #expect(use.step("b", at: start) == .lookUp)
        #expect(TokenUse.isDue(last: nil, at: start))
    }

    @Test func theFirstUseIsWrittenAndTheKeptAnswerStaysKept() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            let token = try await APIClient.token(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan", scope: .read)
            #expect(try await lastUsed(app, token) == nil)
            let before = Date()
            #expect(try await APIClient.send(app, .GET, Self.list, token: token).0 == .ok)
            let first = try #require(try await lastUsed(app, token))
            #expect(abs(first.timeIntervalSince(before)) < 5)

            // Within five minutes nothing is written, so the answer made after the write is
            // the one kept.
            #expect(try await APIClient.send(app, .GET, Self.list, token: token).0 == .ok)
            #expect(try await lastUsed(app, token) == first)
            #expect(app.apiAnswerCache.count == 1)

            // Five minutes on (the stored and the remembered time set back), it is written again.
            let earlier = Date().addingTimeInterval(-10 * 60)
            try await APIToken.query(on: app.db).filter(\.$tokenHash == APITokens.digest(token)).set(
                \.$lastUsedAt, to: earlier
            ).update()
            app.tokenUse.remember(APITokens.digest(token), writtenAt: earlier)
            #expect(try await APIClient.send(app, .GET, Self.list, token: token).0 == .ok)
            let again = try #require(try await lastUsed(app, token))
            #expect(again.timeIntervalSince(earlier) > 9 * 60)
        }
    }

    @Test func aWriteRecordsItsTokenToo() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            let token = try await APIClient.token(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let status = "/api/v1/programmes/dienstverlening/projects/1/status"
            let read = try await APIClient.send(app, .GET, status, token: token)
            try await APIToken.query(on: app.db).set(\.$lastUsedAt, to: nil).update()
            app.storage[TokenUseKey.self] = TokenUse()  // as after a restart
            let etag = try #require(read.1.first(name: .eTag))
            let saved = try await APIClient.send(
                app, .PUT, status, token: token, ifMatch: etag,
                body: APIStatusTests().body(light: "groen", remarks: "Op schema."))
            #expect(saved.0 == .ok, "\(saved.2)")
            #expect(try await lastUsed(app, token) != nil)
        }
    }

    @Test func madeUpAndRevokedTokensWriteNothing() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            let made = "stl_" + String(repeating: "x", count: 43)
            #expect(try await APIClient.send(app, .GET, Self.list, token: made).0 == .unauthorized)
            #expect(try await APIClient.send(app, .GET, Self.list, token: made).0 == .unauthorized)
            #expect(app.tokenUse.step(APITokens.digest(made), at: Date()) == .lookUp, "not remembered")

            let token = try await APIClient.token(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let stored = try #require(
                try await APIToken.query(on: app.db).filter(\.$tokenHash == APITokens.digest(token)).first())
            try await APITokens.revoke(stored, actor: "test", on: app.db)
            #expect(try await APIClient.send(app, .GET, Self.list, token: token).0 == .unauthorized)
            #expect(try await lastUsed(app, token) == nil)
        }
    }

    @Test func theOwnerSeesWhenEachTokenWasLastUsed() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "walter@woudenberg.nl").first())
            let token = try await APITokens.create(
                for: user, name: "Dashboard", scope: .read, actor: "test", on: app.db
            ).1
            let unused = try await walter.get(TokenPageTests.page)
            #expect(unused.body.contains("<th scope=\"col\">Laatst gebruikt</th>"))
            #expect(unused.body.contains("<td>Nooit</td>"))
            #expect(try await APIClient.send(app, .GET, Self.list, token: token).0 == .ok)
            let used = try #require(try await lastUsed(app, token))
            let shown = try await walter.get(TokenPageTests.page)
            #expect(shown.body.contains("<td>\(Strings.tokenLastUsed(used))</td>"))
            #expect(!shown.body.contains("<td>Nooit</td>"))
            #expect(Strings.tokenLastUsed(Date(timeIntervalSince1970: 1_796_140_800)) == "1-12-2026 17:00")
        }
    }
}
