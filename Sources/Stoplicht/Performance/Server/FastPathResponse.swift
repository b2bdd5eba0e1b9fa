import NIOCore
import NIOHTTP1

/// A response made without Vapor: its head's status and headers, and its body.
struct FastPathResponse: Sendable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: ByteBuffer?
}
