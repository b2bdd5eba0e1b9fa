import Fluent
import Foundation
@testable import Stoplicht
import StoplichtCore
import Testing
import Vapor

/// The programme's pages as tabs under its title, as the viewer may use them; and whether a
/// project was updated this period or stands as carried over.
@Suite struct ProgrammeNavTests {
    @Test func theTabsShowWhatTheViewerMayOpen() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var erna = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            var reader = try await Browser.member(app, "lezer@woudenberg.nl", role: .reader)

            // MUT
            let managers = try await erna.get(Cycle.overview)
            let readers = try await reader.get(Cycle.overview)
            let trend = try await reader.get("/programmas/dienstverlening/verloop")

            // validate
            let nav = try #require(managers.body.components(separatedBy: "<nav class=\"stoplicht-tabs\"").last?.components(separatedBy: "</nav>").first)
            #expect(nav.contains("<a class=\"stoplicht-tabs__link\" href=\"/programmas/dienstverlening\" aria-current=\"page\">Overzicht</a>"))
            for path in ["/programmas/dienstverlening/perioden/juni-t-m-oktober-2018", "/programmas/dienstverlening/verloop",
                         "/programmas/dienstverlening/tijdlijn", "/programmas/dienstverlening/financien", "/programmas/dienstverlening/beheer"] {
                #expect(nav.contains("href=\"\(path)\""), "\(path)")
            }
            #expect(readers.body.contains("<nav class=\"stoplicht-tabs\""))
            #expect(!readers.body.contains("href=\"/programmas/dienstverlening/beheer\""))
            #expect(trend.body.contains("href=\"/programmas/dienstverlening/verloop\" aria-current=\"page\""))
        }
    }

    @Test func aCarriedOverProjectIsToldApartFromAnUpdatedOne() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: project 1 carried over; Walter updates project 2.
            let carried = try #require(try await Cycle.status(1, on: app.db))
            carried.carriedForward = true
            try await carried.save(on: app.db)
            var walter = try await Browser.member(app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let form = try await walter.get(Cycle.statusPath(2))
            let revision = try #require(Browser.hiddenValue(StatusField.revision, in: form.body))
            #expect(try await walter.post(Cycle.statusPath(2), Cycle.statusForm(light: "groen", remarks: "Formulieren live.", revision: revision)).status == .seeOther)

            // MUT
            let overview = try await walter.get(Cycle.overview)
            let project1 = try await walter.get("/programmas/dienstverlening/projecten/1")
            let project2 = try await walter.get("/programmas/dienstverlening/projecten/2")

            // validate
            let row1 = try #require(overview.body.components(separatedBy: "<tr id=\"project-1\"").last?.components(separatedBy: "</tr>").first)
            let row2 = try #require(overview.body.components(separatedBy: "<tr id=\"project-2\"").last?.components(separatedBy: "</tr>").first)
            #expect(row1.contains("<p class=\"stoplicht-carried\">Overgenomen, nog niet bijgewerkt</p>"))
            #expect(!row2.contains("stoplicht-carried"))
            #expect(project1.body.contains("Overgenomen uit de vorige periode; nog niet bijgewerkt."))
            let today = Strings.date(Date())
            #expect(project2.body.contains("Bijgewerkt op \(today) door Test walter@woudenberg.nl."))
        }
    }
}
