/// What the importer recovered from a progress report, before it touches the database.
public struct ParsedReport: Sendable {
    /// The programme's name as the report's title gives it ("PROGRAMMA DIENSTVERLENING").
    public var programmeName: String?
    /// The report's own title (the seed's "Projectnaam").
    public var title: String?
    public var duration: String?
    public var administrativeSponsor: String?  // ambtelijk opdrachtgever
    public var politicalSponsor: String?       // bestuurlijk opdrachtgever
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

    public init() {}
}

public struct CoverField: Sendable, Equatable {
    public var label: String
    public var value: String
    public var line: Int
}

public struct LegendEntry: Sendable, Equatable {
    public var label: String
    public var reading: LightNotation.Reading
    public var meaning: String
    public var line: Int
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
    public var name: String
    /// Sub-items or phases listed under the name.
    public var items: [String]
    public var leaders: [LeaderName]
    public var light: LightNotation.Reading
    public var lifecycle: Lifecycle
    public var remarks: String
    public var plannedDelivery: PlanDate?
    public var forecastDelivery: PlanDate?
    /// The report lines the project was read from, continuation rows included.
    public var lines: [Int]
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
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "regel \(line): \(message)" }
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
        let all: [SectionKind] = [.introduction, .successes, .decisions, .finance, .risks, .organisation, .time, .information, .annexes]
        self = all.first { $0.key == key } ?? .other(key)
    }
}
