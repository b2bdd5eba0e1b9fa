import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Postponement as the seed asks it ("de projecten intranet en projectomgeving met minimaal
/// een half jaar uit te stellen"): proposed with its decision request, carried out once
/// agreed — start and delivery move at their precision — and how far deliveries moved.
@Suite struct PostponementTests {
    @Test(arguments: [
        (PlanDate.quarter(2018, 4), 6, PlanDate.quarter(2019, 2)),
        (PlanDate.quarter(2018, 4), 2, PlanDate.month(2019, 2)),
        (PlanDate.half(2018, 2), 6, PlanDate.half(2019, 1)),
        (PlanDate.half(2018, 2), 3, PlanDate.month(2019, 3)),
        (PlanDate.month(2018, 11), 6, PlanDate.month(2019, 5)),
        (PlanDate.day(2018, 11, 15), 14, PlanDate.day(2020, 1, 15)),
        (PlanDate.year(2019), 12, PlanDate.year(2020)),
        (PlanDate.year(2019), 6, PlanDate.month(2020, 6)),
    ])
    func aDateMovesAtItsPrecisionWhereTheStepAllows(_ date: PlanDate, _ months: Int, _ expected: PlanDate) {
        #expect(date.adding(months: months) == expected)
    }

    @Test func slipHistoryCountsHowOftenAndHowFar() {
        let history = SlipHistory([
            ("voorjaar 2018", .quarter(2018, 4)), ("najaar 2018", .quarter(2019, 1)), ("voorjaar 2019", nil),
            ("najaar 2019", .month(2019, 9)), ("voorjaar 2020", .month(2019, 8)),
        ])
        #expect(history.steps.map(\.moved) == [nil, 3, nil, 6, -1])
        #expect(history.slips == 2)
        #expect(history.totalMonths == 8)
        #expect(SlipHistory.movedText(8) == "+8 maanden" && SlipHistory.movedText(-1) == "−1 maand")
    }

    @Test func theSeedsPostponementIsProposedDecidedAndMovesThePlan() async throws {
        try await withStoplicht(seeded: true) { app in
            let context = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
            let period = try #require(context.latestPeriod)
            let intranet = try #require(
                try await Project.find(number: 3, inProgramme: context.programme.requireID(), on: app.db))
            let status = try #require(
                try await ProjectStatus.query(on: app.db).filter(\.$project.$id == intranet.requireID())
                    .filter(\.$period.$id == period.requireID()).first())
            status.plannedStart = "2018-Q4"
            status.plannedDelivery = "2019-H1"
            try await status.save(on: app.db)
            let decision = try #require(
                try await Decision.query(on: app.db).all().first { $0.text.contains("minimaal een half jaar") })

            var manager = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            let page = try await manager.get("/programmas/dienstverlening/projecten/3")
            #expect(page.body.contains("Uitstel voorstellen"))
            let refused = try await manager.post(
                "/programmas/dienstverlening/projecten/3/uitstel",
                PostponementField.form([.months: "een half jaar", .reason: "x"]))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("‘een half jaar’ is geen aantal maanden"))
            #expect(try await Postponement.query(on: app.db).count() == 0)
            let proposed = try await manager.post(
                "/programmas/dienstverlening/projecten/3/uitstel",
                PostponementField.form([
                    .months: "6", .reason: "Zaakgericht werken en de website gaan voor",
                    .decision: try decision.requireID().uuidString,
                ]))
            #expect(proposed.status == .seeOther)
            let postponement = try #require(try await Postponement.query(on: app.db).first())
            // Nothing moves until decided.
            #expect(try await ProjectStatus.find(status.id, on: app.db)?.forecastDelivery == nil)

            let decide =
                "/programmas/dienstverlening/projecten/3/uitstel/\(try postponement.requireID().uuidString.lowercased())/besluit"
            var leader = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            _ = try await leader.get("/programmas/dienstverlening/projecten/3")
            #expect(
                try await leader.post(decide, PostponementDecisionField.form([.outcome: "akkoord"])).status
                    == .forbidden)
            #expect(
                try await manager.post(
                    decide, PostponementDecisionField.form([.outcome: "akkoord", .decidedOn: "20-11-2018"])
                ).status == .seeOther)

            let moved = try #require(try await ProjectStatus.find(status.id, on: app.db))
            #expect(moved.forecastStart == "2019-Q2" && moved.forecastDelivery == "2019-H2")
            #expect(moved.revision == status.revision + 1)
            #expect(try await Decision.find(decision.id, on: app.db)?.outcome == .approved)
            let trail = try await AuditEntry.query(on: app.db).filter(\.$entity == "project").sort(\.$sequence).all()
                .map(\.action)
            #expect(trail.suffix(2) == ["uitstel-voorstellen", "uitstel-uitvoeren"])
            let after = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$action == "uitstel-uitvoeren").first()?.after)
            #expect(after.contains("Q2 2019") && after.contains("2e helft 2019"))
            #expect(
                try await manager.post(decide, PostponementDecisionField.form([.outcome: "akkoord"])).status
                    == .conflict)

            let shown = try await manager.get("/programmas/dienstverlening/projecten/3")
            #expect(
                shown.body.contains(
                    "Met minimaal 6 maanden: Zaakgericht werken en de website gaan voor — Besloten en uitgevoerd (20-11-2018)"
                ))
            #expect(shown.body.contains("Verschuiving van de oplevering"))
            #expect(shown.body.contains("+6 maanden") == false, "one period: no move across periods yet")
        }
    }
}

