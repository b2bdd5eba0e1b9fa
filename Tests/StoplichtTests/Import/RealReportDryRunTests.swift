import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// The dry run of real reports: it explains how each table was read, keeps groups and
/// stores them, and never fails on the database.
@Suite struct RealReportDryRunTests {
    static func result(_ name: String) throws -> ReportReader.Result {
        let data = try Data(contentsOf: RealReportImportTests.folder.appendingPathComponent(name))
        return try ReportReader().read(data, filename: name)
    }

    @Test func theDryRunSaysHowEachTableWasRead() async throws {
        try await withStoplicht { app in
            let result = try Self.result("city-toronto-2020-major-capital-projects.md")
            let plan = try await ImportFixtures.importReport(
                result, into: app, dryRun: true, programme: "Capital", period: "2020")
            let json = try ImportPlan(file: "toronto.md", format: result.format, report: result.report, summary: plan)
                .json()
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let tables = try #require(decoded["tables"] as? [[String: Any]])
            let projectTable = try #require(tables.first { $0["kind"] as? String == "projecttabel" })
            let columns = try #require(projectTable["columns"] as? [[String: Any]])
            let status = try #require(columns.first { $0["header"] as? String == "Status" })
            #expect(status["role"] as? String == "status")
            #expect((status["evidence"] as? String)?.contains("stoplichten") == true)
            #expect(columns.first { $0["header"] as? String == "On Time" }?["role"] as? String == "licht:Tijd")
            let projects = try #require(decoded["projects"] as? [[String: Any]])
            #expect(
                projects.map { $0["group"] as? String } == [
                    "Economic Development & Culture", "Economic Development & Culture",
                    "Senior Services & Long Term Care", "Senior Services & Long Term Care",
                ])
        }
    }

    @Test func groupsAreStoredWithTheProjects() async throws {
        try await withStoplicht { app in
            _ = try await ImportFixtures.importReport(
                try Self.result("city-toronto-2020-major-capital-projects.md"), into: app,
                programme: "Capital", period: "2020")
            let casaLoma = try #require(
                try await Project.query(on: app.db).filter(\.$name == "Casa Loma Phase 10").first())
            #expect(casaLoma.groupName == "Economic Development & Culture")
            #expect(
                try await Project.query(on: app.db).filter(\.$name == "Economic Development & Culture").count() == 0)
        }
    }

    @Test func aReportThatRepeatsASectionHasADryRun() async throws {
        // Nunspeet's file holds "Inleiding" twice; the dry run used to fail on the unique key.
        try await withStoplicht { app in
            let result = try Self.result("gemeente-nunspeet-2018-derde-hoofdlijnenrapportage-projecten.md")
            let plan = try await ImportFixtures.importReport(
                result, into: app, dryRun: true, programme: "Projecten", period: "2018")
            #expect(result.report.sections.filter { $0.kind == .introduction }.count == 1)
            #expect(plan.warnings.contains { $0.message.contains("staat al eerder in de rapportage") })
            let summary = try await ImportFixtures.importReport(
                result, into: app, programme: "Projecten", period: "2018")
            #expect(summary.created > 0)
        }
    }
}
