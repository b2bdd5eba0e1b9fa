import Fluent
import Foundation
import Testing
import Vapor

@testable import Stoplicht
@testable import StoplichtCore

/// Actuals from an Excel export: numbers and dates as the cells hold them, shared and inline
/// strings, gaps between cells, read a row at a time and counted exactly once.
@Suite struct ActualsWorkbookTests {
    enum Cell {
        case text(String)
        case inline(String)
        case number(String)
        case date(Int)
        case empty
    }

    /// A workbook as a financial system writes it: shared strings, a date style, a prefix on
    /// the sheet's elements when `prefixed`.
    static func workbook(_ rows: [[Cell]], prefixed: Bool = false, cutAfter: Int? = nil) throws -> Data {
        var strings: [String] = []
        let p = prefixed ? "x:" : ""
        var sheet =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><\(p)worksheet xmlns\(prefixed ? ":x" : "")=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<\(p)dimension ref=\"A1:E\(rows.count)\"/><\(p)sheetData>"
        for (r, row) in rows.enumerated() {
            sheet += "<\(p)row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = "\(String(UnicodeScalar(UInt8(65 + c))))\(r + 1)"
                switch cell {
                case .text(let text):
                    strings.append(text)
                    sheet += "<\(p)c r=\"\(ref)\" t=\"s\"><\(p)v>\(strings.count - 1)</\(p)v></\(p)c>"
                case .inline(let text):
                    sheet +=
                        "<\(p)c r=\"\(ref)\" t=\"inlineStr\"><\(p)is><\(p)t>\(XMLText.escape(text))</\(p)t></\(p)is></\(p)c>"
                case .number(let value): sheet += "<\(p)c r=\"\(ref)\"><\(p)v>\(value)</\(p)v></\(p)c>"
                case .date(let serial): sheet += "<\(p)c r=\"\(ref)\" s=\"1\"><\(p)v>\(serial)</\(p)v></\(p)c>"
                case .empty: break
                }
            }
            sheet += "</\(p)row>"
        }
        sheet += "</\(p)sheetData></\(p)worksheet>"
        if let cutAfter,
            let end = sheet.range(
                of: "</\(p)row>", options: [],
                range: sheet.range(of: "r=\"\(cutAfter + 1)\"")!.lowerBound..<sheet.endIndex)
        {
            sheet = String(sheet[..<end.lowerBound])  // cut off inside the row after `cutAfter`
        }
        let shared =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + strings.map { "<si><t>\(XMLText.escape($0))</t></si>" }.joined() + "</sst>"
        let styles = """
            <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>
            """
        let workbook = """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Realisatie" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
        let rels = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/blad1.xml"/></Relationships>
            """
        return try ZipWriter.package([
            .init("xl/workbook.xml", workbook), .init("xl/_rels/workbook.xml.rels", rels),
            .init("xl/worksheets/blad1.xml", sheet),
            .init("xl/sharedStrings.xml", shared), .init("xl/styles.xml", styles),
        ])
    }

    static func write(_ data: Data, name: String = "realisatie.xlsx") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stoplicht-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    static let header: [Cell] = [
        .text("Boekdatum"), .text("Kostenplaats"), .text("Grootboek"), .text("Omschrijving"), .text("Bedrag"),
    ]

    @Test(arguments: [false, true])
    func cellsAreReadAsTheyAreShown(prefixed: Bool) throws {
        let path = try Self.write(
            Self.workbook(
                [
                    Self.header,
                    [.date(43_419), .text("6200"), .number("4300"), .inline("Factuur 1 & co"), .number("1234.56")],
                    [.date(43_420), .number("6200"), .empty, .text("Creditnota"), .number("-12.5")],
                    [],
                    [.empty, .text("6100"), .empty, .empty, .text("€ 21.750,-")],
                    [
                        .date(43_421), .text("6100"), .number("4300"), .text("Afronding"),
                        .number("0.30000000000000004"),
                    ],
                ], prefixed: prefixed))
        var records = try ActualsFile.open(path: path)
        #expect(records is XLSXRecords)
        var read: [([String], Int)] = []
        while let record = try records.next() { read.append((record, records.recordLine)) }
        #expect(
            read.map(\.0) == [
                ["Boekdatum", "Kostenplaats", "Grootboek", "Omschrijving", "Bedrag"],
                ["15-11-2018", "6200", "4300", "Factuur 1 & co", "1234,56"],
                ["16-11-2018", "6200", "", "Creditnota", "-12,5"],
                ["", "6100", "", "", "€ 21.750,-"],
                ["17-11-2018", "6100", "4300", "Afronding", "0,3"],
            ])
        #expect(read.map(\.1) == [1, 2, 3, 5, 6], "the row numbers of the sheet, the empty row skipped")
    }

    @Test func aWorkbookIsImportedExactlyOnceAndItsUnmappedRowsKept() async throws {
        try await withStoplicht(seeded: true) { app in
            let programme = try #require(
                try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").first())
            _ = try await ActualsMapping.map(costCentre: "6200", toProject: 2, in: programme, on: app.db)
            var rows: [[Cell]] = [Self.header]
            for n in 0..<2_500 {
                rows.append([
                    .date(43_400 + n % 60), .text(n % 10 == 0 ? "9999" : "6200"), .number("4300"),
                    .text("Factuur \(n)"), .number("\(n).25"),
                ])
            }
            let path = try Self.write(try Self.workbook(rows))
            let first = try await ActualsImporter(database: app.db).run(
                path: path, source: "realisatie.xlsx", programme: programme)
            #expect(first.read == 2_500)
            #expect(first.added == 2_500)
            #expect(first.unmapped == 250)
            // Σ n + 0,25 for n < 2.500 = 3.123.750 + 625 euro.
            #expect(first.addedCents == 312_437_500)
            let again = try await ActualsImporter(database: app.db).run(
                path: path, source: "realisatie.xlsx", programme: programme)
            #expect(again.added == 0 && again.alreadyImported == 2_500)
            let totals = try await ActualsTotals.perProject(programme, on: app.db)
            #expect(totals.reduce(0) { $0 + $1.cents } == 312_437_500)
            #expect(totals.first { $0.number == 2 }?.lines == 2_250)
        }
    }

    /// A workbook whose sheet unpacks to more than the limit is refused while it is being
    /// unpacked, counting the bytes that come out, also where the ZIP's directory says the
    /// sheet is small (a 2 MB workbook used to write a 2 GB temporary file).
    @Test(arguments: [false, true])
    func aWorkbookUnpackingPastTheLimitIsRefused(lyingAboutItsSize: Bool) throws {
        let rows =
            [Self.header]
            + (0..<40_000).map { n in
                [Cell.date(43_400 + n % 60), .number("6200"), .number("4300"), .empty, .number("\(n).25")]
            }
        var zip = try Self.workbook(rows)
        #expect(zip.count < 1 << 20)
        if lyingAboutItsSize { zip = Self.declaringSize(1_000, of: "xl/worksheets/blad1.xml", in: zip) }
        let path = try Self.write(zip)
        // Read whole within a limit of 16 MB: the sheet is some 4 MB.
        var records = try XLSXRecords(path: path, maximumUnpackedBytes: 16 << 20)
        var read = 0
        while try records.next() != nil { read += 1 }
        #expect(read == 40_001)
        #expect(
            throws: XLSXRecords.Failure.notAWorkbook(
                "de werkmap (bij het onderdeel ‘xl/worksheets/blad1.xml’) is uitgepakt groter dan 1 MB; zo groot is geen overzicht van de realisatie"
            )
        ) {
            try XLSXRecords(path: path, maximumUnpackedBytes: 1 << 20)
        }
    }

    /// The ZIP with the uncompressed size of `part` given as `size` in its local header and
    /// in the central directory, as a crafted file can say.
    static func declaringSize(_ size: UInt32, of part: String, in zip: Data) -> Data {
        var bytes = [UInt8](zip)
        let name = Array(part.utf8)
        func le32(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        func le16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        for offset in 0..<(bytes.count - 46) {
            let signature = le32(offset)
            // Local header: size at 22, name length at 26, name at 30. Central: 24, 28, 46.
            let (sizeAt, nameAt, nameLengthAt) =
                signature == 0x0403_4B50 ? (22, 30, 26) : signature == 0x0201_4B50 ? (24, 46, 28) : (0, 0, 0)
            guard nameAt > 0, le16(offset + nameLengthAt) == name.count,
                Array(bytes[(offset + nameAt)..<(offset + nameAt + name.count)]) == name
            else { continue }
            for k in 0..<4 { bytes[offset + sizeAt + k] = UInt8(size >> (8 * k) & 0xFF) }
        }
        return Data(bytes)
    }

    @Test func aBrokenWorkbookIsRefusedInDutchAndWritesNothing() async throws {
        try await withStoplicht(seeded: true) { app in
            let programme = try #require(
                try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").first())
            // A ZIP that is no workbook, and a workbook whose sheet is cut off mid-row.
            let notAWorkbook = try Self.write(try ZipWriter.package([.init("iets.txt", "hallo")]), name: "export.xlsx")
            var zip = try Self.workbook([Self.header, [.text("x"), .text("6200"), .empty, .empty, .number("1")]])
            zip = zip.prefix(zip.count - 40)
            let truncatedZip = try Self.write(zip, name: "afgebroken.xlsx")
            let cutSheet = try Self.write(
                try Self.workbook(
                    [Self.header, [.text("x"), .text("6200"), .empty, .empty, .number("1")]], cutAfter: 1),
                name: "halfblad.xlsx")
            for (path, words) in [
                (notAWorkbook, "kan niet als Excel-werkmap worden gelezen"),
                (truncatedZip, "het ZIP-bestand kan niet worden geopend"),
                (cutSheet, "het blad houdt op na rij 1"),
            ] {
                do {
                    _ = try await ActualsImporter(database: app.db).run(
                        path: path, source: URL(fileURLWithPath: path).lastPathComponent, programme: programme)
                    Issue.record("\(path) was imported")
                } catch let error as InputError {
                    #expect(error.message.contains(words), "\(error.message)")
                    #expect(
                        error.message.contains(URL(fileURLWithPath: path).lastPathComponent)
                            || error.message.contains("Kan"))
                }
            }
            #expect(try await ActualLine.query(on: app.db).count() == 0)
        }
    }

    @Test func sharedStringsAreReadAcrossChunksWithRichTextAndWithoutTheirPhoneticHints() throws {
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        for n in 0..<20_000 {
            xml +=
                n % 3 == 0
                ? "<si><r><rPr><b/></rPr><t>Factuur </t></r><r><t xml:space=\"preserve\">\(n) &amp; co</t></r><rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>"
                : "<si><t>Omschrijving nummer \(n), één regel</t></si>"
        }
        xml += "</sst>"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stoplicht-sst-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: file)
        #expect(xml.utf8.count > 2 * XMLElementChunks.chunkBytes)
        let strings = try SharedStrings(part: file)
        #expect(strings.count == 20_000)
        #expect(strings.string(0) == "Factuur 0 & co")
        #expect(strings.string(19_999) == "Omschrijving nummer 19999, één regel")
        #expect(strings.string(9_999) == "Factuur 9999 & co")
        #expect(strings.string(20_000) == nil)
        #expect(!FileManager.default.fileExists(atPath: file.path), "the unpacked part is removed")
    }
}
