import Fluent
import Foundation
@testable import Stoplicht
import StoplichtCore
import Testing
import Vapor
import VaporTesting

/// The start page of a shared installation: a page of programmes at a time, a search by
/// programme or municipality, and only what the reader may see counted.
@Suite struct ProgrammeIndexTests {
    func page(_ app: Application, _ path: String) async throws -> String {
        var html = ""
        try await app.testing().test(.GET, path) { res in
            #expect(res.status == .ok)
            html = res.body.string
        }
        return html
    }

    func cards(_ html: String) -> Int { html.components(separatedBy: "class=\"stoplicht-card\"").count - 1 }

    /// The demo and 2 × 20 generated programmes, all open to anyone.
    func installation(_ app: Application) async throws {
        var options = SyntheticWriter.Options(size: SyntheticSize(organisations: 2, programmesPerOrganisation: 20,
                                                                  projectsPerProgramme: 2, periodsPerProgramme: 2))
        options.access = .open
        options.snapshots = false
        _ = try await SyntheticWriter(options: options, settings: app.settings).write(on: app.db)
    }

    @Test func programmesComeAPageAtATime() async throws {
        try await withStoplicht(seeded: true) { app in
            try await installation(app)

            let first = try await page(app, "/")
            #expect(cards(first) == ProgrammeIndexModel.pageSize)
            #expect(first.contains("41 programma&#39;s") || first.contains("41 programma's"))
            #expect(first.contains("Pagina 1 van 2"))
            #expect(first.contains("href=\"/?pagina=2\" rel=\"next\""))
            #expect(!first.contains("rel=\"prev\""))
            #expect(first.contains("<label class=\"utrecht-form-label\" for=\"zoek\">Programma zoeken</label>"))

            let second = try await page(app, "/?pagina=2")
            #expect(cards(second) == 41 - ProgrammeIndexModel.pageSize)
            #expect(second.contains("<title>Programma&#39;s, pagina 2 van 2") || second.contains("<title>Programma's, pagina 2 van 2"))
            #expect(second.contains("href=\"/\" rel=\"prev\""))
            #expect(!second.contains("rel=\"next\""))

            // Every programme is on exactly one of the pages.
            let slugs = try await Programme.query(on: app.db).all().map(\.slug)
            for slug in slugs {
                let link = "href=\"/programmas/\(slug)\""
                #expect(first.contains(link) != second.contains(link), "\(slug)")
            }

            // A page past the end shows the last; one that is no number the first.
            #expect(cards(try await page(app, "/?pagina=99")) == 41 - ProgrammeIndexModel.pageSize)
            #expect(cards(try await page(app, "/?pagina=nul")) == ProgrammeIndexModel.pageSize)
        }
    }

    @Test func aSearchFindsByProgrammeOrMunicipalityWhateverTheCase() async throws {
        try await withStoplicht(seeded: true) { app in
            try await installation(app)
            let woudenberg = try await page(app, "/?zoek=WOUDENBERG")
            #expect(cards(woudenberg) == 1)
            #expect(woudenberg.contains("href=\"/programmas/dienstverlening\""))
            #expect(woudenberg.contains("1 van 41 programma"))
            #expect(woudenberg.contains("value=\"WOUDENBERG\""))

            // The generated municipalities: one name's twenty programmes, on one page.
            let generated = try #require(try await Programme.query(on: app.db).filter(\.$slug != "dienstverlening").with(\.$organisation).first())
            let town = String(generated.organisation.name.dropFirst("Gemeente ".count))
            let found = try await page(app, "/?zoek=" + town.lowercased().addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(cards(found) == 20, "\(town)")
            #expect(!found.contains("Pagina 1 van"))

            let nothing = try await page(app, "/?zoek=Atlantis")
            #expect(cards(nothing) == 0)
            #expect(nothing.contains("Geen programma&#39;s gevonden voor ‘Atlantis’") || nothing.contains("Geen programma's gevonden voor ‘Atlantis’"))
        }
    }

    @Test func whatTheReaderMayNotSeeIsNotCounted() async throws {
        try await withStoplicht(seeded: true) { app in
            try await installation(app)
            // Ten programmes closed: an anonymous reader sees 31, a beheerder all 41.
            for programme in try await Programme.query(on: app.db).filter(\.$slug != "dienstverlening").sort(\.$slug).range(..<10).all() {
                programme.access = .closed
                try await programme.save(on: app.db)
            }
            let anonymous = try await page(app, "/?pagina=2")
            #expect(cards(anonymous) == 1)
            #expect(anonymous.contains("31 programma"))

            var beheerder = try await Browser.loggedIn(app)
            let all = try await beheerder.get("/?pagina=2")
            #expect(cards(all.body) == 11)
            #expect(all.body.contains("41 programma"))
        }
    }

    @Test func accentsAndCaseDoNotMatterAndEveryWordCounts() {
        let organisation = Organisation(name: "Gemeente Súdwest-Fryslân", kind: .municipality)
        let programme = Programme(organisationID: UUID(), slug: "cafe", name: "Café en Cultuur")
        programme.$organisation.value = organisation
        #expect(ProgrammeIndexModel.matches(programme, "cafe"))
        #expect(ProgrammeIndexModel.matches(programme, "FRYSLAN cultuur"))
        #expect(!ProgrammeIndexModel.matches(programme, "fryslan sport"))
        #expect(Strings.dutchCount(2_000) == "2.000" && Strings.dutchCount(999) == "999" && Strings.dutchCount(1_234_567) == "1.234.567")
    }
}
