import Foundation
import Testing

@testable import StoplichtCore

/// The words and notations the importer understands, tested directly.
@Suite struct ImportVocabularyTests {
    @Test(arguments: [
        ("Nr.", ColumnRole.number), ("#", .number), ("Projectnaam", .name), ("Speerpunt", .name), ("Onderwerp", .name),
        ("Project name", .name), ("Trekker", .leader), ("Portefeuillehouder", .leader), ("Afdeling", .leader),
        ("SRO", .leader),
        ("Eigenaar", .leader), ("Beoordeling", .status), ("DCA", .status), ("RAG status", .status), ("Licht", .status),
        ("Opmerking(en)", .remarks), ("Commentary", .remarks), ("Toelichting", .remarks), ("Gereed", .plannedDelivery),
        ("Oplevering", .plannedDelivery), ("Fase", .phase), ("Vorige periode", .previousLight),
        ("Komende periode", .expectedLight),
    ])
    func headersByMeaning(_ header: String, _ role: ColumnRole) {
        #expect(HeaderVocabulary.standard.candidates(header).first == role)
    }

    @Test func ambiguousHeadersNameBothMeanings() {
        let vocabulary = HeaderVocabulary.standard
        #expect(vocabulary.candidates("Stand van zaken") == [.status, .remarks])
        #expect(vocabulary.candidates("Planning") == [.dimension("Planning"), .plannedDelivery])
        #expect(vocabulary.candidates("Budget") == [.dimension("Budget"), .budget])
        #expect(vocabulary.candidates("Krediet") == [.dimension("Budget"), .budget])
        #expect(vocabulary.candidates("Startdatum") == [.other])
        #expect(vocabulary.candidates("Een lange zin die in een cel staat en geen kop is").isEmpty)
        // An explicit mapping wins.
        #expect(HeaderVocabulary(explicit: ["Planning": .remarks]).candidates("planning") == [.remarks])
    }

    @Test(arguments: [
        ("op schema", LightNotation.Reading.tone(.positive)), ("Op koers", .tone(.positive)),
        ("volgens verwachting", .tone(.positive)),
        ("loopt goed", .tone(.positive)), ("✓", .tone(.positive)), ("G", .tone(.positive)), ("Green", .tone(.positive)),
        ("aandachtspunt", .tone(.warning)), ("Behoeft aandacht", .tone(.warning)), ("vraagt aandacht", .tone(.warning)),
        ("deels vertraagd", .tone(.warning)), ("!", .tone(.warning)), ("geel", .tone(.warning)), ("O", .tone(.warning)),
        ("Amber", .tone(.warning)),
        ("bijsturen", .tone(.negative)), ("niet gerealiseerd", .tone(.negative)), ("Ingrijpen", .tone(.negative)),
        ("✗", .tone(.negative)),
        ("R", .tone(.negative)), ("afgerond", .finished), ("gerealiseerd", .finished), ("Opgeleverd.", .finished),
        ("nog niet gestart", .notRated(notStarted: true)), ("niet van toepassing", .notRated(notStarted: false)),
        ("n.v.t.", .notRated(notStarted: false)),
        ("Amber/Green", .between(better: .positive, worse: .warning)),
        ("Amber/Red", .between(better: .warning, worse: .negative)),
        ("○ ● ○", .tone(.warning)), ("Groen: loopt op schema", .tone(.positive)), ("Op stoom", .unknown("Op stoom")),
    ])
    func lightWords(_ cell: String, _ reading: LightNotation.Reading) {
        #expect(LightNotation.read(cell) == reading)
    }

    @Test func notRatedNeverCountsAsGreen() {
        #expect(LightScale.standard.light(for: .notRated(notStarted: false)) == nil)
        #expect(LightScale.standard.light(for: .notRated(notStarted: true)) == nil)
        #expect(LightNotation.worst([.notRated(notStarted: false), .tone(.positive)]) == .tone(.positive))
        #expect(LightNotation.worst([.notRated(notStarted: false)]) == nil)
        #expect(
            LightNotation.worst([.tone(.positive), .between(better: .positive, worse: .warning), .tone(.warning)])
                == .tone(.warning))
    }

    @Test func theFivePointScaleOnAFourLightScaleIsApproximatedToTheWorse() {
        let amberGreen = LightScale.standard.match(.between(better: .positive, worse: .warning))
        #expect(amberGreen?.light.code == "oranje")
        #expect(amberGreen?.approximate == true)
        #expect(LightScale.fivePoint.match(.between(better: .positive, worse: .warning))?.light.code == "oranje-groen")
        #expect(LightScale.fivePoint.match(.tone(.warning))?.light.code == "oranje")
        #expect(LightScale.fivePoint.light(tone: .negative)?.code == "rood")
    }

    @Test(arguments: [
        ("€ 649 mln.", ReportedAmount.money(cents: 64_900_000_000)), ("1.234.567", .money(cents: 123_456_700)),
        ("€ 21.750,-", .money(cents: 2_175_000)), ("(12,50)", .money(cents: -1250)),
        ("-12,5%", .percentage(hundredths: -1250)),
        ("1.234.567,89", .money(cents: 123_456_789)), ("1,234,567.89", .money(cents: 123_456_789)),
        ("12.5", .money(cents: 1250)),
        ("€ 1,2 miljard", .money(cents: 120_000_000_000)), ("750k", .money(cents: 75_000_000)),
        ("EUR 0,01", .money(cents: 1)),
    ])
    func amounts(_ text: String, _ amount: ReportedAmount) {
        #expect(ReportedAmount(parsing: text) == amount)
    }

    @Test func amountsAreWrittenTheDutchWay() {
        #expect(ReportedAmount.money(cents: 2_175_000).description == "€ 21.750,00")
        #expect(ReportedAmount.money(cents: -1250).description == "-€ 12,50")
        #expect(ReportedAmount.percentage(hundredths: -1250).description == "-12,5%")
        #expect(ReportedAmount(parsing: "ongeveer een ton") == nil)
        #expect(ReportedAmount(parsing: "") == nil)
    }

    @Test(arguments: [
        ("Q4 2018", PlanDate.quarter(2018, 4)), ("november 2018", .month(2018, 11)), ("2e helft 2018", .half(2018, 2)),
        ("15-11-2018", .day(2018, 11, 15)),
    ])
    func planningCells(_ text: String, _ date: PlanDate) {
        #expect(PlanDate(parsing: text) == date)
    }
}

@Suite struct CellColourTests {
    @Test(arguments: [
        ("00B050", "groen"), ("#ffc000", "oranje"), ("FFFF00", "oranje"), ("FFFF0000", "rood"), ("C00000", "rood"),
        ("green", "groen"),
    ])
    func trafficLightFills(_ fill: String, _ word: String) {
        #expect(CellColour.lightWord(hex: fill) == word)
    }

    @Test(arguments: ["D9D9D9", "FFFFFF", "000000", "4472C4", "DEEAF6", "auto", "#12"])
    func otherFillsAreDecoration(_ fill: String) {
        #expect(CellColour.lightWord(hex: fill) == nil)
    }
}
