import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import SQLiteNIO
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

/// Live pages are kept until anything in the database changes, and never shown to another
/// viewer. On SQLite (a file, as Stoplicht runs) and, with DATABASE_URL, on PostgreSQL.
@Suite struct CachedPageTests {
    static let overview = "/programmas/dienstverlening"
    static let report = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018"
    static let project = "/programmas/dienstverlening/projecten/4"

    func get(_ app: Application, _ path: String, _ counter: QueryCounter? = nil) async throws -> (
        html: String, queries: Int
    ) {
        let id = UUID().uuidString
        var html = ""
        try await app.testing().test(.GET, path, headers: ["X-Request-Id": id]) { res in
            #expect(res.status == .ok)
            html = res.body.string
        }
        return (html, counter?.count(for: id) ?? 0)
    }

    @Test func aKeptPageIsServedUntilAChangeIsCommitted() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            let counter = QueryCounter()
            counter.install(on: app)
            for path in [Self.overview, Self.report, Self.project] {
                let first = try await get(app, path, counter)
                let again = try await get(app, path, counter)
                #expect(again.html == first.html, "\(path)")
                // The kept page costs the programme and who may read it, none of the page itself.
                #expect(again.queries < first.queries, "\(path): \(again.queries) against \(first.queries)")
            }
            #expect(app.pageCache.count == 3)

