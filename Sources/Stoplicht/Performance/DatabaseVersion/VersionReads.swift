import NIOCore

/// The version reads of one event loop's requests, one at a time: a request that asks while
/// a read is under way waits for the next one, which all requests that asked meanwhile
/// share. Under load a read answers many requests, so a cached page costs a fraction of a
/// read; a request alone still waits for one read only. That sharing is what PostgreSQL's
/// round trip needs; SQLite's read usually completes before `read` returns
/// (`SQLiteDataVersion`), and then each request has its own.
///
/// A request never gets a read that began before it asked. That read may have missed a
/// commit acknowledged just before the request came, whose page the request must see; the
/// next read begins after the request asked, so it sees every commit made before.
final class VersionReads: @unchecked Sendable {
    let loop: any EventLoop
    private let read: @Sendable () -> EventLoopFuture<String?>
    // Touched on `loop` only.
    private var reading = false
    private var waiting: [EventLoopPromise<String?>] = []

    /// `read` asks the database for its version; its future may complete on any loop.
    init(loop: any EventLoop, read: @escaping @Sendable () -> EventLoopFuture<String?>) {
        self.loop = loop
        self.read = read
    }

    /// The version as a read begun after this call found it; nil when it could not be read.
    func next() -> EventLoopFuture<String?> {
        guard loop.inEventLoop else { return loop.flatSubmit { self.next() } }
        let promise = loop.makePromise(of: String?.self)
        waiting.append(promise)
        if !reading { start() }
        return promise.futureResult
    }

    private func start() {
        let batch = waiting
        waiting = []
        reading = true
        read().hop(to: loop).whenComplete { result in
            self.reading = false
            let version = (try? result.get()) ?? nil
            for promise in batch { promise.succeed(version) }
            if !self.waiting.isEmpty { self.start() }
        }
    }
}
