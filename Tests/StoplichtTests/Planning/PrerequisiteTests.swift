import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Prerequisites between the seed's projects: a slip shows on the overview, the project page
/// and the report's Tijd & capaciteit section with the earliest dates; the programme manager
/// accepts the re-plan; a cycle is refused, named; only the programme manager links projects.
@Suite struct PrerequisiteTests {
    static let programme = "/programmas/dienstverlening"

    /// 16 (omgevingswet) now delivers Q1 2019; 18 (zaakgericht werken) was to start in January 2019, for six months.
    func prepare(_ app: Application) async throws -> ProgrammeContext {
        let context = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
        let period = try #require(context.latestPeriod)
        for (number, start, delivery) in [(16, nil, "2019-Q1"), (18, "2019-01", "2019-06")] as [(Int, String?, String)]
        {
            let project = try #require(
                try await Project.find(number: number, inProgramme: context.programme.requireID(), on: app.db))
            let status = try #require(
                try await ProjectStatus.query(on: app.db).filter(\.$project.$id == project.requireID())
                    .filter(\.$period.$id == period.requireID()).first())
            status.plannedStart = start
            status.plannedDelivery = delivery
            status.forecastDelivery = nil
            try await status.save(on: app.db)
        }
        return context
    }

    @Test func aSlipShowsWhereverTheProjectIsAndTheReplanCanBeAccepted() async throws {
        try await withStoplicht(seeded: true) { app in
            let context = try await prepare(app)
            _ = try await Prerequisites.add(
                project: 18, needs: 16, milestone: nil, in: context, actor: "erna", on: app.db)

            let schedule = try await ProgrammeSchedule.load(context, period: nil, on: app.db)
            let late = try #require(schedule.entry(18))
            #expect(late.infeasible)
            #expect(late.earliestStart == .month(2019, 3))
            #expect(late.earliestDelivery == .month(2019, 8))
            #expect(late.blockedBy == "16. Invoering nieuwe omgevingswet")

            var manager = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            let overview = try await manager.get(Self.programme)
            #expect(
                overview.body.contains(
                    "Planning niet haalbaar: vroegst oplevering augustus 2019 (wacht op 16. Invoering nieuwe omgevingswet)"
                ))
            let page = try await manager.get(Self.programme + "/projecten/18")
            #expect(page.body.contains("De planning is niet meer haalbaar"))
            #expect(
                page.body.contains(
                    "vroegst start maart 2019, oplevering augustus 2019 (gepland: start januari 2019, oplevering juni 2019)"
                ))
            #expect(page.body.contains("Herplanning overnemen"))
            let needed = try await manager.get(Self.programme + "/projecten/16")
            #expect(needed.body.contains("Wachten op dit project"))
            let report = try await manager.get(Self.programme + "/perioden/juni-t-m-oktober-2018")
            let time = try #require(
                report.body.range(of: "id=\"tijd-capaciteit\"").map {
                    String(report.body[$0.lowerBound...].prefix(60000))
                })
            #expect(time.contains("Planningen die door randvoorwaarden niet meer haalbaar zijn"))
            #expect(time.contains("18. Zaakgericht werken invoeren: wacht op 16. Invoering nieuwe omgevingswet"))

            // The programme manager accepts the re-plan: the forecast becomes the earliest dates, in the audit trail.
            let accepted = try await manager.post(Self.programme + "/projecten/18/herplannen")
            #expect(accepted.status == .seeOther)
            let project = try #require(
                try await Project.find(number: 18, inProgramme: context.programme.requireID(), on: app.db))
            let status = try #require(
                try await ProjectStatus.query(on: app.db).filter(\.$project.$id == project.requireID()).first())
            #expect(status.forecastStart == "2019-03" && status.forecastDelivery == "2019-08")
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$action == "herplanning-overnemen").first())
            #expect(entry.after?.contains("augustus 2019") == true && entry.after?.contains("wacht op 16.") == true)
            #expect(try await ProgrammeSchedule.load(context, period: nil, on: app.db).infeasible.isEmpty)
            let again = try await manager.post(Self.programme + "/projecten/18/herplannen")
            #expect(again.status == .conflict)
            #expect(again.body.contains("De planning is haalbaar; er is niets over te nemen."))
        }
    }

    @Test func aCycleIsRefusedWithTheCycleNamed() async throws {
        try await withStoplicht(seeded: true) { app in
            let context = try await prepare(app)
            _ = try await Prerequisites.add(project: 18, needs: 16, milestone: nil, in: context, actor: "t", on: app.db)
            _ = try await Prerequisites.add(project: 16, needs: 3, milestone: nil, in: context, actor: "t", on: app.db)
            var manager = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            _ = try await manager.get(Self.programme + "/projecten/3")
            let refused = try await manager.post(
                Self.programme + "/projecten/3/randvoorwaarden", PrerequisiteField.form([.needs: "18"]))
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.contains(
                    "Dat maakt een kring: 3. Intranet heeft 18. Zaakgericht werken invoeren nodig, dat 16. Invoering nieuwe omgevingswet nodig heeft, dat 3. Intranet nodig heeft."
                ))
            #expect(refused.body.contains("<option value=\"18\" selected=\"selected\">"))
            let itself = try await manager.post(
                Self.programme + "/projecten/3/randvoorwaarden", PrerequisiteField.form([.needs: "3"]))
            #expect(itself.body.contains("Een project kan niet op zichzelf wachten."))
            let unknownMilestone = try await manager.post(
                Self.programme + "/projecten/3/randvoorwaarden",
                PrerequisiteField.form([.needs: "19", .milestone: "Pilot"]))
            #expect(
                unknownMilestone.body.contains(
                    "heeft geen mijlpaal ‘Pilot’. Wel: ‘(project) voorstel opstellen servicenormen op product en procesniveau’"
                ))
            let duplicate = try await manager.post(
                Self.programme + "/projecten/18/randvoorwaarden", PrerequisiteField.form([.needs: "16"]))
            #expect(duplicate.status == .conflict)
            #expect(try await Prerequisite.query(on: app.db).count() == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "randvoorwaarde-toevoegen").count() == 2)

            // A milestone of 19 is enough; removing a prerequisite is audited too.
            let milestone = try await manager.post(
                Self.programme + "/projecten/3/randvoorwaarden",
                PrerequisiteField.form([.needs: "19", .milestone: "uitvoering (gefaseerd en per productgroep)"]))
            #expect(milestone.status == .seeOther)
            let link = try #require(try await Prerequisite.query(on: app.db).filter(\.$milestone.$id != nil).first())
            let removed = try await manager.post(
                Self.programme
                    + "/projecten/3/randvoorwaarden/\(try link.requireID().uuidString.lowercased())/verwijderen")
            #expect(removed.status == .seeOther)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == "randvoorwaarde-verwijderen").count() == 1)
        }
    }

    @Test func onlyTheProgrammeManagerLinksProjects() async throws {
        try await withStoplicht(seeded: true) { app in
            _ = try await prepare(app)
            try await Cycle.setAccess(.closed, on: app.db)
            var leader = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let page = try await leader.get(Self.programme + "/projecten/1")
            #expect(!page.body.contains("Randvoorwaarde toevoegen"))
            #expect(
                try await leader.post(
                    Self.programme + "/projecten/1/randvoorwaarden", PrerequisiteField.form([.needs: "2"])
                ).status == .forbidden)
            #expect(try await leader.post(Self.programme + "/projecten/1/herplannen").status == .forbidden)
            #expect(try await Prerequisite.query(on: app.db).count() == 0)
        }
    }

    @Test func startDatesAreEnteredAtAnyPrecisionAndCheckedInDutch() async throws {
        try await withStoplicht(seeded: true) { app in
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let form = try await walter.get(Cycle.statusPath(1))
            let revision = Browser.hiddenValue(StatusField.revision, in: form.body) ?? "0"
            var fields = Cycle.statusForm(light: "groen", remarks: "Loopt.", revision: revision)
            fields["start-gepland"] = "2e helft 2018"
            fields["start-verwacht"] = "binnenkort"
            let refused = try await walter.post(Cycle.statusPath(1), fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("binnenkort"))
            #expect(refused.body.contains("Verwachte start"))
            fields["start-verwacht"] = "Q1 2019"
            let saved = try await walter.post(Cycle.statusPath(1), fields)
            #expect(saved.status == .seeOther)
            let status = try #require(try await Cycle.status(1, on: app.db))
            #expect(status.plannedStart == "2018-H2" && status.forecastStart == "2019-Q1")
        }
    }
}
