import Foundation
import StoplichtCore
import Testing

@testable import Stoplicht

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The roadmap at the seed's size: well-formed SVG that says what it shows, a row per
/// project in reading order, every bar and arrow inside the picture.
@Suite struct RoadmapTests {
    static func programme() -> Roadmap {
        let entries = (1...36).map { n in
            let start = PlanDate.month(2018 + (n - 1) / 12, (n - 1) % 12 + 1)
            let delivery =
                n % 3 == 0
                ? PlanDate.quarter(2019 + (n - 1) / 12, ((n - 1) % 12) / 3 + 1)
                : PlanDate.month(2019 + (n - 1) / 12, (n - 1) % 12 + 1)
            return Roadmap.Entry(
                label: "\(n). Project met een naam die langer is dan de kolom <breed> & lang", plannedStart: start,
                plannedDelivery: delivery, forecastStart: nil, forecastDelivery: n == 5 ? .half(2019, 2) : nil,
                infeasible: n == 9, earliestDelivery: n == 9 ? .month(2020, 3) : nil)
        }
        return Roadmap(
            title: "Tijdlijn programma Dienstverlening", entries: entries, arrows: [(4, 8), (0, 35), (10, 11)],
            today: 2019 * 12 + 5)
    }

    @Test func theLegendPromisesOnlyWhatIsDrawn() {
        // Two projects, no prerequisites, today long after the plan, nothing infeasible.
        let entries = [
            Roadmap.Entry(
                label: "1. A", plannedStart: .month(2018, 1), plannedDelivery: .month(2018, 6), forecastStart: nil,
                forecastDelivery: nil),
            Roadmap.Entry(
                label: "2. B", plannedStart: .month(2018, 3), plannedDelivery: .month(2018, 9), forecastStart: nil,
                forecastDelivery: nil),
        ]
        let bare = Roadmap(title: "Tijdlijn", entries: entries, arrows: [], today: 2026 * 12 + 11)
        let full = Self.programme()

        #expect(!bare.drawsArrows && !bare.drawsToday && !bare.drawsInfeasible)
        #expect(!bare.description.contains("Pijlen"))
        #expect(!bare.svgDocument.contains("vandaag") && !bare.svgDocument.contains("marker-end"))
        #expect(full.drawsArrows && full.drawsToday && full.drawsInfeasible)
        #expect(
            Strings.roadmapLegend(bare, report: false)
                == "Grijs omlijnd: gepland. Blauw: verwacht. De tabel hieronder zegt hetzelfde in woorden.")
        #expect(
            Strings.roadmapLegend(full, report: true).contains(
                "Pijlen: randvoorwaarden. De rode stippellijn is vandaag."))
    }

    @Test func thirtySixProjectsMakeAWellFormedReadablePicture() throws {
        let roadmap = Self.programme()
        let svg = roadmap.svgDocument
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(svg.contains("role=\"img\" aria-labelledby=\"tijdlijn-titel tijdlijn-omschrijving\""))
        #expect(roadmap.description.contains("Tijdlijn van 36 projecten per kwartaal, van Q1 2018 tot en met Q4 2021"))
        #expect(roadmap.description.contains("1 project is niet haalbaar: 9. Project"))
        #expect(roadmap.description.contains("Pijlen: randvoorwaarden (3)"))
        // One label per row, 20 px apart: readable at the seed's 36 projects.
        let labels = svg.components(separatedBy: "text-anchor=\"end\"").count - 1
        #expect(labels == 36)
        #expect(roadmap.height == Roadmap.top + 36 * Roadmap.rowHeight + 10)
        #expect(svg.contains("36. Project met een naam die langer…</text>"), "long labels are cut to the column")
        #expect(svg.components(separatedBy: "marker-end=\"url(#pijl)\"").count - 1 == 3)
        #expect(svg.contains(">vandaag</text>"))
        #expect(
            svg.contains("stroke-dasharray=\"4 3\""), "the infeasible project's dashed run to its earliest delivery")
        // Every coordinate inside the picture.
        let numbers = try NSRegularExpression(pattern: #"(?:x|x1|x2)="(-?\d+)""#)
        let xs = numbers.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap {
            Int((svg as NSString).substring(with: $0.range(at: 1)))
        }
        #expect(xs.allSatisfy { $0 >= 0 && $0 <= roadmap.width })
        #expect(!roadmap.png.isEmpty)
        // Kept for looking at: chromium --headless --screenshot file:///tmp/stoplicht-roadmap-36.svg
        try? svg.write(
            toFile: FileManager.default.temporaryDirectory.appendingPathComponent("stoplicht-roadmap-36.svg").path,
            atomically: true, encoding: .utf8)
    }
}
