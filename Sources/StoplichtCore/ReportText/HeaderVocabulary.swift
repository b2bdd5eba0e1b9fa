import Foundation

/// What each column of a project table holds.
public enum ColumnRole: Hashable, Sendable {
    case number, name, leader, status, remarks
    case plannedDelivery, forecastDelivery, budget, phase
    /// A light for one dimension ("Planning", "Budget", "Tijd"), by the header's own word.
    case dimension(String)
    /// The light of the previous period, as this report gives it.
    case previousLight
    /// The light expected for the next period.
    case expectedLight
    /// A second assessor's light beside the status column (an independent reviewer's
    /// beside the owner's): it gives the light where the status column is empty.
    case alternativeStatus
    /// Left out on purpose (an explicit mapping said "negeren").
    case ignored
    case other

    /// Whether the column holds lights rather than text.
    var holdsLights: Bool {
        switch self {
        case .status, .alternativeStatus, .dimension, .previousLight, .expectedLight: true
        default: false
        }
    }

    /// The Dutch name used in mappings and messages.
    public var mappingName: String {
        switch self {
        case .number: "nummer"
        case .name: "project"
        case .leader: "projectleider"
        case .status: "status"
        case .remarks: "toelichting"
        case .plannedDelivery: "planning"
        case .forecastDelivery: "prognose"
        case .budget: "budget"
        case .phase: "fase"
        case .dimension(let label): "licht:" + label
        case .previousLight: "vorige-status"
        case .expectedLight: "verwachte-status"
        case .alternativeStatus: "status-andere-beoordelaar"
        case .ignored: "negeren"
        case .other: "overig"
        }
    }

    /// "projectleider" → .leader; "licht:Budget" → a dimension light.
    public init?(mappingName: String) {
        let name = mappingName.trimmingCharacters(in: .whitespaces)
        let key = name.lowercased()
        if key.hasPrefix("licht:") || key.hasPrefix("dimensie:") {
            let label = name[name.index(after: name.firstIndex(of: ":")!)...].trimmingCharacters(in: .whitespaces)
            guard !label.isEmpty else { return nil }
            self = .dimension(label.prefix(1).uppercased() + label.dropFirst())
            return
        }
        let all: [ColumnRole] = [
            .number, .name, .leader, .status, .remarks, .plannedDelivery, .forecastDelivery, .budget, .phase,
            .previousLight, .expectedLight,
            .alternativeStatus, .ignored, .other,
        ]
        let aliases: [String: ColumnRole] = [
            "nr": .number, "naam": .name, "projectnaam": .name, "leider": .leader, "licht": .status,
            "stoplicht": .status,
            "opmerkingen": .remarks, "opmerking": .remarks, "gereed": .plannedDelivery, "oplevering": .plannedDelivery,
            "vorige": .previousLight, "verwachting": .expectedLight, "negeer": .ignored,
        ]
        guard let role = all.first(where: { $0.mappingName == key }) ?? aliases[key] else { return nil }
        self = role
    }

    public static let mappingNames =
        "nummer, project, projectleider, status, toelichting, planning, prognose, budget, fase, vorige-status, verwachte-status, status-andere-beoordelaar, licht:<dimensie>, negeren"
}

/// The words people put above a project table's columns, in Dutch and English, by
/// meaning. A header can mean two things ("Planning" is a date or a light for time; "Stand
/// van zaken" a light or a remark): it then names both, and the column's cells decide.
public struct HeaderVocabulary: Sendable {
    /// Explicit mappings from the user: normalised header → role.
    public var explicit: [String: ColumnRole] = [:]

    public init(explicit: [String: ColumnRole] = [:]) {
        self.explicit = explicit.reduce(into: [:]) { $0[Self.normalise($1.key)] = $1.value }
    }

    public static let standard = HeaderVocabulary()

    static let punctuationAndSpace = CharacterSet.punctuationCharacters.union(.whitespacesAndNewlines).subtracting(
        CharacterSet(charactersIn: "#"))

    public static func normalise(_ header: String) -> String {
        TextCleaning.clean(header.lowercased().replacingOccurrences(of: "(en)", with: "en"))
            .trimmingCharacters(in: punctuationAndSpace)
    }

    /// The dimension a header's words name, as the aspects of a project page are named.
    static func dimensionWord(_ normalised: String) -> String? {
        normalised.split(whereSeparator: { !$0.isLetter && $0 != "'" }).lazy.compactMap {
            AspectVocabulary.aspect(String($0))
        }.first
    }

