/// Where a budget comes from, as the seed names it: "lijnbudget, investeringen, reserves,
/// krediet", and external money.
public enum FundingSource: String, CaseIterable, Sendable, Codable {
    case credit = "krediet"
    case lineBudget = "lijnbudget"
    case investment = "investering"
    case reserve = "reserve"
    case external = "extern"

    public var label: String {
        switch self {
        case .credit: "Krediet"
        case .lineBudget: "Lijnbudget"
        case .investment: "Investering"
        case .reserve: "Reserve"
        case .external: "Extern / subsidie"
        }
    }

    /// "krediet", "Lijnbudget", "subsidie", "investeringen": the source, or nil.
    public init?(reading text: String) {
        let word = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let exact = FundingSource(rawValue: word) {
            self = exact
            return
        }
        switch word {
        case "investeringen": self = .investment
        case "reserves": self = .reserve
        case "subsidie", "extern/subsidie", "externe financiering": self = .external
        case "lijn", "exploitatie": self = .lineBudget
        default: return nil
        }
    }
}

/// Whether a budget is spent once or every year ("eenmalig of structureel van karakter").
public enum BudgetNature: String, CaseIterable, Sendable, Codable {
    case oneOff = "eenmalig"
    case recurring = "structureel"

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// A budget against what was spent, committed and is still expected (pending quotes),
/// exactly, in cents.
public struct BudgetPosition: Sendable, Equatable, Codable {
    public var budgetCents: Int64
    public var actualCents: Int64
    public var commitmentCents: Int64
    /// Expected costs not yet committed: the quotes still awaited or being assessed.
    public var pendingCents: Int64
    /// Quotes expected whose amount is not known yet ("In november volgt de offerte"): not
    /// in any sum, so every figure says how many it leaves out.
    public var unpricedQuotes: Int

    public init(
        budgetCents: Int64, actualCents: Int64, commitmentCents: Int64, pendingCents: Int64 = 0, unpricedQuotes: Int = 0
    ) {
        self.budgetCents = budgetCents
        self.actualCents = actualCents
        self.commitmentCents = commitmentCents
        self.pendingCents = pendingCents
        self.unpricedQuotes = unpricedQuotes
    }

    /// "€ 2.000,00", or "€ 2.000,00 + 4 offertes zonder bedrag".
    public var pendingText: String {
        let amount = ReportedAmount.money(cents: pendingCents).description
        guard unpricedQuotes > 0 else { return amount }
        return "\(amount) + \(unpricedQuotes) \(unpricedQuotes == 1 ? "offerte" : "offertes") zonder bedrag"
    }

    public static let zero = BudgetPosition(budgetCents: 0, actualCents: 0, commitmentCents: 0)

    /// What is left after actuals, commitments and expected costs; negative is a shortfall.
    public var remainingCents: Int64 { budgetCents - actualCents - commitmentCents - pendingCents }
    public var shortfallCents: Int64 { max(0, -remainingCents) }

    public static func + (a: BudgetPosition, b: BudgetPosition) -> BudgetPosition {
        BudgetPosition(
            budgetCents: a.budgetCents + b.budgetCents, actualCents: a.actualCents + b.actualCents,
            commitmentCents: a.commitmentCents + b.commitmentCents, pendingCents: a.pendingCents + b.pendingCents,
            unpricedQuotes: a.unpricedQuotes + b.unpricedQuotes)
    }
}
