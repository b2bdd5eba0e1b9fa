import Foundation
import StoplichtCore
import Vapor

/// Renders the report's print HTML to PDF/A-3b with WeasyPrint (a separate program: Debian's
/// `weasyprint` package or `pip install weasyprint`): A4, a running header with programme
/// and period, "Pagina n van m", title, author and language in the document's metadata.
/// Without WeasyPrint it says in Dutch what to install.
///
/// WeasyPrint gets nothing but the page: it runs through `WeasyPrintScript` (its URL fetcher
/// refuses every address but `data:`), in an empty directory of its own, with an environment
/// of PATH, HOME (that directory) and the locale only, and the report's words reach it only
/// as escaped HTML text, never inside a stylesheet.
enum PDFRenderer {
    static let variant = "pdf/a-3b"

    /// The weasyprint program: `STOPLICHT_WEASYPRINT`, or the first on the PATH.
    static func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["STOPLICHT_WEASYPRINT"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let paths = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        return paths.map { $0 + "/weasyprint" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The process's environment with the settings' weasyprint program, as `executable` reads it.
    static func environment(_ settings: Settings, _ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> [String: String]
    {
        var environment = environment
        if let weasyprint = settings.weasyprint { environment["STOPLICHT_WEASYPRINT"] = weasyprint }
        return environment
    }

    /// The Python that has WeasyPrint importable: the interpreter on the weasyprint program's
    /// `#!` line, with its one argument if it has one, as the kernel reads it (Debian's is
    /// `#!/usr/bin/python3`; pip's names its environment's python, or `/usr/bin/env python3`).
    static func interpreter(of program: String) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: program) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 256), head.starts(with: Data("#!".utf8)) else { return nil }
        let line = String(decoding: head.dropFirst(2).prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let parts = line.trimmingCharacters(in: .whitespaces).split(
            maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" }
        )
        .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let interpreter = parts.first, interpreter.hasPrefix("/"),
            FileManager.default.isExecutableFile(atPath: interpreter)
        else { return nil }
        return parts
    }

    /// All WeasyPrint sees of the server's environment: no database address, no password,
    /// no `STOPLICHT_*`.
    static func cleanEnvironment(from environment: [String: String], home: String) -> [String: String] {
        [
            "PATH": environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        ]
    }

    /// At most this many WeasyPrint processes at once (one a core; each takes a core and
    /// about 100 MB); further PDFs wait their turn, a reader's behind at most twice as many
    /// (one more gets a Dutch 503 at once). Publication and the command line wait whatever the queue.
    static let slots = RenderSlots(count: max(1, System.coreCount), readersWaitingAtMost: 2 * max(1, System.coreCount))

    /// The server's PDF slots (`slots`; a test may give an application its own).
    struct SlotsKey: StorageKey {
        typealias Value = RenderSlots
    }

    /// The PDF of `html`. WeasyPrint is stopped after `timeout` seconds and the reader gets a
    /// Dutch 503 instead of a request that never ends; it is stopped too when the task is
    /// cancelled (the reader left). A reader's PDF when the readers' queue is full: a Dutch 503.
    static func render(
        html: String, title: String, author: String, running: String? = nil,
        timeout: Int = Settings.defaultPDFTimeoutSeconds,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        slots: RenderSlots = PDFRenderer.slots, forReader: Bool = false,
        logger: Logger = Logger(label: "stoplicht.pdf")
    ) async throws -> Data {
        guard let weasyprint = executable(environment: environment) else {
            throw InputError(Strings.pdfRendererMissing, status: .serviceUnavailable)
        }
        guard let python = interpreter(of: weasyprint) else {
            logger.error(
                "PDF: \(weasyprint) names no Python interpreter on its first line (#!); WeasyPrint cannot be run")
            throw InputError(Strings.pdfRendererMissing, status: .serviceUnavailable)
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("stoplicht-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: work, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: work) }
        let input = "rapportage.html"
        let output = "rapportage.pdf"
        try Data(WeasyPrintScript.source.utf8).write(to: work.appendingPathComponent(WeasyPrintScript.filename))
        try Data(prepared(html, title: title, author: author, running: running ?? title).utf8).write(
            to: work.appendingPathComponent(input))
        // A file, not a pipe: a pipe nobody reads until the end stops a chatty process.
        let errorsFile = work.appendingPathComponent("weasyprint.log")
        _ = FileManager.default.createFile(atPath: errorsFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorsFile)
        defer { try? errors.close() }

        // -I: Python's isolated mode, which reads no PYTHON* variable and adds no directory of ours to its path.
        let run = WeasyPrintRun(
            executable: python[0],
            arguments: Array(python.dropFirst()) + ["-I", WeasyPrintScript.filename, input, output, variant],
            environment: cleanEnvironment(from: environment, home: work.path), directory: work, errors: errors)
        let ending: WeasyPrintRun.Ending
        do {
            ending = try await slots.holding(forReader: forReader) { try await run.wait(seconds: timeout) }
        } catch is RenderSlots.Full {
            throw InputError(Strings.pdfBusy, status: .serviceUnavailable)
        }

        if case .stopped = ending {
            throw InputError(Strings.pdfTookTooLong(seconds: timeout), status: .serviceUnavailable)
        }
        guard case .exited(let status) = ending, status == 0,
            let data = try? Data(contentsOf: work.appendingPathComponent(output)), !data.isEmpty
        else {
            // What WeasyPrint said is for the log; the reader gets a Dutch sentence without it.
            let message: String = {
                guard let reader = FileHandle(forReadingAtPath: errorsFile.path) else { return "" }
                defer { try? reader.close() }
                return String(decoding: (try? reader.read(upToCount: 4000)) ?? Data(), as: UTF8.self)
            }()
            logger.error("PDF: WeasyPrint made no PDF (\(ending)): \(message)")
            throw Abort(.internalServerError, reason: Strings.pdfFailed)
        }
        return data
    }

    /// The page's HTML with the document's author and the PDF's page furniture: the running
    /// header (not on the cover) and the page number. The header's words are an element of the
    /// body, escaped as any text (`position: running()` takes it out of the flow); the
    /// stylesheet holds nothing but Stoplicht's own rules.
    static func prepared(_ html: String, title: String, author: String, running: String) -> String {
        let head = """
            <meta name="author" content="\(MarkdownInline.escape(author))">\
            <style>.stoplicht-kop { position: running(stoplichtkop); font: 8pt sans-serif; color: #555; }\
            @page { size: A4; margin: 20mm 15mm 18mm;\
             @top-left { content: element(stoplichtkop); }\
             @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font: 8pt sans-serif; color: #555; } }\
            @page :first { @top-left { content: none; } }</style></head>
            """
        var html = html
        // The document's title is the report's, without the site's name.
        if let start = html.range(of: "<title>"),
            let end = html.range(of: "</title>", range: start.upperBound..<html.endIndex)
        {
            html.replaceSubrange(start.upperBound..<end.lowerBound, with: MarkdownInline.escape(title))
        }
        if let head = html.range(of: "</head>") {
            // The running header first in the body, so that it stands on every page from the second.
            if let body = html.range(of: "<body", range: head.upperBound..<html.endIndex),
                let open = html.range(of: ">", range: body.upperBound..<html.endIndex)
            {
                html.insert(
                    contentsOf: "<div class=\"stoplicht-kop\">\(MarkdownInline.escape(running))</div>",
                    at: open.upperBound)
            }
        }
        if let end = html.range(of: "</head>") { html.replaceSubrange(end, with: head) }
        return html
    }
}

extension Application {
    /// The slots the server's PDFs wait for: `PDFRenderer.slots`, unless a test set its own.
    var pdfSlots: RenderSlots { storage[PDFRenderer.SlotsKey.self] ?? PDFRenderer.slots }
}
