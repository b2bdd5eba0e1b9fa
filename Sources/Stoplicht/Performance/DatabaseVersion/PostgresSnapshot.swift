import Logging
import NIOCore
import PostgresKit

/// PostgreSQL's current snapshot, read on one event loop's connection of its own, on that
/// loop, with the statement prepared once: the PostgreSQL half of `DatabaseVersion`, which
/// has one for each loop. Its state is touched on `loop` only.
///
/// Read through Fluent, every version read took a connection from the pool, serialised the
/// query through SQLKit, had the server parse and plan it anew and decoded the row through
/// `Codable`; here a read is one Bind/Execute/Sync round trip on a connection that nothing
/// else uses. `VersionReads` asks one loop's connection one read at a time.
///
/// A connection that fails or is closed (the server restarted) is dropped; the read that met
/// it fails, which caches nothing for its request, and the next read connects anew.
final class PostgresSnapshot: @unchecked Sendable {
    static let query = "SELECT pg_current_snapshot()::text"
    /// A read takes well under a millisecond; one that takes this long has been lost.
    static let timeout = TimeAmount.seconds(5)

    let loop: any EventLoop
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger

    private enum State {
        case idle
        case connecting(EventLoopFuture<Prepared>)
        case ready(Prepared)
        case closed
    }

    private struct Prepared: Sendable {
        var connection: PostgresConnection
        var statement: PreparedQuery
    }

    private var state = State.idle

    init(loop: any EventLoop, configuration: PostgresConnection.Configuration, logger: Logger) {
        self.loop = loop
        self.configuration = configuration
        self.logger = logger
    }

    /// The snapshot as a read begun now finds it, on `loop`; nil once closed.
    func read() -> EventLoopFuture<String?> {
        guard loop.inEventLoop else { return loop.flatSubmit { self.read() } }
        if case .closed = state { return loop.makeSucceededFuture(nil) }
        return prepared().flatMap { prepared in
            // A query written to a connection that closed a moment before is never answered:
            // the read gives up, so that the loop's next read (`VersionReads`) is not held up.
            let answer = self.loop.makePromise(of: String?.self)
            let timeout = self.loop.scheduleTask(in: Self.timeout) {
                answer.fail(TimedOut())
                self.drop(prepared)
            }
            prepared.statement.execute().flatMapThrowing { rows -> String? in
                guard let row = rows.first else { return nil }
                return try row.decode(String.self)
            }.hop(to: self.loop).whenComplete { result in
                timeout.cancel()
                if case .failure = result { self.drop(prepared) }
                answer.completeWith(result)
            }
            return answer.futureResult
        }
    }

    private struct TimedOut: Error {}

    /// The connection, opened and its statement prepared on first use or after a failure.
    private func prepared() -> EventLoopFuture<Prepared> {
        switch state {
        case .ready(let prepared) where !prepared.connection.isClosed:
            return loop.makeSucceededFuture(prepared)
        case .ready(let prepared):
            drop(prepared)
            return connect()
        case .connecting(let future):
            return future
        case .idle, .closed:
            return connect()
        }
    }

    private func connect() -> EventLoopFuture<Prepared> {
        let configuration = self.configuration
        let logger = self.logger
        let loop = self.loop
        let future = loop.makeFutureWithTask {
            try await PostgresConnection.connect(on: loop, configuration: configuration, id: 0, logger: logger)
        }.flatMap { connection in
            connection.prepare(query: Self.query).map { Prepared(connection: connection, statement: $0) }
                .flatMapError { error in connection.close().flatMapThrowing { _ -> Prepared in throw error } }
        }.hop(to: loop)
        state = .connecting(future)
        future.whenComplete { result in
            guard case .connecting = self.state else {
                // Closed while it connected: let the new connection go again.
                if case .success(let prepared) = result { let _: EventLoopFuture<Void> = prepared.connection.close() }
                return
            }
            switch result {
            case .success(let prepared): self.state = .ready(prepared)
            case .failure: self.state = .idle
            }
        }
        return future
    }

    /// Lets a failed connection go; the next read connects anew.
    private func drop(_ prepared: Prepared) {
        if case .ready(let current) = state, current.connection === prepared.connection { state = .idle }
        let _: EventLoopFuture<Void> = prepared.connection.close()
    }

    /// Closes the connection; a read after it knows no version.
    func close() async {
        let connection: PostgresConnection? = try? await loop.submit { () -> PostgresConnection? in
            defer { self.state = .closed }
            if case .ready(let prepared) = self.state { return prepared.connection }
            return nil
        }.get()
        try? await connection?.close().get()
    }
}
