import Fluent
import Foundation
import Testing
import Vapor

@testable import Stoplicht
@testable import StoplichtCore

/// Two rating columns of which one is filled per row — an independent reviewer's and the
/// owner's — give one light, and who gave it is kept and shown.
@Suite struct AlternativeAssessorTests {
    static let report = """
        Programma: Digitale Overheid
        Rapportageperiode: januari t/m maart 2026

        ## 1. Bijlage

        | Nr | Project | Projectleider | Beoordeling IPA | Beoordeling eigenaar | Toelichting |
        |----|---------|---------------|-----------------|----------------------|-------------|
        | 1 | Nieuwe website | Jan de Vries | Amber | | Migratie loopt. |
        | 2 | Zaaksysteem | Piet Smit | Exempt under Section 43 of the FOI Act | Green | Contract getekend. |
        | 3 | Datacentrum | Kees Bakker | Red | | Leverancier failliet. |
        | 4 | Telefonie | Anna de Boer | | Amber/Green | Pilot gestart. |
        """

    @Test func theFilledColumnGivesTheLightAndNamesItsAssessor() throws {
        let parsed = try ReportTextParser().parse(Self.report)
        #expect(
            parsed.projects.map(\.light) == [
                .tone(.warning), .tone(.positive), .tone(.negative), .between(better: .positive, worse: .warning),
            ])
        #expect(
            parsed.projects.map(\.assessor) == [
                "Beoordeling IPA", "Beoordeling eigenaar", "Beoordeling IPA", "Beoordeling eigenaar",
            ])
        // What the reviewer's column said where it gave no light stays in the remarks.
        #expect(parsed.projects[1].remarks.contains("Exempt under Section 43"))
        #expect(parsed.tables.first?.columns.map(\.role).contains("status-andere-beoordelaar") == true)
    }

    @Test func theAssessorIsStoredAndShownOnTheProjectPage() async throws {
        try await withStoplicht { app in
            let result = try ReportReader().read(Data(Self.report.utf8), filename: "ipa.md")
            _ = try await ImportFixtures.importReport(result, into: app)
            let statuses = try await ProjectStatus.query(on: app.db).with(\.$project).all()
            let byNumber = Dictionary(
                statuses.map { ($0.project.number, $0.lightAssessor) }, uniquingKeysWith: { first, _ in first })
            #expect(byNumber[1] == "Beoordeling IPA")
            #expect(byNumber[2] == "Beoordeling eigenaar")

            var browser = try await Browser.loggedIn(app)
            let page = try await browser.get(SiteURL.project(programme: "digitale-overheid", number: 2).path)
            #expect(page.status == .ok)
            #expect(page.body.contains("licht gegeven door: Beoordeling eigenaar"))
        }
    }
}
