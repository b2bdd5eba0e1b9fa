import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import ZIPFoundation

@testable import Stoplicht
@testable import StoplichtCore

/// Names and texts that try to become markup — quotes, angle brackets, ampersands, the ends
/// of raw-text elements, a refresh meta tag, `file:` and `http:` references — go through
/// every page and every document, and the markup stays what it is with harmless names of
/// the same shape: the same elements with the same attributes, in the same order.
@Suite struct HostileNamesTests {
    static let hostile =
        #" "quote" 'single' & &amp; </style></title></script><script>alert(1)</script> "><meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/x"> <img src="file:///etc/passwd"> <link rel=attachment href=file:///etc/passwd>"#
    /// The same text with every character that could make markup a letter.
    static let harmless = String(hostile.map { "<>\"'&".contains($0) ? "x" : $0 })

    /// The seed with `suffix` after every name and text a user or a report supplies.
    static func seed(_ app: Application, suffix: String) async throws -> String {
        _ = try await DemoCommand.load(access: .open, on: app.db)
        let sql = app.db as! any SQLDatabase
        let columns = [
            ("organisations", ["name"]), ("programmes", ["name", "report_title", "duration"]),
            ("reporting_periods", ["name"]),
            ("projects", ["name"]), ("people", ["name"]), ("project_items", ["title"]),
            ("project_statuses", ["remarks", "achieved", "planned_next", "cause", "consequence", "measure"]),
            ("programme_sections", ["title", "body"]), ("decisions", ["text", "requested_from"]),
            ("risks", ["description", "cause", "impact", "measures"]),
        ]
        for (table, names) in columns {
            let sets = names.map { "\($0) = COALESCE(\($0), '') || $1" }.joined(separator: ", ")
            try await sql.raw(
                SQLQueryString(
                    "UPDATE \(unsafeRaw: table) SET \(unsafeRaw: sets.replacingOccurrences(of: "$1", with: "'" + suffix.replacingOccurrences(of: "'", with: "''") + "'"))"
                )
            ).run()
        }
        return try #require(try await ReportingPeriod.query(on: app.db).sort(\.$slug).first()?.slug)
    }

    static func pages(period: String) -> [String] {
        let p = "/programmas/dienstverlening"
        return [
            "/", p, "\(p)/verloop", "\(p)/projecten/1", "\(p)/projecten/2", "\(p)/projecten/3",
            "\(p)/perioden/\(period)",
            "\(p)/financien", "\(p)/tijdlijn", "\(p)/projecten/1/bijwerken?periode=\(period)", "\(p)/beheer",
            "\(p)/perioden/\(period)/teksten", "\(p)/projecten/nieuw", "\(p)/projecten/1/wijzigen",
            "\(p)/projecten/1/wijzigingen",
            "\(p)/perioden/\(period)/wijzigingen", "/beheer/gebruikers", "/importeren", "/mijn-account/api-tokens",
            "\(p)/perioden/\(period)/download/html",
        ]
    }

    /// What every page and document is with names ending in `suffix`.
    static func render(suffix: String) async throws -> [String: Data] {
        var rendered: [String: Data] = [:]
        try await withStoplicht { app in
            let period = try await seed(app, suffix: suffix)
            var browser = try await Browser.loggedIn(app)
            for page in pages(period: period) {
                let reply = try await browser.get(page)
                #expect(reply.status == .ok, "\(page)")
                rendered[page] = Data(reply.body.utf8)
            }
            for format in ["odt", "docx", "xlsx", "csv"] {
                let path = "/programmas/dienstverlening/perioden/\(period)/download/\(format)"
                var data = Data()
                try await app.testing().test(
                    .GET, path, headers: ["Cookie": "\(SessionCookies.session)=\(browser.cookie ?? "")"]
                ) { res in
                    #expect(res.status == .ok, "\(format)")
                    data = Data(buffer: res.body)
                }
                rendered[format] = data
            }
        }
        return rendered
    }

    @Test func hostileNamesLeaveEveryPagesMarkupAsItIs() async throws {
        // setup
        let harmless = try await Self.render(suffix: Self.harmless)

        // MUT
        let hostile = try await Self.render(suffix: Self.hostile)

        // validate
        for (page, html) in hostile where !["odt", "docx", "xlsx", "csv"].contains(page) {
            let text = String(decoding: html, as: UTF8.self)
            let expected = String(decoding: harmless[page] ?? Data(), as: UTF8.self)
            let got = MarkupShape.html(text)
            let want = MarkupShape.html(expected)
            #expect(got == want, "\(page): \(MarkupShape.firstDifference(got, want))")
            // The text is there, escaped (the token page names no programme).
            #expect(text.contains("&lt;/script&gt;") || page == "/mijn-account/api-tokens", "\(page)")
            #expect(!text.contains("<meta http-equiv"), "\(page)")
        }
    }

