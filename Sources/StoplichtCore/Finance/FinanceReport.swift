import Foundation

/// The figures the report's Financiën section prints under the programme manager's text:
/// budget against actuals, commitments and expected costs per project and for the
/// programme, and the budget by year, source and nature. Taken when the report is
/// published and kept with it, so a published report keeps saying what it said.
public struct FinanceReport: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        /// "2. Doorontwikkelen website", or "Programma (zonder project)".
        public var label: String
        public var position: BudgetPosition

        public init(label: String, position: BudgetPosition) {
            self.label = label
            self.position = position
        }
    }

    public struct SourceRow: Sendable, Codable, Equatable {
        public var year: Int
        public var source: String
        public var nature: String
        public var budgetCents: Int64
        public var commitmentCents: Int64

        public init(year: Int, source: String, nature: String, budgetCents: Int64, commitmentCents: Int64) {
            self.year = year
            self.source = source
            self.nature = nature
            self.budgetCents = budgetCents
            self.commitmentCents = commitmentCents
        }
    }

    public var entries: [Entry]
    public var total: BudgetPosition
    public var bySource: [SourceRow]
    /// "25-11-2026": the day the figures were taken.
    public var asOf: String

    public init(entries: [Entry], total: BudgetPosition, bySource: [SourceRow], asOf: String) {
        self.entries = entries
        self.total = total
        self.bySource = bySource
        self.asOf = asOf
    }

    public static let positionHeaders = [
        "Project", "Begroot", "Gerealiseerd", "Verplicht", "Verwacht (offertes)", "Resterend / tekort",
    ]
    public static let sourceHeaders = ["Jaar", "Bron", "Karakter", "Begroot", "Verplicht"]

    static func money(_ cents: Int64) -> String { ReportedAmount.money(cents: cents).description }

    /// "€ 1.250,00" or "Tekort € 8.750,00".
    public static func remaining(_ position: BudgetPosition) -> String {
        position.shortfallCents > 0 ? "Tekort \(money(position.shortfallCents))" : money(position.remainingCents)
    }

    /// The cells of a row of the positions table, in `positionHeaders` order.
    public static func cells(_ label: String, _ p: BudgetPosition) -> [String] {
        [label, money(p.budgetCents), money(p.actualCents), money(p.commitmentCents), p.pendingText, remaining(p)]
    }

    public var positionRows: [[String]] {
        entries.map { Self.cells($0.label, $0.position) } + [Self.cells("Totaal", total)]
    }

    public var sourceRows: [[String]] {
        bySource.map {
            [String($0.year), $0.source, $0.nature, Self.money($0.budgetCents), Self.money($0.commitmentCents)]
        }
    }

    /// The projects short of money, for the chart's description and the report's text.
    public var shortfalls: [Entry] { entries.filter { $0.position.shortfallCents > 0 } }

    public var caption: String { "Begroot, gerealiseerd, verplicht en verwacht — stand \(asOf)" }
    public var sourceCaption: String { "Begroting naar jaar, financieringsbron en karakter — stand \(asOf)" }
}
