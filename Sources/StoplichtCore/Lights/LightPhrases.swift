/// The phrases reports write instead of a colour, per dimension where the phrase names one:
/// "Conform planning", "Binnen budget", "Risico laag", "On schedule", "Risk of exceeding
/// budget", "Minor Delay", "Cancelled", "Exempt under Section 43 …", "Ⓖ", "[icoon]".
///
/// A phrase is matched whole, as `LightNotation.key` gives it: "The project is on track
/// but …" is prose, not a light. The table is built once; a look-up is one dictionary probe
/// (and, for a miss, one prefix test), so reading a cell stays as cheap as before.
///
/// Choices that are not obvious:
/// - cancelled, on hold, under review, TBC, NA, exempt: `.notRated(notStarted: false)`. A
///   cancelled or paused project has no light for this period, and none of these may ever
///   count as green; `lifecycle` says which phrases also tell the project's lifecycle.
/// - "[icoon]" (an icon whose colour the source did not keep in text): `.notRated(notStarted:
///   false)` rather than a reading of its own. It carries a light we cannot see, so it must
///   be neither a light nor an unknown word to map; `isIconPlaceholder` lets a caller say so
///   once for a whole table instead of row by row.
/// - "onderbesteding" (underspend): `.tone(.warning)` for Budget. Dutch planning-and-control
///   reports treat it as a deviation (Fryslân's green answer is "geen onder- of
///   overbesteding"), while English "under budget" is green.
enum LightPhrases {
    struct Entry: Sendable {
        let reading: LightNotation.Reading
        let dimension: String?
        let lifecycle: Lifecycle?
    }

    /// The dimensions phrases speak of, by the labels the importer uses for dimension lights.
    enum Dimension {
        static let planning = "Planning"
        static let budget = "Budget"
        static let scope = "Scope"
        static let risk = "Risico"
        static let quality = "Kwaliteit"
    }

    /// The phrase for a key (`LightNotation.key`), or nil.
    static func entry(key: String) -> Entry? {
        if let entry = table[key] { return entry }
        // "Exempt under Section 43 of the FOI Act", "Exempt - commercial in confidence".
        // Not "exemption requested": the word itself, then a space, a colon or the end.
        if key.hasPrefix("exempt"), !(key.utf8.dropFirst(6).first.map { $0 >= 0x61 && $0 <= 0x7A } ?? false) {
            return exempt
        }
        return nil
    }

    static let exempt = Entry(reading: .notRated(notStarted: false), dimension: nil, lifecycle: nil)

    /// Whether the key is a placeholder for an icon without text ("[icoon]", "[icon]").
    static func isIconPlaceholder(key: String) -> Bool {
        iconPlaceholders.contains(key)
    }

    static let iconPlaceholders: Set<String> = ["icoon", "icon", "pictogram", "afbeelding", "image", "symbool"]

