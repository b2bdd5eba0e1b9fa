import AsyncKit
import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

@Suite struct PageTests {
    static let overview = "/programmas/dienstverlening"
    static let report = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018"

    func get(_ app: Application, _ path: String) async throws -> (HTTPStatus, String, HTTPHeaders) {
        var result: (HTTPStatus, String, HTTPHeaders) = (.ok, "", [:])
        try await app.testing().test(.GET, path, headers: ["Accept": "text/html"]) { res in
            result = (res.status, res.body.string, res.headers)
        }
        return result
    }

    func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test func homeListsTheProgramme() async throws {
        try await withStoplicht(seeded: true) { app in
            let (status, html, headers) = try await get(app, "/")
            #expect(status == .ok)
            #expect(headers.first(name: .contentType) == "text/html; charset=utf-8")
            #expect(html.contains("<html lang=\"nl\">"))
            #expect(html.contains("href=\"/programmas/dienstverlening\""))
            #expect(html.contains("Gemeente Woudenberg"))
            #expect(html.contains("juni t/m oktober 2018"))
        }
    }

    @Test func overviewShowsEveryProjectWithLeaderAndLight() async throws {
        try await withStoplicht(seeded: true) { app in
            let (status, html, _) = try await get(app, Self.overview)
            #expect(status == .ok)
            #expect(count("<tr id=\"project-", in: html) == 36)
            for number in 1...36 {
                #expect(html.contains("href=\"/programmas/dienstverlening/projecten/\(number)\""))
            }
            for leader in [
                "Walter de Haan", "Erna Jongerius", "Sieka Geldof", "Luuk Vos", "Laura Biermans", "Nicole Verlangen",
                "Aart van de Bovenkamp", "Wim van Oekel",
            ] {
                #expect(html.contains(leader), "leader \(leader)")
            }
            #expect(html.contains("(via Censor Bestuur)"))
            // Lights carry their word: 3 oranje, 4 groen, 5 grijs, 24 without status in the table.
            #expect(
                count(
                    "stoplicht-light--warning\"><span class=\"stoplicht-light__mark\" aria-hidden=\"true\"></span>Oranje",
                    in: html) == 3 + 1)
            #expect(count("</span>Groen</span>", in: html) == 4 + 1)
            #expect(count("</span>Grijs</span>", in: html) == 5 + 1)
            #expect(count("</span>Geen status</span>", in: html) == 24 + 1)
            // The counts per light.
            #expect(
                html.contains(
                    "<span class=\"stoplicht-counts__number\">3</span><span class=\"stoplicht-light stoplicht-light--warning\">"
                ))
            #expect(
                html.contains(
                    "<span class=\"stoplicht-counts__number\">24</span><span class=\"stoplicht-light stoplicht-light--none\">"
                ))
            #expect(html.contains("Niet gestart"))
            #expect(html.contains("Marleen Treep"))
        }
    }

    @Test func reportFollowsTheSeedsStructure() async throws {
        try await withStoplicht(seeded: true) { app in
            let (status, html, _) = try await get(app, Self.report)
            #expect(status == .ok)
            #expect(
                html.contains("<h1 class=\"utrecht-heading-1\">Voortgangsrapportage programma dienstverlening</h1>"))
            for fact in [
                "Doorlooptijd</dt><dd>2018-2021", "Bestuurlijk opdrachtgever</dt><dd>Marleen Treep",
                "Ambtelijk opdrachtgever</dt><dd>Simone van der Marck", "Programmamanager</dt><dd>Erna Jongerius",
                "Rapportageperiode</dt><dd>juni t/m oktober 2018",
            ] {
                #expect(html.contains(fact), "cover \(fact)")
            }
            #expect(html.contains(">Legenda</h2>"))
            #expect(html.contains("Afgerond en overgedragen aan de lijnorganisatie."))
            let headings = [
                "Inleiding", "1. Successen", "2. Gevraagde besluiten", "3. Financiën",
                "4. Risico&#39;s/aandachtspunten",
                "5. Organisatie", "6. Tijd &amp; capaciteit", "7. Informatie / communicatie", "8. Bijlagen",
            ]
            var position = html.startIndex
            for heading in headings {
                let range = try #require(
                    html.range(of: "<h2 class=\"utrecht-heading-2\">\(heading)</h2>", range: position..<html.endIndex),
                    "heading \(heading)")
                position = range.upperBound
            }
            #expect(count("<tr id=\"project-", in: html) == 36)
            #expect(html.contains("Besluit: Gevraagd"))
            #expect(html.contains("<h3>PIP-pagina</h3>"))
            #expect(!html.contains("@media print"))  // the stylesheet is linked, not inlined
            #expect(html.contains("href=\"/css/stoplicht.css\""))
        }
    }

    @Test func projectPageShowsItsHistory() async throws {
        try await withStoplicht(seeded: true) { app in
            _ = try await ReportImporter(database: app.db).run(
                try Fixtures.parsedSeed(),
                into: ImportTarget(organisation: DemoData.organisation, period: "november 2018 t/m februari 2019"))
            let (status, html, _) = try await get(app, "/programmas/dienstverlening/projecten/18")
            #expect(status == .ok)
            #expect(html.contains("<h1 class=\"utrecht-heading-1\">Zaakgericht werken invoeren</h1>"))
            #expect(html.contains("<li>Invoeren zaakgericht werken</li>"))
            #expect(html.contains("Erna Jongerius"))
            let newer = try #require(html.range(of: ">november 2018 t/m februari 2019</a>"))
            let older = try #require(html.range(of: ">juni t/m oktober 2018</a>"))
            #expect(newer.lowerBound < older.lowerBound)
            #expect(html.contains("<ol><li>Technisch als gevolg"))
            let two = try await get(app, "/programmas/dienstverlening/projecten/2").1
            #expect(
                two.contains(
                    "<dt>Geplande oplevering</dt><dd>Q4 2018</dd><dt>Verwachte oplevering</dt><dd>Q1 2019</dd>"))
        }
    }

    @Test func errorPagesAreDutchWithoutDetails() async throws {
        try await withStoplicht(seeded: true) { app in
            for path in [
                "/programmas/bestaat-niet", "/programmas/dienstverlening/projecten/99",
                "/programmas/dienstverlening/projecten/abc", "/programmas/dienstverlening/perioden/1999", "/nergens",
            ] {
                let (status, html, _) = try await get(app, path)
                #expect(status == .notFound, "\(path)")
                #expect(html.contains("<html lang=\"nl\">"))
                #expect(html.contains("Pagina niet gevonden"))
                #expect(!html.contains("Abort"))
                #expect(!html.contains(".swift"))
            }
            try await app.testing().test(.GET, "/nergens", headers: ["Accept": "application/json"]) { res in
                #expect(res.status == .notFound)
                #expect(res.headers.first(name: .contentType) == "application/problem+json; charset=utf-8")
                #expect(res.body.string.contains("\"title\":\"Niet gevonden\""))
            }
        }
    }

    @Test func anUnexpectedFailureShowsAnApologyWithoutDetails() async throws {
        struct DiskFull: Error {}
        try await withStoplicht { app in
            app.get("test-fout") { _ -> String in throw DiskFull() }
            let (status, html, _) = try await get(app, "/test-fout")
            #expect(status == .internalServerError)
            #expect(html.contains("Er ging op de server iets mis. Uw gegevens zijn niet gewijzigd."))
            #expect(!html.contains("DiskFull"))
        }
    }

    @Test func aDatabaseTooBusyToAnswerIsA503ToTryAgain() async throws {
        try await withStoplicht { app in
            // What Fluent's pool throws when every connection stayed taken past its timeout.
            app.get("test-druk") { _ -> String in throw ConnectionPoolTimeoutError.connectionRequestTimeout }
            let (status, html, _) = try await get(app, "/test-druk")
            #expect(status == .serviceUnavailable)
            #expect(html.contains("De database is op dit moment te druk bezet. Er is niets gewijzigd"))
            #expect(!html.contains("connectionRequestTimeout"))
            try await app.testing().test(.GET, "/test-druk", headers: ["Accept": "application/json"]) { res in
                #expect(res.status == .serviceUnavailable)
                #expect(res.headers.first(name: .retryAfter) == "5")
                #expect(res.body.string.contains("te druk bezet"))
            }
        }
    }

    @Test func scriptsInRemarksComeOutInert() async throws {
        try await withStoplicht(seeded: true) { app in
            let status = try #require(try await ProjectStatus.query(on: app.db).first())
            status.remarks = "<script>alert('x')</script> **let op**"
            try await status.save(on: app.db)
            let (_, report, _) = try await get(app, Self.report)
            #expect(!report.contains("<script>alert"))
            #expect(report.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <strong>let op</strong>"))
            let (_, overview, _) = try await get(app, Self.overview)
            #expect(!overview.contains("<script>alert"))
            #expect(overview.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; let op"))
        }
    }

    @Test func stylesheetIsServedAndCached() async throws {
        try await withStoplicht { app in
            var etag = ""
            try await app.testing().test(.GET, "/css/stoplicht.css") { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: .contentType) == "text/css; charset=utf-8")
                #expect(res.body.string.contains("--basis-color-positive-bg-default"))
                etag = res.headers.first(name: .eTag) ?? ""
            }
            try await app.testing().test(.GET, "/css/stoplicht.css", headers: ["If-None-Match": etag]) { res in
                #expect(res.status == .notModified)
            }
        }
    }

    @Test func emptyInstallationExplainsWhatToDo() async throws {
        try await withStoplicht { app in
            let (status, html, _) = try await get(app, "/")
            #expect(status == .ok)
            #expect(html.contains("Er zijn nog geen programma"))
        }
    }

    @Test func standaloneReportInlinesItsStyles() async throws {
        try await withStoplicht(seeded: true) { app in
            let model = try await ReportPageModel.query(
                programme: "dienstverlening", period: "juni-t-m-oktober-2018", on: app.db)
            let html = ReportPageView.page(model, settings: app.settings, standalone: true).render()
            #expect(html.contains("@media print"))
            #expect(!html.contains("href=\"/css/stoplicht.css\""))
            #expect(!html.contains("<nav class=\"utrecht-breadcrumb-nav\""))
            #expect(count("<tr id=\"project-", in: html) == 36)
        }
    }
}

