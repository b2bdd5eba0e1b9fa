import Vapor

/// Refuses a request that carries a NUL character as text (`NulCharacters`) before any
/// route reads it, in Dutch and naming where: 404 for the address, its path or a query
/// parameter (no page, and no value a parameter names, holds one), 422 for a form's or a
/// JSON body's field; nothing is read or stored.
/// Future-based, as the other middlewares in front of every route are.
struct NulCharacterMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        switch NulCharacters.place(
            uri: request.url.string, contentType: request.headers.contentType, body: request.body.data)
        {
        case nil:
            return next.respond(to: request)
        case .path:
            return request.eventLoop.makeFailedFuture(InputError(Strings.nulInPath, status: .notFound))
        case .query(let name):
            return request.eventLoop.makeFailedFuture(InputError(Strings.nulInParameter(name), status: .notFound))
        case .field(let name):
            return request.eventLoop.makeFailedFuture(InputError(Strings.nulInField(name), field: name))
        }
    }
}
