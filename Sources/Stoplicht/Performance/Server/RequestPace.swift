import NIOCore
import NIOHTTP1
import Vapor

/// Keeps slow clients from holding a connection: a request's head must come whole within
/// `STOPLICHT_HEAD_TIMEOUT` (10 s) of its first byte, and its body must keep coming at
/// `STOPLICHT_BODY_MIN_RATE` (1 kB/s) on average after a grace of `STOPLICHT_BODY_GRACE`
/// (10 s): by `grace + bytes / rate` after the head, the body is complete. Time the server
/// itself does not read (while it asks `BodyAdmission`, or writes an upload to disk) is not
/// counted. A client too slow gets a 408 in Dutch and the connection ends. Between requests,
/// and while the answer is made, the idle timeout (`IdleStateHandler`) holds.
///
/// The first handler of a connection, so it sees the bytes as they come; `HTTPConnection`
/// tells it where a request is (`headReceived`, `bodyReceived`, `answered`).
final class RequestPace: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    struct Limits: Sendable {
        var head: TimeAmount
        var grace: TimeAmount
        /// Bytes a second.
        var rate: Int

        init(settings: Settings) {
            head = .seconds(Int64(settings.headTimeoutSeconds))
            grace = .seconds(Int64(settings.bodyGraceSeconds))
            rate = max(1, settings.bodyMinimumRate)
        }
    }

    private enum Phase {
        /// Between requests: the idle timeout holds.
        case waiting
        /// A request's first bytes came at `since`; its head is not whole yet.
        case head(since: NIODeadline)
        /// Its body is coming: `bytes` of it since `since`, with `paused` not counted.
        case body(since: NIODeadline, bytes: Int)
        /// Read; its answer is being made.
        case answering(sawMore: Bool)
        /// Cut off: whatever else comes is dropped.
        case cut
    }

    private let limits: Limits
    private let answer: ByteBuffer
    private var phase = Phase.waiting
    private var timer: Scheduled<Void>?
    private var pausedSince: NIODeadline?
    private var paused = TimeAmount.zero
    private var context: ChannelHandlerContext?

    /// `answer`: `tooSlow`, made once for every connection.
    init(limits: Limits, answer: ByteBuffer) {
        self.limits = limits
        self.answer = answer
    }

    /// The 408, made once: Stoplicht's security headers, a Dutch text, and the end.
    static func tooSlow(_ securityHeaders: SecurityHeadersMiddleware) -> ByteBuffer {
        let body = Strings.requestTooSlow + "\n"
        var headers = HTTPHeaders([
            ("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", String(body.utf8.count)),
            ("Connection", "close"),
        ])
        securityHeaders.apply(to: &headers)
        var text = "HTTP/1.1 408 Request Timeout\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return ByteBuffer(string: text + "\r\n" + body)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let count = unwrapInboundIn(data).readableBytes
        switch phase {
        case .cut:
            return
        case .waiting:
            phase = .head(since: .now())
            schedule(at: .now() + limits.head)
        case .head:
            break
        case .body(let since, let bytes):
            phase = .body(since: since, bytes: bytes + count)
        case .answering:
            phase = .answering(sawMore: true)
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        context.fireChannelInactive()
    }

    /// The head is whole; a body follows when `body`.
    func headReceived(body: Bool) {
        timer?.cancel()
        paused = .zero
        pausedSince = nil
        if body {
            phase = .body(since: .now(), bytes: 0)
            schedule(at: .now() + limits.grace)
        } else {
            phase = .answering(sawMore: false)
        }
    }

    /// The body is whole.
    func bodyReceived() {
        timer?.cancel()
        phase = .answering(sawMore: false)
    }

    /// The answer is written and the connection stays open for the next request. When some
    /// of it came while the answer was made, its head's time runs from now.
    func answered() {
        guard case .answering(let sawMore) = phase else { return }
        phase = sawMore ? .head(since: .now()) : .waiting
        if sawMore { schedule(at: .now() + limits.head) }
    }

    /// The server stops reading (its own doing, so not counted against the client)…
    func pause() {
        if pausedSince == nil { pausedSince = .now() }
    }

    /// …and goes on.
    func resume() {
        if let since = pausedSince { paused = paused + (.now() - since) }
        pausedSince = nil
    }

    private func schedule(at deadline: NIODeadline) {
        timer?.cancel()
        guard let context else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { self.check() }
    }

    private func check() {
        let now = NIODeadline.now()
        switch phase {
        case .head(let since):
            if now - since >= limits.head { cut() } else { schedule(at: since + limits.head) }
        case .body(let since, let bytes):
            // Paused time (to now) does not count.
            let pausedNow = paused + (pausedSince.map { now - $0 } ?? .zero)
            let allowed = limits.grace + .nanoseconds(Int64(bytes) * 1_000_000_000 / Int64(limits.rate)) + pausedNow
            if pausedSince == nil, now - since >= allowed {
                cut()
            } else {
                schedule(at: max(since + allowed, now + .milliseconds(100)))
            }
        default:
            break
        }
    }

    /// 408 and the end: the output is closed at once, the connection a second later, so the
    /// client still sending its request reads the answer first rather than a reset.
    private func cut() {
        guard let context else { return }
        phase = .cut
        let channel = context.channel
        let loop = context.eventLoop
        context.writeAndFlush(wrapOutboundOut(answer)).assumeIsolated().whenComplete { _ in
            channel.close(mode: .output, promise: nil)
            loop.scheduleTask(in: .seconds(1)) { channel.close(promise: nil) }
        }
    }
}
