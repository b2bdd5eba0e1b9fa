import Testing

@testable import StoplichtCore

/// The phrases reports write for a light, per dimension, read whole and never inside prose.
@Suite struct LightPhrasesTests {
    @Test(arguments: [
        // On plan, per dimension, Dutch and English, in several cases and with punctuation.
        ("Conform planning", LightNotation.Reading.tone(.positive)), ("CONFORM PLANNING.", .tone(.positive)),
        ("conform budget", .tone(.positive)),
        ("Conform begroting", .tone(.positive)), ("Conform raming", .tone(.positive)),
        ("Conform afspraak", .tone(.positive)),
        ("Binnen budget", .tone(.positive)), ("Binnen de planning", .tone(.positive)),
        ("binnen scope", .tone(.positive)),
        ("Binnen tijd", .tone(.positive)), ("Ligt op schema", .tone(.positive)), ("Op tijd", .tone(.positive)),
        ("On schedule", .tone(.positive)), ("Ahead of schedule", .tone(.positive)), ("Within scope", .tone(.positive)),
        ("Within Budget", .tone(.positive)), ("within schedule;", .tone(.positive)), ("Under budget", .tone(.positive)),
        ("On-track", .tone(.positive)), ("Risico laag", .tone(.positive)), ("Laag risico", .tone(.positive)),
        ("Low risk", .tone(.positive)),
        // Needs attention.
        ("Vertraagd", .tone(.warning)), ("Vertraging", .tone(.warning)), ("Minor Delay", .tone(.warning)),
        ("Delayed", .tone(.warning)),
        ("Kans op overschrijding", .tone(.warning)), ("Dreigende overschrijding", .tone(.warning)),
        ("Onderbesteding", .tone(.warning)),
        ("Risico: midden", .tone(.warning)), ("Risico gemiddeld", .tone(.warning)),
        ("Risk of not meeting scope", .tone(.warning)),
        ("Risk of not meeting schedule", .tone(.warning)), ("Risk of exceeding budget", .tone(.warning)),
        ("Needs attention", .tone(.warning)),
        // Off plan.
        ("Ernstige vertraging", .tone(.negative)), ("Overschrijding", .tone(.negative)),
        ("Budgetoverschrijding", .tone(.negative)),
        ("Buiten budget", .tone(.negative)), ("Niet conform planning", .tone(.negative)),
        ("Risico hoog", .tone(.negative)),
        ("High risk", .tone(.negative)), ("Major Delay", .tone(.negative)), ("Behind schedule", .tone(.negative)),
        ("Over budget", .tone(.negative)), ("Not meeting scope", .tone(.negative)), ("Knelpunt", .tone(.negative)),
        // Done, not started, not rated.
        ("Finished", .finished), ("Delivered", .finished), ("Not yet started", .notRated(notStarted: true)),
        ("Nog niet begonnen", .notRated(notStarted: true)), ("Cancelled", .notRated(notStarted: false)),
        ("Canceled", .notRated(notStarted: false)),
        ("Geannuleerd", .notRated(notStarted: false)), ("On hold", .notRated(notStarted: false)),
        ("Under review", .notRated(notStarted: false)),
        ("N.A.", .notRated(notStarted: false)), ("Not applicable", .notRated(notStarted: false)),
        ("TBC", .notRated(notStarted: false)),
        ("tbd", .notRated(notStarted: false)), ("Exempt under Section 43 of the FOI Act", .notRated(notStarted: false)),
        ("Exempt", .notRated(notStarted: false)), ("--", .notRated(notStarted: false)),
        ("—", .notRated(notStarted: false)), ("Exempt: commercial in confidence", .notRated(notStarted: false)),
        // Circled letters of a PDF, and an icon whose colour the text lost.
        ("Ⓖ", .tone(.positive)), ("Ⓨ", .tone(.warning)), ("Ⓐ", .tone(.warning)), ("Ⓞ", .tone(.warning)),
        ("Ⓡ", .tone(.negative)),
        (" Ⓖ ", .tone(.positive)), ("[icoon]", .notRated(notStarted: false)), ("[icon]", .notRated(notStarted: false)),
        ("[Icoon]", .notRated(notStarted: false)),
    ])
    func phrasesRead(_ cell: String, _ reading: LightNotation.Reading) {
        #expect(LightNotation.read(cell) == reading)
        #expect(LightReading.standard.read(cell) == reading)
    }