    static let table: [String: Entry] = {
        var table: [String: Entry] = [:]
        func add(
            _ reading: LightNotation.Reading, _ dimension: String?, _ phrases: [String], lifecycle: Lifecycle? = nil
        ) {
            for phrase in phrases {
                let entry = Entry(reading: reading, dimension: dimension, lifecycle: lifecycle)
                table[phrase] = entry
                // "on-track", "within-budget": the same phrase hyphenated.
                if phrase.contains(" ") { table[phrase.replacingOccurrences(of: " ", with: "-")] = entry }
            }
        }
        /// "binnen X", "binnen de X", "binnen het X" for each noun.
        func combine(_ lead: [String], _ nouns: [String]) -> [String] {
            lead.flatMap { l in nouns.flatMap { n in ["\(l) \(n)", "\(l) de \(n)", "\(l) het \(n)"] } }
        }
        let positive = LightNotation.Reading.tone(.positive)
        let warning = LightNotation.Reading.tone(.warning)
        let negative = LightNotation.Reading.tone(.negative)
        typealias D = Dimension

        // Planning.
        let planningNL = [
            "planning", "schema", "tijdpad", "tijdspad", "tijdsplanning", "termijn", "tijd", "afgesproken termijn",
        ]
        add(
            positive, D.planning,
            combine(["conform", "binnen", "volgens", "op", "ligt op", "loopt op", "loopt volgens"], planningNL)
                + [
                    "op tijd", "tijdig", "voor op schema", "loopt voor op schema", "voor op planning", "on schedule",
                    "ahead of schedule", "within schedule", "on time",
                    "within time", "according to schedule", "as per schedule", "on programme", "on program",
                ])
        add(
            warning, D.planning,
            [
                "vertraagd", "licht vertraagd", "enigszins vertraagd", "beperkt vertraagd", "deels vertraagd",
                "vertraging",
                "lichte vertraging", "beperkte vertraging", "enige vertraging", "kleine vertraging",
                "kans op vertraging",
                "risico op vertraging", "dreigende vertraging", "planning onder druk", "planning staat onder druk",
                "delayed", "delay", "slightly delayed", "minor delay", "minor delays", "slight delay", "some delay",
                "some delays",
                "risk of delay", "risk of not meeting schedule", "schedule at risk", "potential delay",
            ])
        add(
            negative, D.planning,
            combine(
                ["buiten", "niet conform", "niet binnen", "niet volgens", "niet op", "achter op", "loopt achter op"],
                planningNL)
                + [
                    "ernstig vertraagd", "sterk vertraagd", "fors vertraagd", "zwaar vertraagd", "ernstige vertraging",
                    "forse vertraging",
                    "grote vertraging", "aanzienlijke vertraging", "planning overschreden", "termijn overschreden",
                    "termijnoverschrijding",
                    "major delay", "major delays", "significant delay", "significant delays", "significantly delayed",
                    "seriously delayed",
                    "severely delayed", "behind schedule", "not meeting schedule", "not on schedule", "not on time",
                ])

        // Budget.
        let budgetNL = ["budget", "begroting", "raming", "krediet", "financiële kaders", "financieel kader"]
        add(
            positive, D.budget,
            combine(["conform", "binnen", "volgens", "op"], budgetNL)
                + [
                    "geen overschrijding", "geen budgetoverschrijding", "financieel op koers", "financieel op schema",
                    "within budget", "on budget", "under budget", "below budget", "within cost", "on cost",
                    "within costs",
                ])
        add(
            warning, D.budget,
            [
                "kans op overschrijding", "kans op budgetoverschrijding", "dreigende overschrijding",
                "dreigende budgetoverschrijding",
                "mogelijke overschrijding", "risico op overschrijding", "risico op budgetoverschrijding",
                "onderbesteding",
                "budget onder druk", "budget staat onder druk", "begroting onder druk",
                "risk of exceeding budget", "risk of overspend", "budget at risk", "risk of not meeting budget",
            ])
        add(
            negative, D.budget,
            combine(["buiten", "niet conform", "niet binnen", "niet volgens", "boven"], budgetNL)
                + [
                    "overschrijding", "budgetoverschrijding", "begrotingsoverschrijding", "kostenoverschrijding",
                    "overbesteding",
                    "budget overschreden", "begroting overschreden", "krediet overschreden", "raming overschreden",
                    "over budget", "above budget", "exceeding budget", "overspent", "overspend", "not meeting budget",
                    "cost overrun",
                ])

        // Scope.
        let scopeNL = ["scope", "opdracht"]
        add(
            positive, D.scope,
            combine(["conform", "binnen", "volgens"], scopeNL) + ["within scope", "on scope", "scope on track"])
        add(warning, D.scope, ["scope onder druk", "risk of not meeting scope", "scope at risk"])
        add(
            negative, D.scope,
            combine(["buiten", "niet conform", "niet binnen"], scopeNL) + [
                "not meeting scope", "scope not met", "outside scope",
            ])

        // Quality.
        add(
            positive, D.quality,
            [
                "kwaliteit op orde", "kwaliteit voldoende", "conform kwaliteitseisen", "volgens kwaliteitseisen",
                "quality on track",
            ])
        add(warning, D.quality, ["kwaliteit onder druk", "quality at risk"])
        add(negative, D.quality, ["kwaliteit onvoldoende", "quality not met"])

        // Risk, low to high.
        func risk(_ levels: [String]) -> [String] {
            levels.flatMap {
                [
                    "risico \($0)", "risico: \($0)", "risico is \($0)", "risico's \($0)", "\($0) risico", "risk \($0)",
                    "risk: \($0)", "\($0) risk",
                ]
            }
        }
        add(positive, D.risk, risk(["laag", "klein", "beperkt", "low", "minor"]))
        add(warning, D.risk, risk(["midden", "middel", "gemiddeld", "middelgroot", "medium", "moderate"]))
        add(negative, D.risk, risk(["hoog", "groot", "high", "major", "severe"]))

        // No dimension.
        add(
            positive, nil,
            [
                "op koers", "on track", "conform afspraak", "conform afspraken", "volgens afspraak",
                "volgens afspraken",
                "conform verwachting", "volgens plan", "on plan", "according to plan", "as planned", "on target",
                "no issues",
                "geen bijzonderheden", "geen knelpunten", "ligt op koers", "loopt op koers",
            ])
        add(
            warning, nil,
            [
                "behoeft aandacht", "vraagt aandacht", "aandacht vereist", "aandacht gewenst", "onder druk",
                "staat onder druk",
                "at risk", "needs attention", "requires attention", "attention needed", "some concerns", "minor issues",
            ])
        add(
            negative, nil,
            [
                "off track", "not on track", "niet op koers", "ernstige problemen", "knelpunt", "major issues",
                "critical",
            ])
        add(
            .finished, nil,
            [
                "completed", "complete", "finished", "delivered", "afgesloten", "gereed gemeld", "gereedgemeld",
                "project afgerond",
                "project completed",
            ], lifecycle: .delivered)
        add(
            .notRated(notStarted: true), nil,
            [
                "not yet started", "nog niet begonnen", "niet begonnen", "yet to start", "not commenced",
                "nog niet opgestart", "nog op te starten", "nog te beginnen",
            ], lifecycle: .notStarted)
        add(
            .notRated(notStarted: false), nil,
            [
                "cancelled", "canceled", "geannuleerd", "afgeblazen", "stopgezet", "gestopt", "vervallen",
                "terminated", "discontinued",
            ], lifecycle: .stopped)
        add(
            .notRated(notStarted: false), nil,
            [
                "on hold", "gepauzeerd", "paused", "opgeschort", "suspended",
                "stilgelegd", "tijdelijk stilgelegd", "aangehouden",
            ], lifecycle: .postponed)
        add(
            .notRated(notStarted: false), nil,
            [
                "under review", "in review", "being reviewed", "in heroverweging", "in herziening",
                "wordt herzien", "not applicable", "n.a", "na", "n/a", "tbc", "tbd", "to be confirmed",
                "to be determined", "nnb", "n.n.b", "nader te bepalen", "nog te bepalen", "p.m",
                "niet beoordeeld", "not assessed", "not reported", "no status",
                // Nunspeet prints "--" where an aspect has no colour.
                "--", "---", "—",
            ])
        add(.notRated(notStarted: false), nil, Array(iconPlaceholders))

        for (symbol, reading) in symbols { add(reading, nil, [String(symbol)]) }
        return table
    }()

