import Foundation

/// The finance page's forms and their fields, by the names the forms post. A command's
/// refusal names its field by the short name (`bron`), the form's prefix completes it.

/// A budget line of a project or of the programme (`regel-…`).
enum BudgetLineField: String, CaseIterable, PrefixedFormField {
    static let form = "regel"
    case project
    case source = "bron"
    case nature = "karakter"
    case year = "jaar"
    case amount = "bedrag"
    case commitment = "verplicht"
    case description = "omschrijving"
}

/// An expected cost (`offerte-…`).
enum QuoteField: String, CaseIterable, PrefixedFormField {
    static let form = "offerte"
    case project
    case description = "omschrijving"
    case amount = "bedrag"
}

/// A quote's state, one form per quote (`offerte-ID-stand`).
enum QuoteStateField: String, CaseIterable, Sendable {
    case state = "stand"
    case amount = "bedrag"

    static func form(_ quote: UUID) -> String { "\(QuoteField.form)-\(quote.uuidString.lowercased())" }
    func of(_ quote: UUID) -> NumberedField { NumberedField(Self.form(quote), rawValue) }
}

/// A transfer proposed with its decision request (`overheveling-…`).
enum TransferField: String, CaseIterable, PrefixedFormField {
    static let form = "overheveling"
    /// The budget line the money comes from; `project` is where it goes (`programma` for the programme).
    case from = "van"
    case project
    case amount = "bedrag"
    case reason = "reden"
    case decision = "beslispunt"
    case requestedFrom = "aan"
}

/// The decision on a proposed transfer, one form per transfer (`besluit-ID-uitkomst`).
enum TransferDecisionField: String, CaseIterable, Sendable {
    case outcome = "uitkomst"
    case decidedOn = "datum"

    static func form(_ transfer: UUID) -> String { "besluit-\(transfer.uuidString.lowercased())" }
    func of(_ transfer: UUID) -> NumberedField { NumberedField(Self.form(transfer), rawValue) }
}

/// Which project a cost centre books on (`kostenplaats-…`).
enum CostCentreField: String, CaseIterable, PrefixedFormField {
    static let form = "kostenplaats"
    case costCentre = "kostenplaats"
    case project
}

/// The upload of actuals (`realisatie-…`), a multipart form.
enum ActualsField: String, CaseIterable, PrefixedFormField {
    static let form = "realisatie"
    case file = "bestand"
    case columns = "kolommen"
}
