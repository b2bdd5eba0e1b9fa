import Foundation
import Testing

@testable import StoplichtCore

/// Cells decide, headers are evidence: the same cells under shuffled columns and renamed or
/// unknown headers give the same projects, leaders, lights and dates.
@Suite struct ColumnsByCellsPropertyTests {
    /// The fuzz tests' deterministic generator: a failure is reproducible by its seed.
    typealias Generator = SeededGenerator

    struct Column: Sendable {
        var headers: (standard: String, renamed: [String], unknown: [String])
        var cell: @Sendable (Int, inout Generator) -> String
    }

    static let names = [
        "Verbouwing gemeentehuis", "Digitale dienstverlening fase 2", "Herinrichting centrum", "Nieuwe sporthal",
        "Aanpak jeugdwerkloosheid", "Renovatie zwembad", "Invoering Omgevingswet", "Zonnepanelen op scholen",
        "Vervanging riolering Oost", "Ontwikkeling bedrijventerrein",
    ]
    static let people = [
        "Karin de Wit", "Bram Peters", "A. Bakker", "Fatima el Amrani", "Jan van der Berg", "Sanne Jansen",
    ]
    static let lights = ["groen", "oranje", "rood", "Groen", "Oranje", "Rood"]
    static let remarks = [
        "De aanbesteding is afgerond en de aannemer start na de zomer met de werkzaamheden.",
        "Door personeelstekort loopt de planning vertraging op; bijsturing is in voorbereiding.",
        "Het ontwerp is besproken met de bewoners en wordt op enkele punten aangepast.",
    ]
    static let dates = ["Q1 2026", "Q3 2026", "maart 2027", "2e helft 2026"]

    static let columns: [Column] = [
        Column(headers: ("Nr", ["Nummer", "Projectnummer"], ["Kolom A", "Code"]), cell: { row, _ in "\(row + 1)" }),
        Column(
            headers: ("Project", ["Projectnaam", "Onderwerp"], ["Wat", "Kolom B"]),
            cell: { row, _ in names[row % names.count] }),
        Column(
            headers: ("Projectleider", ["Trekker", "Eigenaar"], ["Wie", "Kolom C"]),
            cell: { _, g in people.randomElement(using: &g)! }),
        Column(
            headers: ("Status", ["Stoplicht", "Beoordeling"], ["Hoe", "Kolom D"]),
            cell: { _, g in lights.randomElement(using: &g)! }),
        Column(
            headers: ("Toelichting", ["Opmerkingen", "Voortgang"], ["Verhaal", "Kolom E"]),
            cell: { _, g in remarks.randomElement(using: &g)! }),
        Column(
            headers: ("Gereed", ["Oplevering", "Einddatum"], ["Wanneer", "Kolom F"]),
            cell: { _, g in dates.randomElement(using: &g)! }),
    ]

    struct Reading: Equatable {
        var names: [String]
        var leaders: [[String]]
        var lights: [LightNotation.Reading]
        var planned: [PlanDate?]
    }

    static func table(cells: [[String]], order: [Int], headers: [String]) -> String {
        var lines = ["Rapportageperiode: januari t/m maart 2026", "", "## 1. Bijlage", ""]
        lines.append("| " + order.map { headers[$0] }.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: "---|", count: order.count))
        for row in cells { lines.append("| " + order.map { row[$0] }.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }

    static func read(_ text: String) throws -> Reading {
        let report = try ReportTextParser().parse(text)
        let projects = report.projects.sorted { $0.number < $1.number }
        return Reading(
            names: projects.map(\.name), leaders: projects.map { $0.leaders.map(\.person) },
            lights: projects.map(\.light), planned: projects.map(\.plannedDelivery))
    }

    @Test(arguments: 0..<40)
    func shuffledRenamedAndUnknownHeadersReadTheSame(seed: Int) throws {
        var generator = Generator(seed: UInt64(seed) &* 7919 &+ 17)
        let rows = Int.random(in: 3...8, using: &generator)
        let cells = (0..<rows).map { row in Self.columns.map { $0.cell(row, &generator) } }
        let standard = Self.columns.map(\.headers.standard)
        let baseline = try Self.read(Self.table(cells: cells, order: Array(standard.indices), headers: standard))
        #expect(baseline.names.count == rows)
        #expect(baseline.lights.allSatisfy { $0.isLight })

        // Each column's header standard, renamed or unknown, the columns in another order.
        let headers = Self.columns.map { column -> String in
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: column.headers.standard
            case 1: column.headers.renamed.randomElement(using: &generator)!
            default: column.headers.unknown.randomElement(using: &generator)!
            }
        }
        let order = Array(standard.indices).shuffled(using: &generator)
        let text = Self.table(cells: cells, order: order, headers: headers)
        #expect(try Self.read(text) == baseline, "seed \(seed): \(order.map { headers[$0] })")
    }

    @Test func allHeadersUnknownInAnyOrder() throws {
        var generator = Generator(seed: 42)
        let cells = (0..<6).map { row in Self.columns.map { $0.cell(row, &generator) } }
        let standard = Self.columns.map(\.headers.standard)
        let baseline = try Self.read(Self.table(cells: cells, order: Array(standard.indices), headers: standard))
        let unknown = Self.columns.map { $0.headers.unknown[1] }
        let reversed = Array(standard.indices.reversed())
        #expect(try Self.read(Self.table(cells: cells, order: reversed, headers: unknown)) == baseline)
    }
}
