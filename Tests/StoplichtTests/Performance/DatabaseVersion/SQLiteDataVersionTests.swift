import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLiteNIO
import Testing

@testable import Stoplicht

/// The embedded database's version, read where the request is: it moves with every commit
/// of another connection, and a database another connection holds locked is waited for on
/// the thread pool, not on the event loop.
@Suite struct SQLiteDataVersionTests {
    /// A database file with one table, in write-ahead-log mode as Stoplicht runs it unless
    /// `journal` says otherwise.
    func withDatabase(journal: String = "WAL", _ test: (String, NIOThreadPool, any EventLoop) async throws -> Void)
        async throws
    {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stoplicht-version-\(UUID().uuidString).sqlite"
        ).path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let setup = try await SQLiteConnection.open(storage: .file(path: path))
        _ = try await setup.query("PRAGMA journal_mode=\(journal)")
        _ = try await setup.query("CREATE TABLE statuses (id INTEGER PRIMARY KEY, light TEXT)")
        try await setup.close()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        do {
            try await test(path, pool, group.next())
        } catch {
            try? await pool.shutdownGracefully()
            try? await group.shutdownGracefully()
            throw error
        }
        try await pool.shutdownGracefully()
        try await group.shutdownGracefully()
    }

    @Test func everyCommitOfAnotherConnectionMovesIt() async throws {
        try await withDatabase { path, pool, loop in
            let version = try SQLiteDataVersion(path: path, threadPool: pool)
            defer { version.close() }
            let first = try #require(try await version.read(on: loop).get())
            #expect(try await version.read(on: loop).get() == first, "nothing was committed")

            let writer = try await SQLiteConnection.open(storage: .file(path: path))
            _ = try await writer.query("INSERT INTO statuses (light) VALUES ('groen')")
            let second = try #require(try await version.read(on: loop).get())
            #expect(second != first)
            _ = try await writer.query("UPDATE statuses SET light = 'oranje'")
            let third = try #require(try await version.read(on: loop).get())
            #expect(third != second)
            // A read is no commit.
            _ = try await writer.query("SELECT * FROM statuses")
            #expect(try await version.read(on: loop).get() == third)
            try await writer.close()
        }
    }

    @Test func aLockedDatabaseIsWaitedForOffTheEventLoop() async throws {
        // With a rollback journal a writing transaction locks readers out until it ends,
        // as in write-ahead-log mode only the log's recovery after a crash does.
        try await withDatabase(journal: "DELETE") { path, pool, loop in
            let version = try SQLiteDataVersion(path: path, threadPool: pool)
            defer { version.close() }
            let before = try #require(try await version.read(on: loop).get())

            let holder = try await SQLiteConnection.open(storage: .file(path: path))
            do {
                _ = try await holder.query("BEGIN EXCLUSIVE")
                _ = try await holder.query("INSERT INTO statuses (light) VALUES ('rood')")
            } catch {
                try? await holder.close()
                throw error
            }
            let read = version.read(on: loop)
            // Meanwhile the loop answers other work at once.
            let started = ContinuousClock.now
            try await loop.submit {}.get()
            #expect(ContinuousClock.now - started < .seconds(1))
            try await Task.sleep(for: .milliseconds(100))
            let answered = NIOLockedValueBox(false)
            try await loop.submit { read.whenComplete { _ in answered.withLockedValue { $0 = true } } }.get()
            #expect(!answered.withLockedValue { $0 }, "the read answered while another connection held the file")

            _ = try await holder.query("COMMIT")
            try await holder.close()
            let after = try #require(try await read.get())
            #expect(after != before, "the held write is seen once it is let go")
        }
    }

    @Test func closedItKnowsNoVersion() async throws {
        try await withDatabase { path, pool, loop in
            let version = try SQLiteDataVersion(path: path, threadPool: pool)
            #expect(try await version.read(on: loop).get() != nil)
            version.close()
            #expect(try await version.read(on: loop).get() == nil)
        }
    }

    @Test func aFileThatCannotBeOpenedIsAnError() async throws {
        let pool = NIOThreadPool(numberOfThreads: 1)
        #expect(throws: SQLiteDataVersion.Failure.self) {
            try SQLiteDataVersion(path: "/nonexistent-folder/stoplicht.sqlite", threadPool: pool)
        }
    }
}
