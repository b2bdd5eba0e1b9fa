import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// The update form beside last period's light and remarks; a light that got worse does not
/// pass on last period's explanation unless the leader says it still holds.
@Suite struct PreviousStatusTests {
    static let next = "november-2018-t-m-februari-2019"

    /// Project 2 orange with its explanation in the seed's period, published; the next
    /// period opened, carrying it over.
    func nextPeriodAfterAnExplainedOrange(_ app: Application) async throws {
        let status = try #require(try await Cycle.status(2, on: app.db))
        status.light = "oranje"
        status.cause = "Twee leveranciers hebben pas in 2019 capaciteit."
        status.consequence = "E-formulieren een kwartaal later."
        status.measure = "Offerte bij een derde leverancier."
        try await status.save(on: app.db)
        let context = try await ProgrammeContext.load(slug: Cycle.programme, on: app.db)
        let period = try #require(context.latestPeriod)
        _ = try await PeriodPublication.publish(
            programme: Cycle.programme, period: period, actor: "test", settings: app.settings,
            on: app.db, documents: false)
        _ = try await PeriodOpening.open(
            name: "november 2018 t/m februari 2019",
            in: try await ProgrammeContext.load(slug: Cycle.programme, on: app.db),
            actor: "test", address: nil, on: app.db)
    }

    @Test func theFormShowsLastPeriodsLightAndRemarks() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            try await nextPeriodAfterAnExplainedOrange(app)
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")

            // MUT
            let form = try await walter.get(Cycle.statusPath(2, period: Self.next))

            // validate
            #expect(form.status == .ok)
            #expect(
                form.body.contains(
                    "<p class=\"stoplicht-previous\">Vorige periode (juni t/m oktober 2018): <span class=\"stoplicht-light stoplicht-light--warning\">"
                ))
            #expect(
                form.body.contains(
                    "Opmerkingen van de vorige periode (juni t/m oktober 2018)</summary><p class=\"stoplicht-excerpt\">Bij de uitwerking van het project blijkt meer complexiteit dan voorzien."
                ))
        }
    }

    @Test func aWorseLightAsksForTheCarriedOverExplanationAgain() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            try await nextPeriodAfterAnExplainedOrange(app)
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let form = try await walter.get(Cycle.statusPath(2, period: Self.next))
            let revision = try #require(Browser.hiddenValue(StatusField.revision, in: form.body))
            var fields = Cycle.statusForm(
                light: "rood", remarks: "Leverancier afgehaakt.", revision: revision,
                cause: "Twee leveranciers hebben pas in 2019 capaciteit.",
                consequence: "E-formulieren een kwartaal later.",
                measure: "Offerte bij een derde leverancier.")

            // MUT: red with orange's explanation unchanged; then confirmed; an improvement needs nothing.
            let refused = try await walter.post(Cycle.statusPath(2, period: Self.next), fields)
            let lightAfterRefusal = try await Cycle.status(2, on: app.db)?.light
            fields[StatusField.explanationConfirmed.name] = "ja"
            let confirmed = try await walter.post(Cycle.statusPath(2, period: Self.next), fields)

            // validate
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.contains(
                    "Het stoplicht is slechter dan in juni t/m oktober 2018 (Oranje → Rood), maar de oorzaak, het gevolg en de maatregel zijn die van toen."
                ))
            #expect(refused.body.contains("name=\"\(StatusField.explanationConfirmed.name)\""))
            #expect(refused.body.contains("Leverancier afgehaakt."))
            #expect(lightAfterRefusal == "oranje")
            #expect(confirmed.status == .seeOther)
            #expect(try await Cycle.status(2, on: app.db)?.light == "rood")
        }
    }

    @Test func aNewExplanationForAWorseLightIsTakenAsItIs() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            try await nextPeriodAfterAnExplainedOrange(app)
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let form = try await walter.get(Cycle.statusPath(2, period: Self.next))
            let revision = try #require(Browser.hiddenValue(StatusField.revision, in: form.body))

            // MUT
            let saved = try await walter.post(
                Cycle.statusPath(2, period: Self.next),
                Cycle.statusForm(
                    light: "rood", remarks: "Leverancier afgehaakt.", revision: revision,
                    cause: "De laatste leverancier heeft afgezegd.",
                    consequence: "E-formulieren een kwartaal later.", measure: "Offerte bij een derde leverancier."))

            // validate
            #expect(saved.status == .seeOther)
        }
    }
}