@Suite struct ExcerptTests {
    @Test func shortRemarksStayWhole() {
        #expect(Excerpt.make("Loopt op schema.") == "Loopt op schema.")
    }

    @Test func longRemarksAreCutAtAWord() {
        let text = String(repeating: "woord ", count: 100)
        let excerpt = Excerpt.make(text, limit: 50)
        #expect(excerpt.hasSuffix("woord …"))
        #expect(excerpt.count <= 52)
    }

    @Test func moreParagraphsAreSignalled() {
        #expect(Excerpt.make("Eerste alinea.\n\nTweede alinea.") == "Eerste alinea. …")
        #expect(Excerpt.make("**Vet** begin.") == "Vet begin.")
    }
}

@Suite struct OverviewFilterTests {
    @Test func countsLinkToTheProjectsWithThatLight() async throws {
        try await withStoplicht(seeded: true) { app in
            try await app.testing().test(.GET, "/programmas/dienstverlening") { res in
                #expect(
                    res.body.string.contains(
                        "<a class=\"stoplicht-counts__link\" href=\"/programmas/dienstverlening?licht=oranje#projecten\">"
                    ))
                #expect(res.body.string.contains("href=\"/programmas/dienstverlening?licht=geen#projecten\""))
            }
            try await app.testing().test(.GET, "/programmas/dienstverlening?licht=oranje") { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.components(separatedBy: "<tr id=\"project-").count - 1 == 3)
                for number in [11, 12, 18] { #expect(html.contains("<tr id=\"project-\(number)\"")) }
                #expect(html.contains("3 projecten (alleen oranje)"))
                #expect(html.contains(">Toon alle projecten</a>"))
                // The counts still count every project.
                #expect(html.contains("<span class=\"stoplicht-counts__number\">24</span>"))
            }
            try await app.testing().test(.GET, "/programmas/dienstverlening?licht=geen") { res in
                #expect(res.body.string.components(separatedBy: "<tr id=\"project-").count - 1 == 24)
            }
        }
    }

    @Test func anUnknownLightIsABadRequestInDutch() async throws {
        try await withStoplicht(seeded: true) { app in
            try await app.testing().test(
                .GET, "/programmas/dienstverlening?licht=paars", headers: ["Accept": "text/html"]
            ) { res in
                #expect(res.status == .badRequest)
                #expect(
                    res.body.string.contains(
                        "Er is geen stoplicht ‘paars’ in dit programma; kies uit groen, oranje, rood, grijs, geen."))
            }
        }
    }
}

@Suite struct SecurityHeaderTests {
    @Test func pagesAndErrorsCarryTheHeaders() async throws {
        try await withStoplicht(seeded: true) { app in
            for path in ["/", "/programmas/dienstverlening", "/nergens"] {
                try await app.testing().test(.GET, path) { res in
                    let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
                    #expect(csp.contains("default-src 'none'"), "\(path)")
                    #expect(csp.contains("frame-ancestors 'none'"))
                    #expect(!csp.contains("unsafe-inline"))
                    #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                    #expect(res.headers.first(name: "Referrer-Policy") == "same-origin")
                }
            }
        }
    }

    @Test func aThemeStylesheetIsAllowed() {
        let middleware = SecurityHeadersMiddleware(themeStylesheetURL: "https://thema.woudenberg.nl:8443/nl-design.css")
        #expect(middleware.contentSecurityPolicy.contains("style-src 'self' https://thema.woudenberg.nl:8443;"))
    }
}
