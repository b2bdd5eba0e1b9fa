import NIOCore
import NIOHTTP1
import Vapor

/// One connection's requests, one at a time (SwiftNIO's `HTTPServerPipelineHandler` in front
/// holds back a pipelined request until the answer before it is written).
///
/// A request is read whole, within its route's body limit (`BodyLimits`): a body over it is
/// refused with 413 as soon as that is known (from Content-Length, or once the bytes come),
/// the rest of it is read and dropped, and the connection ends after the answer. A request
/// without a body may be answered early (`PublishedReportAnswer`); every
/// other request goes to the application's responder as a Vapor `Request`.
///
/// The answer gets the date and the connection's keep-alive, and a HEAD request the head
/// alone, as Vapor's own server does. The connection is closed when idle for the idle timeout
/// (`IdleStateHandler` in front), and when the server shuts down once its answer is written.
/// A request whose connection closes before its answer is told so (`ConnectionClosing`).
final class HTTPConnection: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        /// Between requests.
        case idle
        /// A request's head came; its body (if any) is being read.
        case reading(HTTPRequestHead, body: ByteBuffer?, limit: Int)
        /// The request is read and its answer is being made.
        case answering
        /// The connection ends after the answer under way: whatever else comes is dropped.
        case ending
    }

    private var state = State.idle
    /// The request being answered through Vapor learns from this that its reader left.
    private var closing: ConnectionClosing?
    private var quiescing = false
    private var date = DateHeader()
    private let services: ConnectionServices

    init(services: ConnectionServices) {
        self.services = services
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard case .idle = state else { return }
            let limit = services.bodyLimits.maximum(for: head)
            if let declared = head.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
                return refuse(head, context: context)
            }
            if head.version.major == 1, head.version.minor >= 1, limit > 0,
               head.headers.first(name: .expect)?.lowercased() == "100-continue" {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
            }
            state = .reading(head, body: nil, limit: limit)
        case .body(var chunk):
            guard case .reading(let head, var body, let limit) = state else { return }
            guard (body?.readableBytes ?? 0) + chunk.readableBytes <= limit else { return refuse(head, context: context) }
            // Let go of the state's reference first, so the body grows in place.
            state = .answering
            if body == nil { body = chunk } else { body!.writeBuffer(&chunk) }
            state = .reading(head, body: body, limit: limit)
        case .end:
            guard case .reading(let head, let body, _) = state else { return }
            state = .answering
            answer(head, body: body, context: context)
        }
    }

    private func answer(_ head: HTTPRequestHead, body: ByteBuffer?, context: ChannelHandlerContext) {
        if body == nil, let early = services.early?.answer(head, on: context.eventLoop) {
            early.assumeIsolated().whenComplete { result in
                if case .success(let response?) = result {
                    self.send(response, version: head.version, for: head, context: context)
                } else {
                    self.respond(head, body: nil, with: self.services.responder, context: context)
                }
            }
        } else {
            respond(head, body: body, with: services.responder, context: context)
        }
    }

    /// Answers through Vapor: the middlewares and the route, with the body as read.
    private func respond(_ head: HTTPRequestHead, body: ByteBuffer?, with responder: any Responder, context: ChannelHandlerContext) {
        let request = Request(application: services.application, method: head.method, url: URI(string: head.uri), version: head.version,
                              headersNoUpdate: head.headers, collectedBody: body, remoteAddress: context.channel.remoteAddress,
                              logger: services.logger, byteBufferAllocator: context.channel.allocator, on: context.eventLoop)
        let closing = ConnectionClosing()
        request.storage[ConnectionClosingKey.self] = closing
        self.closing = closing
        responder.respond(to: request).hop(to: context.eventLoop).assumeIsolated().whenComplete { result in
            closing.finish()
            if self.closing === closing { self.closing = nil }
            switch result {
            case .success(let response):
                self.send(response, for: head, context: context)
            case .failure(let error):
                // The error page middleware answers every error; this is what gets past it.
                self.services.logger.report(error: error)
                self.state = .ending
                self.send(EarlyResponse(status: .internalServerError, headers: ["Content-Length": "0"], body: nil), version: head.version,
                          for: head, context: context)
            }
        }
    }

    private func send(_ response: Response, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        let status = response.status, headers = response.headers, version = response.version
        if head.method == .HEAD || status == .noContent || response.body.count == 0 {
            return send(EarlyResponse(status: status, headers: headers, body: nil), version: version, for: head, context: context)
        }
        if let buffer = response.body.buffer {
            return send(EarlyResponse(status: status, headers: headers, body: buffer), version: version, for: head, context: context)
        }
        // A streamed body (Stoplicht's routes make none): collected, then sent with its length.
        response.body.collect(on: context.eventLoop).assumeIsolated().whenComplete { result in
            var answer = EarlyResponse(status: status, headers: headers, body: (try? result.get()) ?? nil)
            if case .failure = result { answer = EarlyResponse(status: .internalServerError, headers: [:], body: nil); self.state = .ending }
            answer.headers.remove(name: .transferEncoding)
            answer.headers.replaceOrAdd(name: .contentLength, value: String(answer.body?.readableBytes ?? 0))
            self.send(answer, version: version, for: head, context: context)
        }
    }

    private func send(_ response: EarlyResponse, version: HTTPVersion, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = response.headers
        var keepAlive = head.isKeepAlive && !quiescing
        if case .ending = state { keepAlive = false }
        headers.add(name: "date", value: date.now())
        headers.add(name: .connection, value: keepAlive ? "keep-alive" : "close")
        // Before the end is written: writing it may hand this handler the next pipelined request.
        state = keepAlive ? .idle : .ending
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: response.status, headers: headers))), promise: nil)
        if head.method != .HEAD, let body = response.body, body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            // The client reads the answer to its end and closes; a server shutting down
            // closes at once, as the quiescing waits for every connection to be closed.
            let mode: CloseMode = quiescing ? .all : .output
            written.assumeIsolated().whenComplete { _ in context.close(mode: mode, promise: nil) }
        }
    }

    /// A body over its route's limit: 413 through the middlewares, and the connection ends.
    private func refuse(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        state = .ending
        respond(head, body: nil, with: services.refusal, context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent {
            quiescing = true
            if case .idle = state { context.close(promise: nil) }
        } else if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        closing?.close()
        closing = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        services.logger.debug("Connection closed after an error: \(error)")
        context.close(promise: nil)
    }
}
