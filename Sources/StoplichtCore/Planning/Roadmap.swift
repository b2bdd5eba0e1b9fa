import Foundation

/// The programme's roadmap as a picture: quarters across, a row per project with its
/// planned bar (outlined) and its forecast (filled; red where a prerequisite makes it
/// infeasible, dashed on to the earliest delivery), prerequisites as arrows, and a line
/// for today. Written as SVG with a title and a description; the page beside it carries
/// the same as a table, for those who do not see the picture.
public struct Roadmap: Sendable {
    public struct Entry: Sendable, Equatable {
        public var label: String
        public var plannedStart: PlanDate?
        public var plannedDelivery: PlanDate?
        public var forecastStart: PlanDate?
        public var forecastDelivery: PlanDate?
        public var infeasible: Bool
        public var earliestDelivery: PlanDate?

        public init(
            label: String, plannedStart: PlanDate?, plannedDelivery: PlanDate?, forecastStart: PlanDate?,
            forecastDelivery: PlanDate?,
            infeasible: Bool = false, earliestDelivery: PlanDate? = nil
        ) {
            self.label = label
            self.plannedStart = plannedStart
            self.plannedDelivery = plannedDelivery
            self.forecastStart = forecastStart
            self.forecastDelivery = forecastDelivery
            self.infeasible = infeasible
            self.earliestDelivery = earliestDelivery
        }
    }

    public static let labelWidth = 270
    /// A quarter's width: wide where there are few, at least 44 where there are many.
    public var quarterWidth = 44
    public static let rowHeight = 20
    public static let top = 54

    public var title: String
    public var description: String
    public var width: Int
    public var height: Int
    /// The SVG element's content (without the svg element).
    var body = ""
    /// The bars and lines as rectangles (x, y, width, height, colour), for the PNG.
    var bars: [(Int, Int, Int, Int, String)] = []
    /// What the picture holds beyond the bars, so that its caption promises nothing else:
    /// arrows for prerequisites, a line for today, bars in red for infeasible plans.
    public private(set) var drawsArrows = false
    public private(set) var drawsToday = false
    public private(set) var drawsInfeasible = false

