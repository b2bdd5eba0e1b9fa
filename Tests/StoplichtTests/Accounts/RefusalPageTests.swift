import Fluent
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// A refusal is not a crash: its page says what was refused, who may do it and what the
/// person is in the programme.
@Suite struct RefusalPageTests {
    @Test func aProjectLeaderRefusedPublishingIsToldWhoMay() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            _ = try await walter.get(Cycle.overview)

            // MUT
            let refused = try await walter.get("/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/publiceren")

            // validate
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("<h1 class=\"utrecht-heading-1\">Geen toestemming</h1>"))
            #expect(!refused.body.contains("Er ging iets mis"))
            #expect(
                refused.body.contains(
                    "een rapportage publiceren is voorbehouden aan de beheerders en de programmamanager. U bent projectleider in dit programma."
                ))
        }
    }

    @Test func aLeaderOfAnotherProjectIsToldItIsItsLeadersProject() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: Walter leads project 1, not project 2.
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            _ = try await walter.get(Cycle.overview)

            // MUT
            let refused = try await walter.get(Cycle.statusPath(3))

            // validate
            #expect(refused.status == .forbidden)
            #expect(
                refused.body.contains(
                    "dit project bijwerken is voorbehouden aan de beheerders, de programmamanager en de projectleiders van dit project."
                ))
        }
    }

    @Test func someoneWithoutARoleInAClosedProgrammeIsToldSo() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            try await Cycle.setAccess(.closed, on: app.db)
            var stranger = try await Browser.member(app, "iemand@leusden.nl", role: nil)

            // MUT
            let refused = try await stranger.get(Cycle.overview)

            // validate
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("U hebt geen rol in dit programma."))
        }
    }
}
