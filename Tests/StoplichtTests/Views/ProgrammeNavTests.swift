import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Whether a project was updated this period or stands as carried over. (The tabs under the
/// programme's title are held in `PageStructureSnapshotTests`.)
@Suite struct ProgrammeNavTests {
    @Test func aCarriedOverProjectIsToldApartFromAnUpdatedOne() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: project 1 carried over; Walter updates project 2.
            let carried = try #require(try await Cycle.status(1, on: app.db))
            carried.carriedForward = true
            try await carried.save(on: app.db)
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let form = try await walter.get(Cycle.statusPath(2))
            let revision = try #require(Browser.hiddenValue(StatusField.revision, in: form.body))
            #expect(
                try await walter.post(
                    Cycle.statusPath(2),
                    Cycle.statusForm(light: "groen", remarks: "Formulieren live.", revision: revision)
                ).status == .seeOther)

            // MUT
            let overview = try await walter.get(Cycle.overview)
            let project1 = try await walter.get("/programmas/dienstverlening/projecten/1")
            let project2 = try await walter.get("/programmas/dienstverlening/projecten/2")

            // validate
            let row1 = try #require(
                overview.body.components(separatedBy: "<tr id=\"project-1\"").last?.components(separatedBy: "</tr>")
                    .first)
            let row2 = try #require(
                overview.body.components(separatedBy: "<tr id=\"project-2\"").last?.components(separatedBy: "</tr>")
                    .first)
            #expect(row1.contains("<p class=\"stoplicht-carried\">Overgenomen, nog niet bijgewerkt</p>"))
            #expect(!row2.contains("stoplicht-carried"))
            #expect(project1.body.contains("Overgenomen uit de vorige periode; nog niet bijgewerkt."))
            let today = Strings.date(Date())
            #expect(project2.body.contains("Bijgewerkt op \(today) door Test walter@woudenberg.nl."))
        }
    }
}
