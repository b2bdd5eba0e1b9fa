import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// A report not yet published cannot be taken for the published one: CONCEPT on the page,
/// in the documents and in their file names; the published report carries none of it.
@Suite struct DraftMarkTests {
    static let report = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018"

    @Test func aDraftIsMarkedAndThePublishedReportIsNot() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var erna = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)

            // MUT
            let draft = try await erna.get(Self.report)
            let period = try #require(
                try await ReportingPeriod.query(on: app.db).filter(\.$slug == Cycle.period).first())
            _ = try await PeriodPublication.publish(
                programme: Cycle.programme, period: period, actor: "test", settings: app.settings,
                on: app.db, documents: false)
            let published = try await erna.get(Self.report)

            // validate
            #expect(draft.body.contains("<p class=\"stoplicht-draft-mark\" role=\"note\"><strong>CONCEPT</strong>"))
            #expect(
                draft.body.contains(
                    "deze rapportage is nog niet gepubliceerd (de periode is open) en kan nog veranderen."))
            #expect(
                draft.body.contains(
                    "download=\"voortgangsrapportage-dienstverlening-juni-t-m-oktober-2018-concept.pdf\""))
            #expect(!published.body.contains("stoplicht-draft-mark"))
            #expect(
                published.body.contains("download=\"voortgangsrapportage-dienstverlening-juni-t-m-oktober-2018.pdf\""))
        }
    }

    @Test func aDraftsDocumentsSayConceptInTheirTitle() async throws {
        try await withStoplicht(seeded: true) { app in
            // MUT
            let model = try await ReportPageModel.query(programme: Cycle.programme, period: Cycle.period, on: app.db)
            let draftTitle = ReportExport(model).title
            model.period.state = .published
            let publishedTitle = ReportExport(model).title

            // validate
            #expect(draftTitle == "Voortgangsrapportage programma dienstverlening (concept)")
            #expect(publishedTitle == "Voortgangsrapportage programma dienstverlening")
        }
    }
}
