import Foundation
import Testing
import Vapor
import ZIPFoundation

@testable import Stoplicht
@testable import StoplichtCore

/// The report as files: every format written, the spreadsheets read back by the import
/// without loss, the downloads behind the report's access.
@Suite struct ExportTests {
    static let period = "juni-t-m-oktober-2018"

    func model(_ app: Application, programme: String = "dienstverlening", period: String = period) async throws
        -> ReportPageModel
    {
        try await ReportPageModel.query(programme: programme, period: period, on: app.db)
    }

    /// Exports the table, imports it as a new programme, exports that: the same table.
    func roundTrip(_ format: ExportFormat, _ app: Application) async throws -> (
        first: ReportExport, second: ReportExport
    ) {
        let first = ReportExport(try await model(app))
        let data = try await ReportDocuments.render(try await model(app), format: format, settings: app.settings)
        let result = try ReportReader().read(data, filename: "rapportage.\(format.rawValue)")
        _ = try await ReportImporter(database: app.db).run(
            result.report,
            into: ImportTarget(
                organisation: "Gemeente Woudenberg", programme: "Terug \(format.rawValue)",
                period: "juni t/m oktober 2018"))
        let second = ReportExport(try await model(app, programme: "terug-\(format.rawValue)"))
        return (first, second)
    }

    func table(_ report: ReportExport) -> [[String]] {
        [report.tableHeaders] + report.rows.map(report.cells)
    }

    @Test(arguments: [ExportFormat.csv, .xlsx])
    func aSpreadsheetImportsAgainWithoutLoss(_ format: ExportFormat) async throws {
        try await withStoplicht(seeded: true) { app in
            let (first, second) = try await roundTrip(format, app)

            #expect(second.rows.count == 36)
            let before = table(first)
            let after = table(second)
            for (a, b) in zip(before, after) where a != b { Issue.record("\(format): \(a) became \(b)") }
            #expect(before == after)
            // The lights themselves, not only their words.
            #expect(first.rows.map { $0.light?.code } == second.rows.map { $0.light?.code })
            // The second export is the first, byte for byte, for CSV.
            if format == .csv {
                #expect(CSVExport.data(first) == CSVExport.data(second))
            }
        }
    }

