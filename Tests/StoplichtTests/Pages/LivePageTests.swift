import Fluent
import FluentPostgresDriver
import Foundation
import SQLiteNIO
import SQLKit
@testable import Stoplicht
import StoplichtCore
import Testing
import Vapor
import VaporTesting

/// Live pages are kept until anything in the database changes, and never shown to another
/// viewer. On SQLite (a file, as Stoplicht runs) and, with DATABASE_URL, on PostgreSQL.
@Suite struct LivePageTests {
    static let overview = "/programmas/dienstverlening"
    static let report = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018"
    static let project = "/programmas/dienstverlening/projecten/4"

    func get(_ app: Application, _ path: String, _ counter: QueryCounter? = nil) async throws -> (html: String, queries: Int) {
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
            #expect(app.livePages.count == 3)

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
                outsider.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url), sqlLogLevel: .debug), as: .psql)
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

    @Test func theKeyHoldsTheAddressTheViewerAndTheHour() async throws {
        try await withStoplicht { app in
            let request = Request(application: app, method: .GET, url: URI(string: "/programmas/x?licht=rood"), on: app.eventLoopGroup.any())
            let anonymous = Viewer(user: nil, role: nil, csrf: nil)
            let now = Date(timeIntervalSince1970: 1_780_000_000)
            let key = LivePage.key(request, viewer: anonymous, now: now)
            #expect(key.contains("/programmas/x?licht=rood"))
            #expect(LivePage.key(request, viewer: anonymous, now: now.addingTimeInterval(60)) == key)
            #expect(LivePage.key(request, viewer: anonymous, now: now.addingTimeInterval(3_600)) != key)
            #expect(LivePage.key(request, viewer: Viewer(user: nil, role: nil, csrf: "abc"), now: now) != key)
        }
    }

    @Test func withoutTheCacheEveryRequestIsRendered() async throws {
        #expect(Settings.fromEnvironment(["STOPLICHT_PAGE_CACHE": "uit"]).livePageCache == false)
        #expect(Settings.fromEnvironment([:]).livePageCache)
        try await withStoplicht(seeded: true, onDisk: true, pageCache: false) { app in
            _ = try await get(app, Self.overview)
            _ = try await get(app, Self.overview)
            #expect(app.livePages.count == 0)
        }
    }
}
