/// The project page's planning forms and their fields, by the names the forms post. A
/// command's refusal names its field by the short name (`nodig`), the form's prefix
/// completes it.

/// A prerequisite: the project (and milestone) this one needs (`randvoorwaarde-…`).
enum PrerequisiteField: String, CaseIterable, PrefixedFormField {
    static let form = "randvoorwaarde"
    case needs = "nodig"
    case milestone = "mijlpaal"
}

/// A postponement proposed with its decision request (`uitstel-…`).
enum PostponementField: String, CaseIterable, PrefixedFormField {
    static let form = "uitstel"
    case months = "maanden"
    case reason = "reden"
    case decision = "beslispunt"
    case requestedFrom = "aan"
}

/// The decision on a proposed postponement (`besluit-…`).
enum PostponementDecisionField: String, CaseIterable, PrefixedFormField {
    static let form = "besluit"
    case outcome = "uitkomst"
    case decidedOn = "datum"
}

/// Every milestone's date and done state in one form (`mijlpaal-N-datum`, N its position).
enum MilestoneField: String, CaseIterable, Sendable {
    static let form = "mijlpaal"
    case date = "datum"
    case done = "bereikt"

    func of(_ position: Int) -> NumberedField { NumberedField(Self.form, String(position), rawValue) }
    /// The short name a refusal gives, completed by the form's prefix.
    func short(_ position: Int) -> String { "\(position)-\(rawValue)" }
}
