import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor
import ZIPFoundation

@testable import Stoplicht

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The report's Financiën section: the figures under the text in every document, the chart
/// well-formed and described in words, the figures of a published report kept as they were.
@Suite struct FinanceReportTests {
    static let period = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018"

    func prepare(_ app: Application) async throws -> Programme {
        let programme = try #require(try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").first())
        _ = try await BudgetLines.add(
            BudgetLines.Input(
                project: 2, source: "lijnbudget", nature: "structureel", year: 2018, amount: "10.000",
                commitment: "1.000", description: "Digitale formulieren"), to: programme, actor: "t", on: app.db)
        _ = try await BudgetLines.add(
            BudgetLines.Input(
                project: nil, source: "krediet", nature: "eenmalig", year: 2018, amount: "€ 21.750,-",
                commitment: "", description: "Informatiearchitectuur"), to: programme, actor: "t", on: app.db)
        _ = try await BudgetLines.addQuote(
            project: 2, amount: "€ 12.500,-", description: "Upgrade Burgerzaken", to: programme, actor: "t", on: app.db)
        _ = try await BudgetLines.addQuote(
            project: 1, amount: "", description: "PIP-pagina (offerte in november)", to: programme, actor: "t",
            on: app.db)
        return programme
    }

    @Test func theReportPrintsTheFiguresAndAChartThatSaysWhatItShows() async throws {
        try await withStoplicht(seeded: true) { app in
            _ = try await prepare(app)
            var browser = Browser(app)
            let page = try await browser.get(Self.period)
            #expect(page.status == .ok)
            let section = try #require(
                page.body.range(of: "id=\"financien\"").map { String(page.body[$0.lowerBound...]) })
            #expect(section.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(
                section.contains(
                    "role=\"img\" aria-labelledby=\"financien-grafiek-titel financien-grafiek-omschrijving\""))
            #expect(section.contains("Tekort bij 2. Doorontwikkelen website"))
            #expect(section.contains("<th scope=\"row\">2. Doorontwikkelen website"))
            #expect(section.contains("Tekort € 3.500,00"))
            #expect(section.contains("€ 0,00 + 1 offerte zonder bedrag"))
            #expect(section.contains("<td>Lijnbudget</td><td>Structureel</td>"))

            // The project's figures: 10.000 budget, 1.000 committed, 12.500 expected: 3.500 short.
            let programme = try #require(try await Programme.query(on: app.db).first())
            let report = try #require(try await FinanceReport.current(programme, on: app.db))
            let website = try #require(report.entries.first { $0.label.hasPrefix("2.") })
            #expect(
                website.position
                    == BudgetPosition(
                        budgetCents: 1_000_000, actualCents: 0, commitmentCents: 100_000, pendingCents: 1_250_000))
            #expect(website.position.shortfallCents == 350_000)
            #expect(report.total.unpricedQuotes == 1)
        }
    }

    @Test func theChartIsWellFormedSVGAndAValidPNG() throws {
        var entries: [FinanceReport.Entry] = []
        for n in 1...36 {
            let cents = Int64(n)
            let pending: Int64 = n % 5 == 0 ? cents * 80_000 : 0
            let position = BudgetPosition(
                budgetCents: cents * 100_000, actualCents: cents * 60_000, commitmentCents: 20_000,
                pendingCents: pending)
            entries.append(
                FinanceReport.Entry(
                    label: "\(n). Project & <meer> met een heel lange naam die niet in de grafiek past",
                    position: position))
        }
        let total = entries.reduce(BudgetPosition.zero) { $0 + $1.position }
        let report = FinanceReport(entries: entries, total: total, bySource: [], asOf: "25-11-2026")
        let chart = FinanceChart(report)
        let parser = XMLParser(data: Data(chart.svgDocument.utf8))
        #expect(parser.parse(), "the SVG parses: \(String(describing: parser.parserError))")
        #expect(chart.height == 62 + 36 * 28 + 8)
        #expect(chart.svgDocument.contains("&amp; &lt;meer&gt;"))
        #expect(chart.svgDocument.contains("…"))
        #expect(chart.description.contains("Tekort bij 5. Project"))
        // Every bar stays inside the picture.
        #expect(
            chart.rects.allSatisfy {
                $0.x >= 0 && $0.x + $0.width <= FinanceChart.width && $0.y + $0.height <= chart.height
            })

        let png = chart.png
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // Walk the chunks: each CRC holds, the image data inflates to one filter byte and one index per pixel.
        var position = 8
        var idat = Data()
        var chunks: [String] = []
        let bytes = [UInt8](png)
        func word(_ at: Int) -> UInt32 {
            bytes[at..<at + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
        while position < bytes.count {
            let length = Int(word(position))
            let typed = Data(bytes[position + 4..<position + 8 + length])
            let stored = word(position + 8 + length)
            #expect(PNGWriter.crc32(typed) == stored)
            let type = String(decoding: typed.prefix(4), as: UTF8.self)
            chunks.append(type)
            if type == "IDAT" { idat.append(typed.dropFirst(4)) }
            position += 12 + length
        }
        #expect(chunks == ["IHDR", "PLTE", "IDAT", "IEND"])
        var inflated = Data()
        let deflate = Data(idat.dropFirst(2).dropLast(4))
        _ = try Data.decompress(
            size: Int64(deflate.count), bufferSize: 65_536, skipCRC32: true,
            provider: { offset, size in
                deflate.subdata(in: min(Int(offset), deflate.count)..<min(Int(offset) + size, deflate.count))
            }, consumer: { inflated.append($0) })
        #expect(inflated.count == (FinanceChart.width + 1) * chart.height)
    }

    @Test func aPublishedReportKeepsTheFiguresItWasPublishedWith() async throws {
        try await withStoplicht(seeded: true) { app in
            let programme = try await prepare(app)
            let period = try #require(try await ReportingPeriod.query(on: app.db).first())
            _ = try await PeriodPublication.publish(
                programme: "dienstverlening", period: period, actor: "t", settings: app.settings, on: app.db)
            // Later the quote comes in lower and a budget is added: the published report does not change.
            _ = try await BudgetLines.add(
                BudgetLines.Input(
                    project: 2, source: "reserve", nature: "eenmalig", year: 2019, amount: "50.000",
                    commitment: "", description: "Later"), to: programme, actor: "t", on: app.db)
            let model = try await ReportPageModel.query(programme: "dienstverlening", period: period.slug, on: app.db)
            let finance = try #require(model.finance)
            #expect(finance.total.budgetCents == 3_175_000)
            #expect(!finance.bySource.contains { $0.year == 2019 })
            for format in [ExportFormat.odt, .docx] {
                let data = try await ReportDocuments.render(model, format: format, settings: app.settings)
                let archive = try Archive(data: data, accessMode: .read)
                let part = format == .odt ? "content.xml" : "word/document.xml"
                var xml = Data()
                _ = try archive.extract(try #require(archive[part]), consumer: { xml.append($0) })
                let text = String(decoding: xml, as: UTF8.self)
                #expect(text.contains("Tekort € 3.500,00"), "\(format)")
                #expect(!text.contains("€ 81.750,00"), "\(format)")
            }
            // Today's figures on the finance page do include it.
            #expect(try await FinanceReport.current(programme, on: app.db)?.total.budgetCents == 8_175_000)
        }
    }
}
