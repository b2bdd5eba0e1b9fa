import Foundation

/// The Financiën section's chart: per project a grey bar for the budget with, on it, what
/// was spent, committed and is still expected; where that runs past the budget, a red
/// bar marks the shortfall. Drawn once as shapes, written as SVG (with a title and a
/// description that says in words what the picture shows) and, for word processors that
/// want one, as a PNG of the same shapes.
public struct FinanceChart: Sendable {
    public struct Rect: Sendable, Equatable {
        public var x, y, width, height: Int
        public var colour: Colour
        /// Said when the bar is pointed at.
        public var title: String?
    }

    public struct Label: Sendable, Equatable {
        public var x, y: Int
        public var text: String
        public var anchor: String
        public var bold: Bool
    }

    public enum Colour: String, Sendable, CaseIterable {
        case budget = "D9D9D9"
        case budgetEdge = "7F7F7F"
        case actual = "1F4E79"
        case commitment = "5B9BD5"
        case pending = "F4B183"
        case shortfall = "C00000"
        case
            grid = "BFBFBF"
        case white = "FFFFFF"
        case text = "1A1A1A"
    }

    public static let width = 680
    static let labelWidth = 250
    static let barLeft = 260
    static let barWidth = 400
    static let rowHeight = 28
    static let top = 62
    /// The text's size: 12 of the 680 units is 9 pt where the chart fills a portrait page's
    /// 180 mm, the smallest a printed report should carry.
    static let fontSize = 12
    /// Labels are cut at this many characters; the table beside the chart gives them whole.
    static let labelLength = 28

    public var title: String
    public var description: String
    public var height: Int
    public var rects: [Rect] = []
    public var labels: [Label] = []
    /// The colours the bars use, in the legend's order: a caption names these and no others.
    public var legendColours: [Colour] = []

    public init(_ report: FinanceReport) {
        title = "Budget en besteding per project, stand \(report.asOf)"
        height = Self.top + max(1, report.entries.count) * Self.rowHeight + 8
        description = Self.describe(report)
        rects.append(Rect(x: 0, y: 0, width: Self.width, height: height, colour: .white))
        let largest = report.entries.map { max($0.position.budgetCents, Self.used($0.position)) }.max() ?? 0
        let scale = Self.niceMaximum(largest)
        legend(report)
        axis(scale)
        for (index, entry) in report.entries.enumerated() {
            row(entry, y: Self.top + index * Self.rowHeight, scale: scale)
        }
    }

    static func used(_ p: BudgetPosition) -> Int64 {
        // Saturating: amounts near the 64-bit limit draw a full bar instead of stopping the server.
        [p.actualCents, p.commitmentCents, p.pendingCents].reduce(Int64(0)) { sum, cents in
            let (total, overflow) = sum.addingReportingOverflow(max(0, cents))
            return overflow ? .max : total
        }
    }

    /// A round number of euros at or above `cents`, for the axis, close enough that the
    /// largest bar fills most of it: € 21.750 on an axis to € 25.000, not € 50.000.
    static func niceMaximum(_ cents: Int64) -> Int64 {
        guard cents > 0 else { return 100_000 }
        // Past this there is no rounder number that fits in 64 bits: the amount is the axis.
        guard cents <= Int64.max / 100 else { return cents }
        var step: Int64 = 100_000  // € 1.000
        while step * 10 < cents { step *= 10 }
        // Tenths of a power of ten, so the axis's quarters stay round numbers.
        for tenths: Int64 in [10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100] where step * tenths / 10 >= cents {
            return step * tenths / 10
        }
        return step * 10
    }

    func x(_ cents: Int64, _ scale: Int64) -> Int {
        Int((Double(max(0, cents)) / Double(scale) * Double(Self.barWidth)).rounded())
    }

    /// The legend names only what the bars show.
    mutating func legend(_ report: FinanceReport) {
        let positions = report.entries.map(\.position)
        var items: [(Colour, String)] = [(.budget, "Begroot")]
        if positions.contains(where: { $0.actualCents > 0 }) { items.append((.actual, "Gerealiseerd")) }
        if positions.contains(where: { $0.commitmentCents > 0 }) { items.append((.commitment, "Verplicht")) }
        if positions.contains(where: { $0.pendingCents > 0 }) { items.append((.pending, "Verwacht (offertes)")) }
        if positions.contains(where: { $0.shortfallCents > 0 }) { items.append((.shortfall, "Tekort")) }
        legendColours = items.map(\.0)
        var left = 0
        for (colour, text) in items {
            rects.append(Rect(x: left, y: 6, width: 12, height: 12, colour: colour))
            labels.append(Label(x: left + 16, y: 17, text: text, anchor: "start", bold: false))
            left += 16 + text.count * Self.fontSize * 6 / 10 + 18
        }
    }