    /// `arrows`: (prerequisite, dependent) as indices into `entries`; `today` a month number (`PlanMonth`).
    public init(title: String, entries: [Entry], arrows: [(Int, Int)], today: Int) {
        self.title = title
        let months = entries.flatMap { e in
            [e.plannedStart, e.forecastStart].compactMap { $0.map(PlanMonth.first) }
                + [e.plannedDelivery, e.forecastDelivery, e.earliestDelivery].compactMap { $0.map(PlanMonth.last) }
        }
        // The plan's own span; today is drawn where it falls inside it.
        let first = (months.min() ?? today) / 3 * 3
        let last = (months.max() ?? today) / 3 * 3 + 2
        let quarters = max(4, (last - first + 1) / 3)
        let quarterWidth = max(44, min(110, 640 / quarters))
        self.quarterWidth = quarterWidth
        width = Self.labelWidth + quarters * quarterWidth + 10
        height = Self.top + max(1, entries.count) * Self.rowHeight + 10
        let late = entries.filter(\.infeasible).count
        description =
            "Tijdlijn van \(entries.count) projecten per kwartaal"
            + (entries.isEmpty
                ? "."
                : ", van Q\((first % 12) / 3 + 1) \(first / 12) tot en met Q\((last % 12) / 3 + 1) \(last / 12). ")
            + "Grijs omlijnd: gepland; blauw: verwacht; rood: niet haalbaar door een randvoorwaarde, gestippeld tot de vroegst mogelijke oplevering. "
            + (arrows.isEmpty ? "" : "Pijlen: randvoorwaarden (\(arrows.count)). ")
            + (late == 0
                ? "Alle planningen zijn haalbaar."
                : "\(late) \(late == 1 ? "project is" : "projecten zijn") niet haalbaar: "
                    + entries.filter(\.infeasible).map(\.label).joined(separator: "; ") + ".")
        func x(_ month: Int) -> Int { Self.labelWidth + (month - first) * quarterWidth / 3 }
        var svg = "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#FFFFFF\"/>"
        svg +=
            "<defs><marker id=\"pijl\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">"
            + "<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#5F5F5F\"/></marker></defs>"
        // Quarters and years across the top, a line between quarters.
        for q in 0..<quarters {
            let month = first + q * 3
            let left = Self.labelWidth + q * quarterWidth
            svg +=
                "<rect x=\"\(left)\" y=\"\(Self.top - 6)\" width=\"1\" height=\"\(height - Self.top)\" fill=\"#\(month % 12 == 0 ? "9E9E9E" : "E0E0E0")\"/>"
            bars.append((left, Self.top - 6, 1, height - Self.top, month % 12 == 0 ? "9E9E9E" : "E0E0E0"))
            svg +=
                "<text x=\"\(left + quarterWidth / 2)\" y=\"\(Self.top - 12)\" text-anchor=\"middle\">Q\((month % 12) / 3 + 1)</text>"
            if month % 12 == 0 || q == 0 {
                svg += "<text x=\"\(left + 2)\" y=\"\(Self.top - 28)\" font-weight=\"bold\">\(month / 12)</text>"
            }
        }
        var ends: [Int: (x: Int, y: Int)] = [:]
        var starts: [Int: (x: Int, y: Int)] = [:]
        for (index, entry) in entries.enumerated() {
            let y = Self.top + index * Self.rowHeight
            let label = Self.shorten(entry.label)
            svg +=
                "<text x=\"\(Self.labelWidth - 8)\" y=\"\(y + 14)\" text-anchor=\"end\"\(entry.infeasible ? " font-weight=\"bold\"" : "")>\(XMLText.escape(label))</text>"
            let plannedEnd = entry.plannedDelivery.map(PlanMonth.last)
            let plannedBegin = entry.plannedStart.map(PlanMonth.first) ?? plannedEnd
            if let b = plannedBegin, let e = plannedEnd {
                bars.append((x(b), y + 3, max(4, x(e + 1) - x(b)), 14, "D0D0D0"))
                svg +=
                    "<rect x=\"\(x(b))\" y=\"\(y + 3)\" width=\"\(max(4, x(e + 1) - x(b)))\" height=\"14\" fill=\"none\" stroke=\"#8A8A8A\" stroke-width=\"1.5\">"
                    + "<title>\(XMLText.escape("\(entry.label): gepland \(entry.plannedStart.map { "\($0) – " } ?? "")\(entry.plannedDelivery!)"))</title></rect>"
            }
            let forecastEnd = (entry.forecastDelivery ?? entry.plannedDelivery).map(PlanMonth.last)
            let forecastBegin = (entry.forecastStart ?? entry.plannedStart).map(PlanMonth.first) ?? forecastEnd
            if let b = forecastBegin, let e = forecastEnd {
                let colour = entry.infeasible ? "C62828" : "1565C0"
                bars.append((x(b), y + 6, max(4, x(e + 1) - x(b)), 8, colour))
                svg +=
                    "<rect x=\"\(x(b))\" y=\"\(y + 6)\" width=\"\(max(4, x(e + 1) - x(b)))\" height=\"8\" fill=\"#\(colour)\">"
                    + "<title>\(XMLText.escape("\(entry.label): verwacht tot \((entry.forecastDelivery ?? entry.plannedDelivery)!)"))</title></rect>"
                starts[index] = (x(b), y + 10)
                ends[index] = (x(e + 1), y + 10)
                if entry.infeasible, let earliest = entry.earliestDelivery.map(PlanMonth.last), earliest > e {
                    svg +=
                        "<line x1=\"\(x(e + 1))\" y1=\"\(y + 10)\" x2=\"\(x(earliest + 1))\" y2=\"\(y + 10)\" stroke=\"#C62828\" stroke-width=\"2\" stroke-dasharray=\"4 3\">"
                        + "<title>\(XMLText.escape("\(entry.label): vroegst oplevering \(entry.earliestDelivery!)"))</title></line>"
                    ends[index] = (x(earliest + 1), y + 10)
                }
            }
        }
        for (from, to) in arrows {
            guard let a = ends[from], let b = starts[to] else { continue }
            let bend = max(a.x, b.x - 8)
            svg +=
                "<path d=\"M\(a.x),\(a.y) L\(bend),\(a.y) L\(bend),\(b.y) L\(b.x),\(b.y)\" fill=\"none\" stroke=\"#5F5F5F\" stroke-width=\"1\" marker-end=\"url(#pijl)\"/>"
            drawsArrows = true
        }
        drawsInfeasible = late > 0
        if today >= first && today <= last {
            let left = x(today)
            svg +=
                "<line x1=\"\(left)\" y1=\"\(Self.top - 8)\" x2=\"\(left)\" y2=\"\(height - 4)\" stroke=\"#C62828\" stroke-width=\"1.5\" stroke-dasharray=\"2 2\"/>"
                + "<text x=\"\(left + 3)\" y=\"\(height - 6)\" fill=\"#C62828\">vandaag</text>"
            drawsToday = true
        }
        body = svg
    }

    /// The SVG element (`id` keeps its title and description apart on a page).
    public func svg(id: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" "
            + "aria-labelledby=\"\(id)-titel \(id)-omschrijving\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"11\" fill=\"#1A1A1A\">"
            + "<title id=\"\(id)-titel\">\(XMLText.escape(title))</title><desc id=\"\(id)-omschrijving\">\(XMLText.escape(description))</desc>"
            + body + "</svg>"
    }

    /// A label cut to the column, at a word: "2. Doorontwikkelen website 20 meest…".
    static func shorten(_ label: String) -> String {
        guard label.count > 40 else { return label }
        var cut = String(label.prefix(37))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > 20 {
            cut = String(cut[..<space])
        }
        return cut.trimmingCharacters(in: .punctuationCharacters) + "…"
    }

    /// The bars without their words, for word processors without SVG.
    public var png: Data {
        PNGWriter.rectangles(width: width, height: height, bars.map { ($0.0, $0.1, $0.2, $0.3, $0.4) })
    }

    public var svgDocument: String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(id: "tijdlijn") }
}
