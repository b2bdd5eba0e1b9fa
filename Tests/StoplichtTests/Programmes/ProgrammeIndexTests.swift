import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

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
        var options = SyntheticWriter.Options(
            size: SyntheticSize(
                organisations: 2, programmesPerOrganisation: 20,
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
            #expect(
                second.contains("<title>Programma&#39;s, pagina 2 van 2")
                    || second.contains("<title>Programma's, pagina 2 van 2"))
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
            let generated = try #require(
                try await Programme.query(on: app.db).filter(\.$slug != "dienstverlening").with(\.$organisation).first()
            )
            let town = String(generated.organisation.name.dropFirst("Gemeente ".count))
            let found = try await page(
                app, "/?zoek=" + town.lowercased().addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(cards(found) == 20, "\(town)")
            #expect(!found.contains("Pagina 1 van"))

            let nothing = try await page(app, "/?zoek=Atlantis")
            #expect(cards(nothing) == 0)
            #expect(
                nothing.contains("Geen programma&#39;s gevonden voor ‘Atlantis’")
                    || nothing.contains("Geen programma's gevonden voor ‘Atlantis’"))
        }
    }

    @Test func whatTheReaderMayNotSeeIsNotCounted() async throws {
        try await withStoplicht(seeded: true) { app in
            try await installation(app)
            // Ten programmes closed: an anonymous reader sees 31, a beheerder all 41.
            for programme in try await Programme.query(on: app.db).filter(\.$slug != "dienstverlening").sort(\.$slug)
                .range(..<10).all()
            {
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

            // A reader with a role in two of the closed ones sees those two besides the 31,
            // and finds them by name; the other eight stay unseen and unfound.
            var reader = try await Browser.loggedIn(app, email: "lezer@gemeente.nl", administrator: false)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "lezer@gemeente.nl").first())
            let closed = try await Programme.query(on: app.db).filter(\.$access == .closed).sort(\.$slug).with(
                \.$organisation
            ).all()
            #expect(closed.count == 10)
            for programme in closed.prefix(2) {
                try await ProgrammeRoleAssignment(
                    userID: try user.requireID(), programmeID: try programme.requireID(), role: .reader
                ).save(on: app.db)
            }
            let theirs = try await reader.get("/?pagina=2")
            #expect(cards(theirs.body) == 3)
            #expect(theirs.body.contains("33 programma"))
            let search = { (programme: Programme) in
                "/?zoek=" + programme.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            }
            #expect(try await reader.get(search(closed[0])).body.contains("href=\"/programmas/\(closed[0].slug)\""))
            #expect(!(try await reader.get(search(closed[2])).body.contains("href=\"/programmas/\(closed[2].slug)\"")))
        }
    }

    /// Adds an open programme named `programme` to the municipality `name`, new or not.
    func add(organisation name: String, programme: String, slug: String, on db: any Database) async throws {
        let organisation =
            try await Organisation.query(on: db).filter(\.$name == name).first()
            ?? Organisation(name: name, kind: .municipality)
        if organisation.id == nil { try await organisation.save(on: db) }
        let model = Programme(organisationID: try organisation.requireID(), slug: slug, name: programme)
        model.access = .open
        try await model.save(on: db)
    }

    func slugsInOrder(_ html: String) -> [String] {
        html.components(separatedBy: "class=\"stoplicht-card\"").dropFirst().compactMap { card in
            card.range(of: "href=\"/programmas/").map {
                String(card[$0.upperBound...].prefix { $0 != "\"" && $0 != "/" })
            }
        }
    }

    @Test func accentsAndCaseDoNotMatterAndEveryWordCounts() async throws {
        try await withStoplicht(seeded: true) { app in
            try await add(
                organisation: "Gemeente Súdwest-Fryslân", programme: "Café en Cultuur", slug: "cafe", on: app.db)
            try await add(organisation: "Gemeente Tiel", programme: "Korting 10% en meer", slug: "korting", on: app.db)
            #expect(slugsInOrder(try await page(app, "/?zoek=cafe")) == ["cafe"])
            #expect(slugsInOrder(try await page(app, "/?zoek=FRYSLAN%20cultuur")) == ["cafe"])
            #expect(slugsInOrder(try await page(app, "/?zoek=fryslan%20sport")).isEmpty)
            // LIKE's own characters are searched for as they are: "%" is no wildcard.
            #expect(slugsInOrder(try await page(app, "/?zoek=10%25")) == ["korting"])
            #expect(slugsInOrder(try await page(app, "/?zoek=1%25%25")).isEmpty)
            #expect(slugsInOrder(try await page(app, "/?zoek=_")).isEmpty)
            #expect(IndexName.fold("Gemeente Súdwest-Fryslân") == "gemeente sudwest-fryslan")
            #expect(IndexName.anywhere("10%_a\\") == "%10\\%\\_a\\\\%")
            #expect(
                Strings.dutchCount(2_000) == "2.000" && Strings.dutchCount(999) == "999"
                    && Strings.dutchCount(1_234_567) == "1.234.567")
        }
    }

    /// A card's periods: the latest (one without a first day counts as the latest, and of
    /// two with the same first day the one made last) and the latest published.
    @Test func aCardShowsTheLatestPeriodAndTheLatestPublishedOne() async throws {
        try await withStoplicht(seeded: false) { app in
            for slug in ["x", "y", "z", "w"] {
                try await add(organisation: "Gemeente Ede", programme: slug.uppercased(), slug: slug, on: app.db)
            }
            let programmes = try await Programme.query(on: app.db).with(\.$organisation).sort(\.$slug).all()
            let ids = Dictionary(uniqueKeysWithValues: programmes.map { ($0.slug, $0.id!) })
            func period(_ programme: String, _ slug: String, starts: String?, _ state: ReportingPeriod.State)
                async throws
            {
                let period = ReportingPeriod(programmeID: ids[programme]!, slug: slug, name: slug)
                period.startsOn = starts
                period.state = state
                try await period.save(on: app.db)
                try await Task.sleep(for: .milliseconds(5))  // each made after the one before
            }
            try await period("x", "x2", starts: "2018-06-01", .published)
            try await period("x", "x3", starts: "2018-10-01", .open)
            try await period("x", "x1", starts: "2018-02-01", .published)
            try await period("y", "y1", starts: "2019-01-01", .published)
            try await period("y", "y2", starts: nil, .open)
            try await period("z", "z1", starts: "2020-01-01", .published)
            try await period("z", "z2", starts: "2020-01-01", .inReview)

            let summaries = try await ProgrammeSummary.summaries(of: programmes, on: app.db)
            let chosen = summaries.map {
                [$0.programme.slug, $0.latestPeriod?.slug ?? "-", $0.latestPublished?.slug ?? "-"]
            }
            #expect(chosen == [["w", "-", "-"], ["x", "x3", "x2"], ["y", "y2", "y1"], ["z", "z2", "z1"]])
        }
    }

    /// By municipality, then programme, as people read the names: an accent or a capital
    /// changes nothing in the order, and a renamed municipality moves with its new name.
    @Test func programmesAreInTheOrderOfTheirFoldedNames() async throws {
        try await withStoplicht(seeded: false) { app in
            try await add(organisation: "Gemeente Zeist", programme: "Wonen", slug: "zeist-wonen", on: app.db)
            try await add(organisation: "Gemeente Ede", programme: "Zorg", slug: "ede-zorg", on: app.db)
            try await add(
                organisation: "gemeente Ámsterdam", programme: "Verkeer", slug: "amsterdam-verkeer", on: app.db)
            try await add(organisation: "Gemeente Dalfsen", programme: "Água", slug: "dalfsen-water", on: app.db)
            try await add(organisation: "Gemeente Dalfsen", programme: "archief", slug: "dalfsen-archief", on: app.db)
            #expect(
                slugsInOrder(try await page(app, "/")) == [
                    "amsterdam-verkeer", "dalfsen-water", "dalfsen-archief", "ede-zorg", "zeist-wonen",
                ])

            let ede = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Gemeente Ede").first())
            ede.name = "Gemeente Ália"
            try await ede.save(on: app.db)
            #expect(ede.indexName == "gemeente alia")
            #expect(
                slugsInOrder(try await page(app, "/")) == [
                    "ede-zorg", "amsterdam-verkeer", "dalfsen-water", "dalfsen-archief", "zeist-wonen",
                ])
            #expect(slugsInOrder(try await page(app, "/?zoek=ALIA")) == ["ede-zorg"])
            #expect(slugsInOrder(try await page(app, "/?zoek=gemeente%20ede")).isEmpty)
        }
    }
}
