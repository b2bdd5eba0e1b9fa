import Foundation
import Vapor

/// Stoplicht's own stylesheet (`stoplicht.css`, a resource of the target): served at its
/// address with an ETag of its content, and inlined in the standalone report and the PDF.
/// Class names follow the NL Design System (`utrecht-*`, `nl-*`) and colours come from its
/// `--basis-*` tokens, so a municipality's theme stylesheet (STOPLICHT_THEME_CSS) restyles
/// the site by overriding tokens.
enum Stylesheet {
    static func response(_ request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        headers.replaceOrAdd(name: .eTag, value: etag)
        if request.headers.first(name: .ifNoneMatch) == etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(string: css))
    }

    /// The content's SHA-256: the same on every instance and every start, new with every change.
    static let etag = "\"" + SHA256.hash(data: Data(css.utf8)).hex + "\""

    static let css: String = {
        guard let data = BundledResource.data("stoplicht.css", source: #filePath) else {
            fatalError("stoplicht.css ontbreekt: zet de map stoplicht_Stoplicht.resources naast het programma.")
        }
        return String(decoding: data, as: UTF8.self)
    }()
}
