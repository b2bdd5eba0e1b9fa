import Foundation
import Testing

@testable import StoplichtCore

/// Layouts an attacker (or an unlucky export) can make: the readers that decide by cells,
/// join projects and learn legends must stay bounded and must not mistake them.
@Suite struct HostileLayoutTests {
    @Test func theLargestNumberNeitherCrashesNorBecomesAProjectNumber() throws {
        let report = try ReportTextParser().parse(
            """
            | Nr | Project | Status |
            |---|---|---|
            | 9223372036854775807 | Brug | Groen |
            | 9223372036854775807 | Kade | Rood |

            Overige projecten:
            - Fietspad Oost
            - Kade West
            """)
        #expect(report.projects.allSatisfy { (1...999_999).contains($0.number) })
        #expect(report.projects.contains { $0.name.contains("Brug") })
    }

    @Test func rowsOfOneTableWithTheSameNameStaySeparateProjects() throws {
        // 20,000 rows named alike: joined, each join rescanned everything before it.
        let rows = (1...20_000).map { "| Brug | Groen | opmerking \($0) |" }.joined(separator: "\n")
        let report = try ReportTextParser().parse("| Project | Status | Toelichting |\n|---|---|---|\n" + rows)
        #expect(report.projects.count == 20_000)
        #expect(Set(report.projects.map(\.number)).count == 20_000)
    }

    @Test func aTableOfCountsPerColourTeachesNoNumbers() throws {
        let report = try ReportTextParser().parse(
            """
            | Groen | 12 |
            | Oranje | 3 |
            | Rood | 1 |

            ## 1. Bijlage

            | Nr | Project | Status |
            |---|---|---|
            | 1 | Brug | Oranje |
            | 2 | Kade | Groen |
            | 3 | Plein | Rood |
            """)
        #expect(report.projects.map(\.number) == [1, 2, 3])
        #expect(report.projects.map(\.light) == [.tone(.warning), .tone(.positive), .tone(.negative)])
    }

    @Test func aTwoColumnTableOfProjectsIsNoProjectSheet() throws {
        let report = try ReportTextParser().parse(
            """
            ## 1. Bijlage

            | Project | Projectleider |
            |---|---|
            | Brug | Jan de Vries |
            | Kade | Piet Smit |
            | Plein | Anna de Boer |
            """)
        #expect(report.projects.map(\.name) == ["Brug", "Kade", "Plein"])
        #expect(
            report.projects.map { $0.leaders.map(\.person) } == [["Jan de Vries"], ["Piet Smit"], ["Anna de Boer"]])
    }

    @Test func aStatusIconColumnIsNoLegend() throws {
        let report = try ReportTextParser().parse(
            """
            | Nr | Project | Status icon | Toelichting |
            |---|---|---|---|
            | 1 | Brug | Groen | Loopt. |
            | 2 | Kade | Rood | Stil. |
            """)
        #expect(report.projects.map(\.light) == [.tone(.positive), .tone(.negative)])
    }

    @Test func aTotalRowWithALeaderIsAProject() throws {
        let report = try ReportTextParser().parse(
            """
            | Project | Projectleider | Status |
            |---|---|---|
            | Totaal renovatie sporthal | Jan de Vries | Groen |
            | Brug | Piet Smit | Oranje |
            | Totaal | | |
            """)
        #expect(report.projects.map(\.name) == ["Totaal renovatie sporthal", "Brug"])
    }

    @Test func aRowOfThousandsOfCellsIsCutToTheWidestTable() {
        let wide = "|" + String(repeating: "a|", count: 5_000)
        guard case .tableRow(let cells) = ReportLine.classify(wide) else {
            Issue.record("not a table row")
            return
        }
        #expect(cells.count == ReportLine.maxColumns)
    }
}

/// Projects found in several places are numbered once; what names them follows.
@Suite struct ProjectMergeNumberTests {
    @Test func unknownWordsNameTheProjectsByTheirFinalNumbers() throws {
        let report = try ReportTextParser().parse(
            """
            ## 1. Overzicht

            | Project | Projectleider | Status |
            |---|---|---|
            | Brug | Jan de Vries | Stroef |

            ### project 1 — Kade

            G

            Kwaliteit
            """)
        let brug = try #require(report.projects.first { $0.name == "Brug" })
        #expect(report.projects.first { $0.name == "Kade" }?.number == 1)
        #expect(brug.number != 1)
        #expect(report.unknownLightWords.map(\.projects) == [[brug.number]])
    }
}
