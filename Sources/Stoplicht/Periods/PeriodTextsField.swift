/// The period texts form's fields, by the names the form posts: the fingerprint of the
/// texts the form showed, and per section, decision and risk its numbered fields.
enum PeriodTextsField: String, CaseIterable, FormField {
    /// The texts' fingerprint when the form was shown (hidden).
    case fingerprint = "vingerafdruk"

    /// A section's title, `sectie-KEY-titel`.
    static func sectionTitle(_ key: String) -> NumberedField { NumberedField("sectie", key, "titel") }
    /// A section's text, `sectie-KEY-tekst`.
    static func sectionBody(_ key: String) -> NumberedField { NumberedField("sectie", key, "tekst") }

    /// A decision row's field, `besluit-N-tekst`; row N counts from 0, the blank row last.
    static func decision(_ index: Int, _ part: DecisionPart) -> NumberedField {
        NumberedField("besluit", String(index), part.rawValue)
    }
    /// A risk row's field, `risico-N-tekst`.
    static func risk(_ index: Int, _ part: RiskPart) -> NumberedField {
        NumberedField("risico", String(index), part.rawValue)
    }

    enum DecisionPart: String, CaseIterable, Sendable {
        case id
        case text = "tekst"
        case requestedFrom = "aan"
        case outcome = "uitkomst"
        case remove = "weg"
    }

    enum RiskPart: String, CaseIterable, Sendable {
        case id
        case text = "tekst"
        case cause = "oorzaak"
        case impact = "gevolg"
        case measures = "maatregel"
        case remove = "weg"
    }
}
