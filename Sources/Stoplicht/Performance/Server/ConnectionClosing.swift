import NIOConcurrencyHelpers
import Vapor

/// Tells a request's work that its connection closed before the answer was written: the
/// reader left, and work done only for them (a live PDF) can stop. One for each request
/// `HTTPConnection` hands to the application, in the request's storage.
final class ConnectionClosing: Sendable {
    private struct State {
        var closed = false
        var handlers: [@Sendable () -> Void] = []
    }

    private let state = NIOLockedValueBox(State())

    /// `handler` once the connection closes (at once if it has).
    func whenClosed(_ handler: @escaping @Sendable () -> Void) {
        let closed = state.withLockedValue { state in
            if !state.closed { state.handlers.append(handler) }
            return state.closed
        }
        if closed { handler() }
    }

    /// The connection closed: runs the handlers, once.
    func close() {
        let handlers = state.withLockedValue { state in
            state.closed = true
            defer { state.handlers = [] }
            return state.handlers
        }
        for handler in handlers { handler() }
    }

    /// The answer is written: nothing is left to stop.
    func finish() {
        state.withLockedValue { $0.handlers = [] }
    }
}

struct ConnectionClosingKey: StorageKey {
    typealias Value = ConnectionClosing
}

extension Request {
    /// `work` in a task of its own, cancelled when the request's connection closes before it
    /// ends (outside `HTTPConnection`, as in tests, it is just run).
    func cancelledWhenClientLeaves<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let closing = storage[ConnectionClosingKey.self] else { return try await work() }
        let task = Task { try await work() }
        closing.whenClosed { task.cancel() }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}
