import Foundation
import Testing

@testable import StoplichtCore

/// Legends in every shape real reports use, made up and real.
@Suite struct LegendReaderTests {
    static func legend(_ text: String) -> [LegendEntry] {
        LegendReader.read(ReportLine.split(text))
    }

    /// What a test compares of an entry, printed readably when it differs.
    struct Seen: Equatable, CustomStringConvertible {
        var label: String
        var reading: LightNotation.Reading
        var dimension: String?

        init(_ label: String, _ reading: LightNotation.Reading, _ dimension: String? = nil) {
            self.label = label
            self.reading = reading
            self.dimension = dimension
        }

        init(_ entry: LegendEntry) { self.init(entry.label, entry.reading, entry.dimension) }

        var description: String { "\(label) → \(reading.text)\(dimension.map { " (\($0))" } ?? "")" }
    }

    static func seen(_ entries: [LegendEntry]) -> [Seen] { entries.map(Seen.init) }

    // MARK: Made-up legends, one per shape

    @Test func colourColonMeaning() {
        let entries = Self.legend(
            """
            Toelichting op de kleuren

            Groen: uitvoering ligt op schema
            Oranje: uitvoering staat onder druk
            Rood: uitvoering loopt niet
            """)
        #expect(
            Self.seen(entries) == [
                Seen("Groen", .tone(.positive)), Seen("Oranje", .tone(.warning)), Seen("Rood", .tone(.negative)),
            ])
        #expect(
            entries.map(\.meaning) == [
                "Uitvoering ligt op schema", "Uitvoering staat onder druk", "Uitvoering loopt niet",
            ])
        #expect(entries.map(\.line) == [3, 4, 5])
    }

    @Test func bulletsWithCommasAndEquals() {
        let commas = Self.legend(
            "- Groen, loopt op schema\n- Oranje, vraagt aandacht\n-\n- Rood, bijsturen nodig\n- Grijs, afgerond")
        #expect(
            Self.seen(commas) == [
                Seen("Groen", .tone(.positive)), Seen("Oranje", .tone(.warning)), Seen("Rood", .tone(.negative)),
                Seen("Grijs", .finished),
            ])
        let equals = Self.legend(
            "Groen = geen wijziging\nOranje = wijziging binnen de kaders\nRood = wijziging, besluit nodig")
        #expect(
            Self.seen(equals) == [
                Seen("Groen", .tone(.positive)), Seen("Oranje", .tone(.warning)), Seen("Rood", .tone(.negative)),
            ])
        #expect(equals.last?.meaning == "Wijziging, besluit nodig")
    }

    @Test func colourSeparatorAndMeaningOnLinesOfTheirOwn() {
        let entries = Self.legend(
            "Groen\n\n=\n\nAlles volgens plan.\n\nOranje\n=\nStaat onder druk.\n\nRood =\nNiet haalbaar.\n\nEen alinea na de legenda."
        )
        #expect(
            Self.seen(entries) == [
                Seen("Groen", .tone(.positive)), Seen("Oranje", .tone(.warning)), Seen("Rood", .tone(.negative)),
            ])
        #expect(entries.map(\.meaning) == ["Alles volgens plan.", "Staat onder druk.", "Niet haalbaar."])
        #expect(entries.map(\.line) == [1, 7, 11])
    }

    /// "Green  Amber: …": the icon's alt text before the label; the label is the word before the colon.
    @Test func altTextBeforeTheLabel() {
        let entries = Self.legend(
            "Green  Green: progressing as per schedule\nGreen  Amber: delayed\nGreen  Red: on hold or cancelled")
        #expect(
            Self.seen(entries) == [
                Seen("Green", .tone(.positive)), Seen("Amber", .tone(.warning)), Seen("Red", .tone(.negative)),
            ])
        #expect(entries.dropFirst().first?.meaning == "Delayed")
    }

    /// One remark that starts with a colour, lines of one colour, letters before a colon and
    /// the like are no legend: beside a real legend, only the legend is read.
    @Test(arguments: [
        "Rood, want de aannemer is failliet.\nDe wethouder is geïnformeerd.",
        "Groen: de eerste fase\nGroen: de tweede fase",
        "Fase A: ontwerp\nFase R: realisatie\nFase G: beheer",
        "Vertraagd, want de vergunning ontbreekt.\nBinnen budget, ondanks de prijsstijgingen.",
        "Home • Living • Construction projects", "○ ● ○", "Within scope\n\nOn schedule\n\nWithin budget",
    ])
    func strayLinesAreNoLegend(_ text: String) {
        let entries = Self.legend(text + "\n\nLegenda\n\nGroen: loopt\nRood: loopt niet\n\n" + text)
        #expect(Self.seen(entries) == [Seen("Groen", .tone(.positive)), Seen("Rood", .tone(.negative))])
    }

    /// Symbols in a row with the status words around them, as a flattened PDF gives it.
    @Test func symbolsInARowPairWithTheStatusWordsInOrder() {
        let entries = Self.legend(
            "REPORT On Track Ⓖ Ⓨ Ⓡ Capital Projects Minor Delay For the period Major Delay ($000s) Cancelled Completed")
        #expect(
            Self.seen(entries) == [
                Seen("Ⓖ", .tone(.positive)), Seen("Ⓨ", .tone(.warning)), Seen("Ⓡ", .tone(.negative)),
                Seen("Cancelled", .notRated(notStarted: false)), Seen("Completed", .finished),
            ])
        #expect(entries.prefix(3).map(\.meaning) == ["On Track", "Minor Delay", "Major Delay"])
    }

    /// Bullets each followed by a phrase: green, orange, red in order unless named.
    @Test func bulletsEachFollowedByAPhrase() {
        let plain = Self.legend("● op koers ● aandacht ● knelpunt")
        #expect(
            Self.seen(plain) == [
                Seen("op koers", .tone(.positive)), Seen("aandacht", .tone(.warning)),
                Seen("knelpunt", .tone(.negative)),
            ])
        let unknownWords = Self.legend("Legenda: ● op koers ● zorgen ● problemen")
        #expect(
            Self.seen(unknownWords) == [
                Seen("op koers", .tone(.positive)), Seen("zorgen", .tone(.warning)),
                Seen("problemen", .tone(.negative)),
            ])
        let named = Self.legend("● rood: gestopt ● groen: loopt")
        #expect(Self.seen(named) == [Seen("rood", .tone(.negative)), Seen("groen", .tone(.positive))])
        let coloured = Self.legend("🟢 loopt 🔴 loopt niet")
        #expect(Self.seen(coloured) == [Seen("🟢", .tone(.positive)), Seen("🔴", .tone(.negative))])
        #expect(coloured.map(\.meaning) == ["loopt", "loopt niet"])
    }

    @Test func aQuestionAndItsAnswersPerDimension() {
        let entries = Self.legend(
            """
            Tijd

            Verwacht je dat het resultaat op tijd is bereikt?

             • Ja
             • Misschien
             • Nee

            Gewenste resultaten

            Verwacht je dat het geld toereikend is?

             • Ruim voldoende
             • Onvoldoende

            Een zin over iets anders.
            """)
        #expect(
            Self.seen(entries) == [
                Seen("Ja", .tone(.positive), "Tijd"), Seen("Misschien", .tone(.warning), "Tijd"),
                Seen("Nee", .tone(.negative), "Tijd"), Seen("Ruim voldoende", .tone(.positive), "Geld"),
                Seen("Onvoldoende", .tone(.negative), "Geld"),
            ])
        // A question with one answer, or a list without a question, is no legend.
        #expect(Self.legend("Tijd\n\nLukt het?\n\n • Ja\n\nVerder").isEmpty)
        #expect(Self.legend("Acties\n\n • Ja\n • Misschien\n • Nee").isEmpty)
    }

    @Test func aLegendTable() {
        let entries = Self.legend(
            """
            | Pictogram | Description |
            |---|---|
            | green budget icon Within budget | Budget: as planned. |
            | grey budget icon Under review | Project on hold. |
            | red schedule icon Behind schedule | Schedule: far behind. |
            | grey icon Done | Finished. |
            """)
        #expect(
            Self.seen(entries) == [
                Seen("Within budget", .tone(.positive), "Budget"),
                Seen("Under review", .notRated(notStarted: false), "Budget"),
                Seen("Behind schedule", .tone(.negative), "Planning"), Seen("Done", .finished),
            ])
        #expect(entries.first?.meaning == "Budget: as planned.")
        let colours = Self.legend("| Kleur | Betekenis |\n|---|---|\n| Groen | Op schema |\n| Rood | Ingrijpen |")
        #expect(Self.seen(colours) == [Seen("Groen", .tone(.positive)), Seen("Rood", .tone(.negative))])
        // A project table is no legend.
        #expect(
            Self.legend("| Nr | Project | Status |\n|---|---|---|\n| 1 | Wegen | Groen |\n| 2 | Bruggen | Rood |")
                .isEmpty)
    }

    @Test func boundedByEntriesAndLabelLength() {
        let long = String(repeating: "lang ", count: 100)
        let entries = Self.legend("| green icon \(long)| Op schema |\n| red icon Late | Te laat |")
        #expect(entries.map(\.label.count) == [LegendReader.maxLabel, 4])
        let many = (0..<400).map { $0 % 2 == 0 ? "Groen: punt \($0)" : "Rood: punt \($0)" }.joined(separator: "\n")
        #expect(Self.legend(many).count == LegendReader.maxEntries)
        // Hostile lines: a huge meaning is cut, a row of countless symbols is no legend.
        let huge = Self.legend(
            "Groen: " + String(repeating: "x", count: 100_000) + "\nRood: stop\n"
                + String(repeating: "● a ", count: 50_000))
        #expect(huge.map(\.meaning.count) == [LegendReader.maxMeaning, 4])
    }

    // MARK: Learning

    @Test func theLegendTeachesItsWordsButTheUsersMappingWins() {
        let legend =
            Self.legend("● op stoom ● zorgen ● knelpunt ● afgerond")
            + [LegendEntry(label: "Op stoom", reading: .tone(.warning), meaning: "Op stoom", line: 1)]
        let user = LightReading(custom: ["Op stoom": .tone(.positive)])
        let learned = user.learning(legend)
        #expect(learned.read("op stoom") == .tone(.positive))
        #expect(learned.read("Knelpunt") == .tone(.negative))
        #expect(learned.read("Zorgen") == .unknown("Zorgen"))  // four bullets: no order to go by
        let three = LightReading.standard.learning(Self.legend("● op koers ● zorgen ● in de knel"))
        #expect(three.read("Zorgen") == .tone(.warning))
        #expect(three.read("In de knel") == .tone(.negative))
        #expect(LightReading.standard.read("In de knel") == .unknown("In de knel"))
    }

    @Test func aWordTheLegendGivesTwoLightsIsNotLearned() {
        let legend = [
            LegendEntry(label: "Ja", reading: .tone(.positive), meaning: "Ja", line: 1, dimension: "Tijd"),
            LegendEntry(label: "Ja", reading: .tone(.negative), meaning: "Ja", line: 5, dimension: "Geld"),
            LegendEntry(label: "Nee", reading: .tone(.negative), meaning: "Nee", line: 3),
        ]
        let learned = LightReading.standard.learning(legend)
        #expect(learned.read("ja") == .unknown("ja"))
        #expect(learned.read("Nee") == .tone(.negative))
    }

    // MARK: Real reports

    /// The report text of a file in ../shared/real-reports (after its "verbatim" heading;
    /// the extraction notes above it describe the report and are not part of it).
    static func realReport(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(
            contentsOf: root.appendingPathComponent("../shared/real-reports/\(name)").standardized, encoding: .utf8)
        guard let start = text.range(of: "(verbatim)\n") else { return text }
        return String(text[start.upperBound...])
    }

    @Test func nunspeetThreeLineLegend() throws {
        let entries = Self.legend(
            try Self.realReport("gemeente-nunspeet-2018-derde-hoofdlijnenrapportage-projecten.md"))
        #expect(
            Self.seen(entries) == [
                Seen("Groen", .tone(.positive)), Seen("Oranje", .tone(.warning)), Seen("Rood", .tone(.negative)),
            ])
        #expect(
            entries.map(\.meaning) == [
                "Realisatie volgens begroting, + gewijzigde opdracht na afweging en besluitvorming door raad.",
                "Realisatie staat onder druk.", "Realisatie niet in begrotingsjaar.",
            ])
    }

    @Test func innerWestAltTextLegend() throws {
        let entries = Self.legend(try Self.realReport("council-inner-west-2020-capital-works-corporate-support.md"))
        #expect(
            Self.seen(entries) == [
                Seen("Green", .tone(.positive)), Seen("Amber", .tone(.warning)), Seen("Red", .tone(.negative)),
            ])
        #expect(
            entries.map(\.meaning) == [
                "Planning, design and/or construction progressing as per schedule",
                "Planning, design and/or construction delayed with respect to the original schedule",
                "Planning, design and/or construction on hold or cancelled",
            ])
    }

    @Test func fryslanQuestionsPerDimension() throws {
        let entries = Self.legend(
            try Self.realReport("provincie-fryslan-2020-tweede-bestuursrapportage-grote-projecten.md"))
        let answers = ["Ja, dit gaat zeker lukken", "Niet zeker of dit gaat lukken", "Nee, dit gaat niet lukken"]
        let money = [
            "Geld vormt geen belemmerende factor: er wordt geen onder- of overbesteding verwacht",
            "Er is een kans op overschrijding", "Er is een overschrijding",
        ]
        let tones: [LightNotation.Reading] = [.tone(.positive), .tone(.warning), .tone(.negative)]
        // The first block stands under "Gewenste resultaten"; its question names "het beleid".
        let expected =
            zip(answers, tones).map { Seen($0, $1, "Beleid") } + zip(answers, tones).map { Seen($0, $1, "Tijd") }
            + zip(money, tones).map { Seen($0, $1, "Geld") }
        #expect(Self.seen(entries) == expected)
        let learned = LightReading.standard.learning(entries)
        #expect(learned.read("Er is een kans op overschrijding") == .tone(.warning))
        #expect(learned.read("Nee, dit gaat niet lukken") == .tone(.negative))
    }

    /// The 2019 copy is cut after the first answer on money: two dimensions are whole.
    @Test func fryslan2019CutOffLegend() throws {
        let entries = Self.legend(
            try Self.realReport("provincie-fryslan-2019-tweede-bestuursrapportage-grote-projecten.md"))
        #expect(entries.map(\.dimension) == ["Beleid", "Beleid", "Beleid", "Tijd", "Tijd", "Tijd"])
        #expect(
            entries.map(\.reading) == [
                .tone(.positive), .tone(.warning), .tone(.negative), .tone(.positive), .tone(.warning),
                .tone(.negative),
            ])
    }

    @Test func guelphLegendTable() throws {
        let entries = Self.legend(try Self.realReport("city-guelph-2024-capital-projects-status.md"))
        let notRated = LightNotation.Reading.notRated(notStarted: false)
        #expect(
            Self.seen(entries) == [
                Seen("Within scope", .tone(.positive), "Scope"), Seen("On schedule", .tone(.positive), "Planning"),
                Seen("Within budget", .tone(.positive), "Budget"), Seen("Under review", notRated, "Scope"),
                Seen("Under review", notRated, "Planning"), Seen("Under review", notRated, "Budget"),
                Seen("Risk of not meeting scope", .tone(.warning), "Scope"),
                Seen("Risk of not meeting schedule", .tone(.warning), "Planning"),
                Seen("Risk of exceeding budget", .tone(.warning), "Budget"),
                Seen("Not meeting scope", .tone(.negative), "Scope"),
                Seen("Behind schedule", .tone(.negative), "Planning"), Seen("Over budget", .tone(.negative), "Budget"),
            ])
        #expect(entries.first?.meaning == "Scope: Project is progressing to deliver approved original scope.")
        // The last row is cut off in the stored copy: what is there is kept.
        #expect(entries.last?.meaning.hasPrefix("Budge") == true)
    }

    /// Toronto's flattened legend: the three circled letters pair with On Track, Minor Delay
    /// and Major Delay (in order, colours agreeing); Cancelled and Completed have no symbol
    /// in the text and stand alone.
    @Test func torontoSymbolsAndStatusWords() throws {
        let entries = Self.legend(try Self.realReport("city-toronto-2020-major-capital-projects.md"))
        #expect(
            Self.seen(entries) == [
                Seen("Ⓖ", .tone(.positive)), Seen("Ⓨ", .tone(.warning)), Seen("Ⓡ", .tone(.negative)),
                Seen("Cancelled", .notRated(notStarted: false)), Seen("Completed", .finished),
            ])
        #expect(entries.prefix(3).map(\.meaning) == ["On Track", "Minor Delay", "Major Delay"])
    }

    /// Reports whose stored copy has no legend give none, whatever their lines look like:
    /// with a legend added at the end, only that legend is read.
    @Test(arguments: [
        "provincie-overijssel-2020-monitor-2020-ii.md", "gemeente-oostzaan-2020-jaarstukken-project-rietkraag.md",
        "provincie-noord-brabant-2020-jaarstukken-deltaprogramma-maas.md",
        "gemeente-waalwijk-2023-najaarsbericht-majeure-projecten.md",
        "gemeente-gooise-meren-2019-projectenboek-april.md",
    ])
    func reportsWithoutALegend(_ name: String) throws {
        let entries = Self.legend(try Self.realReport(name) + "\n\nLegenda\n\nG: loopt\nO: vraagt aandacht\n")
        #expect(Self.seen(entries) == [Seen("G", .tone(.positive)), Seen("O", .tone(.warning))])
    }
}
