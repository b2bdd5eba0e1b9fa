/// Councils require an orange or red light to come with its explanation: what causes it,
/// what it means for the programme's goal, and what is done about it.
public enum LightExplanation {
    /// Whether a light needs the explanation: the warning and negative tones (oranje, rood,
    /// and the five-point scale's in-between lights that lean that way).
    public static func isRequired(for light: LightDefinition?) -> Bool {
        guard let light, !light.isFinished else { return false }
        return light.tone == .warning || light.tone == .negative
    }

    /// The parts of the explanation that are missing: "oorzaak", "gevolg", "maatregel".
    public static func missingParts(cause: String?, consequence: String?, measure: String?) -> [Part] {
        var missing: [Part] = []
        if cause.isBlank { missing.append(.cause) }
        if consequence.isBlank { missing.append(.consequence) }
        if measure.isBlank { missing.append(.measure) }
        return missing
    }

    public enum Part: String, Sendable, CaseIterable {
        case cause = "oorzaak"
        case consequence = "gevolg"
        case measure = "maatregel"
    }
}

extension Optional where Wrapped == String {
    /// Nil, empty or only white space.
    public var isBlank: Bool { (self ?? "").allSatisfy(\.isWhitespace) }
}
