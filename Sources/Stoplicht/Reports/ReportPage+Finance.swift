import Plot
import StoplichtCore

/// The figures under the Financiën section's text: the chart (its description says in
/// words what it shows) and the tables it is drawn from.
extension ReportPageView {
    static func finance(_ report: FinanceReport) -> Node<HTML.BodyContext> {
        let chart = FinanceChart(report)
        return .div(
            .class("stoplicht-finance"),
            .element(
                named: "figure",
                nodes: [
                    .attribute(named: "class", value: "stoplicht-finance__chart"),
                    .raw(chart.svg(id: "financien-grafiek")),
                    .element(
                        named: "figcaption",
                        nodes: [
                            .attribute(named: "class", value: "stoplicht-muted"),
                            .text(Strings.financeChartCaption(report.asOf, colours: chart.legendColours)),
                        ]),
                ]),
            table(report.caption, headers: FinanceReport.positionHeaders, rows: report.positionRows, totalRow: true),
            .if(
                !report.bySource.isEmpty,
                table(
                    report.sourceCaption, headers: FinanceReport.sourceHeaders, rows: report.sourceRows, totalRow: false
                ))
        )
    }

    /// Amounts right-aligned; a shortfall marked; "€ 0,00 + 4 offertes zonder bedrag" may wrap.
    static func cellClass(_ cell: String) -> String {
        if cell.hasPrefix("Tekort") { return "stoplicht-amount stoplicht-shortfall" }
        guard cell.hasPrefix("€") else { return "" }
        return cell.contains("+") ? "stoplicht-amount stoplicht-wrap" : "stoplicht-amount"
    }

    static func table(_ caption: String, headers: [String], rows: [[String]], totalRow: Bool) -> Node<HTML.BodyContext>
    {
        .div(
            .class("stoplicht-table-scroll"),
            .table(
                .class("utrecht-table stoplicht-money"),
                .caption(.text(caption)),
                .thead(
                    .tr(
                        .forEach(headers.indices) { index in
                            .th(
                                .attribute(named: "scope", value: "col"),
                                .class(
                                    index == 0 || headers[index] == "Bron" || headers[index] == "Karakter"
                                        ? "" : "stoplicht-amount"),
                                .text(headers[index]))
                        })),
                .tbody(
                    .forEach(rows.indices) { index in
                        let row = rows[index]
                        let isTotal = totalRow && index == rows.count - 1
                        return .tr(
                            .class(isTotal ? "stoplicht-total" : ""),
                            .th(.attribute(named: "scope", value: "row"), .text(row[0])),
                            .forEach(row.dropFirst().map { $0 }) { cell in
                                .td(.class(cellClass(cell)), .text(cell))
                            })
                    })
            ))
    }
}