    @Test func theCSVIsWhatDutchExcelOpens() async throws {
        try await withStoplicht(seeded: true) { app in
            let data = CSVExport.data(ReportExport(try await model(app)))
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: data.dropFirst(3), as: UTF8.self)
            let lines = text.components(separatedBy: "\r\n")
            #expect(
                lines[0] == "Nr.;Project;Projectleider;Status;Geplande oplevering;Verwachte oplevering;Opmerking(en)")
            #expect(lines[1].hasPrefix("1;Aansluiten op www.mijnoverheid.nl.;Walter de Haan;;;;"))
            // A remark with line breaks and quotes stays one field.
            #expect(text.contains("\"Bij de uitwerking van het project blijkt meer complexiteit dan voorzien."))
        }
    }

    @Test func theDocumentsAreWellFormedPackages() async throws {
        try await withStoplicht(seeded: true) { app in
            let report = ReportExport(try await model(app))
            for (name, data, parts) in [
                (
                    "odt", try ODTExport.data(report),
                    ["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"]
                ),
                (
                    "docx", try DOCXExport.data(report),
                    ["[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/numbering.xml"]
                ),
                (
                    "xlsx", try XLSXExport.data(report),
                    ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"]
                ),
            ] {
                let archive = try Archive(data: data, accessMode: .read)
                let paths = archive.map(\.path)
                for part in parts { #expect(paths.contains(part), "\(name): \(part)") }
                if name == "odt" {
                    // ODF: the media type first and stored, so a reader can sniff it.
                    #expect(paths.first == "mimetype")
                    #expect(archive["mimetype"]?.compressedSize == archive["mimetype"]?.uncompressedSize)
                }
                // Every XML part parses with the strict parser the import uses.
                for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
                    var xml = Data()
                    _ = try archive.extract(entry) { xml.append($0) }
                    var elements = 0
                    try XMLPullParser(xml).parse { event in if case .start = event { elements += 1 } }
                    #expect(elements > 0, "\(name): \(entry.path)")
                }
            }
        }
    }

    @Test func downloadsFollowTheReportsAccess() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.publishedReports, on: app.db)
            var anonymous = Browser(app)
            let refused = try await anonymous.get("/programmas/dienstverlening/perioden/\(Self.period)/download/csv")
            #expect(refused.status == .seeOther)  // not published yet: log in first

            var reader = try await Browser.member(app, "lezer@woudenberg.nl", role: .reader)
            let report = try await reader.get("/programmas/dienstverlening/perioden/\(Self.period)")
            for format in ExportFormat.allCases {
                #expect(
                    report.body.contains(
                        "href=\"/programmas/dienstverlening/perioden/\(Self.period)/download/\(format.rawValue)\""))
            }
            for format in [ExportFormat.csv, .xlsx, .odt, .docx, .html] {
                try await app.testing().test(
                    .GET, "/programmas/dienstverlening/perioden/\(Self.period)/download/\(format.rawValue)",
                    headers: ["Cookie": "\(SessionCookies.session)=\(reader.cookie ?? "")"]
                ) { res in
                    #expect(res.status == .ok, "\(format)")
                    #expect(res.headers.first(name: .contentType) == format.mediaType)
                    #expect(
                        res.headers.first(name: .contentDisposition)
                            == "attachment; filename=\"voortgangsrapportage-dienstverlening-\(Self.period)-concept.\(format.rawValue)\""
                    )
                    #expect(res.body.readableBytes > 1000)
                }
            }
            let unknown = try await reader.get("/programmas/dienstverlening/perioden/\(Self.period)/download/pages")
            #expect(unknown.status == .notFound)
            #expect(unknown.body.contains("Onbekend formaat ‘pages’"))
        }
    }

    @Test func withoutWeasyPrintThePDFSaysWhatToInstall() async throws {
        #expect(PDFRenderer.executable(environment: ["PATH": "/nergens:/ook-niet"]) == nil)
        #expect(PDFRenderer.executable(environment: ["STOPLICHT_WEASYPRINT": "/nergens/weasyprint"]) == nil)
        await #expect(throws: InputError(Strings.pdfRendererMissing, status: .serviceUnavailable)) {
            _ = try await PDFRenderer.render(
                html: "<html><head></head><body></body></html>", title: "t", author: "a",
                environment: ["PATH": "/nergens"])
        }
        #expect(Strings.pdfRendererMissing.contains("apt-get install weasyprint"))
    }

    /// CI installs WeasyPrint and poppler-utils; a machine without them reports this test as
    /// skipped, and checks the message above instead.
    @Test(
        .enabled(if: PDFRenderer.executable() != nil, "WeasyPrint is not installed (apt-get install weasyprint)"),
        .enabled(
            if: PDFHostileTextTests.installed("pdftotext") != nil,
            "pdftotext is not installed (apt-get install poppler-utils)"))
    func thePDFIsAPDFAWithTheReportsWords() async throws {
        try await withStoplicht(seeded: true) { app in
            let data = try await ReportDocuments.render(try await model(app), format: .pdf, settings: app.settings)
            #expect(data.starts(with: Data("%PDF-".utf8)))
            let raw = String(decoding: data, as: UTF8.self)
            #expect(raw.contains("pdfaid:part") && raw.contains("GTS_PDFA1"))

            // The words as a reader's PDF viewer finds them (poppler), lines joined.
            let extracted = try #require(
                try PDFHostileTextTests.run("pdftotext", ["-enc", "UTF-8", "{pdf}", "-"], input: data))
            let text = extracted.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let missing = Self.reportsWords.filter { !text.contains($0) }
            #expect(missing.isEmpty, "the PDF lacks \(missing); its text begins: \(text.prefix(300))")
        }
    }

    /// Words of the seed's report in each of its parts: the title, the period, a section's
    /// heading and text, the annex's column headers, a project, its leader and remark.
    static let reportsWords = [
        "Voortgangsrapportage programma dienstverlening", "Rapportageperiode juni t/m oktober 2018",
        "1. Successen", "Het draagvlak van bestuur, de programmaorganisatie en de inzet van gemotiveerde collega's",
        "8. Bijlagen", "Projectplanning, status en toelichting", "Nr. Project Projectleider", "Opmerking(en)",
        "Zaakgericht werken invoeren", "Erna Jongerius", "Technische aansluiting gerealiseerd.",
    ]
}
