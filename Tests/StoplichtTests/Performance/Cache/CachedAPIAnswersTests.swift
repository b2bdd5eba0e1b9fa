import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

/// The API's read answers are kept until anything in the database changes, and never given
/// to another token. On SQLite (a file, as Stoplicht runs) and, with DATABASE_URL, on
/// PostgreSQL.
@Suite struct CachedAPIAnswersTests {
    static let list = "/api/v1/programmes/dienstverlening/projects?page-size=100"
    static let status = "/api/v1/programmes/dienstverlening/projects/1/status"

    func get(_ app: Application, _ path: String, token: String?, _ counter: QueryCounter? = nil) async throws -> (
        status: HTTPStatus, body: String, queries: Int
    ) {
        let id = UUID().uuidString
        var headers: HTTPHeaders = ["X-Request-Id": id]
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.GET, path, headers: headers) { res in result = (res.status, res.body.string) }
        return (result.0, result.1, counter?.count(for: id) ?? 0)
    }

    @Test func aKeptAnswerAsksTheDatabaseOnlyItsVersionUntilAChange() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let walter = try await APIClient.token(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let counter = QueryCounter()
            counter.install(on: app)
            let made = try await get(app, Self.list, token: walter, counter)
            let kept = try await get(app, Self.list, token: walter, counter)
            #expect(made.status == .ok && kept.body == made.body)
            // The token, the programme, the role and the list were asked for the first answer;
            // the kept one asks only the version (on SQLite on a connection of its own, which
            // the counter does not see).
            #expect(made.queries > 4)
            #expect(kept.queries <= (app.settings.database.isEmbedded ? 0 : 1), "\(kept.queries) queries")

            // A write through the API is a commit: the next read has it.
            let read = try await APIClient.send(app, .GET, Self.status, token: walter)
            let etag = try #require(read.1.first(name: .eTag))
            let change = APIStatusTests().body(light: "groen", remarks: "Vertraagd door de aanbesteding.")
            let saved = try await APIClient.send(app, .PUT, Self.status, token: walter, ifMatch: etag, body: change)
            #expect(saved.0 == .ok, "\(saved.2)")
            let after = try await get(app, Self.list, token: walter)
            #expect(after.body.contains("Vertraagd door de aanbesteding."))
            #expect(try await APIClient.send(app, .GET, Self.status, token: walter).1.first(name: .eTag) != etag)
        }
    }

    @Test func anAnswerIsKeptForItsTokenAlone() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let reader = try await APIClient.token(app, "lezer@woudenberg.nl", role: .reader)
            let outsider = try await APIClient.token(app, "buiten@woudenberg.nl", role: nil)
            #expect(try await get(app, Self.list, token: reader).status == .ok)
            #expect(try await get(app, Self.list, token: reader).status == .ok)
            // Nobody else gets the reader's answer: not without a token, not with another's.
            #expect(try await get(app, Self.list, token: nil).status == .unauthorized)
            #expect(try await get(app, Self.list, token: outsider).status == .forbidden)
            #expect(try await get(app, Self.list, token: reader + "x").status == .unauthorized)
        }
    }

    @Test func aRevokedTokenOrARoleTakenAwayIsRefusedAtOnce() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let reader = try await APIClient.token(app, "lezer@woudenberg.nl", role: .reader)
            let manager = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            for token in [reader, manager] {
                #expect(try await get(app, Self.list, token: token).status == .ok)
                #expect(try await get(app, Self.list, token: token).status == .ok)
            }
            let stored = try #require(
                try await APIToken.query(on: app.db).filter(\.$tokenHash == APITokens.digest(reader)).first())
            try await APITokens.revoke(stored, actor: "test", on: app.db)
            #expect(try await get(app, Self.list, token: reader).status == .unauthorized)

            let erna = try #require(try await User.query(on: app.db).filter(\.$email == "erna@woudenberg.nl").first())
            try await ProgrammeRoleAssignment.query(on: app.db).filter(\.$user.$id == erna.requireID()).delete()
            #expect(try await get(app, Self.list, token: manager).status == .forbidden)
        }
    }

    @Test func theKeyHoldsTheAddressAndTheTokensDigest() async throws {
        try await withStoplicht { app in
            var request = Request(
                application: app, method: .GET, url: URI(string: "/api/v1/programmes/x/projects?page=2"),
                on: app.eventLoopGroup.any())
            let anonymous = CachedAPIAnswers.key(request)
            #expect(anonymous.hasPrefix("/api/v1/programmes/x/projects?page=2"))
            request.headers.bearerAuthorization = BearerAuthorization(token: "stl_geheim")
            let key = CachedAPIAnswers.key(request)
            #expect(key != anonymous && key.contains(APITokens.digest("stl_geheim")) && !key.contains("stl_geheim"))
            request = Request(
                application: app, method: .GET, url: URI(string: "/api/v1/programmes/x/projects?page=3"),
                on: app.eventLoopGroup.any())
            request.headers.bearerAuthorization = BearerAuthorization(token: "stl_geheim")
            #expect(CachedAPIAnswers.key(request) != key)
        }
    }

    @Test func withoutTheCacheEveryAnswerIsMade() async throws {
        try await withStoplicht(seeded: true, onDisk: true, pageCache: false) { app in
            _ = try await get(app, Self.list, token: nil)
            _ = try await get(app, Self.list, token: nil)
            #expect(app.apiAnswerCache.count == 0)
        }
    }
}
