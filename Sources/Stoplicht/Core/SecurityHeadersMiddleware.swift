import Foundation
import Vapor

/// Headers that keep a page from being framed, sniffed or given scripts: the pages use no
/// script and no inline style, so the policy can be strict. A future-based middleware, as
/// are the others in front of every route: an `AsyncMiddleware` starts a task of its own
/// for every request, a thread switch each.
struct SecurityHeadersMiddleware: Middleware {
    let contentSecurityPolicy: String

    /// The installation's headers: every answer's, whether Vapor's middlewares make it or
    /// the server does (`PublishedReportAnswer`), so both read them from here.
    init(settings: Settings) {
        self.init(themeStylesheetURL: settings.themeStylesheetURL)
    }

    init(themeStylesheetURL: String?) {
        var styles = "'self'"
        if let theme = themeStylesheetURL.flatMap(URL.init(string:)), let scheme = theme.scheme, let host = theme.host {
            styles += " \(scheme)://\(host)\(theme.port.map { ":\($0)" } ?? "")"
        }
        contentSecurityPolicy = "default-src 'none'; style-src \(styles); img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in
            self.apply(to: &response.headers)
            return response
        }
    }

    /// The same headers on an answer made without Vapor (`PublishedReportAnswer`).
    func apply(to headers: inout HTTPHeaders) {
        headers.replaceOrAdd(name: "Content-Security-Policy", value: contentSecurityPolicy)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
    }
}