    /// The roles a header can mean, most likely first; empty for no header word.
    public func candidates(_ header: String) -> [ColumnRole] {
        // Header words are short; a long cell that mentions "project" is data.
        guard header.utf8.count <= 60 else { return [] }
        let h = Self.normalise(header)
        if let role = explicit[h] { return [role] }
        if h.isEmpty || h.count > 40 || h.split(separator: " ").count > 4 { return [] }
        let words = Set(h.split(whereSeparator: { " /-".contains($0) }).map(String.init))
        func has(_ fragments: String...) -> Bool { fragments.contains { h.contains($0) } }
        func word(_ list: String...) -> Bool { list.contains { words.contains($0) || h == $0 } }

        if ["nr", "nummer", "#", "no", "num", "projectnummer", "projectnr", "id", "ref", "volgnummer"].contains(h) {
            return [.number]
        }
        // A period named with a light: "Status vorige periode", "Vorige", "Verwachting".
        if has("vorige", "previous", "last period", "vorig kwartaal") || word("vorig") {
            return [.previousLight, .other]
        }
        if has("komende", "volgende periode", "next period", "verwachting", "verwachte status", "trend")
            || word("volgende", "next")
        {
            return [.expectedLight, .other]
        }
        if has(
            "leider", "trekker", "eigenaar", "leader", "owner", "verantwoordelijk", "portefeuillehouder", "afdeling",
            "manager", "responsible", "wethouder", "contactpersoon") || word("sro")
        {
            return [.leader]
        }
        if has("stand van zaken") { return [.status, .remarks] }
        if has("hoe staat het", "how is it going") { return [.status] }
        if has(
            "opmerking", "toelichting", "remark", "comment", "voortgang", "progress", "notes", "bijzonderhed", "update",
            "samenvatting", "verhaal", "explanation")
        {
            return [.remarks]
        }
        // "Schedule status", "Inhoudelijke kleurscore": the light of one dimension.
        if words.count > 1, let label = Self.dimensionWord(h),
            word(
                "status", "stoplicht", "licht", "rating", "rag", "kleur", "score", "kleurscore", "oordeel",
                "beoordeling")
        {
            return [.dimension(label)]
        }
        if word(
            "status", "stoplicht", "licht", "beoordeling", "dca", "rating", "rag", "kleur", "score", "oordeel",
            "huidige", "nu", "actueel")
            || has("huidige periode", "huidige status", "current")
        {
            return [.status]
        }
        if has("start", "begin", "aanvang") { return [.other] }
        if has(
            "prognose", "forecast", "verwachte oplevering", "verwacht gereed", "nieuwe planning", "verwachte einddatum",
            "revised", "herzien")
        {
            return [.expectedLight, .forecastDelivery]
        }
        if has("planning", "schedule") { return [.dimension("Planning"), .plannedDelivery] }
        if word("tijd", "time") { return [.dimension("Tijd"), .plannedDelivery] }
        if has(
            "gereed", "oplevering", "einddatum", "deadline", "due date", "end date", "gepland", "datum", "opleverdatum",
            "delivery", "completion", "date")
        {
            return [.plannedDelivery]
        }
        if has("budget", "krediet", "raming", "begroting", "kosten", "bedrag", "cost", "financi", "geld", "money") {
            let label =
                has("budget")
                ? "Budget"
                : has("geld") ? "Geld" : has("financi") ? "Financiën" : has("kosten", "cost") ? "Kosten" : "Budget"
            return [.dimension(label), .budget]
        }
        if word("fase", "phase", "stage", "projectfase") { return [.phase] }
        for (fragment, label) in [
            ("kwaliteit", "Kwaliteit"), ("quality", "Kwaliteit"), ("capaciteit", "Capaciteit"),
            ("resources", "Capaciteit"),
            ("risico", "Risico"), ("risk", "Risico"), ("organisatie", "Organisatie"), ("informatie", "Informatie"),
            ("scope", "Scope"), ("benefits", "Baten"), ("baten", "Baten"),
        ] where has(fragment) {
            return [.dimension(label), .other]
        }
        if has("project", "speerpunt", "onderwerp", "activiteit", "maatregel", "opgave")
            || word("naam", "name", "title", "titel", "omschrijving", "description", "initiatief")
        {
            return [.name]
        }
        return []
    }
}
