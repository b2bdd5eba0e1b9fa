import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// The finance page per audience: a leader sees their own projects, the programme manager
/// everything, sponsors and board (lezers) the summary; nobody else.
@Suite struct FinancePageTests {
    static let path = "/programmas/dienstverlening/financien"

    func prepare(_ app: Application) async throws {
        let programme = try #require(try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").first())
        for (project, source, amount) in [
            (2, "krediet", "€ 15.000,-"), (18, "lijnbudget", "1.000,00"), (nil, "reserve", "€ 21.750,-"),
        ] as [(Int?, String, String)] {
            _ = try await BudgetLines.add(
                BudgetLines.Input(
                    project: project, source: source, nature: "eenmalig", year: 2018, amount: amount,
                    commitment: "", description: "regel"), to: programme, actor: "test", on: app.db)
        }
        _ = try await BudgetLines.addQuote(
            project: 2, amount: "€ 2.000,-", description: "PIP-pagina", to: programme, actor: "test", on: app.db)
        _ = try await ActualsMapping.map(costCentre: "6200", toProject: 2, in: programme, on: app.db)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stoplicht-finance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("realisatie.csv").path
        try Data("Kostenplaats;Bedrag\n6200;€ 21.750,-\n9999;5,00\n".utf8).write(to: URL(fileURLWithPath: file))
        _ = try await ActualsImporter(database: app.db).run(path: file, source: "realisatie.csv", programme: programme)
        try await Cycle.setAccess(.closed, on: app.db)
    }

    @Test func eachAudienceSeesItsOwnFinances() async throws {
        try await withStoplicht(seeded: true) { app in
            try await prepare(app)

            var manager = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            let all = try await manager.get(Self.path)
            #expect(all.status == .ok)
            #expect(all.body.contains("2. Doorontwikkelen website"))
            #expect(all.body.contains("18. Zaakgericht werken invoeren"))
            #expect(all.body.contains("Programma (zonder project)"))
            #expect(all.body.contains("Tekort € 8.750,00"))
            #expect(all.body.contains("<dt>Verwacht (offertes)</dt><dd>€ 2.000,00</dd>"))
            #expect(all.body.contains("<dt>Begroot</dt><dd>€ 37.750,00</dd>"))
            #expect(all.body.contains("1 regel uit het financiële systeem hoort nog bij geen project"))

            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let own = try await walter.get(Self.path)
            #expect(own.status == .ok)
            #expect(own.body.contains("2. Doorontwikkelen website"))
            #expect(!own.body.contains("18. Zaakgericht werken invoeren"))
            #expect(!own.body.contains("€ 37.750,00"))
            #expect(!own.body.contains("uit het financiële systeem hoort"))

            var board = try await Browser.member(app, "wethouder@woudenberg.nl", role: .reader)
            let summary = try await board.get(Self.path)
            #expect(summary.status == .ok)
            #expect(!summary.body.contains("Doorontwikkelen website"))
            #expect(
                summary.body.contains(
                    "<td>2018</td><td>Krediet</td><td>Eenmalig</td><td class=\"stoplicht-amount\">€ 15.000,00</td>"))
            #expect(summary.body.contains("<td>2018</td><td>Reserve</td>"))
            // The total counts every line read, those without a project too.
            #expect(summary.body.contains("<dt>Gerealiseerd</dt><dd>€ 21.755,00</dd>"))

            var stranger = try await Browser.member(app, "ander@elders.nl", role: nil)
            #expect(try await stranger.get(Self.path).status == .forbidden)
            var anonymous = Browser(app)
            #expect(try await anonymous.get(Self.path).status == .seeOther)
        }
    }
}
