import Foundation
import NIOHTTP1
import Vapor

/// The API's read answers, cached under the database's version like the live pages
/// (`VersionedCache`): a client that asks the same thing again, with the same token, while
/// nothing has been committed gets the same answer without its queries. A token revoked, a
/// role changed or any other change is a commit, and the next request is answered anew.
///
/// An answer depends on the address (path and query) and the token alone: the API reads no
/// session, no other header and not the clock. Only a 200 with its whole body is cached;
/// refusals and errors are answered anew each time.
enum CachedAPIAnswers {
    struct Answer: Sendable {
        var headers: HTTPHeaders
        var body: ByteBuffer
    }

    /// Runs the operation's handler and caches its answer when it is a whole 200.
    static func respond(_ req: Request, _ handler: @Sendable (Request) async throws -> Response) async throws
        -> Response
    {
        let response = try await handler(req)
        if let version = await req.databaseVersion(), response.status == .ok, let body = response.body.buffer {
            // The headers as the handler made them: the middlewares add theirs to each
            // response on its way out, a cached one too.
            let size = body.readableBytes + response.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count }
            req.application.apiAnswerCache.insert(
                Answer(headers: response.headers, body: body), key: key(req), version: version,
                size: size)
        }
        return response
    }

    /// The answer cached for this address and token under the database's version now.
    /// The token's use is recorded first (`TokenUse`), so that the version read here holds it.
    static func cached(_ req: Request) -> EventLoopFuture<Response?> {
        TokenUse.record(req).flatMap { req.databaseVersion() }.map { version in
            guard let version, let answer = req.application.apiAnswerCache.value(key(req), version: version) else {
                return nil
            }
            return Response(status: .ok, headers: answer.headers, body: .init(buffer: answer.body))
        }
    }

    /// The address with its query and the token's digest ("-" without one): the token itself
    /// is not cached in memory longer than its request.
    static func key(_ req: Request) -> String {
        [req.pathAndQuery, req.headers.bearerAuthorization.map { APITokens.digest($0.token) } ?? "-"].joined(
            separator: "\u{1F}")
    }
}
