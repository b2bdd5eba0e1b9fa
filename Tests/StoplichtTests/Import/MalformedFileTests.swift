import Foundation
import StoplichtCore
import Testing

/// Files that are no report, or a damaged one, get a Dutch message or warnings with line
/// numbers, never a crash.
@Suite struct MalformedFileTests {
    func error(_ data: Data) -> String? {
        do {
            _ = try ReportTextParser().parse(data: data)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func emptyFile() {
        #expect(error(Data()) == "Het bestand is leeg: er staat geen rapportage in.")
        #expect(error(Data("\n \n\u{00A0}\n".utf8))?.contains("geen rapportage herkend") == true)
    }

    @Test func binaryData() {
        var bytes = [UInt8](repeating: 0, count: 2048)
        for i in bytes.indices { bytes[i] = UInt8((i * 7919) % 256) }
        #expect(error(Data(bytes))?.contains("binaire gegevens") == true)
        #expect(error(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]))?.contains("ZIP") == true)
        #expect(error(Data("%PDF-1.7\n".utf8))?.contains("PDF") == true)
    }

    @Test func tenMegabytes() {
        let line = "| 1 | Project | Iemand | ○ ● ○ | Tekst |\n"
        let data = Data(String(repeating: line, count: 10 * 1024 * 1024 / line.utf8.count + 1).utf8)
        #expect(data.count > 10 * 1024 * 1024)
        #expect(error(data)?.contains("hoogstens 5,0 MB") == true)
    }

    @Test func wrongEncodingIsReadWithAWarning() throws {
        let seed = try Fixtures.seedText()
        let latin1 = try #require(seed.data(using: .windowsCP1252, allowLossyConversion: true))
        let report = try ReportTextParser().parse(data: latin1)
        #expect(report.projects.count == 36)
        let warning = try #require(report.warnings.first { $0.message.contains("niet in UTF-8") })
        #expect(warning.line == 32)  // "financiën", the first letter outside ASCII
        #expect(report.sections[0].markdown.contains("Veendaal"))
        #expect(report.sections[3].title == "Financiën")
    }

    @Test func utf16WithByteOrderMark() throws {
        let seed = try Fixtures.seedText()
        let report = try ReportTextParser().parse(data: seed.data(using: .utf16)!)
        #expect(report.projects.count == 36)
    }

    @Test func truncatedTable() throws {
        let seed = try Fixtures.seedText()
        // Cut in the middle of project 18's row, as a failed copy would.
        let cut = seed.range(of: "Dit geldt ook voor het KCC. ")!.upperBound
        let report = try ReportTextParser().parse(String(seed[..<cut]))
        #expect(report.projects.map(\.number) == Array(1...18))
        let last = try #require(report.projects.last)
        #expect(last.remarks.hasSuffix("Dit geldt ook voor het KCC."))
    }

    @Test func unknownLightAndBadNumbersAreWarnings() throws {
        let text = """
            Rapportageperiode: januari t/m maart 2025

            | Nr | Project | Projectleider | Status | Toelichting |
            |----|---------|---------------|--------|-------------|
            | 1 | Nieuwe website | Jan de Vries | paars | Loopt. |
            | 3a | Archief | Piet | ● ● ○ | Vertraagd. |
            | | Los vervolg | | | en meer tekst. |
            """
        let report = try ReportTextParser().parse(text)
        #expect(report.projects.count == 2)
        #expect(report.projects[0].light == .unknown("paars"))
        #expect(report.projects[1].number == 2)
        #expect(report.projects[1].name == "3a Archief")
        #expect(report.projects[1].light == .ambiguous(.negative))
        let messages = report.warnings.map(\.description)
        #expect(messages.contains { $0.hasPrefix("regel 5:") && $0.contains("‘paars’ is geen bekend stoplicht") })
        #expect(messages.contains { $0.hasPrefix("regel 6:") && $0.contains("‘3a’ is geen projectnummer") })
        #expect(messages.contains { $0.hasPrefix("regel 6:") && $0.contains("meer dan één lamp") })
        #expect(messages.contains { $0.hasPrefix("regel 7:") && $0.contains("Vervolgrij") })
    }

    /// Near the size limit: thousands of rows, read in one pass (duplicate numbers are
    /// found with a set, not by searching every earlier row).
    @Test func thousandsOfRows() throws {
        var text = "1. Bijlagen\n\n| Nr | Project | Projectleider | Status | Toelichting |\n|---|---|---|---|---|\n"
        for n in 1...5000 { text += "| \(n) | Project \(n) | Jan de Vries | ○ ○ ● | Loopt. |\n" }
        text += "| 17 | Dubbel genummerd | Piet | ○ ● ○ | Nogmaals 17. |\n"
        let report = try ReportTextParser().parse(text)
        #expect(report.projects.count == 5001)
        #expect(report.projects.last?.number == 5001)
        #expect(
            report.warnings.map(\.description) == [
                "regel 5005: Projectnummer 17 komt al eerder voor; dit project krijgt nummer 5001."
            ])
    }

    @Test func plainTextWithoutStructure() {
        let text = String(repeating: "Dit is gewoon een brief zonder tabellen of paragrafen.\n", count: 200)
        #expect(error(Data(text.utf8))?.contains("geen rapportage herkend") == true)
    }
}

/// Reports of other municipalities, written differently from the seed.
@Suite struct OtherReportTests {
    @Test func numberColumnWithAnEmptyHeader() throws {
        let report = try ReportTextParser().parse(
            """
            Rapportageperiode: Q1 2025

            |   | Project | Trekker | Stoplicht | Toelichting |
            |---|---------|---------|-----------|-------------|
            | 1 | Glasvezel buitengebied | Anna Bakker | Groen | Loopt. |
            | 2 | Nieuw zaaksysteem | Karel de Wit/ Pels Advies | Rood | Leverancier failliet. |
            """)
        #expect(report.projects.map(\.number) == [1, 2])
        #expect(report.projects.map(\.name) == ["Glasvezel buitengebied", "Nieuw zaaksysteem"])
        #expect(report.projects[1].leaders == [LeaderName(person: "Karel de Wit", firm: "Pels Advies")])
        #expect(report.projects.map(\.light) == [.tone(.positive), .tone(.negative)])
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    @Test func headerlessTableIsReadFromItsCells() throws {
        let report = try ReportTextParser().parse(
            """
            1. Bijlagen

            | 7 | Archief digitaliseren | Piet Jansen | ○ ○ ● | Op schema, oplevering in Q3 2025. |
            | 8 | Website vernieuwen | | ● ○ ○ | NOG NIET GESTART. |
            """)
        #expect(report.projects.map(\.number) == [7, 8])
        #expect(report.projects[0].leaders.map(\.person) == ["Piet Jansen"])
        #expect(report.projects[0].forecastDelivery == .quarter(2025, 3))
        #expect(report.projects[1].light == .tone(.negative))
        #expect(report.projects[1].lifecycle == .notStarted)
    }
}

@Suite struct MarkdownReportTests {
    static let report = """
        # Programma Wonen

        Rapportageperiode: januari t/m april 2025
        Programmamanager: Fatima el Amrani

        ## Inleiding

        Het programma ligt op koers.

        ## 1. Financiën

        De begroting is sluitend.

        ### Nog te dekken

        Een offerte volgt.

        ## 2. Gevraagde besluiten

        Instemmen met de planning.

        ## 3. Bijlage

        | Nr | Project | Projectleider | Status | Toelichting |
        |----|---------|---------------|--------|-------------|
        | 1 | Starterswoningen | Bas Smit | groen | Op schema. |
        """

    @Test func markdownHeadingsOpenSections() throws {
        let report = try ReportTextParser().parse(Self.report)
        #expect(report.programmeName == "Wonen")
        #expect(report.periodName == "januari t/m april 2025")
        #expect(report.programmeManager == "Fatima el Amrani")
        #expect(report.sections.map(\.title) == ["Inleiding", "Financiën", "Gevraagde besluiten", "Bijlage"])
        #expect(report.sections.map(\.number) == [nil, 1, 2, 3])
        #expect(report.sections[1].markdown == "De begroting is sluitend.\n\n### Nog te dekken\n\nEen offerte volgt.")
        #expect(report.decisions.map(\.markdown) == ["Instemmen met de planning."])
        #expect(report.projects.map(\.name) == ["Starterswoningen"])
        #expect(report.projects.first?.light == .tone(.positive))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }
}
