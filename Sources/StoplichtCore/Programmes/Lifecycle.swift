/// Where a project stands in its life, independent of its light.
public enum Lifecycle: String, Sendable, Codable, CaseIterable {
    case notStarted = "niet-gestart"
    case running = "lopend"
    case postponed = "uitgesteld"
    case delivered = "opgeleverd"
    case stopped = "gestopt"

    public var label: String {
        switch self {
        case .notStarted: "Niet gestart"
        case .running: "Lopend"
        case .postponed: "Uitgesteld"
        case .delivered: "Opgeleverd"
        case .stopped: "Gestopt"
        }
    }
}

/// The phase of a project in the municipal project method.
public enum Phase: String, Sendable, Codable, CaseIterable {
    case initiative = "initiatief"
    case definition = "definitie"
    case design = "ontwerp"
    case preparation = "voorbereiding"
    case realisation = "realisatie"
    case aftercare = "nazorg"

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// How much risk a project carries for the programme.
public enum RiskProfile: String, Sendable, Codable, CaseIterable {
    case high = "hoog"
    case medium = "midden"
    case low = "laag"

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// A dimension a programme gives separate lights for; GOTIK by default.
public struct ReportingDimension: Sendable, Hashable {
    public var code: String
    public var label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }

    /// Geld, Organisatie, Tijd, Informatie, Kwaliteit.
    public static let gotik: [ReportingDimension] = [
        ReportingDimension(code: "geld", label: "Geld"),
        ReportingDimension(code: "organisatie", label: "Organisatie"),
        ReportingDimension(code: "tijd", label: "Tijd"),
        ReportingDimension(code: "informatie", label: "Informatie"),
        ReportingDimension(code: "kwaliteit", label: "Kwaliteit"),
    ]
}
