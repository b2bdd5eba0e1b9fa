import Fluent
import Foundation
import Testing
import Vapor

@testable import Stoplicht

/// Backups of the embedded database: a consistent copy while writes go on, put back whole,
/// and refusals that leave everything as it was.
@Suite struct BackupTests {
    /// An application on a SQLite file in `directory`, shut down after `body`.
    func withFile<T>(_ path: String, seeded: Bool = false, _ body: (Application) async throws -> T) async throws -> T {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: Settings(database: .sqliteFile(path)))
            if seeded { _ = try await DemoCommand.load(access: .open, on: app.db) }
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stoplicht-backup-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func record(_ n: Int) -> AuditRecord {
        AuditRecord(
            at: Date(), actor: "test", address: nil, action: .update, entity: "proef", entityID: String(n),
            programmeID: nil, periodID: nil,
            before: nil, after: AuditRecord.json(["n": String(n)]))
    }

    @Test func aCopyMadeWhileWritesGoOnIsConsistentAndComesBackWhole() async throws {
        let folder = try directory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = "\(folder)/stoplicht.sqlite"
        let copy = "\(folder)/kopie.sqlite"
        let (summary, before, after) = try await withFile(database, seeded: true) { app in
            let before = try await AuditEntry.query(on: app.db).count()
            // A stream of audited writes while the copy is made.
            let writer = Task {
                for n in 0..<1000 {
                    try Task.checkCancellation()
                    try await AuditTrail.append([record(n)], on: app.db)
                }
            }
            do {
                // The copy starts in the middle of the stream.
                while try await AuditEntry.query(on: app.db).count() < before + 20 {
                    try await Task.sleep(for: .milliseconds(2))
                }
                let summary = try await Backup.write(to: copy, settings: app.settings, on: app.db)
                try await writer.value
                return (summary, before, try await AuditEntry.query(on: app.db).count())
            } catch {
                // The writer stops before the application does: it must not outlive its database.
                writer.cancel()
                _ = await writer.result
                throw error
            }
        }
        #expect(summary.projects == 36)
        #expect(
            summary.auditEntries >= before + 20 && summary.auditEntries <= after,
            "\(before) + 20 ≤ \(summary.auditEntries) ≤ \(after)")
        // The copy is the database at one moment: its audit chain is whole.
        try await withFile(copy) { app async throws in
            let verification = try await AuditTrail.verify(on: app.db)
            #expect(verification.brokenAt == nil && verification.entries == summary.auditEntries)
        }

        // Later changes are undone by putting the copy back.
        try await withFile(database) { app async throws in
            try await ProjectStatus.query(on: app.db).delete()
            #expect(try await AuditEntry.query(on: app.db).count() == after)
        }
        let restored = try await Backup.restore(from: copy, to: database)
        #expect(restored == Backup.Summary(bytes: restored.bytes, projects: 36, auditEntries: summary.auditEntries))
        try await withFile(database) { app async throws in
            #expect(try await ProjectStatus.query(on: app.db).count() == 36)
            #expect(try await AuditEntry.query(on: app.db).count() == summary.auditEntries)
            #expect(try await AuditTrail.verify(on: app.db).brokenAt == nil)
        }
        #expect(!FileManager.default.fileExists(atPath: database + ".terugzetten"))
    }

    @Test func refusalsLeaveEverythingAsItWas() async throws {
        let folder = try directory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = "\(folder)/stoplicht.sqlite"
        let existing = "\(folder)/bestaat.sqlite"
        let junk = "\(folder)/rommel.sqlite"
        try Data("eerdere kopie".utf8).write(to: URL(fileURLWithPath: existing))
        try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: junk))
        try await withFile(database, seeded: true) { app async throws in
            await #expect(throws: InputError(Strings.backupExists(existing))) {
                try await Backup.write(to: existing, settings: app.settings, on: app.db)
            }
            await #expect(throws: InputError(Strings.backupPostgres)) {
                try await Backup.write(
                    to: "\(folder)/pg.sqlite", settings: Settings(database: .postgres(url: "postgres://x")), on: app.db)
            }
        }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "eerdere kopie")
        let original = try Data(contentsOf: URL(fileURLWithPath: database))
        await #expect(throws: InputError(Strings.backupNotStoplicht(junk))) {
            try await Backup.restore(from: junk, to: database)
        }
        await #expect(throws: InputError(Strings.backupMissing("\(folder)/weg.sqlite"))) {
            try await Backup.restore(from: "\(folder)/weg.sqlite", to: database)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == original)
    }
}
