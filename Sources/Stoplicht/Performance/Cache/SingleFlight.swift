import NIOConcurrencyHelpers
import NIOCore

/// One rendering of a page at a time for the same key and version: when a commit ends what
/// was cached, the readers who ask for the page while it is being rendered wait for that one
/// rendering instead of each rendering it again. Sixteen readers after a change cost one
/// page, not sixteen at once on the same cores.
final class SingleFlight: Sendable {
    enum Role {
        /// Render the page, then hand it on with `finish`.
        case render(EventLoopPromise<ByteBuffer>)
        /// Someone is rendering it: wait for theirs.
        case wait(EventLoopFuture<ByteBuffer>)
    }

    private struct Flight {
        var page: EventLoopFuture<ByteBuffer>
        var waiting = 0
    }

    private let flights = NIOLockedValueBox<[String: Flight]>([:])

    func join(_ key: String, on loop: any EventLoop) -> Role {
        flights.withLockedValue { flights in
            if let underway = flights[key] {
                flights[key]?.waiting += 1
                return .wait(underway.page)
            }
            let promise = loop.makePromise(of: ByteBuffer.self)
            flights[key] = Flight(page: promise.futureResult)
            return .render(promise)
        }
    }

    /// Hands the page (or why it could not be rendered) to those who waited; call it after
    /// the page is cached, so that whoever asks next finds it there.
    func finish(_ key: String, _ promise: EventLoopPromise<ByteBuffer>, _ result: Result<ByteBuffer, any Error>) {
        flights.withLockedValue { _ = $0.removeValue(forKey: key) }
        promise.completeWith(result)
    }

    /// How many wait for the page being rendered under `key` (nil: none is being rendered).
    func waiting(for key: String) -> Int? {
        flights.withLockedValue { $0[key]?.waiting }
    }
}
