import NIOConcurrencyHelpers
import NIOCore

/// One making of a page at a time for the same key and version: when a change ends what was
/// kept, the readers who ask for the page while it is being made wait for that one making
/// instead of each making it again. Sixteen readers after a change cost one page, not
/// sixteen at once on the same cores.
final class SharedRenders: Sendable {
    enum Turn {
        /// Make the page, then hand it on with `finish`.
        case make(EventLoopPromise<ByteBuffer>)
        /// Someone is making it: wait for theirs.
        case wait(EventLoopFuture<ByteBuffer>)
    }

    private struct Making {
        var page: EventLoopFuture<ByteBuffer>
        var waiting = 0
    }

    private let making = NIOLockedValueBox<[String: Making]>([:])

    func turn(_ key: String, on loop: any EventLoop) -> Turn {
        making.withLockedValue { making in
            if let underway = making[key] {
                making[key]?.waiting += 1
                return .wait(underway.page)
            }
            let promise = loop.makePromise(of: ByteBuffer.self)
            making[key] = Making(page: promise.futureResult)
            return .make(promise)
        }
    }

    /// Hands the page (or why it could not be made) to those who waited; call it after the
    /// page is kept, so that whoever asks next finds it there.
    func finish(_ key: String, _ promise: EventLoopPromise<ByteBuffer>, _ result: Result<ByteBuffer, any Error>) {
        making.withLockedValue { _ = $0.removeValue(forKey: key) }
        promise.completeWith(result)
    }

    /// How many wait for the page being made under `key` (nil: none is being made).
    func waiting(for key: String) -> Int? {
        making.withLockedValue { $0[key]?.waiting }
    }
}
