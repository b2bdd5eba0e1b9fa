import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOHTTP1
import NIOPosix
import Vapor

/// Stoplicht's HTTP/1.1 server, in place of Vapor's `HTTPServer`: SwiftNIO's HTTP pipeline
/// with one handler of its own (`HTTPConnection`), which answers a cached published report
/// itself (`PublishedReportFastPath`) and hands every other request to the application's responder,
/// middlewares and routes as a Vapor `Request`. Vapor's pipeline takes no handler of ours,
/// and its `Request`, futures and response encoder cost a published report more than half of
/// what SwiftNIO alone needs to send its bytes (docs/performance-log.md, The ceiling).
///
/// It reads `app.http.server.configuration` when it starts: the address, backlog, address
/// reuse, `TCP_NODELAY`, the idle timeout and the shutdown timeout; the head timeout and
/// the body's least rate come from `Settings` (`RequestPace`). TLS and HTTP/2 it does
/// not speak (Stoplicht sits behind the municipality's reverse proxy for those); it refuses
/// to start with them configured rather than serve plain HTTP/1.1 instead.
final class StoplichtServer: Server {
    private struct Running: Sendable {
        let channel: any Channel
        let quiesce: ServerQuiescingHelper
        let shutdownTimeout: TimeAmount
    }

    /// Unowned: the application keeps the server (`configure` hands Vapor a factory that
    /// answers this one), and a server never outlives it.
    private unowned let application: Application
    private let running = NIOLockedValueBox<Running?>(nil)

    init(application: Application) {
        self.application = application
    }

    /// Where it listens once started: with port 0, the port the system chose.
    var localAddress: SocketAddress? { running.withLockedValue { $0?.channel.localAddress } }

    var onShutdown: EventLoopFuture<Void> {
        running.withLockedValue { $0?.channel.closeFuture }
            ?? application.eventLoopGroup.any().makeSucceededVoidFuture()
    }

    func start(address: BindAddress?) async throws {
        try await bind(address).get()
    }

    @available(*, noasync, message: "Use the async start() method instead.")
    func start(address: BindAddress?) throws {
        try bind(address).wait()
    }

    func shutdown() async {
        try? await close().get()
    }

    @available(*, noasync, message: "Use the async shutdown() method instead.")
    func shutdown() {
        try? close().wait()
    }

    private func bind(_ address: BindAddress?) -> EventLoopFuture<Void> {
        let loop = application.eventLoopGroup.any()
        var configuration = application.http.server.configuration
        switch address {
        case .none: break
        case .hostname(let hostname, let port):
            configuration.address = .hostname(hostname ?? configuration.hostname, port: port ?? configuration.port)
        case .unixDomainSocket: configuration.address = address!
        }
        guard configuration.tlsConfiguration == nil, !configuration.supportVersions.contains(.two) else {
            return loop.makeFailedFuture(
                StartRefused(
                    reason: "Stoplicht speaks plain HTTP/1.1; TLS and HTTP/2 belong to the reverse proxy in front of it"
                ))
        }
        guard running.withLockedValue({ $0 == nil }) else {
            return loop.makeFailedFuture(StartRefused(reason: "The server is already running"))
        }
        let services = ConnectionServices(application: application)
        let quiesce = ServerQuiescingHelper(group: application.eventLoopGroup)
        let idleTimeout = configuration.idleTimeout
        let bootstrap = ServerBootstrap(group: application.eventLoopGroup)
            .serverChannelOption(ChannelOptions.maxMessagesPerRead, value: configuration.connectionsPerServerTick)
            .serverChannelOption(ChannelOptions.backlog, value: Int32(configuration.backlog))
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: configuration.reuseAddress ? 1 : 0)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(quiesce.makeServerChannelHandler(channel: channel))
                }
            }
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let idleTimeout { try pipeline.addHandler(IdleStateHandler(allTimeout: idleTimeout)) }
                    let pace = RequestPace(limits: services.pace, answer: services.tooSlow)
                    try pipeline.addHandler(pace)
                    try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
                    try pipeline.addHandler(HTTPConnection(services: services, pace: pace))
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: configuration.tcpNoDelay ? 1 : 0)
            .childChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: configuration.reuseAddress ? 1 : 0)
            .childChannelOption(ChannelOptions.maxMessagesPerRead, value: 1)

        let bound: EventLoopFuture<any Channel>
        switch configuration.address {
        case .hostname:
            bound = bootstrap.bind(host: configuration.hostname, port: configuration.port)
        case .unixDomainSocket(let path):
            bound = bootstrap.bind(unixDomainSocketPath: path)
        }
        let logger = configuration.logger
        let settled = configuration
        return bound.flatMapError { error in
            quiesce.initiateShutdown(promise: nil)
            return loop.makeFailedFuture(error)
        }.map { channel in
            self.running.withLockedValue {
                $0 = Running(channel: channel, quiesce: quiesce, shutdownTimeout: settled.shutdownTimeout)
            }
            let shown: String
            if let local = channel.localAddress, let host = local.ipAddress, let port = local.port {
                shown = "http://\(local.protocol == .inet6 ? "[\(host)]" : host):\(port)"
            } else if case .unixDomainSocket(let path) = settled.address {
                shown = "http+unix: \(path)"
            } else {
                shown = "http://\(settled.hostname):\(settled.port)"
            }
            logger.notice("Server started on \(shown)")
        }
    }

    /// Stops accepting, lets each connection finish the response it is making and closes it,
    /// and waits for that up to the configuration's shutdown timeout.
    private func close() -> EventLoopFuture<Void> {
        let loop = application.eventLoopGroup.any()
        guard
            let running = running.withLockedValue({ current in
                defer { current = nil }
                return current
            })
        else {
            return loop.makeSucceededVoidFuture()
        }
        let closed = loop.makePromise(of: Void.self)
        let finished = loop.makePromise(of: Void.self)
        let once = NIOLockedValueBox(false)
        let finish: @Sendable () -> Void = {
            if once.withLockedValue({ done in
                defer { done = true }
                return !done
            }) {
                finished.succeed()
            }
        }
        let logger = application.logger
        let timeout = loop.scheduleTask(in: running.shutdownTimeout) {
            logger.warning("Connections still open after the shutdown timeout; stopping without them")
            finish()
        }
        closed.futureResult.whenComplete { _ in
            timeout.cancel()
            finish()
        }
        running.quiesce.initiateShutdown(promise: closed)
        return finished.futureResult
    }
}

struct StartRefused: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

extension Application {
    /// The server that `serve` starts, when it is Stoplicht's own (set in `configure`).
    var stoplichtServer: StoplichtServer? { server as? StoplichtServer }
}