    /// A phrase inside a longer remark is prose, not a light: matched whole only. (The
    /// phrase alone is a light, so the remark is unknown for being prose.)
    @Test(arguments: [
        ("The project is on track but the budget is tight", "On track"),
        ("Conform planning, maar de aanbesteding loopt uit", "Conform planning"),
        ("Risk of exceeding budget due to inflation", "Risk of exceeding budget"),
        ("Vertraagd door de aannemer", "Vertraagd"),
        ("Cancelled tender, re-issued in May", "Cancelled"), ("Exemption requested", "Exempt"),
        ("Over budget by 10%", "Over budget"),
        ("Minor delay expected in Q3", "Minor delay"), ("Ⓖ Ⓨ", "Ⓖ"), ("[icoon] [icoon]", "[icoon]"),
        ("Binnen budget en op tijd", "Binnen budget"),
    ])
    func proseIsNoLight(_ cell: String, _ phrase: String) {
        #expect(LightNotation.read(cell) == .unknown(cell))
        #expect(LightNotation.read(phrase) != .unknown(phrase))
    }

    @Test func aPhraseNamesItsDimension() {
        #expect(LightNotation.dimension(ofPhrase: "On schedule") == "Planning")
        #expect(LightNotation.dimension(ofPhrase: "Conform planning") == "Planning")
        #expect(LightNotation.dimension(ofPhrase: "Op schema") == "Planning")
        #expect(LightNotation.dimension(ofPhrase: "Minor Delay") == "Planning")
        #expect(LightNotation.dimension(ofPhrase: "Within budget") == "Budget")
        #expect(LightNotation.dimension(ofPhrase: "Kans op overschrijding") == "Budget")
        #expect(LightNotation.dimension(ofPhrase: "Within scope.") == "Scope")
        #expect(LightNotation.dimension(ofPhrase: "Risico laag") == "Risico")
        #expect(LightNotation.dimension(ofPhrase: "HIGH RISK") == "Risico")
        #expect(LightNotation.dimension(ofPhrase: "Kwaliteit onder druk") == "Kwaliteit")
        // A light of the whole project, or no phrase.
        #expect(LightNotation.dimension(ofPhrase: "On track") == nil)
        #expect(LightNotation.dimension(ofPhrase: "Groen") == nil)
        #expect(LightNotation.dimension(ofPhrase: "The project is on schedule") == nil)
    }

    @Test func aPhraseMayTellTheLifecycle() {
        #expect(LightNotation.lifecycle(ofPhrase: "Cancelled") == .stopped)
        #expect(LightNotation.lifecycle(ofPhrase: "On hold") == .postponed)
        #expect(LightNotation.lifecycle(ofPhrase: "Not yet started") == .notStarted)
        #expect(LightNotation.lifecycle(ofPhrase: "Under review") == nil)
        #expect(LightNotation.lifecycle(ofPhrase: "Over budget") == nil)
    }

    /// An icon without text is no light and no unknown word to map, and a caller can tell it.
    @Test func anIconWithoutTextIsNeitherALightNorAnUnknownWord() {
        let reading = LightNotation.read("[icoon]")
        #expect(!reading.isLight)
        #expect(reading == .notRated(notStarted: false))
        #expect(LightNotation.isIconPlaceholder("[icoon]"))
        #expect(LightNotation.isIconPlaceholder(" [Icon] "))
        #expect(!LightNotation.isIconPlaceholder("N/A"))
        #expect(LightScale.standard.light(for: reading) == nil)
    }

    /// The user's own mapping still wins over a phrase.
    @Test func theUsersMappingWinsOverAPhrase() {
        let reading = LightReading(custom: ["Minor delay": .tone(.negative)])
        #expect(reading.read("Minor Delay") == .tone(.negative))
        #expect(reading.read("Major Delay") == .tone(.negative))
        #expect(reading.read("Within budget") == .tone(.positive))
    }
}
