import NIOCore
import NIOHTTP1
import Vapor

/// One connection's requests, one at a time (SwiftNIO's `HTTPServerPipelineHandler` in front
/// holds back a pipelined request until the answer before it is written).
///
/// A request is read whole, within its route's body limit (`BodyLimits`): a body over it is
/// refused with 413 as soon as that is known (from Content-Length, or once the bytes come),
/// the rest of it is read and dropped, and the connection ends after the answer. A body
/// larger than anyone may send is read only once `BodyAdmission` has let it in, from the
/// head; a refused one is not read at all: the answer goes out and the connection ends. An
/// upload route's body goes to a temporary file as it comes (`BodySpool`), removed once the
/// answer is made or the request goes no further. A request without a body may be answered
/// early (`PublishedReportFastPath`); every other request goes to the application's responder
/// as a Vapor `Request`.
///
/// The answer gets the date and the connection's keep-alive, and a HEAD request the head
/// alone, as Vapor's own server does. The connection is closed when idle for the idle timeout
/// (`IdleStateHandler` in front), when a client sends too slowly (`RequestPace` in front), and
/// when the server shuts down once its answer is written. A request whose connection closes
/// before its answer is told so (`ConnectionClosing`).
final class HTTPConnection: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        /// Between requests.
        case idle
        /// A request's head came and `BodyAdmission` is asked; what of its body comes
        /// meanwhile (one read's worth: reading stops) waits here.
        case admitting(HTTPRequestHead, BodyLimits.Route, waiting: [ByteBuffer], ended: Bool)
        /// A request's head came; its body (if any) is being read, into memory or `spool`.
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
    /// Close the connection a second after the answer, not only its output (`BodyAdmission`'s refusal).
    private var lingering = false
    private var spool: BodySpool?
    /// Reading is stopped while `BodyAdmission` is asked or the spool is behind.
    private var readingStopped = false
    private var date = DateHeader()
    private let services: ConnectionServices
    private let pace: RequestPace?

    init(services: ConnectionServices, pace: RequestPace? = nil) {
        self.services = services
        self.pace = pace
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard case .idle = state else { return }
            let route = services.bodyLimits.route(for: head)
            pace?.headReceived(body: route.bytes > 0)
            if let declared = head.headers.first(name: .contentLength).flatMap(Int.init), declared > route.bytes {
                return refuse(head, context: context)
            }
            if BodyAdmission.isNeeded(head, route: route, standard: services.bodyLimits.standard) {
                return admit(head, route: route, context: context)
            }
            begin(head, route: route, context: context)
        case .body(let chunk):
            if case .admitting(let head, let route, var waiting, let ended) = state {
                state = .answering
                waiting.append(chunk)
                state = .admitting(head, route, waiting: waiting, ended: ended)
                return
            }
            take(chunk, context: context)
        case .end:
            if case .admitting(let head, let route, let waiting, _) = state {
                state = .admitting(head, route, waiting: waiting, ended: true)
                return
            }
            end(context: context)
        }
    }

    /// The request may send its body: 100 Continue where asked for, and reading starts.
    private func begin(_ head: HTTPRequestHead, route: BodyLimits.Route, context: ChannelHandlerContext) {
        if head.version.major == 1, head.version.minor >= 1, route.bytes > 0,
            head.headers.first(name: .expect)?.lowercased() == "100-continue"
        {
            context.writeAndFlush(
                wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
        }
        if route.spooled, route.bytes > 0 {
            spool = BodySpool(pool: services.application.threadPool, loop: context.eventLoop)
        }
        state = .reading(head, body: nil, limit: route.bytes)
    }

    private func take(_ chunk: ByteBuffer, context: ChannelHandlerContext) {
        guard case .reading(let head, var body, let limit) = state else { return }
        if let spool {
            guard spool.size + chunk.readableBytes <= limit else { return refuse(head, context: context) }
            spool.append(chunk) { [weak self] in
                guard let self, self.spool === spool, spool.unwritten < BodySpool.lowWater else { return }
                self.setReading(true, context: context)
            }
            if spool.unwritten > BodySpool.highWater { setReading(false, context: context) }
            return
        }
        var chunk = chunk
        guard (body?.readableBytes ?? 0) + chunk.readableBytes <= limit else { return refuse(head, context: context) }
        // Let go of the state's reference first, so the body grows in place.
        state = .answering
        if body == nil { body = chunk } else { body!.writeBuffer(&chunk) }
        state = .reading(head, body: body, limit: limit)
    }

    private func end(context: ChannelHandlerContext) {
        guard case .reading(let head, let body, _) = state else { return }
        state = .answering
        pace?.bodyReceived()
        guard let spool else { return answer(head, body: body, context: context) }
        self.spool = nil
        setReading(true, context: context)
        spool.finish().assumeIsolated().whenComplete { result in
            switch result {
            case .success:
                self.respond(head, body: nil, spool: spool, with: self.services.responder, context: context)
            case .failure(let error):
                self.services.logger.error("An upload could not be written to \(spool.path): \(error)")
                self.state = .ending
                self.respond(
                    head, body: nil, spool: spool, refusal: Strings.uploadNotStored, with: self.services.refusal,
                    context: context)
            }
        }
    }

    /// Asks `BodyAdmission` before the body is read; reading stops meanwhile.
    private func admit(_ head: HTTPRequestHead, route: BodyLimits.Route, context: ChannelHandlerContext) {
        state = .admitting(head, route, waiting: [], ended: false)
        setReading(false, context: context)
        let request = makeRequest(head, body: nil, context: context)
        request.parameters = route.parameters
        request.storage[BodyAdmission.RuleKey.self] = route.admission
        services.admission.respond(to: request).hop(to: context.eventLoop).assumeIsolated().whenComplete { result in
            guard case .admitting(_, _, let waiting, let ended) = self.state else { return }
            switch result {
            case .success(let response) where BodyAdmission.admits(response):
                // A client gone meanwhile: nothing to read, and no file to make.
                guard context.channel.isActive else {
                    self.state = .ending
                    return
                }
                self.begin(head, route: route, context: context)
                for chunk in waiting { self.take(chunk, context: context) }
                if ended {
                    // The whole body came while the admission was asked: reading goes on as
                    // usual, or the next request on this connection would never be read.
                    self.end(context: context)
                    self.setReading(true, context: context)
                } else if case .reading = self.state, self.spool.map({ $0.unwritten <= BodySpool.highWater }) ?? true {
                    self.setReading(true, context: context)
                }
            case .success(let response):
                self.state = .ending
                self.lingering = true
                self.send(response, for: head, context: context)
            case .failure(let error):
                self.services.logger.report(error: error)
                self.state = .ending
                self.lingering = true
                self.send(
                    FastPathResponse(status: .internalServerError, headers: ["Content-Length": "0"], body: nil),
                    version: head.version,
                    for: head, context: context)
            }
        }
    }

    private func setReading(_ on: Bool, context: ChannelHandlerContext) {
        guard on == readingStopped else { return }
        readingStopped = !on
        if on { pace?.resume() } else { pace?.pause() }
        try? context.channel.syncOptions?.setOption(ChannelOptions.autoRead, value: on)
        if on { context.read() }
    }

    private func answer(_ head: HTTPRequestHead, body: ByteBuffer?, context: ChannelHandlerContext) {
        if body == nil,
            let early = services.early?.answer(
                head, peer: context.channel.remoteAddress?.ipAddress, on: context.eventLoop)
        {
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

    private func makeRequest(_ head: HTTPRequestHead, body: ByteBuffer?, context: ChannelHandlerContext) -> Request {
        Request(
            application: services.application, method: head.method, url: URI(string: head.uri), version: head.version,
            headersNoUpdate: head.headers, collectedBody: body, remoteAddress: context.channel.remoteAddress,
            logger: services.logger, byteBufferAllocator: context.channel.allocator, on: context.eventLoop)
    }

    /// Answers through Vapor: the middlewares and the route, with the body as read (in
    /// memory, or in `spool`'s file, removed once the answer is made).
    private func respond(
        _ head: HTTPRequestHead, body: ByteBuffer?, spool: BodySpool? = nil, refusal: String? = nil,
        with responder: any Responder, context: ChannelHandlerContext
    ) {
        let request = makeRequest(head, body: body, context: context)
        request.spooledBody = spool?.path
        if let refusal { request.storage[ConnectionServices.RefusalKey.self] = refusal }
        let closing = ConnectionClosing()
        request.storage[ConnectionClosingKey.self] = closing
        self.closing = closing
        responder.respond(to: request).hop(to: context.eventLoop).assumeIsolated().whenComplete { result in
            closing.finish()
            if self.closing === closing { self.closing = nil }
            spool?.remove()
            switch result {
            case .success(let response):
                self.send(response, for: head, context: context)
            case .failure(let error):
                // The error page middleware answers every error; this is what gets past it.
                self.services.logger.report(error: error)
                self.state = .ending
                self.send(
                    FastPathResponse(status: .internalServerError, headers: ["Content-Length": "0"], body: nil),
                    version: head.version,
                    for: head, context: context)
            }
        }
    }

    private func send(_ response: Response, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        let status = response.status
        let headers = response.headers
        let version = response.version
        if head.method == .HEAD || status == .noContent || response.body.count == 0 {
            return send(
                FastPathResponse(status: status, headers: headers, body: nil), version: version, for: head,
                context: context)
        }
        if let buffer = response.body.buffer {
            return send(
                FastPathResponse(status: status, headers: headers, body: buffer), version: version, for: head,
                context: context)
        }
        // A streamed body (Stoplicht's routes make none): collected, then sent with its length.
        response.body.collect(on: context.eventLoop).assumeIsolated().whenComplete { result in
            var answer = FastPathResponse(status: status, headers: headers, body: (try? result.get()) ?? nil)
            if case .failure = result {
                answer = FastPathResponse(status: .internalServerError, headers: [:], body: nil)
                self.state = .ending
            }
            answer.headers.remove(name: .transferEncoding)
            answer.headers.replaceOrAdd(name: .contentLength, value: String(answer.body?.readableBytes ?? 0))
            self.send(answer, version: version, for: head, context: context)
        }
    }

    private func send(
        _ response: FastPathResponse, version: HTTPVersion, for head: HTTPRequestHead, context: ChannelHandlerContext
    ) {
        var headers = response.headers
        var keepAlive = head.isKeepAlive && !quiescing
        if case .ending = state { keepAlive = false }
        headers.add(name: "date", value: date.now())
        headers.add(name: .connection, value: keepAlive ? "keep-alive" : "close")
        // Before the end is written: writing it may hand this handler the next pipelined request.
        state = keepAlive ? .idle : .ending
        if keepAlive { pace?.answered() }
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: version, status: response.status, headers: headers))),
            promise: nil)
        if head.method != .HEAD, let body = response.body, body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            // The client reads the answer to its end and closes; a server shutting down
            // closes at once, as the quiescing waits for every connection to be closed. A
            // request refused before its body is read is closed a second later in any case:
            // its body is not read, so the client, still sending, would not close.
            let mode: CloseMode = quiescing ? .all : .output
            let lingering = lingering
            let channel = context.channel
            written.assumeIsolated().whenComplete { _ in
                context.close(mode: mode, promise: nil)
                if lingering { channel.eventLoop.scheduleTask(in: .seconds(1)) { channel.close(promise: nil) } }
            }
        }
    }

    /// A body over its route's limit: 413 through the middlewares, and the connection ends.
    private func refuse(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        state = .ending
        // The rest of the body is read and dropped only until the answer is out and a
        // second more: a client that keeps sending does not hold the connection.
        lingering = true
        dropSpool()
        setReading(true, context: context)
        respond(head, body: nil, with: services.refusal, context: context)
    }

    private func dropSpool() {
        spool?.remove()
        spool = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        dropSpool()
        closing?.close()
        closing = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        dropSpool()
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

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        services.logger.debug("Connection closed after an error: \(error)")
        context.close(promise: nil)
    }
}
