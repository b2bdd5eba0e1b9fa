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
    let bodyLimits: BodyLimits
    /// Kept published reports, answered without a Vapor `Request`; nil where nothing is kept.
    let early: PublishedReportAnswer?
    let logger: Logger

    init(application: Application) {
        self.application = application
        responder = application.responder.current
        refusal = application.middleware.resolve().makeResponder(chainingTo: TooLargeResponder())
        bodyLimits = application.bodyLimits
        early = PublishedReportAnswer(application: application)
        logger = application.logger
    }

    /// The request's body is over its route's limit.
    private struct TooLargeResponder: Responder {
        func respond(to request: Request) -> EventLoopFuture<Response> {
            request.eventLoop.makeFailedFuture(Abort(.payloadTooLarge))
        }
    }
}
