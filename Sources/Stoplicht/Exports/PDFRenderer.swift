import Foundation
import StoplichtCore
import Vapor

/// Renders the report's print HTML to PDF/A-3b with WeasyPrint (a separate program: Debian's
/// `weasyprint` package or `pip install weasyprint`): A4, a running header with programme
/// and period, "Pagina n van m", title, author and language in the document's metadata.
/// Without WeasyPrint it says in Dutch what to install.
enum PDFRenderer {
    static let variant = "pdf/a-3b"

    /// The weasyprint executable: `STOPLICHT_WEASYPRINT`, or the first on the PATH.
    static func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["STOPLICHT_WEASYPRINT"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let paths = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        return paths.map { $0 + "/weasyprint" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// At most this many WeasyPrint processes at once (one a core; each takes a core and
    /// about 100 MB); further PDFs wait their turn instead of starving the server.
    static let slots = RenderSlots(count: max(1, System.coreCount))

    /// The PDF of `html`. WeasyPrint is stopped after `timeout` seconds and the reader gets a
    /// Dutch 503 instead of a request that never ends.
    static func render(html: String, title: String, author: String, running: String? = nil, timeout: Int = Settings.defaultPDFTimeoutSeconds,
                       environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> Data {
        guard let weasyprint = executable(environment: environment) else { throw InputError(Strings.pdfRendererMissing, status: .serviceUnavailable) }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("stoplicht-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let input = work.appendingPathComponent("rapportage.html")
        let output = work.appendingPathComponent("rapportage.pdf")
        let errorsFile = work.appendingPathComponent("weasyprint.log")
        try Data(prepared(html, title: title, author: author, running: running ?? title).utf8).write(to: input)
        // A file, not a pipe: a pipe nobody reads until the end stops a chatty process.
        _ = FileManager.default.createFile(atPath: errorsFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorsFile)
        defer { try? errors.close() }

        let run = WeasyPrintRun(executable: weasyprint, arguments: ["--pdf-variant", variant, "--quiet", input.path, output.path], errors: errors)
        let ending = try await slots.holding { try await run.wait(seconds: timeout) }

        if case .stopped = ending { throw InputError(Strings.pdfTookTooLong(seconds: timeout), status: .serviceUnavailable) }
        let message = (try? String(contentsOf: errorsFile, encoding: .utf8)) ?? ""
        guard case .exited(let status) = ending, status == 0, let data = try? Data(contentsOf: output), !data.isEmpty else {
            throw Abort(.internalServerError, reason: "WeasyPrint kon de PDF niet maken (\(ending)): \(message.prefix(500))")
        }
        return data
    }

    /// The page's HTML with the document's author and the PDF's page furniture: the running
    /// header (not on the cover) and the page number.
    static func prepared(_ html: String, title: String, author: String, running: String) -> String {
        func css(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ")
        }
        let head = """
        <meta name="author" content="\(MarkdownInline.escape(author))">\
        <style>@page { size: A4; margin: 20mm 15mm 18mm;\
         @top-left { content: "\(css(running))"; font: 8pt sans-serif; color: #555; }\
         @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font: 8pt sans-serif; color: #555; } }\
        @page :first { @top-left { content: none; } }</style></head>
        """
        var html = html.replacingOccurrences(of: "</head>", with: head)
        // The document's title is the report's, without the site's name.
        if let start = html.range(of: "<title>"), let end = html.range(of: "</title>", range: start.upperBound..<html.endIndex) {
            html.replaceSubrange(start.upperBound..<end.lowerBound, with: MarkdownInline.escape(title))
        }
        return html
    }
}
