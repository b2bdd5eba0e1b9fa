import Foundation
import NIOCore
import NIOPosix
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

/// One request's body on its way to a temporary file (readable by its owner alone), written
/// as it comes on the application's thread pool, one chunk after the other, so an upload of
/// 64 MB holds no more than a few chunks in memory (`HTTPConnection` stops reading while
/// more than `highWater` waits to be written). The route reads it with `UploadForm`; the
/// connection removes the file once the answer is made, or when the request goes no further.
final class BodySpool {
    /// Reading stops while this much waits to be written, and goes on below `lowWater`.
    static let highWater = 1024 * 1024
    static let lowWater = 256 * 1024

    let path: String
    private let pool: NIOThreadPool
    private let loop: any EventLoop
    /// Done once everything handed over so far is written (failed if anything was not).
    private var tail: EventLoopFuture<Void>
    /// The file, once open.
    private var file: Int32?
    private(set) var size = 0
    private(set) var unwritten = 0
    private var closed = false, removed = false

    init(pool: NIOThreadPool, loop: any EventLoop) {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("stoplicht-upload-\(UUID().uuidString)").path
        self.pool = pool
        self.loop = loop
        let path = path
        let opened = pool.runIfActive(eventLoop: loop) { () throws -> Int32 in
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw IOError(errnoCode: errno, reason: "open") }
            return fd
        }
        tail = loop.makeSucceededVoidFuture()
        tail = opened.assumeIsolated().map { fd in self.file = fd }.nonisolated()
    }

    /// Writes `chunk` after what came before; `written` runs on the loop once it is.
    func append(_ chunk: ByteBuffer, written: @escaping () -> Void) {
        let count = chunk.readableBytes
        let pool = pool
        let loop = loop
        size += count
        unwritten += count
        tail = tail.assumeIsolated().flatMap { () -> EventLoopFuture<Void> in
            guard let fd = self.file else { return loop.makeFailedFuture(IOError(errnoCode: EBADF, reason: "write")) }
            return pool.runIfActive(eventLoop: loop) { () throws -> Void in
                try chunk.withUnsafeReadableBytes { bytes in
                    var done = 0
                    while done < bytes.count {
                        let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                        if n < 0, errno == EINTR { continue }
                        guard n > 0 else { throw IOError(errnoCode: errno, reason: "write") }
                        done += n
                    }
                }
            }
        }.map {
            self.unwritten -= count
            written()
        }.nonisolated()
    }

    /// Succeeds once everything is written and the file closed.
    func finish() -> EventLoopFuture<Void> {
        tail = tail.assumeIsolated().map {
            if let fd = self.file, !self.closed { close(fd) }
            self.closed = true
        }.nonisolated()
        return tail
    }

    /// Closes the file if it is open and removes it, once what is under way is done.
    func remove() {
        guard !removed else { return }
        removed = true
        let path = path
        tail.assumeIsolated().whenComplete { _ in
            if let fd = self.file, !self.closed { close(fd) }
            self.closed = true
            unlink(path)
        }
    }
}

private struct SpooledBodyKey: StorageKey {
    typealias Value = String
}

extension Request {
    /// The file the server wrote this request's body to (a `spooled` route's), or nil when
    /// the body is in memory (`body.data`), as the tests' in-memory requests have it.
    var spooledBody: String? {
        get { storage[SpooledBodyKey.self] }
        set { storage[SpooledBodyKey.self] = newValue }
    }
}
