import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Publishing cannot be undone: it goes through a page that says what will be frozen, and
/// a period that was not put up for review needs the manager to say so.
@Suite struct PublishConfirmationTests {
    static let move = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/status"
    static let confirm = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/publiceren"

    func state(_ app: Application) async throws -> ReportingPeriod.State? {
        try await ReportingPeriod.query(on: app.db).filter(\.$slug == Cycle.period).first()?.state
    }

    @Test func theDeskLeadsToAConfirmationThatSaysWhatIsFrozen() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: two projects still stand as carried over from the period before.
            for number in [1, 2] {
                let status = try #require(try await Cycle.status(number, on: app.db))
                status.carriedForward = true
                try await status.save(on: app.db)
            }
            var erna = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            let desk = try await erna.get(PeriodCycleTests.desk)

            // MUT: one click on the desk's button (the old form), then the page it leads to.
            let click = try await erna.post(Self.move, PeriodMoveField.form([.target: "publiceren"]))
            let page = try await erna.get(Self.confirm)

            // validate: nothing is published by the click; the page lists what is open.
            #expect(desk.body.contains("href=\"\(Self.confirm)\""))
            #expect(!desk.body.contains("name=\"naar\" value=\"publiceren\""))
            #expect(click.status == .seeOther)
            #expect(click.location == Self.confirm)
            #expect(try await state(app) == .open)
            #expect(page.status == .ok)
            #expect(page.body.contains("De periode is niet ter controle voorgelegd"))
            #expect(page.body.contains("2 projecten zijn deze periode niet bijgewerkt"))
            #expect(page.body.contains("1. Aansluiten op www.mijnoverheid.nl."))
            // The seed's three orange projects carry no cause, consequence and measure.
            #expect(page.body.contains("3 projecten hebben een oranje of rood stoplicht zonder volledige toelichting"))
            #expect(
                page.body.contains("href=\"/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/download/pdf\""))
            #expect(page.body.contains("name=\"zonder-controle\""))
            #expect(page.body.contains(">Definitief publiceren</button>"))
        }
    }

    @Test func anOpenPeriodIsPublishedOnlyWhenSkippingReviewIsConfirmed() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var erna = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            _ = try await erna.get(Self.confirm)

            // MUT
            let refused = try await erna.post(
                Self.move, PeriodMoveField.form([.target: "publiceren", .confirmed: "ja"]))
            let stateAfterRefusal = try await state(app)
            let published = try await erna.post(
                Self.move, PeriodMoveField.form([.target: "publiceren", .confirmed: "ja", .skipReview: "ja"]))

            // validate
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Zet haar eerst ter controle, of vink ‘Ik publiceer zonder controle’ aan."))
            #expect(stateAfterRefusal == .open)
            #expect(published.status == .seeOther)
            #expect(try await state(app) == .published)
        }
    }

    @Test func aReviewedPeriodIsPublishedFromTheConfirmation() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var erna = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            _ = try await erna.get(PeriodCycleTests.desk)
            #expect(try await erna.post(Self.move, PeriodMoveField.form([.target: "review"])).status == .seeOther)
            let page = try await erna.get(Self.confirm)

            // MUT
            let published = try await erna.post(
                Self.move, PeriodMoveField.form([.target: "publiceren", .confirmed: "ja"]))

            // validate
            #expect(page.body.contains("De periode is ter controle voorgelegd."))
            #expect(!page.body.contains("name=\"zonder-controle\""))
            #expect(published.status == .seeOther)
            #expect(try await state(app) == .published)
            // Once published, the confirmation is not offered again.
            #expect(try await erna.get(Self.confirm).status == .conflict)
        }
    }

    @Test func aPeriodMovedWhileThePublicationWasMadeIsNotFrozen() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: the period as a publication read it (open), then put ter controle by
            // another manager before the publication's transaction.
            let stale = try #require(
                try await ReportingPeriod.query(on: app.db).filter(\.$slug == Cycle.period).first())
            let other = try #require(
                try await ReportingPeriod.query(on: app.db).filter(\.$slug == Cycle.period).first())
            try await PeriodPublication.move(other, to: .inReview, actor: "marleen@woudenberg.nl", on: app.db)

            // MUT
            let error = await #expect(throws: InputError.self) {
                _ = try await PeriodPublication.publish(
                    programme: Cycle.programme, period: stale, actor: "erna@woudenberg.nl",
                    settings: app.settings, on: app.db, documents: false)
            }

            // validate
            #expect(error?.status == .conflict)
            #expect(try await state(app) == .inReview)
            #expect(try await PublishedReport.query(on: app.db).count() == 0)
        }
    }

    @Test func anotherMunicipalitysManagerSeesNoConfirmationAndPublishesNothing() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: Leusden's programme manager, with a role in Leusden's programme only.
            let report = try ImportFixtures.read("leusden-zonder-nummers.csv").report
            let summary = try await ReportImporter(database: app.db).run(
                report, into: ImportTarget(organisation: "Gemeente Leusden", programme: "Dienstverlening"))
            var leusden = try await Browser.member(
                app, "pm@leusden.nl", role: .programmeManager, programme: summary.programmeSlug)
            _ = try await leusden.get("/programmas/\(summary.programmeSlug)/beheer")

            // MUT
            let page = try await leusden.get(Self.confirm)
            let publish = try await leusden.post(
                Self.move, PeriodMoveField.form([.target: "publiceren", .confirmed: "ja", .skipReview: "ja"]))

            // validate
            #expect(page.status == .forbidden)
            #expect(publish.status == .forbidden)
            #expect(try await state(app) == .open)
        }
    }
}
