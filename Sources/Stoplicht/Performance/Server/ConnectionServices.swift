import NIOCore
import NIOHTTP1
import Vapor

/// What every connection of a `StoplichtServer` answers with, made once when it starts
/// (after `configure`, so the routes and middlewares are all there).
struct ConnectionServices: Sendable {
    let application: Application
    /// Vapor's: the middlewares around the router.
    let responder: any Responder
    /// The middlewares around a refusal of a body over its route's limit: the same Dutch
    /// error page, security headers and session handling as every other answer.
    let refusal: any Responder
    /// The middlewares around `BodyAdmission`'s check: the session as the route reads it,
    /// and a refusal as the route would answer it.
    let admission: any Responder
    let bodyLimits: BodyLimits
    /// What `RequestPace` allows a slow client, and the headers of its 408.
    let pace: RequestPace.Limits
    let tooSlow: ByteBuffer
    /// Cached published reports, answered without a Vapor `Request`; nil where nothing is cached.
    let early: PublishedReportFastPath?
    let logger: Logger

    init(application: Application) {
        self.application = application
        responder = application.responder.current
        refusal = application.middleware.resolve().makeResponder(chainingTo: TooLargeResponder())
        admission = application.middleware.resolve().makeResponder(chainingTo: BodyAdmission.Check())
        bodyLimits = application.bodyLimits
        pace = RequestPace.Limits(settings: application.settings)
        tooSlow = RequestPace.tooSlow(SecurityHeadersMiddleware(settings: application.settings))
        early = PublishedReportFastPath(application: application)
        logger = application.logger
    }

    /// The request's body is over its route's limit, or (`reason` set) an upload could not be stored.
    private struct TooLargeResponder: Responder {
        func respond(to request: Request) -> EventLoopFuture<Response> {
            request.eventLoop.makeFailedFuture(
                request.storage[RefusalKey.self].map { Abort(.serviceUnavailable, reason: $0) }
                    ?? Abort(.payloadTooLarge))
        }
    }

    struct RefusalKey: StorageKey {
        typealias Value = String
    }
}