    /// Symbols that carry their colour: the circled letters of a PDF (both cases, as
    /// `LightNotation.key` lower-cases Ⓖ to ⓖ) and coloured discs and squares.
    static let symbols: [Character: LightNotation.Reading] = [
        "Ⓖ": .tone(.positive), "ⓖ": .tone(.positive), "🟢": .tone(.positive), "🟩": .tone(.positive),
        "Ⓨ": .tone(.warning), "ⓨ": .tone(.warning), "Ⓐ": .tone(.warning), "ⓐ": .tone(.warning), "Ⓞ": .tone(.warning),
        "ⓞ": .tone(.warning), "🟡": .tone(.warning), "🟠": .tone(.warning), "🟨": .tone(.warning), "🟧": .tone(.warning),
        "Ⓡ": .tone(.negative), "ⓡ": .tone(.negative), "🔴": .tone(.negative), "🟥": .tone(.negative),
    ]
}

extension LightNotation {
    /// The dimension a phrase speaks of ("On schedule" → "Planning", "Binnen budget" →
    /// "Budget", "Within scope" → "Scope", "Risico laag" → "Risico"); nil for a phrase that
    /// names none ("On track", "Groen") or no phrase at all.
    public static func dimension(ofPhrase phrase: String) -> String? {
        LightPhrases.entry(key: key(phrase))?.dimension
    }

    /// The lifecycle a phrase tells beside its reading: "Cancelled" → stopped, "On hold" →
    /// postponed, "Completed" → delivered, "Not yet started" → not started; nil otherwise.
    public static func lifecycle(ofPhrase phrase: String) -> Lifecycle? {
        LightPhrases.entry(key: key(phrase))?.lifecycle
    }

    /// Whether a cell holds only a placeholder for an icon whose colour the text lost
    /// ("[icoon]"). It reads as not rated; a caller can say so once for a whole table.
    public static func isIconPlaceholder(_ cell: String) -> Bool {
        LightPhrases.isIconPlaceholder(key: key(cell))
    }
}
