import Crypto
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

@Suite struct StylesheetTests {
    /// The stylesheet is the resource file, tagged by its content: every instance of an
    /// installation, and every start, gives the same ETag for the same file.
    @Test func theStylesheetIsTheResourceTaggedByItsContent() async throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "Sources/Stoplicht/Web/stoplicht.css")
        let css = try String(contentsOf: file, encoding: .utf8)
        let tag = "\"" + SHA256.hash(data: Data(css.utf8)).map { String(format: "%02x", $0) }.joined() + "\""
        try await withStoplicht { app in
            var browser = Browser(app)
            let reply = try await browser.get(SiteURL.stylesheet.path)
            #expect(reply.status == .ok)
            #expect(reply.body == css)
            #expect(reply.headers.first(name: .eTag) == tag)
            let again = try await browser.send(.GET, SiteURL.stylesheet.path, headers: ["If-None-Match": tag])
            #expect(again.status == .notModified)
        }
        // The standalone report and the PDF carry the same rules inline.
        #expect(Stylesheet.css == css)
    }
}
