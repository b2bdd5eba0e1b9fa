import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import Stoplicht
import Testing
import Vapor

/// A client that connects and then sends nothing is disconnected after the idle timeout,
/// so stalled connections cannot pile up. (Whether a request is answered in time depends on
/// the machine's load, and Vapor counts answering as idle, so that is not asserted here;
/// the timeout's default is minutes for that reason.)
@Suite struct IdleTimeoutTests {
    /// Connects to 127.0.0.1:`port`, sends `request` (if any) and reads until the server
    /// closes the connection or `limit` seconds pass: what came back and how long it took.
    func converse(port: Int, request: String?, limit: Int) throws -> (answer: String, seconds: Double, closed: Bool) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Abort(.internalServerError, reason: "socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Abort(.internalServerError, reason: "connect") }
        var timeout = timeval(tv_sec: limit, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let start = Date()
        if let request { _ = request.withCString { send(fd, $0, strlen($0), 0) } }
        var answer = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { answer.append(contentsOf: buffer[0..<n]); continue }
            return (String(decoding: answer, as: UTF8.self), Date().timeIntervalSince(start), n == 0)
        }
    }

    /// The socket calls block; on a thread of their own they leave Swift's few pool threads to
    /// the server's handlers (two on this machine, shared with the rest of the suite).
    func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    @Test func theTimeoutsComeFromTheEnvironment() {
        let plain = Settings.fromEnvironment([:])
        #expect(plain.idleTimeoutSeconds == 300 && plain.pdfTimeoutSeconds == 60)
        let set = Settings.fromEnvironment(["STOPLICHT_IDLE_TIMEOUT": "600", "STOPLICHT_PDF_TIMEOUT": "90"])
        #expect(set.idleTimeoutSeconds == 600 && set.pdfTimeoutSeconds == 90)
        let nonsense = Settings.fromEnvironment(["STOPLICHT_IDLE_TIMEOUT": "0", "STOPLICHT_PDF_TIMEOUT": "lang"])
        #expect(nonsense.idleTimeoutSeconds == 300 && nonsense.pdfTimeoutSeconds == 60)
    }

    @Test func anIdleConnectionIsClosed() async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: Settings(database: .sqliteMemory, idleTimeoutSeconds: 2))
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)

            let idle = try await offThePool { try converse(port: port, request: nil, limit: 20) }
            #expect(idle.closed && idle.answer.isEmpty)
            #expect(idle.seconds >= 1.9 && idle.seconds < 15, "closed after \(idle.seconds) s")

            await app.server.shutdown()
            try await app.asyncShutdown()
        } catch {
            await app.server.shutdown()
            try? await app.asyncShutdown()
            throw error
        }
    }
}
