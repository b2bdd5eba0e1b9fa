import Foundation
import NIOHTTP1
import Vapor

/// The API's read answers, kept under the database's version like the live pages
/// (`VersionedStore`): a client that asks the same thing again, with the same token, while
/// nothing has been committed gets the same answer without its queries. A token revoked, a
/// role changed or any other change is a commit, and the next request is answered anew.
///
/// An answer depends on the address (path and query) and the token alone: the API reads no
/// session, no other header and not the clock. Only a 200 with its whole body is kept;
/// refusals and errors are made each time.
enum KeptAnswers {
    struct Answer: Sendable {
        var headers: HTTPHeaders
        var body: ByteBuffer
    }

    /// The route of a GET operation: a kept answer is served on the event loop, without a
    /// task (`LivePage.route`); `handler` runs only when there is none, and its answer is kept.
    static func route(_ handler: @escaping @Sendable (Request) async throws -> Response) -> @Sendable (Request) -> EventLoopFuture<Response> {
        LivePage.route(kept: kept) { req in
            let response = try await handler(req)
            if let version = await req.databaseVersion(), response.status == .ok, let body = response.body.buffer {
                // The headers as the handler made them: the middlewares add theirs to each
                // response on its way out, a kept one too.
                let size = body.readableBytes + response.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count }
                req.application.apiAnswers.keep(Answer(headers: response.headers, body: body), key: key(req), version: version, size: size)
            }
            return response
        }
    }

    /// The answer kept for this address and token under the database's version now.
    /// The token's use is recorded first (`TokenUse`), so that the version read here holds it.
    static func kept(_ req: Request) -> EventLoopFuture<Response?> {
        TokenUse.record(req).flatMap { req.databaseVersion() }.map { version in
            guard let version, let answer = req.application.apiAnswers.value(key(req), version: version) else { return nil }
            return Response(status: .ok, headers: answer.headers, body: .init(buffer: answer.body))
        }
    }

    /// The address with its query and the token's digest ("-" without one): the token itself
    /// is not kept in memory longer than its request.
    static func key(_ req: Request) -> String {
        [req.pathAndQuery, req.headers.bearerAuthorization.map { APITokens.digest($0.token) } ?? "-"].joined(separator: "\u{1F}")
    }
}

struct KeptAnswersKey: StorageKey {
    typealias Value = VersionedStore<KeptAnswers.Answer>
}

extension Application {
    /// Set once in `configure`, before any request.
    var apiAnswers: VersionedStore<KeptAnswers.Answer> { storage[KeptAnswersKey.self] ?? VersionedStore(maximumBytes: 0) }
}
