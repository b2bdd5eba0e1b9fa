import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// The audit trail: what an import changed, before and after; a chain that shows tampering;
/// a table the database keeps append-only.
@Suite struct AuditTrailTests {
    let first = """
        Programma;Wonen
        Periode;januari t/m april 2025
        Nr;Project;Projectleider;Status;Toelichting
        1;Woningbouw De Hoef;Marieke Jansen;groen;Start bouw.
        2;Stationsgebied;Kees Mulder;oranje;Bestemmingsplan in procedure.
        """

    func importCSV(_ text: String, app: Application, actor: String = "test") async throws -> ImportSummary {
        let report = try ReportReader().read(Data(text.utf8), filename: "wonen.csv").report
        var target = ImportTarget(organisation: "Gemeente Proef")
        target.actor = actor
        target.source = "wonen.csv"
        return try await ReportImporter(database: app.db).run(report, into: target)
    }

    /// On a SQLite file, as Stoplicht runs, appends from many requests at once all land, in
    /// one unbroken chain: each takes the write lock before it reads the chain's end (two
    /// logins at once were a 500, "database is locked").
    @Test func appendsAtOnceOnTheEmbeddedFileAllLand() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stoplicht-audit-\(UUID().uuidString).sqlite"
        ).path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: Settings(database: .sqliteFile(path)))
            // MUT
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<4 {
                    group.addTask {
                        try await AuditTrail.append(
                            [
                                AuditRecord(
                                    at: Date(), actor: "test", action: .update, entity: "proef", entityID: String(n))
                            ], on: app.db)
                    }
                }
                try await group.waitForAll()
            }
            // validate
            let verification = try await AuditTrail.verify(on: app.db)
            #expect(verification.entries == 4 && verification.brokenAt == nil)
            let sequences = try await AuditEntry.query(on: app.db).sort(\.$sequence).all().map(\.sequence)
            #expect(sequences == Array(1...4))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test func anImportRecordsWhatItCreatedAndChanged() async throws {
        try await withStoplicht { app in
            // setup
            _ = try await importCSV(first, app: app, actor: "erna@woudenberg.nl")
            let changed = first.replacingOccurrences(
                of: "2;Stationsgebied;Kees Mulder;oranje;Bestemmingsplan in procedure.",
                with: "2;Stationsgebied;Kees Mulder;rood;Bezwaar ingediend.")

            // MUT
            _ = try await importCSV(changed, app: app, actor: "walter@woudenberg.nl")
            // nothing changes: nothing recorded
            _ = try await importCSV(changed, app: app, actor: "walter@woudenberg.nl")

            // validate
            let entries = try await AuditEntry.query(on: app.db).sort(\.$sequence).all()
            #expect(entries.map(\.sequence) == Array(1...5))
            #expect(entries.map(\.entity) == ["bestand", "project", "project", "bestand", "project_statuses"])
            #expect(entries[1].after == #"{"naam":"Woningbouw De Hoef","nummer":"1","stoplicht":"groen"}"#)
            let status = entries[4]
            #expect(status.actor == "walter@woudenberg.nl")
            #expect(status.action == "import")
            #expect(status.before == #"{"stoplicht":"oranje","toelichting":"Bestemmingsplan in procedure."}"#)
            #expect(status.after == #"{"stoplicht":"rood","toelichting":"Bezwaar ingediend."}"#)
            #expect(status.periodID != nil)
            #expect(try await AuditTrail.verify(on: app.db).brokenAt == nil)
            #expect(try await AuditTrail.verify(on: app.db).entries == 5)
        }
    }

    @Test func theDatabaseRefusesToChangeOrRemoveEntries() async throws {
        try await withStoplicht { app in
            _ = try await importCSV(first, app: app)
            let entry = try #require(try await AuditEntry.query(on: app.db).first())
            entry.actor = "iemand anders"
            await #expect(throws: (any Error).self) { try await entry.save(on: app.db) }
            await #expect(throws: (any Error).self) { try await AuditEntry.query(on: app.db).delete() }
            #expect(try await AuditEntry.query(on: app.db).count() == 3)
        }
    }

    @Test func tamperingBreaksTheChain() async throws {
        try await withStoplicht { app in
            // setup: an entry changed behind the application's back, triggers removed first
            _ = try await importCSV(first, app: app)
            let sql = app.db as! any SQLDatabase
            if sql.dialect.name == "sqlite" {
                try await sql.raw("DROP TRIGGER audit_entries_no_update").run()
            } else {
                try await sql.raw("DROP TRIGGER audit_entries_append_only ON audit_entries").run()
            }
            try await sql.raw("UPDATE audit_entries SET after = '{\"naam\":\"Vervalst\"}' WHERE sequence = 2").run()

            // MUT
            let result = try await AuditTrail.verify(on: app.db)

            // validate
            #expect(result.brokenAt == 2)
            #expect(result.problem == "de inhoud is na het vastleggen gewijzigd")
        }
    }

    @Test func loginsAreRecorded() async throws {
        try await withStoplicht { app in
            var browser = try await Browser.loggedIn(app, email: "pm@gemeente.nl")
            _ = try await browser.logIn(email: "pm@gemeente.nl", password: "niet goed")
            let entries = try await AuditEntry.query(on: app.db).sort(\.$sequence).all()
            #expect(entries.map(\.action) == ["inloggen", "inloggen-mislukt"])
            #expect(entries.allSatisfy { $0.actor == "pm@gemeente.nl" })
        }
    }
}
