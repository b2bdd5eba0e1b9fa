import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

#if canImport(Glibc)
    import Glibc
#endif

/// The report's words are text in the PDF and nothing else: a title, period name, project
/// name or remark that reads as markup neither attaches the server's files to the PDF nor
/// makes WeasyPrint fetch an address (issue 33, item 1).
@Suite struct PDFHostileTextTests {
    /// What a reporter could type, pointing at the server's files and at `port` on this host.
    static func hostile(port: UInt16) -> [String] {
        [
            "</style><link rel=attachment href=\"file:///etc/passwd\">",
            "<img src=\"http://127.0.0.1:\(port)/x\">",
            "\"><meta http-equiv=refresh content=\"0;url=http://evil.example\">",
            "</title><link rel=\"attachment\" href=\"file:///proc/self/environ\"></script>",
            "'quotes' & \"quotes\" &amp; \\\" \\a { } ; @import url(http://127.0.0.1:\(port)/css);",
        ]
    }

    @Test func thePreparedPageHoldsTheWordsOnlyEscapedAndNeverInAStylesheet() throws {
        let words = Self.hostile(port: 9).joined(separator: " ")
        let page =
            "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Site</title><style>body { color: black; }</style></head>"
            + "<body class=\"x\"><h1>Rapportage</h1></body></html>"

        // MUT
        let prepared = PDFRenderer.prepared(page, title: words, author: words, running: words)

        // validate: the words, escaped, as the title, the author's attribute and the running header's text
        let escaped = MarkdownInline.escape(words)
        #expect(prepared.contains("<title>\(escaped)</title>"))
        #expect(prepared.contains("<meta name=\"author\" content=\"\(escaped)\">"))
        #expect(prepared.contains("<body class=\"x\"><div class=\"stoplicht-kop\">\(escaped)</div><h1>"))
        // ... and nowhere as they are, nor any of their markup
        for fragment in ["<link", "<img", "<meta http-equiv", "</script>", "\"quotes\"", "\"0;url"] {
            #expect(!prepared.contains(fragment), "\(fragment)")
        }
        #expect(prepared.components(separatedBy: "</style>").count - 1 == 2, "the page's stylesheet and the PDF's own")
        #expect(prepared.components(separatedBy: "</title>").count - 1 == 1)
        // No stylesheet holds anything of them.
        var rest = Substring(prepared)
        while let open = rest.range(of: "<style>") {
            let close = try #require(rest.range(of: "</style>", range: open.upperBound..<rest.endIndex))
            let css = rest[open.upperBound..<close.lowerBound]
            for word in ["passwd", "evil", "quotes", "127.0.0.1", "environ"] {
                #expect(!css.contains(word), "\(word) in \(css)")
            }
            rest = rest[close.upperBound...]
        }
        #expect(!prepared.contains("@top-left { content: \""), "the running header is no CSS string")
    }

    /// Rendered by WeasyPrint itself (CI installs it; without it the test has nothing to run).
    @Test func aReportOfHostileWordsRendersToAPDFWithoutAttachmentsOrFetches() async throws {
        guard PDFRenderer.executable() != nil else { return }
        let listener = try Listener()
        defer { listener.close() }
        let words = Self.hostile(port: listener.port)
        try await withStoplicht(seeded: true) { app in
            // setup: every word a reporter writes into the report carries them
            let programme = try #require(
                try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").first())
            programme.reportTitle = "Rapportage " + words[0] + words[1]
            programme.name = "Programma " + words[2]
            try await programme.save(on: app.db)
            let period = try #require(
                try await ReportingPeriod.query(on: app.db).filter(\.$slug == ExportTests.period).first())
            period.name = "Periode " + words[3] + words[1]
            try await period.save(on: app.db)
            let projects = try await Project.query(on: app.db).filter(\.$programme.$id == programme.requireID()).sort(
                \.$number
            ).range(0..<3).all()
            for (index, project) in projects.enumerated() {
                project.name = "Project \(index) " + words[(index + 1) % words.count] + words[4]
                try await project.save(on: app.db)
            }
            let statuses = try await ProjectStatus.query(on: app.db).filter(\.$period.$id == period.requireID()).range(
                0..<5
            ).all()
            for (index, status) in statuses.enumerated() {
                status.remarks =
                    "Opmerking " + words[index % words.count]
                    + " ![x](http://127.0.0.1:\(listener.port)/md) [y](file:///etc/passwd)"
                try await status.save(on: app.db)
            }
            let model = try await ReportPageModel.query(
                programme: "dienstverlening", period: ExportTests.period, on: app.db)

            // MUT
            let pdf = try await ReportDocuments.render(model, format: .pdf, settings: app.settings)

            // validate
            #expect(pdf.starts(with: Data("%PDF-".utf8)))
            let raw = String(decoding: pdf, as: UTF8.self)
            #expect(!raw.contains("/EmbeddedFile"), "the PDF carries a file")
            #expect(!raw.contains("/EmbeddedFiles"))
            if let listing = try Self.run("pdfdetach", ["-list", "{pdf}"], input: pdf) {
                #expect(listing.hasPrefix("0 embedded files"), "\(listing)")
            }
            if let text = try Self.run("pdftotext", ["{pdf}", "-"], input: pdf) {
                #expect(!text.contains("root:x:0:0"))
                #expect(!text.contains("DATABASE_URL") && !text.contains("PATH="))
                // The words are there as text.
                #expect(text.contains("Periode </title>"), "\(text.prefix(600))")
            }
            try await Task.sleep(for: .milliseconds(200))
            #expect(listener.connections() == 0, "WeasyPrint connected to 127.0.0.1:\(listener.port)")
        }
    }

    /// Where `program` is installed, if it is.
    static func installed(_ program: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/bin"].map({ $0 + "/" + program }).first(where: {
            FileManager.default.isExecutableFile(atPath: $0)
        })
    }

    /// `program args`, `{pdf}` in them the file of `input`, when the program is installed: its output.
    static func run(_ program: String, _ arguments: [String], input: Data) throws -> String? {
        guard let path = installed(program) else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).pdf")
        try input.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments.map { $0 == "{pdf}" ? file.path : $0 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A TCP port on 127.0.0.1 that only listens: the connections made to it wait, unaccepted,
/// until `connections()` counts them.
final class Listener: @unchecked Sendable {
    private let fd: Int32
    let port: UInt16

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Abort(.internalServerError, reason: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else { throw Abort(.internalServerError, reason: "bind/listen") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        self.fd = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    /// The connections made so far (each accepted and closed).
    func connections() -> Int {
        var count = 0
        while count < 10_000 {
            let connection = accept(fd, nil, nil)
            guard connection >= 0 else { break }
            Glibc.close(connection)
            count += 1
        }
        return count
    }

    func close() {
        Glibc.close(fd)
    }
}
