/// What the importer recovered from a progress report, before it touches the database.
public struct ParsedReport: Sendable {
    /// The programme's name as the report's title gives it ("PROGRAMMA DIENSTVERLENING").
    public var programmeName: String?
    /// The report's own title (the seed's "Projectnaam").
    public var title: String?
    public var duration: String?
    public var administrativeSponsor: String?  // ambtelijk opdrachtgever
    public var politicalSponsor: String?  // bestuurlijk opdrachtgever
    public var programmeManager: String?
    public var portfolioHolders: [String] = []
    public var periodName: String?
    /// Every cover field as written, including ones without a home in the model.
    public var cover: [CoverField] = []
    public var legend: [LegendEntry] = []
    public var sections: [ParsedSection] = []
    public var decisions: [ParsedItem] = []
    public var risks: [ParsedItem] = []
    public var projects: [ParsedProject] = []
    public var warnings: [ImportWarning] = []
    /// How each table (and each project page or list) was read, and why: for the dry run and the preview.
    public var tables: [TableExplanation] = []
    /// Light words the reader did not know, once per word, with the projects they concern.
    public var unknownLightWords: [UnknownLightWord] = []
    /// For a report read from a format without lines: each line number's place in the file.
    public var places: [String]?

    public init() {}

    /// Warnings with their place in the file, where the report came from a format without lines.
    public func locating(_ warnings: [ImportWarning]) -> [ImportWarning] {
        guard places != nil else { return warnings }
        return warnings.map { warning in
            var warning = warning
            if warning.place == nil, warning.line > 0 { warning.place = position(ofLine: warning.line) }
            return warning
        }
    }

    /// "regel 150" for a text report, "tabel 2, rij 5" for a document.
    public func position(ofLine line: Int) -> String {
        if let places, line > 0, line < places.count { return places[line] }
        return "regel \(line)"
    }
}

public struct CoverField: Sendable, Equatable {
    public var label: String
    public var value: String
    public var line: Int
}

public struct LegendEntry: Sendable, Equatable {
    /// The word or symbol the report writes for the light ("Groen", "Ⓖ", "Within scope").
    public var label: String
    public var reading: LightNotation.Reading
    public var meaning: String
    public var line: Int
    /// The dimension the entry is for, where the legend gives one per dimension ("Tijd",
    /// "Planning"); nil for a light of the whole project.
    public var dimension: String?

    public init(label: String, reading: LightNotation.Reading, meaning: String, line: Int, dimension: String? = nil) {
        self.label = label
        self.reading = reading
        self.meaning = meaning
        self.line = line
        self.dimension = dimension
    }
}

/// A numbered section of the report ("3. Financiën"), its body as Markdown.
public struct ParsedSection: Sendable, Equatable {
    public var kind: SectionKind
    public var number: Int?
    public var title: String
    public var markdown: String
    public var line: Int
}

/// A decision requested or a risk: one paragraph or list item of its section.
public struct ParsedItem: Sendable, Equatable {
    public var markdown: String
    public var line: Int
}

public struct ParsedProject: Sendable, Equatable {
    public var number: Int
    /// False where the report gave no number and the project was numbered in order.
    public var isNumbered = true
    public var name: String
    /// Sub-items or phases listed under the name.
    public var items: [String]
    public var leaders: [LeaderName]
    public var light: LightNotation.Reading
    /// The status cell as written ("○ ● ○", "Vraagt aandacht").
    public var lightText = ""
    /// Lights per dimension, by the report's own word for it ("Planning", "Budget").
    public var dimensionLights: [DimensionReading] = []
    /// The previous period's light and the light expected next period, as this report gives them.
    public var previousLight: LightNotation.Reading?
    public var expectedLight: LightNotation.Reading?
    public var lifecycle: Lifecycle
    public var phase: Phase?
    public var remarks: String
    public var plannedDelivery: PlanDate?
    public var forecastDelivery: PlanDate?
    public var budget: ReportedAmount?
    /// The division or group a row above named ("Economic Development & Culture", "2 Spoorwegen").
    public var group: String?
    /// Who gave the light where the table has a column per assessor (an independent reviewer's, the owner's).
    public var assessor: String?
    /// The report lines the project was read from, continuation rows included.
    public var lines: [Int]

