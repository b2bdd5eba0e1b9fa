import Foundation
import Vapor

/// Headers that keep a page from being framed, sniffed or given scripts: the pages use no
/// script and no inline style, so the policy can be strict.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    let contentSecurityPolicy: String

    init(themeStylesheetURL: String?) {
        var styles = "'self'"
        if let theme = themeStylesheetURL.flatMap(URL.init(string:)), let scheme = theme.scheme, let host = theme.host {
            styles += " \(scheme)://\(host)\(theme.port.map { ":\($0)" } ?? "")"
        }
        contentSecurityPolicy = "default-src 'none'; style-src \(styles); img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: contentSecurityPolicy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        return response
    }
}
