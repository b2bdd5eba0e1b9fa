import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

/// A published period is frozen: its report is stored with its hash and served as stored,
/// and every write is refused, by the application and by the database.
@Suite struct PublicationTests {
    static let reportPath = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018"

    func publish(_ app: Application) async throws -> (ReportingPeriod, PublishedReport) {
        let (_, period) = try await PeriodPublication.find(programme: "dienstverlening", period: nil, on: app.db)
        let snapshot = try await PeriodPublication.publish(
            programme: "dienstverlening", period: period, actor: "test", settings: app.settings, on: app.db)
        return (period, snapshot)
    }

    @Test func publishingStoresTheReportWithItsHash() async throws {
        try await withStoplicht(seeded: true) { app in
            // MUT
            let (period, snapshot) = try await publish(app)

            // validate
            #expect(period.state == .published)
            #expect(try await ReportingPeriod.find(period.id, on: app.db)?.state == .published)
            #expect(snapshot.sha256 == PublishedReport.digest(snapshot.html))
            #expect(snapshot.html.contains("Aansluiten op www.mijnoverheid.nl."))
            // Its cover gives the state it is stored in, not the one it had a moment before.
            #expect(snapshot.html.contains("<dt>\(Strings.state)</dt><dd>\(Strings.periodPublished)</dd>"))
            #expect(!snapshot.html.contains("<dt>\(Strings.state)</dt><dd>\(Strings.periodOpen)</dd>"))
            try await app.testing().test(.GET, Self.reportPath, headers: ["Accept": "text/html"]) { res in
                #expect(res.status == .ok)
                #expect(res.body.string == snapshot.html)
                #expect(res.headers.first(name: "X-Content-SHA256") == snapshot.sha256)
            }
            try await app.testing().test(.GET, Self.reportPath, headers: ["If-None-Match": "\"\(snapshot.sha256)\""]) {
                res in
                #expect(res.status == .notModified)
            }
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "publiceren").all()
            #expect(audit.count == 1)
            #expect(audit.first?.after?.contains(snapshot.sha256) == true)
            // Publishing twice is refused.
            await #expect(throws: InputError(Strings.periodIsPublished("juni t/m oktober 2018"), status: .conflict)) {
                _ = try await PeriodPublication.publish(
                    programme: "dienstverlening", period: period, actor: "test", settings: app.settings, on: app.db)
            }
        }
    }

    /// Once read, a published report is served from memory, byte for byte as stored, but
    /// who may read it is still asked each time: closing the programme closes the report.
    @Test func aReportKeptInMemoryIsStillReadOnlyByWhoMay() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            let (_, snapshot) = try await publish(app)
            try await app.testing().test(.GET, Self.reportPath) { res in #expect(res.body.string == snapshot.html) }
            #expect(app.publishedReports.page(programme: "dienstverlening", period: "juni-t-m-oktober-2018") != nil)

            // MUT
            try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").set(\.$access, to: .closed)
                .update()

            // validate
            try await app.testing().test(.GET, Self.reportPath) { res in
                #expect(res.status == .seeOther)
                #expect(!res.body.string.contains("Aansluiten op www.mijnoverheid.nl."))
            }
            try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").set(
                \.$access, to: .publishedReports
            ).update()
            try await app.testing().test(.GET, Self.reportPath) { res in
                #expect(res.status == .ok)
                #expect(res.body.string == snapshot.html)
                #expect(res.headers.first(name: .eTag) == "\"\(snapshot.sha256)\"")
            }
        }
    }

    @Test func theMemoryForReportsIsBoundedFirstKeptFirstGone() {
        let cache = PublishedReportCache(maximumBytes: 10)
        func page(_ text: String) -> PublishedReportCache.Page {
            PublishedReportCache.Page(
                programmeID: UUID(), body: ByteBuffer(string: text), sha256: text,
                securityHeaders: SecurityHeadersMiddleware(themeStylesheetURL: nil))
        }
        cache.insert(page("aaaa"), programme: "p", period: "1")
        cache.insert(page("bbbb"), programme: "p", period: "2")
        cache.insert(page("cccc"), programme: "p", period: "3")  // 12 bytes: the first goes
        cache.insert(page("too long a page"), programme: "p", period: "4")  // larger than all: not kept
        #expect(cache.page(programme: "p", period: "1") == nil)
        #expect(cache.page(programme: "p", period: "2")?.sha256 == "bbbb")
        #expect(cache.page(programme: "p", period: "3")?.sha256 == "cccc")
        #expect(cache.page(programme: "p", period: "4") == nil)
        #expect(cache.count == 2)
    }

    @Test func theApplicationRefusesToImportIntoAPublishedPeriod() async throws {
        try await withStoplicht(seeded: true) { app in
            _ = try await publish(app)
            let before = try await Snapshot.take(app.db)
            await #expect(throws: InputError(Strings.periodIsPublished("juni t/m oktober 2018"), status: .conflict)) {
                _ = try await DemoCommand.load(on: app.db)
            }
            #expect(try await Snapshot.take(app.db) == before)
        }
    }

    @Test func theDatabaseRefusesEveryWriteToAPublishedPeriod() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            let (period, _) = try await publish(app)
            let periodID = try period.requireID()
            let status = try #require(
                try await ProjectStatus.query(on: app.db).filter(\.$period.$id == periodID).first())
            let sql = app.db as! any SQLDatabase

            // MUT and validate: the application's models and raw SQL alike
            status.remarks = "Achteraf gewijzigd."
            await #expect(throws: (any Error).self) { try await status.save(on: app.db) }
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE project_statuses SET light = 'rood'").run()
            }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM risks").run() }
            await #expect(throws: (any Error).self) {
                try await ProgrammeSection(periodID: periodID, key: "extra", position: 99).save(on: app.db)
            }
            await #expect(throws: (any Error).self) {
                try await StatusDimensionLight(statusID: status.requireID(), dimension: "geld", light: "rood").save(
                    on: app.db)
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE reporting_periods SET state = 'open'").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE published_reports SET html = 'vervalst'").run()
            }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM published_reports").run() }
            let remarks = try await ProjectStatus.find(status.id, on: app.db)?.remarks
            #expect(remarks != "Achteraf gewijzigd.")
            #expect(try await Risk.query(on: app.db).count() == 3)
            #expect(try await ReportingPeriod.find(periodID, on: app.db)?.state == .published)
        }
    }

    @Test func aPeriodMovesToReviewAndBackBeforePublication() async throws {
        try await withStoplicht(seeded: true) { app in
            let (_, period) = try await PeriodPublication.find(programme: "dienstverlening", period: nil, on: app.db)
            try await PeriodPublication.move(period, to: .inReview, actor: "pm", on: app.db)
            #expect(try await ReportingPeriod.find(period.id, on: app.db)?.state == .inReview)
            try await PeriodPublication.move(period, to: .open, actor: "pm", on: app.db)
            #expect(try await ReportingPeriod.find(period.id, on: app.db)?.state == .open)
            // Writes to an open period still work.
            let again = try await DemoCommand.load(on: app.db)
            #expect(!again.changedAnything)
            let moves = try await AuditEntry.query(on: app.db).filter(\.$action == "periode-status").sort(\.$sequence)
                .all()
            #expect(moves.map(\.after) == [#"{"status":"in-review"}"#, #"{"status":"open"}"#])
        }
    }
}