    public init(
        number: Int, name: String, items: [String], leaders: [LeaderName], light: LightNotation.Reading,
        lifecycle: Lifecycle, remarks: String, plannedDelivery: PlanDate? = nil, forecastDelivery: PlanDate? = nil,
        lines: [Int]
    ) {
        self.number = number
        self.name = name
        self.items = items
        self.leaders = leaders
        self.light = light
        self.lifecycle = lifecycle
        self.remarks = remarks
        self.plannedDelivery = plannedDelivery
        self.forecastDelivery = forecastDelivery
        self.lines = lines
    }
}

public struct DimensionReading: Sendable, Equatable {
    public var label: String
    public var reading: LightNotation.Reading

    public init(label: String, reading: LightNotation.Reading) {
        self.label = label
        self.reading = reading
    }
}

/// "Sieka Geldof/ Censor Bestuur": a person, possibly with the external firm they work for.
public struct LeaderName: Sendable, Hashable {
    public var person: String
    public var firm: String?

    public init(person: String, firm: String? = nil) {
        self.person = person
        self.firm = firm
    }
}

public struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
    /// The line of a text report; for other formats the order in the document.
    public var line: Int
    public var message: String
    /// Where a person finds it in a file that has no lines: "tabel 2, rij 5".
    public var place: String?
    /// What the person can do about it, worded by each front end: the command line names
    /// its option, the import page its choice (`commandLineText`, `Advice`).
    public var advice: Advice?

    /// What a person can do about a warning, without the words of any one front end.
    public enum Advice: Sendable, Equatable {
        /// Say which light a word of the file is.
        case translateLight(String)
        /// Add a light to the programme's scale.
        case addLightToScale

        /// The command line's words: its options.
        public var commandLine: String {
            switch self {
            case .translateLight(let word): "Geef een vertaling op, bijvoorbeeld --lights \"\(word)=oranje\"."
            case .addLightToScale: "Voeg het licht toe met stoplicht scale."
            }
        }
    }

    public init(line: Int, message: String, place: String? = nil, advice: Advice? = nil) {
        self.line = line
        self.message = message
        self.place = place
        self.advice = advice
    }

    /// "regel 150" or "tabel 2, rij 5".
    public var position: String { place ?? "regel \(line)" }

    /// The message with the command line's advice.
    public var commandLineText: String { advice.map { "\(message) \($0.commandLine)" } ?? message }

    public var description: String { "\(position): \(commandLineText)" }
}

/// The sections of a progress report, following the seed and the GOTIK dimensions.
public enum SectionKind: Sendable, Hashable {
    case introduction, successes, decisions, finance, risks, organisation, time, information, annexes
    case other(String)

    public var key: String {
        switch self {
        case .introduction: "inleiding"
        case .successes: "successen"
        case .decisions: "gevraagde-besluiten"
        case .finance: "financien"
        case .risks: "risicos"
        case .organisation: "organisatie"
        case .time: "tijd-capaciteit"
        case .information: "informatie-communicatie"
        case .annexes: "bijlagen"
        case .other(let key): key
        }
    }

    /// Recognises a section by the words of its title.
    public init(title: String) {
        let t = title.lowercased()
        let rules: [(String, SectionKind)] = [
            ("inleiding", .introduction), ("samenvatting", .introduction), ("succes", .successes),
            ("besluit", .decisions), ("financ", .finance), ("geld", .finance), ("risico", .risks),
            ("aandachtspunt", .risks), ("organisatie", .organisation), ("tijd", .time), ("planning", .time),
            ("informatie", .information), ("communicatie", .information), ("bijlage", .annexes),
        ]
        self = rules.first { t.contains($0.0) }?.1 ?? .other(Slug.make(title))
    }

    public init(key: String) {
        let all: [SectionKind] = [
            .introduction, .successes, .decisions, .finance, .risks, .organisation, .time, .information, .annexes,
        ]
        self = all.first { $0.key == key } ?? .other(key)
    }
}
