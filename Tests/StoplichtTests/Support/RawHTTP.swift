import Foundation
import Vapor

@testable import Stoplicht

#if canImport(Glibc)
    import Glibc
#endif

/// Plain sockets to a running Stoplicht, for what a test client that speaks HTTP for the
/// test cannot show: a connection left idle, requests sent back to back on one connection,
/// a body over its limit.
enum RawHTTP {
    /// Set once, from the thread that reads a connection, and read from a test's task.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var set = false
        var isSet: Bool { lock.withLock { set } }
        func raise() { lock.withLock { set = true } }
    }

    /// Whether `data` begins with a whole answer: its head and as much body as its
    /// Content-Length says.
    static func holdsAnAnswer(_ data: Data) -> Bool {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
        let length =
            head.components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        return data.distance(from: end.upperBound, to: data.endIndex) >= length
    }

    /// Connects to 127.0.0.1:`port`, sends `request` (if any) and reads until the server
    /// closes the connection or `limit` seconds pass: what came back and how long it took.
    /// `answered` is raised once a whole answer has come (and the connection may stay open).
    static func converse(port: Int, request: String?, limit: Int, answered: Flag? = nil) throws -> (
        answer: String, seconds: Double, closed: Bool
    ) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Abort(.internalServerError, reason: "socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Abort(.internalServerError, reason: "connect") }
        var timeout = timeval(tv_sec: limit, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let start = Date()
        if let request {
            let bytes = Array(request.utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard n > 0 else { break }  // the server may close before it has read all
                sent += n
            }
        }
        var answer = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                answer.append(contentsOf: buffer[0..<n])
                if let answered, holdsAnAnswer(answer) { answered.raise() }
                continue
            }
            return (String(decoding: answer, as: UTF8.self), Date().timeIntervalSince(start), n == 0)
        }
    }

    /// Connects to 127.0.0.1:`port` and sends `pieces` one after the other, `every` seconds
    /// apart, as a slow client does; it stops sending once the server answers or closes, and
    /// then reads until the server closes or `limit` seconds pass. With `hangUp`, it closes
    /// the connection itself after the last piece, without reading.
    static func trickle(port: Int, _ pieces: [[UInt8]], every: Double, limit: Int, hangUp: Bool = false) throws
        -> (answer: String, seconds: Double, closed: Bool, sent: Int)
    {
        let fd = try connected(port: port)
        defer { close(fd) }
        let start = Date()
        var answer = Data()
        var sent = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { Thread.sleep(forTimeInterval: every) }
            let n = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if n > 0 {
                answer.append(contentsOf: buffer[0..<n])
                break
            }
            if n == 0 { return (String(decoding: answer, as: UTF8.self), Date().timeIntervalSince(start), true, sent) }
            let written = piece.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { break }
            sent += written
        }
        if hangUp { return ("", Date().timeIntervalSince(start), false, sent) }
        var timeout = timeval(tv_sec: limit, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                answer.append(contentsOf: buffer[0..<n])
                continue
            }
            return (String(decoding: answer, as: UTF8.self), Date().timeIntervalSince(start), n == 0, sent)
        }
    }

    static func connected(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Abort(.internalServerError, reason: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw Abort(.internalServerError, reason: "connect")
        }
        return fd
    }

    /// The socket calls block; on a thread of their own they leave Swift's few pool threads to
    /// the server's handlers (two on this machine, shared with the rest of the suite).
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    /// The answers in `text`, one after the other: each one's status line, headers (names in
    /// lower case) and body, as long as its Content-Length says.
    static func answers(in text: String) -> [(status: String, headers: [String: String], body: String)] {
        var rest = Substring(text)
        var found: [(String, [String: String], String)] = []
        while let end = rest.range(of: "\r\n\r\n") {
            let lines = rest[..<end.lowerBound].components(separatedBy: "\r\n")
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                    in: .whitespaces)
            }
            let length = headers["content-length"].flatMap(Int.init) ?? 0
            let bodyStart = end.upperBound
            let bytes = rest[bodyStart...].utf8
            let bodyEnd = bytes.index(bodyStart, offsetBy: min(length, bytes.count))
            found.append((lines[0], headers, String(rest[bodyStart..<bodyEnd])))
            rest = rest[bodyEnd...]
        }
        return found
    }
}

/// Runs `test` with `app`'s server listening on a port of its own on 127.0.0.1.
func withRunningServer(_ app: Application, _ test: (Int) async throws -> Void) async throws {
    try await app.server.start(address: .hostname("127.0.0.1", port: 0))
    do {
        guard let port = app.stoplichtServer?.localAddress?.port else {
            throw Abort(.internalServerError, reason: "no port")
        }
        try await test(port)
    } catch {
        await app.server.shutdown()
        throw error
    }
    await app.server.shutdown()
}

extension RawHTTP {
    /// One request's exchange on a connection of its own: its answers, parsed.
    static func exchange(port: Int, _ request: String, limit: Int = 30) async throws -> [(
        status: String, headers: [String: String], body: String
    )] {
        let reply = try await offThePool { try converse(port: port, request: request, limit: limit) }
        return answers(in: reply.answer)
    }
}
