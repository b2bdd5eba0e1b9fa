/// One value on a programme's traffic-light scale ("groen", "oranje", ...).
///
/// Municipalities use different scales, so a light is data, not an enum: the code is
/// stable (it is what statuses store), the label and meaning are what people read.
public struct LightDefinition: Sendable, Hashable, Codable {
    /// Stable key stored with every status, e.g. "groen".
    public var code: String
    /// What the report prints, e.g. "Groen".
    public var label: String
    /// The meaning from the legend.
    public var meaning: String
    /// The colour family, which selects the NL Design System token set.
    public var tone: Tone
    /// Position on the scale: lower is better. Finished lights sort last.
    public var rank: Int
    /// True for the light that means "finished and handed over" (the seed's grijs).
    public var isFinished: Bool

    /// The colour family, named after the NL Design System's token sets; the palette
    /// meets WCAG contrast, which a free choice of colour would not.
    public enum Tone: String, Sendable, Codable, CaseIterable {
        case positive, warning, negative, neutral, info

        /// The colour as a Dutch programme manager names it.
        public var colourName: String {
            switch self {
            case .positive: "groen"
            case .warning: "oranje"
            case .negative: "rood"
            case .neutral: "grijs"
            case .info: "blauw"
            }
        }

        public init?(colourName: String) {
            switch colourName.lowercased().trimmingCharacters(in: .whitespaces) {
            case "groen", "green": self = .positive
            case "oranje", "geel", "amber", "orange", "yellow": self = .warning
            case "rood", "red": self = .negative
            case "grijs", "grey", "gray": self = .neutral
            case "blauw", "blue": self = .info
            default: return nil
            }
        }
    }

    public init(code: String, label: String, meaning: String, tone: Tone, rank: Int, isFinished: Bool = false) {
        self.code = code
        self.label = label
        self.meaning = meaning
        self.tone = tone
        self.rank = rank
        self.isFinished = isFinished
    }
}

/// The ordered set of lights a programme reports with.
public struct LightScale: Sendable, Hashable {
    public var lights: [LightDefinition]

    public init(_ lights: [LightDefinition]) {
        self.lights = lights.sorted { $0.rank < $1.rank }
    }

    public func light(_ code: String?) -> LightDefinition? {
        guard let code else { return nil }
        return lights.first { $0.code == code }
    }

    /// The light meaning "finished", if the scale has one.
    public var finished: LightDefinition? { lights.first(where: \.isFinished) }

    /// The first light of a tone, e.g. the scale's "warning" light for a lit middle lamp.
    public func light(tone: LightDefinition.Tone) -> LightDefinition? {
        // On a five-point scale "Oranje", not "Oranje/groen", is the plain warning light.
        lights.first { $0.tone == tone && !$0.isFinished && LightNotation.read($0.label) == .tone(tone) }
            ?? lights.first { $0.tone == tone && !$0.isFinished }
    }

    /// The scale of the seed report: groen, oranje, rood, grijs, with the legend's meanings.
    public static let standard = LightScale([
        LightDefinition(
            code: "groen", label: "Groen",
            meaning:
                "Loopt op schema om gewenst resultaat te bereiken. Geen problemen voorzien qua doorlooptijd, financiën, capaciteit, kwaliteit.",
            tone: .positive, rank: 1),
        LightDefinition(
            code: "oranje", label: "Oranje",
            meaning: "Dreigende problemen bij ongewijzigde situatie.",
            tone: .warning, rank: 2),
        LightDefinition(
            code: "rood", label: "Rood",
            meaning: "Ingrijpen noodzakelijk om een goede afloop alsnog mogelijk te maken.",
            tone: .negative, rank: 3),
        LightDefinition(
            code: "grijs", label: "Grijs",
            meaning: "Afgerond en overgedragen aan de lijnorganisatie.",
            tone: .neutral, rank: 4, isFinished: true),
    ])
}

extension LightScale {
    /// The UK five-point delivery-confidence scale, in Dutch, with grijs for finished:
    /// for programmes whose reports rate Amber/Green and Amber/Red.
    public static let fivePoint = LightScale([
        LightDefinition(
            code: "groen", label: "Groen", meaning: "Succesvolle oplevering zeer waarschijnlijk; geen grote problemen.",
            tone: .positive, rank: 1),
        LightDefinition(
            code: "oranje-groen", label: "Oranje/groen",
            meaning: "Succesvolle oplevering waarschijnlijk, maar aandacht nodig.", tone: .warning, rank: 2),
        LightDefinition(
            code: "oranje", label: "Oranje", meaning: "Succesvolle oplevering haalbaar, maar er zijn flinke problemen.",
            tone: .warning, rank: 3),
        LightDefinition(
            code: "oranje-rood", label: "Oranje/rood",
            meaning: "Succesvolle oplevering twijfelachtig; grote risico's of problemen.", tone: .negative, rank: 4),
        LightDefinition(
            code: "rood", label: "Rood", meaning: "Succesvolle oplevering onhaalbaar zonder ingrijpen.",
            tone: .negative, rank: 5),
        LightDefinition(
            code: "grijs", label: "Grijs", meaning: "Afgerond en overgedragen aan de lijnorganisatie.", tone: .neutral,
            rank: 6, isFinished: true),
    ])
}

/// What the report shows where no light was set. Never counted as green.
public enum NoLight {
    public static let label = "Geen status"
}
