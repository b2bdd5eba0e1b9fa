import Foundation
@testable import StoplichtCore
import Testing

/// Real public progress reports of Dutch municipalities and provinces and of cities in
/// Canada and Australia, read from `../shared/real-reports/` (kept outside the repository),
/// through the importer as a user meets it: what a careful person reads from each.
@Suite struct RealReportImportTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/real-reports")

    static func read(_ name: String) throws -> ParsedReport {
        let url = folder.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        return try ReportReader().read(data, filename: name).report
    }

    static func project(_ report: ParsedReport, _ name: String) throws -> ParsedProject {
        try #require(report.projects.first { $0.name == name }, "\(name) not in \(report.projects.map(\.name))")
    }

    static func lights(_ project: ParsedProject) -> [String: LightNotation.Reading] {
        Dictionary(project.dimensionLights.map { ($0.label, $0.reading) }, uniquingKeysWith: { first, _ in first })
    }

    /// No leader is a light word, a date or an amount.
    static func leadersArePeople(_ report: ParsedReport) {
        for leader in report.projects.flatMap(\.leaders) {
            #expect(!LightNotation.read(leader.person).isLight, "\(leader.person)")
            #expect(PlanDate(parsing: leader.person) == nil, "\(leader.person)")
            #expect(!ColumnContent.isAmount(leader.person), "\(leader.person)")
        }
    }

    @Test func torontoMajorCapitalProjects() throws {
        let report = try Self.read("city-toronto-2020-major-capital-projects.md")
        #expect(report.projects.map(\.name) == ["The Guild Cultural Revitalization", "Casa Loma Phase 10", "KIPLING ACRES SITE 2",
                                                "CAREFREE LODGE REDEVELOPMENT"])
        // Division rows are the groups of the projects under them, not projects.
        #expect(report.projects.map(\.group) == ["Economic Development & Culture", "Economic Development & Culture",
                                                 "Senior Services & Long Term Care", "Senior Services & Long Term Care"])
        #expect(report.projects.map(\.light) == [.tone(.positive), .tone(.positive), .finished, .tone(.warning)])
        // "On Budget" and "On Time" hold the circled letters Ⓖ Ⓨ.
        #expect(Self.lights(report.projects[0]) == ["Budget": .tone(.positive), "Tijd": .tone(.positive)])
        #expect(Self.lights(report.projects[3]) == ["Budget": .tone(.positive), "Tijd": .tone(.warning)])
        #expect(report.projects.map(\.plannedDelivery) == [.month(2020, 12), .month(2021, 12), .month(2016, 3), .month(2025, 12)])
        #expect(report.projects[2].forecastDelivery == .month(2017, 5))
        #expect(report.projects.allSatisfy { $0.leaders.isEmpty })
        Self.leadersArePeople(report)
    }

    @Test func innerWestCapitalWorks() throws {
        let report = try Self.read("council-inner-west-2020-capital-works-corporate-support.md")
        // The first header names the programme, not a column word: the cells show the names.
        #expect(report.projects.map(\.name) == ["Information & Communication Technology", "Fleet", "Capital Program Property & Assets"])
        #expect(report.projects.map(\.light) == [.tone(.warning), .tone(.positive), .tone(.positive)])
        // The Grand Total row sums the others; it is no project.
        #expect(!report.projects.contains { $0.name.contains("Total") })
        #expect(report.projects[1].plannedDelivery == .month(2020, 6))
        #expect(report.projects[0].remarks.contains("The next release of the Core Applications consolidation program"))
        Self.leadersArePeople(report)
    }
}
