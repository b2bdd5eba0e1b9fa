import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// The next period's report updates the same projects: by number where it numbers them
/// (a renamed project stays itself), by name where it does not. A dry run shows it all
/// and writes nothing.
@Suite struct NextPeriodImportTests {
    let first = """
        Programma;Wonen
        Periode;januari t/m april 2025
        Nr;Project;Projectleider;Status;Toelichting
        1;Woningbouw De Hoef;Marieke Jansen;groen;Start bouw.
        2;Stationsgebied;Kees Mulder;oranje;Bestemmingsplan in procedure.
        """

    let second = """
        Programma;Wonen
        Periode;mei t/m augustus 2025
        Nr;Project;Projectleider;Status;Toelichting
        1;Woningbouw De Hoef fase 1;Marieke Jansen;groen;Eerste woningen opgeleverd.
        2;Stationsgebied;Kees Mulder;rood;Bezwaar ingediend.
        3;Sociale huur Oost;Marieke Jansen;groen;Nieuw project.
        """

    func read(_ text: String) throws -> ReportReader.Result {
        try ReportReader().read(Data(text.utf8), filename: "wonen.csv")
    }

    @Test func aRenamedProjectIsMatchedByNumber() async throws {
        try await withStoplicht { app in
            // setup
            _ = try await ImportFixtures.importReport(try read(first), into: app)

            // MUT
            let summary = try await ImportFixtures.importReport(try read(second), into: app)

            // validate
            #expect(summary.periodSlug == "mei-t-m-augustus-2025")
            #expect(summary.projectChanges.map(\.action) == [.updated, .updated, .created])
            #expect(summary.projectChanges[0].fields == ["naam", "status in deze periode"])
            #expect(summary.projectChanges[1].fields == ["status in deze periode"])
            let projects = try await Project.query(on: app.db).sort(\.$number).all()
            #expect(projects.map(\.name) == ["Woningbouw De Hoef fase 1", "Stationsgebied", "Sociale huur Oost"])
            #expect(try await ProjectStatus.query(on: app.db).count() == 5)
            #expect(try await ReportingPeriod.query(on: app.db).count() == 2)
        }
    }

    @Test func unnumberedProjectsAreMatchedByName() async throws {
        try await withStoplicht { app in
            // setup: the first report numbers its projects, the next one does not and
            // lists them in another order with a new one in between.
            _ = try await ImportFixtures.importReport(try read(first), into: app)
            let unnumbered = """
                Programma;Wonen
                Periode;mei t/m augustus 2025
                Project;Projectleider;Status;Toelichting
                Stationsgebied;Kees Mulder;rood;Bezwaar ingediend.
                Sociale huur Oost;Marieke Jansen;groen;Nieuw project.
                Woningbouw De Hoef;Marieke Jansen;groen;Eerste woningen opgeleverd.
                """

            // MUT
            let summary = try await ImportFixtures.importReport(try read(unnumbered), into: app)

            // validate
            #expect(summary.projectChanges.map(\.number) == [2, 3, 1])
            #expect(summary.projectChanges.map(\.action) == [.updated, .created, .updated])
            #expect(summary.projectChanges[2].fields == ["status in deze periode"])
            #expect(try await Project.query(on: app.db).count() == 3)
        }
    }

    @Test func aDryRunShowsTheChangesAndWritesNothing() async throws {
        try await withStoplicht { app in
            // setup
            _ = try await ImportFixtures.importReport(try read(first), into: app)
            let secondInFirstPeriod = second.replacingOccurrences(
                of: "mei t/m augustus 2025", with: "januari t/m april 2025")
            let before = try await Snapshot.take(app.db)

            // MUT
            let plan = try await ImportFixtures.importReport(try read(secondInFirstPeriod), into: app, dryRun: true)

            // validate
            #expect(plan.projectChanges.map(\.action) == [.updated, .updated, .created])
            #expect(plan.projectChanges[0].fields == ["naam", "toelichting"])
            #expect(plan.projectChanges[1].fields == ["stoplicht", "toelichting"])
            #expect(plan.projectChanges.map(\.light) == ["groen", "rood", "groen"])
            #expect(try await Snapshot.take(app.db) == before)
            let json = try ImportPlan(
                file: "wonen.csv", format: .csv, report: try read(secondInFirstPeriod).report, summary: plan
            ).json()
            let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            let projects = try #require(decoded?["projects"] as? [[String: Any]])
            #expect(projects.map { $0["action"] as? String } == ["gewijzigd", "gewijzigd", "nieuw"])
            #expect(projects.map { $0["light"] as? String } == ["groen", "rood", "groen"])
            #expect(projects[1]["leaders"] as? [String] == ["Kees Mulder"])
            #expect(projects[1]["position"] as? String == "regel 5")
            #expect((decoded?["warnings"] as? [Any]) != nil)
            #expect((decoded?["sections"] as? [Any]) != nil)
        }
    }
}
