import Foundation
import Testing

@testable import StoplichtCore

/// The finance chart as a reader sees it printed: text of at least 9 pt, an axis fitted to
/// the largest bar, a legend that names only what is drawn.
@Suite struct FinanceChartTests {
    func report(_ positions: [BudgetPosition]) -> FinanceReport {
        let entries = positions.enumerated().map {
            FinanceReport.Entry(label: "\($0.offset + 1). Project", position: $0.element)
        }
        return FinanceReport(entries: entries, total: positions.reduce(.zero, +), bySource: [], asOf: "1-12-2026")
    }

    @Test func theAxisFitsTheLargestBar() {
        // The demo's € 21.750 budget: an axis to € 25.000, not € 50.000.
        #expect(FinanceChart.niceMaximum(2_175_000) == 2_500_000)
        #expect(FinanceChart.niceMaximum(100_000) == 100_000)
        #expect(FinanceChart.niceMaximum(1_100_000) == 1_200_000)
        #expect(FinanceChart.niceMaximum(9_000_000) == 10_000_000)
        // Whatever the amount, the largest bar fills more than three quarters of the axis.
        for cents: Int64 in [123_456, 999_999, 4_100_000, 77_000_000, 310_000_001] {
            let maximum = FinanceChart.niceMaximum(cents)
            #expect(maximum >= cents && Double(cents) / Double(maximum) > 0.75, "\(cents) → \(maximum)")
        }
        // Amounts near the 64-bit limit draw, they do not stop the server.
        #expect(FinanceChart.niceMaximum(900_000_000_000_000_000) == 900_000_000_000_000_000)
        #expect(FinanceChart.niceMaximum(.max) == .max)
        #expect(
            FinanceChart.used(BudgetPosition(budgetCents: 0, actualCents: .max, commitmentCents: .max, pendingCents: 1))
                == .max)
        let chart = FinanceChart(report([BudgetPosition(budgetCents: 2_175_000, actualCents: 0, commitmentCents: 0)]))
        #expect(chart.labels.contains { $0.text == "€ 25.000" })
    }

    @Test func theLegendNamesOnlyWhatIsDrawn() {
        // A budget and what was spent: no commitments, no quotes, no shortfall.
        let chart = FinanceChart(
            report([BudgetPosition(budgetCents: 1_000_000, actualCents: 400_000, commitmentCents: 0)]))
        let legend = chart.labels.filter { $0.y == 17 }.map(\.text)
        #expect(legend == ["Begroot", "Gerealiseerd"])
        let short = FinanceChart(
            report([
                BudgetPosition(budgetCents: 1_000_000, actualCents: 900_000, commitmentCents: 0, pendingCents: 500_000)
            ]))
        #expect(
            short.labels.filter { $0.y == 17 }.map(\.text) == [
                "Begroot", "Gerealiseerd", "Verwacht (offertes)", "Tekort",
            ])
    }

    @Test func theTextIsAtLeastNinePointWhenPrintedAcrossAPortraitPage() {
        let chart = FinanceChart(report([BudgetPosition(budgetCents: 1_000_000, actualCents: 0, commitmentCents: 0)]))
        // 180 mm of A4 portrait between the margins is 510 pt for the chart's width.
        let points = Double(FinanceChart.fontSize) * 510 / Double(FinanceChart.width)
        #expect(points >= 9)
        #expect(chart.svg(id: "f").contains("font-size=\"\(FinanceChart.fontSize)\""))
    }
}