    @Test func hostileNamesLeaveEveryDocumentsStructureAsItIs() async throws {
        let harmless = try await Self.render(suffix: Self.harmless)
        let hostile = try await Self.render(suffix: Self.hostile)
        for format in ["odt", "docx", "xlsx"] {
            let got = try MarkupShape.package(try #require(hostile[format]))
            let want = try MarkupShape.package(try #require(harmless[format]))
            #expect(got.keys.sorted() == want.keys.sorted(), "\(format)")
            for (part, shape) in want {
                #expect(got[part] == shape, "\(format) \(part): \(MarkupShape.firstDifference(got[part] ?? [], shape))")
            }
        }
        // CSV: the same rows and fields, and the hostile text in them as it was.
        let got = CSVShape.rows(try #require(hostile["csv"]))
        let want = CSVShape.rows(try #require(harmless["csv"]))
        #expect(got.map(\.count) == want.map(\.count))
        #expect(got.joined().contains { $0.contains("</script><script>alert(1)</script>") })
    }
}

/// The elements and attribute names of markup, in order, without text or values.
enum MarkupShape {
    static func html(_ html: String) -> [String] {
        var shape: [String] = []
        let bytes = Array(html.utf8)
        var i = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else {
                i += 1
                continue
            }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {
                // A comment or the doctype: to its end.
                while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
                shape.append("<!>")
                continue
            }
            guard next == UInt8(ascii: "/") || (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z")
            else {
                i += 1
                continue
            }
            i += 1
            var name = ""
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") {
                name.append(Character(UnicodeScalar(bytes[i])))
                i += 1
            }
            var attributes: [String] = []
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
                if isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") {
                    i += 1
                    continue
                }
                var attribute = ""
                while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">")
                {
                    attribute.append(Character(UnicodeScalar(bytes[i])))
                    i += 1
                }
                attributes.append(attribute)
                if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                    i += 1
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                        let quote = bytes[i]
                        i += 1
                        while i < bytes.count, bytes[i] != quote { i += 1 }
                        i += 1
                    } else {
                        while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    }
                }
            }
            i += 1
            shape.append("<\(name.lowercased()) \(attributes.joined(separator: " "))>")
            // Raw text runs to its end tag.
            if ["script", "style", "title", "textarea"].contains(name.lowercased()) {
                let end = Array("</\(name.lowercased())".utf8)
                while i + end.count <= bytes.count,
                    Array(bytes[i..<i + end.count]).map({ $0 | 0x20 }) != end.map({ $0 | 0x20 })
                { i += 1 }
            }
        }
        return shape
    }

    /// Every XML part of a ZIP package (ODT, DOCX, XLSX), each as the elements and
    /// attribute names it parses into; a part that is no well-formed XML fails.
    static func package(_ data: Data) throws -> [String: [String]] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: [String]] = [:]
        for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            var xml = Data()
            _ = try archive.extract(entry) { xml.append($0) }
            var shape: [String] = []
            do {
                try XMLPullParser(xml).parse { event in
                    if case .start(let name, let attributes) = event {
                        shape.append("<\(name) \(attributes.map { String($0.name) }.sorted().joined(separator: " "))>")
                    }
                }
            } catch {
                throw MarkupError(part: entry.path, reason: "\(error)")
            }
            parts[entry.path] = shape
        }
        return parts
    }

    struct MarkupError: Error {
        var part: String
        var reason: String
    }

    static func firstDifference(_ a: [String], _ b: [String]) -> String {
        for index in 0..<min(a.count, b.count) where a[index] != b[index] {
            return "at \(index): \(a[index]) instead of \(b[index])"
        }
        return a.count == b.count ? "none" : "\(a.count) elements instead of \(b.count)"
    }
}

/// RFC 4180 rows (the export's `;`-separated fields, quoted where needed).
enum CSVShape {
    static func rows(_ data: Data) -> [[String]] {
        let text = String(decoding: data, as: UTF8.self)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? characters.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = characters.next() {
                        if n == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = n
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == ";" {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {
                row.append(field)
                field = ""
                rows.append(row)
                row = []
            } else if c != "\r" {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
