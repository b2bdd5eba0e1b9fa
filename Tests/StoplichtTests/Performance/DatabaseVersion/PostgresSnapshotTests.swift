import FluentPostgresDriver
import Foundation
import Testing
import Vapor

@testable import Stoplicht

/// The test database's server, where the suite runs on PostgreSQL.
private let postgresURL = ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }

/// PostgreSQL's snapshot, read on a connection of each event loop's own: it moves with every
/// commit and with nothing else, and a connection the server ends is replaced.
@Suite(.enabled(if: postgresURL != nil, "needs DATABASE_URL"))
struct PostgresSnapshotTests {
    /// A snapshot reader of its own beside a fresh Stoplicht on the test database.
    func withSnapshot(_ test: (PostgresSnapshot, any EventLoop, any SQLDatabase) async throws -> Void) async throws {
        let url = try #require(postgresURL)
        try await withStoplicht { app in
            let loop = app.eventLoopGroup.next()
            let snapshot = PostgresSnapshot(
                loop: loop, configuration: try SQLPostgresConfiguration.stoplicht(url: url).coreConfiguration,
                logger: app.logger)
            do {
                try await test(snapshot, loop, app.db as! any SQLDatabase)
            } catch {
                await snapshot.close()
                throw error
            }
            await snapshot.close()
        }
    }

    @Test func everyCommitMovesIt() async throws {
        try await withSnapshot { snapshot, loop, sql in
            let first = try #require(try await snapshot.read().get())
            #expect(try await snapshot.read().get() == first, "nothing was committed")

            try await sql.raw("CREATE TABLE snapshot_probe (light text)").run()
            let second = try #require(try await snapshot.read().get())
            #expect(second != first)
            try await sql.raw("INSERT INTO snapshot_probe VALUES ('groen')").run()
            let third = try #require(try await snapshot.read().get())
            #expect(third != second)
            // Snapshots as the server writes them are placed in the order they were read.
            let latest = LatestVersion.postgres()
            _ = latest.advance(first)
            _ = latest.advance(third)
            #expect(latest.isOlder(first, than: third) && !latest.isOlder(third, than: first))
            // A read is no commit.
            _ = try await sql.raw("SELECT * FROM snapshot_probe").all()
            #expect(try await snapshot.read().get() == third)
        }
    }

    @Test func aConnectionTheServerEndsIsReplaced() async throws {
        try await withSnapshot { snapshot, loop, sql in
            let before = try #require(try await snapshot.read().get())
            struct Ended: Decodable { var ended: Bool }
            let ended = try await sql.raw(
                """
                SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
                WHERE query = \(literal: PostgresSnapshot.query) AND pid <> pg_backend_pid()
                """
            ).all(decoding: Ended.self)
            #expect(ended.contains { $0.ended }, "the reader's connection was found and ended")
            // The read that meets the ended connection may fail; the one after it connects anew.
            _ = try? await snapshot.read().get()
            try await sql.raw("CREATE TABLE snapshot_probe (light text)").run()
            let after = try #require(try await snapshot.read().get())
            #expect(after != before)
            #expect(try await snapshot.read().get() == after)
        }
    }

    @Test func closedItKnowsNoVersion() async throws {
        try await withSnapshot { snapshot, loop, _ in
            let open = try await snapshot.read().get()
            #expect(open != nil)
            await snapshot.close()
            let closed = try await snapshot.read().get()
            #expect(closed == nil)
        }
    }

    @Test func aServerThatCannotBeReachedIsAnError() async throws {
        try await withStoplicht { app in
            let loop = app.eventLoopGroup.next()
            // A port on this machine that nothing listens on: refused at once.
            let snapshot = PostgresSnapshot(
                loop: loop,
                configuration: try SQLPostgresConfiguration.stoplicht(url: "postgres://postgres@127.0.0.1:1/none")
                    .coreConfiguration,
                logger: app.logger)
            await #expect(throws: (any Error).self) { try await snapshot.read().get() }
            await snapshot.close()
        }
    }
}