            // A change through Fluent, as every form and import makes it.
            let status = try #require(try await Cycle.status(4, on: app.db))
            status.remarks = "Vertraagd door de aanbesteding, nieuwe planning volgt."
            try await status.save(on: app.db)
            for path in [Self.overview, Self.report, Self.project] {
                #expect(try await get(app, path).html.contains("Vertraagd door de aanbesteding"), "\(path)")
            }
        }
    }

    @Test func aChangeFromOutsideTheServerIsSeenToo() async throws {
        // Another process on the same file (stoplicht import on the command line), or
        // another instance on the same PostgreSQL.
        try await withStoplicht(seeded: true, onDisk: true) { app in
            let before = try await get(app, Self.overview).html
            #expect(try await get(app, Self.overview).html == before)
            let rename = "UPDATE projects SET name = 'Klantcontactcentrum heringericht' WHERE number = 4"
            switch app.settings.database {
            case .sqliteFile(let path):
                let outsider = try await SQLiteConnection.open(storage: .file(path: path))
                _ = try await outsider.query(rename)
                try await outsider.close()
            case .postgres(let url):
                let outsider = try await Application.make(.testing)
                outsider.databases.use(
                    .postgres(configuration: try SQLPostgresConfiguration(url: url), sqlLogLevel: .debug), as: .psql)
                do {
                    try await (outsider.db as! any SQLDatabase).raw(SQLQueryString(rename)).run()
                } catch {
                    try? await outsider.asyncShutdown()
                    throw error
                }
                try await outsider.asyncShutdown()
            case .sqliteMemory:
                Issue.record("the test asked for a file")
            }
            #expect(try await get(app, Self.overview).html.contains("Klantcontactcentrum heringericht"))
        }
    }

    /// The start page too: kept for each reader until a commit, such as a programme renamed.
    @Test func theStartPageIsKeptForEachReaderUntilAChange() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            let counter = QueryCounter()
            counter.install(on: app)
            let first = try await get(app, "/", counter)
            let again = try await get(app, "/", counter)
            #expect(again.html == first.html)
            #expect(first.queries > 3)
            let versionQueries = app.settings.database.isEmbedded ? 0 : 1
            #expect(again.queries <= versionQueries, "\(again.queries) queries")

            var beheerder = try await Browser.loggedIn(app)
            let theirs = try await beheerder.get("/")
            #expect(theirs.body.contains("Ingelogd als") && !first.html.contains("Ingelogd als"))
            #expect(try await beheerder.get("/").body == theirs.body)

            let programme = try #require(
                try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").first())
            programme.name = "Dienstverlening en participatie"
            try await programme.save(on: app.db)
            #expect(try await get(app, "/").html.contains("Dienstverlening en participatie"))
            #expect(try await beheerder.get("/").body.contains("Dienstverlening en participatie"))
        }
    }

    @Test func eachViewerHasTheirOwnPage() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            var manager = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            let managed = try await manager.get(Self.overview)
            #expect(managed.body.contains("Ingelogd als"))
            let again = try await manager.get(Self.overview)
            #expect(again.body == managed.body)

            // Kept for the manager, not shown to anyone else.
            let anonymous = try await get(app, Self.overview).html
            #expect(!anonymous.contains("Ingelogd als"))
            var reader = try await Browser.member(app, "lezer@woudenberg.nl", role: .reader)
            let read = try await reader.get(Self.overview)
            #expect(read.body.contains("Ingelogd als"))
            #expect(read.body != managed.body)
            // Each page carries its own session's form token.
            let token = { (html: String) in Browser.hiddenValue("_csrf", in: html) }
            #expect(token(read.body) != nil && token(read.body) != token(managed.body))
        }
    }

    /// The programme for its members only (the tests' demo is open to everyone).
    func close(_ app: Application) async throws {
        try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").set(\.$access, to: .closed).update()
    }

    @Test func aKeptPageForAKnownReaderAsksTheDatabaseOnlyItsVersion() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            let counter = QueryCounter()
            var manager = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            counter.install(on: app)
            let first = UUID().uuidString
            let again = UUID().uuidString
            let made = try await manager.send(.GET, Self.overview, headers: ["X-Request-Id": first])
            let kept = try await manager.send(.GET, Self.overview, headers: ["X-Request-Id": again])
            #expect(kept.status == .ok && kept.body == made.body)
            // The session, the programme, the account and the role were asked for the first
            // page; the kept page asks only the version (on SQLite on a connection of its own,
            // which the counter does not see).
            #expect(counter.count(for: first) > 4)
            let versionQueries = app.settings.database.isEmbedded ? 0 : 1
            #expect(counter.count(for: again) <= versionQueries, "\(counter.count(for: again)) queries")
            #expect(app.sessionCache.count == 1 && app.readPermissions.count == 1)
        }
    }

    @Test func aRoleTakenAwayEndsTheKeptPass() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            try await close(app)
            var reader = try await Browser.member(app, "lezer@woudenberg.nl", role: .reader)
            #expect(try await reader.get(Self.overview).status == .ok)
            #expect(try await reader.get(Self.overview).status == .ok)
            try await ProgrammeRoleAssignment.query(on: app.db).delete()
            let refused = try await reader.get(Self.overview)
            #expect(refused.status == .forbidden, "\(refused.status) \(refused.location ?? "")")
            #expect(try await reader.get(Self.project).status == .forbidden)
        }
    }

    @Test func aSessionEndedElsewhereIsNotKept() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            try await close(app)
            var manager = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            let cookie = manager.cookie
            #expect(try await manager.get(Self.overview).status == .ok)
            #expect(try await manager.post("/uitloggen").status == .seeOther)
            // The old cookie, as a second tab or a stolen copy would send it.
            var stale = Browser(app)
            stale.cookie = cookie
            let reply = try await stale.get(Self.overview)
            #expect(
                reply.status == .seeOther && reply.location?.hasPrefix("/inloggen") == true,
                "\(reply.status) \(reply.location ?? "")")
        }
    }

    @Test func aPublishedReportIsServedToAnAnonymousReaderOnAKeptPass() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            let (_, period) = try await PeriodPublication.find(programme: "dienstverlening", period: nil, on: app.db)
            _ = try await PeriodPublication.publish(
                programme: "dienstverlening", period: period, actor: "test", settings: app.settings, on: app.db)
            let counter = QueryCounter()
            counter.install(on: app)
            _ = try await get(app, Self.report)
            let first = try await get(app, Self.report, counter)
            let again = try await get(app, Self.report, counter)
            #expect(again.html == first.html)
            #expect(again.queries <= (app.settings.database.isEmbedded ? 0 : 1), "\(again.queries) queries")
            // Closing the programme is a change: the next reader is asked again, and refused.
            try await close(app)
            try await app.testing().test(.GET, Self.report, headers: ["Accept": "text/html"]) { res in
                #expect(res.status == .seeOther)
            }
        }
    }

    @Test func theKeyHoldsTheAddressTheViewerAndTheHour() async throws {
        try await withStoplicht { app in
            let request = Request(
                application: app, method: .GET, url: URI(string: "/programmas/x?licht=rood"),
                on: app.eventLoopGroup.any())
            let anonymous = Viewer(user: nil, role: nil, csrf: nil)
            let now = Date(timeIntervalSince1970: 1_780_000_000)
            let key = CachedPage.key(request, viewer: anonymous, now: now)
            #expect(key.contains("/programmas/x?licht=rood"))
            #expect(CachedPage.key(request, viewer: anonymous, now: now.addingTimeInterval(60)) == key)
            #expect(CachedPage.key(request, viewer: anonymous, now: now.addingTimeInterval(3_600)) != key)
            #expect(CachedPage.key(request, viewer: Viewer(user: nil, role: nil, csrf: "abc"), now: now) != key)
        }
    }

    @Test func aReaderWhoAsksWhileThePageIsMadeWaitsForIt() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            // The overview as an anonymous reader of the (open) demo programme would have it
            // made: this test makes it, slowly, and a reader asks meanwhile.
            let loop = app.eventLoopGroup.any()
            let probe = Request(application: app, method: .GET, url: URI(string: Self.overview), on: loop)
            let version = try #require(try await app.databaseVersion?.current(for: probe).get())
            let key = CachedPage.key(probe, user: nil, role: nil, csrf: nil) + "\u{1F}" + version
            guard case .render(let promise) = app.singleFlight.join(key, on: loop) else {
                Issue.record("nobody else makes the page")
                return
            }
            async let reader = get(app, Self.overview)
            var waited = false
            for _ in 0..<500 where !waited {
                waited = app.singleFlight.waiting(for: key) == 1
                if !waited { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(waited, "the reader did not wait for the page being made")
            app.singleFlight.finish(key, promise, .success(ByteBuffer(string: "<p>de pagina die al gemaakt werd</p>")))
            #expect(try await reader.html == "<p>de pagina die al gemaakt werd</p>")
        }
    }

    @Test func withoutTheCacheEveryRequestIsRendered() async throws {
        #expect(Settings.fromEnvironment(["STOPLICHT_PAGE_CACHE": "uit"]).cachesPages == false)
        #expect(Settings.fromEnvironment([:]).cachesPages)
        try await withStoplicht(seeded: true, onDisk: true, pageCache: false) { app in
            _ = try await get(app, Self.overview)
            _ = try await get(app, Self.overview)
            #expect(app.pageCache.count == 0)
        }
    }
}
