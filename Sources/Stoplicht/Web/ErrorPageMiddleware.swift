import Plot
import Vapor

/// Turns every error into a Dutch page (or Dutch problem JSON for API clients) without a
/// stack trace; unexpected errors are logged in full and shown as a plain apology.
struct ErrorPageMiddleware: Middleware {
    /// An API refusal's body: the OpenAPI document's `Problem`.
    struct Problem: Encodable, Sendable {
        var status: UInt
        var title: String
        var detail: String
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).recover { error in self.response(for: error, request: request) }
    }

    func response(for error: any Error, request: Request) -> Response {
        // A page that needs a login sends a browser to the login page and back.
        if let notLoggedIn = error as? NotLoggedIn, !wantsJSON(request) {
            let back =
                notLoggedIn.returnPath.map {
                    "?\(LoginField.back.name)="
                        + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                } ?? ""
            return request.redirect(to: SiteURL.login.path + back, redirectType: .normal)
        }
        let status: HTTPResponseStatus
        let title: String
        let detail: String
        if let abort = error as? any AbortError {
            status = abort.status
            title =
                status == .notFound
                ? Strings.notFoundTitle : status == .forbidden ? Strings.forbiddenTitle : Strings.errorTitle
            detail =
                status == .notFound && abort.reason == HTTPResponseStatus.notFound.reasonPhrase
                ? Strings.notFound
                : status == .payloadTooLarge
                    ? (request.url.path.hasPrefix("/api/")
                        ? Strings.apiBodyTooLarge
                        : Strings.payloadTooLarge(
                            bytes: request.application.bodyLimits.maximum(request.method, path: request.url.path)))
                    : abort.reason
            request.logger.info("\(status.code) \(request.url.path): \(abort.reason)")
        } else if DatabaseBusy.matches(error) {
            status = .serviceUnavailable
            title = Strings.errorTitle
            detail = Strings.databaseBusyPage
            request.logger.warning("503 \(request.url.path): \(error)")
        } else {
            status = .internalServerError
            title = Strings.errorTitle
            detail = Strings.serverError
            request.logger.report(error: error)
        }
        if wantsJSON(request) {
            let problem = Problem(status: status.code, title: Strings.problemTitle(status) ?? title, detail: detail)
            let body = (try? JSONEncoder().encode(problem)) ?? Data("{}".utf8)
            let response = Response(
                status: status, headers: ["Content-Type": "application/problem+json; charset=utf-8"],
                body: .init(data: body))
            if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: "5") }
            return response
        }
        let page = Layout(title: title, settings: request.settings, breadcrumbs: []) {
            Node<HTML.BodyContext>.group(
                .h1(.class("utrecht-heading-1"), .safeText(title)),
                .p(.class("utrecht-paragraph"), .safeText(detail)),
                .p(.a(.class("utrecht-link"), .href(SiteURL.home.path), .safeText(Strings.backHome)))
            )
        }
        let response = page.response(status: status)
        if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: "5") }
        return response
    }

    /// API clients ask for JSON by name; browsers (and curl's `*/*`) get the page.
    private func wantsJSON(_ request: Request) -> Bool {
        let accept = request.headers[.accept].joined(separator: ",").lowercased()
        return request.url.path.hasPrefix("/api/") || (accept.contains("json") && !accept.contains("text/html"))
    }
}
