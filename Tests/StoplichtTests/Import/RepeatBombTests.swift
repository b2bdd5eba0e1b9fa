import Foundation
import StoplichtCore
import Testing

/// Files of a few kilobytes that say "this cell a thousand times, this row a quarter of a
/// million times", or span and merge cells over thousands of rows and columns, are refused
/// in Dutch once the cells they would make pass the import's budget, quickly and before
/// they are made; an 847-byte ODS of this kind drove an import preview to 4 GB.
@Suite struct RepeatBombTests {
    let budget = ImportLimits.standard.cells

    /// Reads a file, returning the refusal (nil if read) and how long it took.
    func refusal(_ data: Data, _ filename: String) -> (message: String?, seconds: Double) {
        let start = ContinuousClock.now
        var message: String?
        do {
            _ = try ReportReader().read(data, filename: filename)
        } catch {
            message = error.message
        }
        let elapsed = ContinuousClock.now - start
        return (message, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    static func ods(_ table: String, name: String = "Blad1") throws -> Data {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">\
            <office:body><office:spreadsheet><table:table table:name="\(name)">\(table)</table:table></office:spreadsheet></office:body></office:document-content>
            """
        return try FuzzedImportTests.zip([
            ("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)),
            ("content.xml", Data(content.utf8)),
        ])
    }

    static func xlsx(_ sheet: String) throws -> Data {
        try FuzzedImportTests.zip([
            ("xl/workbook.xml", Data(#"<workbook><sheets><sheet name="Blad1" sheetId="1"/></sheets></workbook>"#.utf8)),
            ("xl/worksheets/sheet1.xml", Data("<worksheet><sheetData>\(sheet)</sheetData></worksheet>".utf8)),
        ])
    }

    @Test func anODSRepeatingACellAndItsRowIsRefused() throws {
        // One cell with text a thousand times across, that row 250,000 times down: 256 million cells.
        let data = try Self.ods(
            #"<table:table-row table:number-rows-repeated="250000"><table:table-cell table:number-columns-repeated="1024" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#
        )
        #expect(data.count < 1024)
        let (message, seconds) = refusal(data, "bom.ods")
        #expect(
            message
                == "Het bestand maakt bij blad ‘Blad1’, rij 1 meer dan \(budget) cellen (herhaalde, overspannende en samengevoegde cellen meegeteld); zo groot is geen rapportage. Het bestand is geweigerd."
        )
        #expect(seconds < 10)
    }

    @Test func anODSRepeatingCellsAcrossARowIsRefused() throws {
        // Within one row: 4,000 elements of 1,024 cells each, before the row has even ended.
        let cell =
            #"<table:table-cell table:number-columns-repeated="1024" office:value-type="string"><text:p>x</text:p></table:table-cell>"#
        let (message, seconds) = refusal(
            try Self.ods("<table:table-row>" + String(repeating: cell, count: 4_000) + "</table:table-row>"),
            "breed.ods")
        #expect(
            message?.hasPrefix("Het bestand maakt bij blad ‘Blad1’, rij 1 meer dan \(budget) cellen") == true,
            "\(message ?? "read")")
        #expect(seconds < 10)
    }

    @Test func emptyCellsRepeatedToTheSheetsEdgeCostNothing() throws {
        // As LibreOffice saves every sheet: each row padded to 16,384 columns, then a million
        // empty rows. Read within a budget of a few dozen cells.
        let edge = #"<table:table-cell table:number-columns-repeated="16380"/>"#
        func row(_ cells: [String]) -> String {
            "<table:table-row>"
                + cells.map {
                    "<table:table-cell office:value-type=\"string\"><text:p>\($0)</text:p></table:table-cell>"
                }.joined() + edge + "</table:table-row>"
        }
        let table =
            row(["Nr", "Project", "Status", "Toelichting"]) + row(["1", "Zonnepanelen", "groen", "Op schema."])
            + row(["2", "Warmtenet", "oranje", "Vergunning later."])
            + #"<table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#
        var options = ImportOptions()
        options.limits.cells = 12
        let report = try ReportReader(options: options).read(try Self.ods(table), filename: "rand.ods").report
        #expect(report.projects.map(\.name) == ["Zonnepanelen", "Warmtenet"])
        #expect(report.projects.map(\.remarks) == ["Op schema.", "Vergunning later."])
        // One cell more than the file has is over the budget.
        options.limits.cells = 11
        #expect(throws: ReportFileError.self) {
            try ReportReader(options: options).read(try Self.ods(table), filename: "rand.ods")
        }
    }

    @Test func emptyCellsRepeatedBetweenCellsKeepTheirColumns() throws {
        // The header's 100 empty columns in one element, the rows' in two of 50: the status
        // is column 103 in each (it used to be 67 in the header, as at most 64 were made).
        func gap(_ n: Int) -> String { "<table:table-cell table:number-columns-repeated=\"\(n)\"/>" }
        func cell(_ text: String) -> String {
            "<table:table-cell office:value-type=\"string\"><text:p>\(text)</text:p></table:table-cell>"
        }
        let table =
            "<table:table-row>\(cell("Nr"))\(cell("Project"))\(gap(100))\(cell("Status"))</table:table-row>"
            + "<table:table-row>\(cell("1"))\(cell("Zonnepanelen"))\(gap(50))\(gap(50))\(cell("groen"))</table:table-row>"
            + "<table:table-row>\(cell("2"))\(cell("Warmtenet"))\(gap(50))\(gap(50))\(cell("rood"))</table:table-row>"
        let report = try ReportReader().read(try Self.ods(table), filename: "gat.ods").report
        #expect(report.projects.map(\.name) == ["Zonnepanelen", "Warmtenet"])
        #expect(report.projects.map(\.light) == [.tone(.positive), .tone(.negative)])
    }

    /// Numbers no sheet holds — the largest an Int holds, negative rows — are bounded before
    /// any arithmetic: such a file is refused or read, and never stops the server (an
    /// overflow traps the whole process, every municipality's pages with it).
    @Test func anODSCoveredCellRepeatedBeyondAnyNumberIsRefused() throws {
        let data = try Self.ods(
            """
            <table:table-row><table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>\
            <table:table-row><table:table-cell/><table:covered-table-cell table:number-columns-repeated="9223372036854775807"/></table:table-row>
            """)
        let (message, seconds) = refusal(data, "overloop.ods")
        #expect(
            message?.hasPrefix("Het bestand maakt bij blad ‘Blad1’, rij 2 meer dan \(budget) cellen") == true,
            "\(message ?? "read")")
        #expect(seconds < 10)
    }

    @Test(arguments: [
        #"<row r="1"><c r="A1" t="inlineStr"><is><t>Project</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells><mergeCell ref="A-9223372036854775807:A2"/></mergeCells><sheetData>"#,
        #"<row r="9223372036854775807"><c t="inlineStr"><is><t>x</t></is></c></row><row><c t="inlineStr"><is><t>y</t></is></c></row>"#,
        #"<row r="-5"><c r="A-5" t="inlineStr"><is><t>x</t></is></c></row><row><c t="inlineStr"><is><t>y</t></is></c></row>"#,
    ])
    func anXLSXNamingRowsNoSheetHasIsReadWithoutOverflow(_ sheet: String) throws {
        let (_, seconds) = refusal(try Self.xlsx(sheet), "rijen.xlsx")
        #expect(seconds < 10)
    }

    @Test func rowNumbersAreTheSheetsOnly() {
        #expect(SpreadsheetRow.number("1") == 1)
        #expect(SpreadsheetRow.number("1048576") == 1_048_576)
        for text in ["0", "-1", "1048577", "9223372036854775807", "99999999999999999999", "x"] {
            #expect(SpreadsheetRow.number(text) == nil)
        }
        #expect(SpreadsheetRow.next(nil, after: SpreadsheetRow.last) == SpreadsheetRow.last)
        #expect(SpreadsheetRow.next("9223372036854775807", after: 4) == 5)
    }

    @Test func anXLSXOfMergesDownAThousandColumnsIsRefused() throws {
        // 300 merges of 10,000 rows at column 1,024: each merged row is a row of 1,024 cells.
        let merges = (0..<300).map { #"<mergeCell ref="AMJ\#($0 * 10_000 + 1):AMJ\#($0 * 10_000 + 9_999)"/>"# }.joined()
        let firsts = (0..<300).map {
            #"<row r="\#($0 * 10_000 + 1)"><c r="AMJ\#($0 * 10_000 + 1)" t="inlineStr"><is><t>x</t></is></c></row>"#
        }.joined()
        let data = try FuzzedImportTests.zip([
            ("xl/workbook.xml", Data(#"<workbook><sheets><sheet name="Blad1" sheetId="1"/></sheets></workbook>"#.utf8)),
            (
                "xl/worksheets/sheet1.xml",
                Data("<worksheet><sheetData>\(firsts)</sheetData><mergeCells>\(merges)</mergeCells></worksheet>".utf8)
            ),
        ])
        let (message, seconds) = refusal(data, "samengevoegd.xlsx")
        #expect(message?.hasPrefix("Het bestand maakt bij blad ‘Blad1’, rij ") == true, "\(message ?? "read")")
        #expect(message?.contains("meer dan \(budget) cellen") == true)
        #expect(seconds < 10)
    }

    @Test func anXLSXOfOneCellFarRightInEachRowIsRefused() throws {
        // A cell in column 1,024 makes the 1,023 empty ones before it.
        let rows = (1...3_000).map { #"<row r="\#($0)"><c r="AMJ\#($0)" t="inlineStr"><is><t>x</t></is></c></row>"# }
            .joined()
        let (message, seconds) = refusal(try Self.xlsx(rows), "ver.xlsx")
        #expect(message?.hasPrefix("Het bestand maakt bij blad ‘Blad1’, rij 19") == true, "\(message ?? "read")")
        #expect(seconds < 10)
    }

    @Test func aDOCXOfWideGridSpansIsRefused() throws {
        let cell = #"<w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"#
        let row = "<w:tr>" + String(repeating: cell, count: 1_000) + "</w:tr>"
        let body = "<w:document><w:body><w:tbl>" + String(repeating: row, count: 40) + "</w:tbl></w:body></w:document>"
        let (message, seconds) = refusal(try FuzzedImportTests.docx(body: body), "breed.docx")
        #expect(
            message?.hasPrefix("Het bestand maakt bij tabel 1, rij 32 meer dan \(budget) cellen") == true,
            "\(message ?? "read")")
        #expect(seconds < 10)
    }

    @Test func anHTMLTableOfTallRowSpansIsRefused() throws {
        // 2,000 cells spanning 10,000 rows each, and the 10,000 rows they span: 20 million.
        let html =
            "<table><tr>" + String(repeating: "<td rowspan=10000>x</td>", count: 2_000) + "</tr>"
            + String(repeating: "<tr>", count: 10_000) + "</table>"
        let (message, seconds) = refusal(Data(html.utf8), "hoog.html")
        #expect(message?.hasPrefix("Het bestand maakt bij tabel 1, rij ") == true, "\(message ?? "read")")
        #expect(message?.contains("meer dan \(budget) cellen") == true)
        #expect(seconds < 10)
    }
}
