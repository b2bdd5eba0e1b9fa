import Foundation

/// A period's progress report as the document exports need it, free of the web framework:
/// cover, legend, sections (Markdown) with the decisions and risks, and the annex table.
public struct ReportExport: Sendable {
    public struct Light: Sendable, Equatable {
        public var code: String
        public var label: String
        public var tone: LightDefinition.Tone

        public init(code: String, label: String, tone: LightDefinition.Tone) {
            self.code = code
            self.label = label
            self.tone = tone
        }

        public init(_ definition: LightDefinition) {
            self.init(code: definition.code, label: definition.label, tone: definition.tone)
        }
    }

    public struct Section: Sendable {
        public var heading: String
        /// Markdown.
        public var body: String
        /// Numbered items under the text: the decisions requested (Markdown, with their state).
        public var decisions: [(text: String, state: String)]
        /// The risks (Markdown), each with its cause, impact and measures where given.
        public var risks: [(text: String, details: [(String, String)])]
        public var isAnnex: Bool
        /// The Financiën section's figures: chart and tables under the text.
        public var finance: FinanceReport?
        /// The Tijd & capaciteit section's projects whose plan no longer holds: a heading and a line each.
        public var replans: (title: String, lines: [String])?
        /// The Tijd & capaciteit section's roadmap.
        public var roadmap: Roadmap?

        public init(
            heading: String, body: String, decisions: [(text: String, state: String)] = [],
            risks: [(text: String, details: [(String, String)])] = [], isAnnex: Bool = false,
            finance: FinanceReport? = nil,
            replans: (title: String, lines: [String])? = nil, roadmap: Roadmap? = nil
        ) {
            self.replans = replans
            self.roadmap = roadmap
            self.heading = heading
            self.body = body
            self.decisions = decisions
            self.risks = risks
            self.isAnnex = isAnnex
            self.finance = finance
        }
    }

    public struct Row: Sendable {
        public var number: Int
        public var name: String
        public var items: [String]
        /// "Sieka Geldof (via Censor Bestuur)", in order.
        public var leaders: [String]
        public var light: Light?
        /// Per dimension label, in the table's order of dimensions.
        public var dimensionLights: [Light?]
        public var lifecycle: String
        public var planned: String
        public var forecast: String
        /// Markdown.
        public var remarks: String
        /// Achieved, next, and an orange or red light's cause, consequence and measure.
        public var explanation: [(label: String, text: String)]

        public init(
            number: Int, name: String, items: [String], leaders: [String], light: Light?, dimensionLights: [Light?],
            lifecycle: String, planned: String, forecast: String, remarks: String,
            explanation: [(label: String, text: String)]
        ) {
            self.number = number
            self.name = name
            self.items = items
            self.leaders = leaders
            self.light = light
            self.dimensionLights = dimensionLights
            self.lifecycle = lifecycle
            self.planned = planned
            self.forecast = forecast
            self.remarks = remarks
            self.explanation = explanation
        }
    }

    public var title: String
    public var organisation: String
    public var programme: String
    public var period: String
    /// "Programmamanager" – "Erna Jongerius", …
    public var cover: [(label: String, value: String)]
    public var legend: [(light: Light, meaning: String)]
    public var sections: [Section]
    public var annexTitle: String
    /// Labels of the dimension columns; empty where the period has no lights per dimension.
    public var dimensions: [String]
    public var rows: [Row]
    /// Who the document names as its author: the programme manager, or the organisation.
    public var author: String

    public init(
        title: String, organisation: String, programme: String, period: String, cover: [(label: String, value: String)],
        legend: [(light: Light, meaning: String)], sections: [Section], annexTitle: String, dimensions: [String],
        rows: [Row],
        author: String
    ) {
        self.title = title
        self.organisation = organisation
        self.programme = programme
        self.period = period
        self.cover = cover
        self.legend = legend
        self.sections = sections
        self.annexTitle = annexTitle
        self.dimensions = dimensions
        self.rows = rows
        self.author = author
    }

    /// The annex table's columns, as both spreadsheets and documents head them; the import
    /// reads every one of them back.
    public var tableHeaders: [String] {
        ["Nr.", "Project", "Projectleider", "Status"] + dimensions + [
            "Geplande oplevering", "Verwachte oplevering", "Opmerking(en)",
        ]
    }

    /// The project's name cell: the name, then its sub-items, one per line.
    public static func nameCell(_ row: Row) -> String {
        ([row.name] + row.items.map { "- " + $0 }).joined(separator: "\n")
    }

    /// The text cells of a row, in `tableHeaders` order (the number and lights as text).
    public func cells(_ row: Row) -> [String] {
        [String(row.number), Self.nameCell(row), row.leaders.joined(separator: ", "), row.light?.label ?? ""]
            + row.dimensionLights.map { $0?.label ?? "" }
            + [row.planned, row.forecast, Self.remarksCell(row)]
    }

    /// The remarks as plain text with the explanation under its labels.
    public static func remarksCell(_ row: Row) -> String {
        var parts: [String] = []
        if !row.remarks.isEmpty { parts.append(MarkdownDocument(parsing: row.remarks).source) }
        for part in row.explanation { parts.append("\(part.label): \(part.text)") }
        return parts.joined(separator: "\n\n")
    }
}

/// The colours the documents give a light's cell (background, text), matching the site's.
public enum LightColours {
    public static func fill(_ tone: LightDefinition.Tone) -> String {
        switch tone {
        case .positive: "C8E6C9"
        case .warning: "FFE0B2"
        case .negative: "FFCDD2"
        case .neutral: "E0E0E0"
        case .info: "BBDEFB"
        }
    }

    public static func text(_ tone: LightDefinition.Tone) -> String {
        switch tone {
        case .positive: "1B5E20"
        case .warning: "7A3E00"
        case .negative: "B71C1C"
        case .neutral: "424242"
        case .info: "0D47A1"
        }
    }
}
