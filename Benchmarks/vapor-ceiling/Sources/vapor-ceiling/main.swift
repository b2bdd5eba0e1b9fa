import Foundation
import Vapor

// One route, GET /file, answering the bytes of BODY from memory, as Stoplicht answers a kept
// page; PASSES future-based middlewares that do nothing put in front of it, the way each of
// Stoplicht's is. MODE=nio answers the same bytes with SwiftNIO's HTTP/1 server alone.
struct PassThrough: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request)
    }
}

let environment = ProcessInfo.processInfo.environment
let body = ByteBuffer(data: try Data(contentsOf: URL(fileURLWithPath: environment["BODY"] ?? "/etc/services")))
if environment["MODE"] == "nio" {
    try await serveWithNIOAlone(body: body, port: Int(environment["PORT"] ?? "8094") ?? 8094)
}
let app = try await Application.make(
    Environment(name: "production", arguments: ["vapor-ceiling", "serve", "--port", environment["PORT"] ?? "8094"]))
app.middleware = Middlewares()
for _ in 0..<(Int(environment["PASSES"] ?? "0") ?? 0) { app.middleware.use(PassThrough()) }
app.get("file") { _ in
    Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(buffer: body))
}
try await app.execute()
try await app.asyncShutdown()
