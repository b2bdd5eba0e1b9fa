import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
// The SQLite that sqlite-nio builds and Stoplicht's database already runs on (a module of
// the sqlite-nio package, reached through SQLiteNIO's dependency on it). SQLiteNIO itself runs
// every call on its thread pool; this watcher's single statement is cheap enough to run
// where the request is, and handing it to a pool thread and back cost more than the read.
import VaporCSQLite

/// The embedded database's `data_version`, read on a connection of its own that never
/// writes, on the caller's thread: the SQLite half of `DatabaseVersion`.
///
/// `PRAGMA data_version` starts and ends a read transaction: in write-ahead-log mode that is
/// a look at the log's shared index and a lock on it, no read of the file and no wait for a
/// writer. Only when SQLite answers busy (a writer resetting the log at that moment, or the
/// log being recovered after a crash) is the read tried again on `threadPool`, where waiting
/// blocks no event loop.
final class SQLiteDataVersion: @unchecked Sendable {
    // Used under `lock` only; nil once closed.
    private var handle: OpaquePointer?
    private var statement: OpaquePointer?
    private let lock = NIOLock()
    private let threadPool: NIOThreadPool

    init(path: String, threadPool: NIOThreadPool) throws {
        self.threadPool = threadPool
        var handle: OpaquePointer?
        let opened = sqlite_nio_sqlite3_open_v2(
            path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, nil)
        guard opened == SQLITE_OK, let handle else {
            sqlite_nio_sqlite3_close(handle)
            throw Failure(
                message: "De database \(path) kon niet worden geopend om wijzigingen te volgen (SQLite-code \(opened))."
            )
        }
        var statement: OpaquePointer?
        let prepared = sqlite_nio_sqlite3_prepare_v2(handle, "PRAGMA data_version", -1, &statement, nil)
        guard prepared == SQLITE_OK, let statement else {
            sqlite_nio_sqlite3_close(handle)
            throw Failure(message: "De database \(path) kon niet worden gevolgd (SQLite-code \(prepared)).")
        }
        self.handle = handle
        self.statement = statement
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The version as a read begun now finds it, completed at once unless SQLite was busy.
    func read(on loop: any EventLoop) -> EventLoopFuture<String?> {
        switch step() {
        case .version(let version): return loop.makeSucceededFuture(version)
        case .failed(let code):
            return loop.makeFailedFuture(
                Failure(message: "data_version kon niet worden gelezen (SQLite-code \(code))."))
        case .busy:
            return threadPool.runIfActive(eventLoop: loop) {
                for _ in 0..<5_000 {
                    switch self.step() {
                    case .version(let version): return version
                    case .failed(let code):
                        throw Failure(message: "data_version kon niet worden gelezen (SQLite-code \(code)).")
                    case .busy: sqlite_nio_sqlite3_sleep(1)
                    }
                }
                throw Failure(message: "data_version bleef bezet.")
            }
        }
    }

    private enum Step {
        case version(String?)
        case busy
        case failed(Int32)
    }

    private func step() -> Step {
        lock.withLock {
            guard let statement else { return .version(nil) }
            defer { sqlite_nio_sqlite3_reset(statement) }
            switch sqlite_nio_sqlite3_step(statement) {
            case SQLITE_ROW: return .version(String(sqlite_nio_sqlite3_column_int64(statement, 0)))
            case SQLITE_BUSY, SQLITE_LOCKED: return .busy
            case let code: return .failed(code)
            }
        }
    }

    func close() {
        lock.withLock {
            sqlite_nio_sqlite3_finalize(statement)
            sqlite_nio_sqlite3_close(handle)
            statement = nil
            handle = nil
        }
    }
}