/// Milestones on the project page: dates at any precision, done state, checked in Dutch,
/// and a dependent on a milestone flagged when it moves.
@Suite struct MilestoneTests {
    @Test func theProgrammeManagerSetsMilestonesAndADependentFollowsThem() async throws {
        try await withStoplicht(seeded: true) { app in
            var manager = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            let page = try await manager.get("/programmas/dienstverlening/projecten/21")
            #expect(page.body.contains("Mijlpalen bijwerken"))
            let refused = try await manager.post(
                "/programmas/dienstverlening/projecten/21/mijlpalen", [MilestoneField.date.of(0).name: "na de zomer"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("‘na de zomer’ is geen datum"))
            #expect(refused.body.contains("value=\"na de zomer\""))
            let saved = try await manager.post(
                "/programmas/dienstverlening/projecten/21/mijlpalen",
                [
                    MilestoneField.date.of(0).name: "Q1 2019", MilestoneField.date.of(1).name: "juni 2019",
                    MilestoneField.done.of(1).name: "",
                ])
            #expect(saved.status == .seeOther)
            let shown = try await manager.get("/programmas/dienstverlening/projecten/21")
            #expect(shown.body.contains("Pilot burgerzaken — Q1 2019"))

            // 22 needs the pilot; its plan starts in January 2019: infeasible until the pilot is reached.
            let context = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
            let project = try #require(
                try await Project.find(number: 22, inProgramme: context.programme.requireID(), on: app.db))
            let status = try #require(
                try await ProjectStatus.query(on: app.db).filter(\.$project.$id == project.requireID()).first())
            status.plannedStart = "2019-01"
            status.plannedDelivery = "2019-06"
            try await status.save(on: app.db)
            _ = try await Prerequisites.add(
                project: 22, needs: 21, milestone: "pilot burgerzaken", in: context, actor: "t", on: app.db)
            var entry = try #require(try await ProgrammeSchedule.load(context, period: nil, on: app.db).entry(22))
            #expect(entry.infeasible)
            #expect(
                entry.blockedBy
                    == "21. Maken van serviceafspraken tussen het KCC en de productgroepen, mijlpaal Pilot burgerzaken")
            _ = try await manager.post(
                "/programmas/dienstverlening/projecten/21/mijlpalen",
                [
                    MilestoneField.date.of(0).name: "Q1 2019", MilestoneField.done.of(0).name: "ja",
                    MilestoneField.date.of(1).name: "juni 2019",
                ])
            entry = try #require(try await ProgrammeSchedule.load(context, period: nil, on: app.db).entry(22))
            #expect(!entry.infeasible, "a milestone reached holds nothing up")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "mijlpaal-bijwerken").count() == 3)
        }
    }
}

/// The programme's slips across two periods, read from the database: the forecast where
/// there is one, else the plan.
@Suite struct SlipHistoriesTests {
    @Test func aDeliveryThatMovedBetweenPeriodsIsCountedOnThePagesThatShowIt() async throws {
        try await withStoplicht(seeded: true) { app in
            var context = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
            let first = try #require(context.latestPeriod)
            // Project 2 as planned for Q4 2018, without a forecast yet.
            let project = try #require(
                try await Project.find(number: 2, inProgramme: context.programme.requireID(), on: app.db))
            let before = try #require(
                try await ProjectStatus.query(on: app.db).filter(\.$project.$id == project.requireID())
                    .filter(\.$period.$id == first.requireID()).first())
            before.plannedDelivery = "2018-Q4"
            before.forecastDelivery = nil
            try await before.save(on: app.db)
            _ = try await PeriodPublication.publish(
                programme: "dienstverlening", period: first, actor: "t", settings: app.settings, on: app.db)
            context = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
            let next = try await PeriodOpening.open(
                name: "november 2018 t/m februari 2019", in: context, actor: "t", address: nil, on: app.db
            ).period
            // Now it is expected in June 2019.
            let status = try #require(
                try await ProjectStatus.query(on: app.db).filter(\.$project.$id == project.requireID())
                    .filter(\.$period.$id == next.requireID()).first())
            status.forecastDelivery = "2019-06"
            try await status.save(on: app.db)
            context = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
            let slips = try await SlipHistories.load(context, on: app.db)
            let website = try #require(slips[2])
            #expect(
                website.steps.map(\.delivery) == [.quarter(2018, 4), .month(2019, 6)],
                "the plan where there is no forecast")
            #expect(website.slips == 1 && website.totalMonths == 6)
            // A project with only a planned date counts it too (7 is expected in Q4 2018, carried forward).
            #expect(slips[7]?.steps.map(\.delivery) == [.quarter(2018, 4), .quarter(2018, 4)])

            var manager = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            let roadmap = try await manager.get("/programmas/dienstverlening/tijdlijn")
            #expect(
                roadmap.body.contains(
                    "Van 1 van de 5 projecten met een opleverdatum werd de oplevering later, samen +6 maanden."))
            let page = try await manager.get("/programmas/dienstverlening/projecten/2")
            #expect(page.body.contains("De verwachte oplevering schoof 1 keer op, in totaal +6 maanden."))
        }
    }
}
