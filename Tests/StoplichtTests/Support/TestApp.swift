import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

/// Runs a test against a fresh Stoplicht: an in-memory SQLite database of its own, or,
/// when `DATABASE_URL` is set, the PostgreSQL database emptied and migrated anew (those
/// tests take turns, as they share the database).
/// `adjust` changes the settings beyond the database (the server's timeouts, trusted proxies).
func withStoplicht(
    seeded: Bool = false, onDisk: Bool = false, pageCache: Bool = true, adjust: (inout Settings) -> Void = { _ in },
    _ test: (Application) async throws -> Void
) async throws {
    func adjusted(_ settings: Settings) -> Settings {
        var settings = settings
        adjust(&settings)
        return settings
    }
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
        await PostgresTurn.shared.acquire()
        do {
            try await withStoplicht(
                settings: adjusted(Settings(database: .postgres(url: url), cachesPages: pageCache)), seeded: seeded,
                test)
        } catch {
            await PostgresTurn.shared.release()
            throw error
        }
        await PostgresTurn.shared.release()
    } else if onDisk {
        // A file, as Stoplicht runs: what the in-memory database cannot show (the live pages'
        // cache watches the file from a connection of its own).
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stoplicht-test-\(UUID().uuidString).sqlite"
        ).path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await withStoplicht(
            settings: adjusted(Settings(database: .sqliteFile(path), cachesPages: pageCache)), seeded: seeded, test)
    } else {
        try await withStoplicht(
            settings: adjusted(Settings(database: .sqliteMemory, cachesPages: pageCache)), seeded: seeded, test)
    }
}

private func withStoplicht(settings: Settings, seeded: Bool, _ test: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning  // migrations and requests would fill the output
    do {
        try await configure(app, settings: settings)
        if case .postgres = settings.database {
            let sql = app.db as! any SQLDatabase
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
            try await app.autoMigrate()
        }
        // The page tests read the seed as anyone may; who may read what is tested in AccessTests.
        if seeded { _ = try await DemoCommand.load(access: .open, on: app.db) }
        try await test(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// Opens an imported programme to anonymous readers, for tests about what pages show.
func openToEveryone(_ app: Application, _ slug: String) async throws {
    try await Programme.query(on: app.db).filter(\.$slug == slug).set(\.$access, to: .open).update()
}

/// Serialises the tests that share one PostgreSQL database.
actor PostgresTurn {
    static let shared = PostgresTurn()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        while busy { await withCheckedContinuation { waiting.append($0) } }
        busy = true
    }

    func release() {
        busy = false
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }
}

/// The seed report, the demo's data, is the suite's main fixture; other reports are
/// written inline in the tests that read them.
enum Fixtures {
    static func seed() throws -> Data { try DemoData.seedReport() }
    static func seedText() throws -> String { String(decoding: try seed(), as: UTF8.self) }
    static func parsedSeed() throws -> ParsedReport { try ReportTextParser().parse(data: seed()) }
}
