import Foundation
import Vapor

/// Headers that keep a page from being framed, sniffed or given scripts: the pages use no
/// script and no inline style, so the policy can be strict. A future-based middleware, as
/// are the others in front of every route: an `AsyncMiddleware` starts a task of its own
/// for every request, a thread switch each.
///
/// Behind a trusted reverse proxy that says the request came over HTTPS, the answer also
/// tells the browser to use nothing but HTTPS for a year, subdomains included
/// (Strict-Transport-Security); not over plain HTTP, where a browser ignores it anyway, and
/// not on the word of a client that is no trusted proxy.
struct SecurityHeadersMiddleware: Middleware {
    static let strictTransportSecurity = "max-age=31536000; includeSubDomains"

    let contentSecurityPolicy: String
    let trustedProxies: Set<String>

    /// The installation's headers: every answer's, whether Vapor's middlewares make it or
    /// the server does (`PublishedReportFastPath`), so both read them from here.
    init(settings: Settings) {
        self.init(themeStylesheetURL: settings.themeStylesheetURL, trustedProxies: settings.trustedProxies)
    }

    init(themeStylesheetURL: String?, trustedProxies: Set<String> = []) {
        self.trustedProxies = trustedProxies
        var styles = "'self'"
        if let theme = themeStylesheetURL.flatMap(URL.init(string:)), let scheme = theme.scheme, let host = theme.host {
            styles += " \(scheme)://\(host)\(theme.port.map { ":\($0)" } ?? "")"
        }
        contentSecurityPolicy =
            "default-src 'none'; style-src \(styles); img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in
            self.apply(to: &response.headers)
            self.applyTransport(to: &response.headers, peer: request.remoteAddress?.ipAddress, request: request.headers)
            return response
        }
    }

    /// The same headers on an answer made without Vapor (`PublishedReportFastPath`).
    func apply(to headers: inout HTTPHeaders) {
        headers.replaceOrAdd(name: "Content-Security-Policy", value: contentSecurityPolicy)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
    }

    /// What depends on how this request came: Strict-Transport-Security when a trusted proxy
    /// says over HTTPS (`ClientAddress.cameOverHTTPS`). The same for an answer made without Vapor.
    func applyTransport(to headers: inout HTTPHeaders, peer: String?, request: HTTPHeaders) {
        if ClientAddress.cameOverHTTPS(peer: peer, forwardedProto: request[.xForwardedProto], trusted: trustedProxies) {
            headers.replaceOrAdd(name: .strictTransportSecurity, value: Self.strictTransportSecurity)
        }
    }
}