    mutating func axis(_ scale: Int64) {
        for quarter in 0...4 {
            let position = Self.barLeft + Self.barWidth * quarter / 4
            rects.append(Rect(x: position, y: Self.top - 8, width: 1, height: height - Self.top, colour: .grid))
            labels.append(
                Label(
                    x: position, y: Self.top - 16, text: Self.euros(scale * Int64(quarter) / 4),
                    anchor: quarter == 0 ? "start" : quarter == 4 ? "end" : "middle", bold: false))
        }
    }

    mutating func row(_ entry: FinanceReport.Entry, y: Int, scale: Int64) {
        let p = entry.position
        labels.append(
            Label(
                x: Self.labelWidth, y: y + 17, text: Self.shorten(entry.label), anchor: "end",
                bold: p.shortfallCents > 0))
        let budget = x(p.budgetCents, scale)
        rects.append(
            Rect(
                x: Self.barLeft, y: y + 3, width: max(budget, 1), height: 20, colour: .budgetEdge,
                title: "\(entry.label): begroot \(FinanceReport.money(p.budgetCents))"))
        if budget > 2 {
            rects.append(Rect(x: Self.barLeft + 1, y: y + 4, width: budget - 2, height: 18, colour: .budget))
        }
        var left = Self.barLeft
        for (cents, colour, word) in [
            (p.actualCents, Colour.actual, "gerealiseerd"), (p.commitmentCents, .commitment, "verplicht"),
            (p.pendingCents, .pending, "verwacht"),
        ] where cents > 0 {
            let width = max(1, x(cents, scale))
            rects.append(
                Rect(
                    x: left, y: y + 8, width: width, height: 10, colour: colour,
                    title: "\(entry.label): \(word) \(FinanceReport.money(cents))"))
            left += width
        }
        if p.shortfallCents > 0 {
            rects.append(
                Rect(
                    x: Self.barLeft + budget, y: y + 19, width: max(2, left - Self.barLeft - budget), height: 4,
                    colour: .shortfall,
                    title: "\(entry.label): tekort \(FinanceReport.money(p.shortfallCents))"))
        }
    }

    static func shorten(_ text: String) -> String {
        text.count <= labelLength
            ? text : String(text.prefix(labelLength - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// "€ 25.000": whole euros with a thousands point.
    static func euros(_ cents: Int64) -> String {
        let digits = String(cents / 100)
        var grouped = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(".") }
            grouped.append(character)
        }
        return "€ " + String(grouped.reversed())
    }

    static func describe(_ report: FinanceReport) -> String {
        let t = report.total
        var text =
            "Per project de begroting (grijze balk) tegen wat is gerealiseerd, verplicht en nog verwacht. "
            + "Totaal van het programma: begroot \(FinanceReport.money(t.budgetCents)), gerealiseerd \(FinanceReport.money(t.actualCents)), "
            + "verplicht \(FinanceReport.money(t.commitmentCents)), verwacht \(t.pendingText); "
            + (t.shortfallCents > 0
                ? "tekort \(FinanceReport.money(t.shortfallCents))."
                : "resterend \(FinanceReport.money(t.remainingCents)).")
        let short = report.shortfalls
        text +=
            short.isEmpty
            ? " Geen project heeft een tekort."
            : " Tekort bij "
                + short.map { "\($0.label) (\(FinanceReport.money($0.position.shortfallCents)))" }.joined(
                    separator: ", ") + "."
        return text
    }

    // MARK: SVG

    /// A standalone SVG document (for the ODT and DOCX packages).
    public var svgDocument: String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(id: "financien") }

    /// The SVG element, labelled by its title and description (`id` keeps them apart on a page).
    public func svg(id: String) -> String {
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 \(Self.width) \(height)" width="\(Self.width)" height="\(height)" \
            role="img" aria-labelledby="\(id)-titel \(id)-omschrijving" font-family="Liberation Sans, Arial, Helvetica, sans-serif" font-size="\(Self.fontSize)">\
            <title id="\(id)-titel">\(XMLText.escape(title))</title><desc id="\(id)-omschrijving">\(XMLText.escape(description))</desc>
            """
        for rect in rects {
            let shape =
                "x=\"\(rect.x)\" y=\"\(rect.y)\" width=\"\(rect.width)\" height=\"\(rect.height)\" fill=\"#\(rect.colour.rawValue)\""
            if let title = rect.title {
                out += "<rect \(shape)><title>\(XMLText.escape(title))</title></rect>"
            } else {
                out += "<rect \(shape)/>"
            }
        }
        for label in labels {
            out +=
                "<text x=\"\(label.x)\" y=\"\(label.y)\" text-anchor=\"\(label.anchor)\" fill=\"#\(Colour.text.rawValue)\""
                + (label.bold ? " font-weight=\"bold\"" : "") + ">\(XMLText.escape(label.text))</text>"
        }
        return out + "</svg>"
    }

    // MARK: PNG

    /// The bars as a PNG, without the words (the table beside the chart has them): the
    /// fallback picture word processors without SVG show.
    public var png: Data {
        PNGWriter.rectangles(
            width: Self.width, height: height, rects.map { ($0.x, $0.y, $0.width, $0.height, $0.colour.rawValue) })
    }
}
