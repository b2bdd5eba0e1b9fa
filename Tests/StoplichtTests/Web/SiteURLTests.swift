import Foundation
import Testing
import Vapor

@testable import Stoplicht

/// Every address of the site, written out: what a link says and what its route matches
/// (as SwiftPackageIndex-Server's SiteURLTests do). A changed word shows here first.
struct SiteURLTests {
    static let id = UUID(uuidString: "0A1B2C3D-0000-4000-8000-00000000000F")!

    static let addresses: [(SiteURL, String, String)] = {
        let id = SiteURLTests.id
        return [
            (.home, "/", "/"),
            (.stylesheet, "/css/stoplicht.css", "/css/stoplicht.css"),
            (.programme("s0"), "/programmas/s0", "/programmas/:programme"),
            (
                .project(programme: "s0", number: 7), "/programmas/s0/projecten/7",
                "/programmas/:programme/projecten/:number"
            ),
            (
                .period(programme: "s0", period: "s1"), "/programmas/s0/perioden/s1",
                "/programmas/:programme/perioden/:period"
            ),
            (.trend("s0"), "/programmas/s0/verloop", "/programmas/:programme/verloop"),
            (.login, "/inloggen", "/inloggen"),
            (.logout, "/uitloggen", "/uitloggen"),
            (.importForm(programme: "verkeer"), "/importeren?programma=verkeer", "/importeren"),
            (.importPreview(id), "/importeren/0a1b2c3d-0000-4000-8000-00000000000f", "/importeren/:upload"),
            (
                .importMapping(id), "/importeren/0a1b2c3d-0000-4000-8000-00000000000f/indeling",
                "/importeren/:upload/indeling"
            ),
            (
                .importCancel(id), "/importeren/0a1b2c3d-0000-4000-8000-00000000000f/annuleren",
                "/importeren/:upload/annuleren"
            ),
            (
                .statusEdit(programme: "s0", number: 7, period: "s2"),
                "/programmas/s0/projecten/7/bijwerken?periode=s2", "/programmas/:programme/projecten/:number/bijwerken"
            ),
            (.projectNew("s0"), "/programmas/s0/projecten/nieuw", "/programmas/:programme/projecten/nieuw"),
            (
                .projectEdit(programme: "s0", number: 7), "/programmas/s0/projecten/7/wijzigen",
                "/programmas/:programme/projecten/:number/wijzigen"
            ),
            (
                .projectArchive(programme: "s0", number: 7), "/programmas/s0/projecten/7/archiveren",
                "/programmas/:programme/projecten/:number/archiveren"
            ),
            (
                .projectAudit(programme: "s0", number: 7), "/programmas/s0/projecten/7/wijzigingen",
                "/programmas/:programme/projecten/:number/wijzigingen"
            ),
            (.periodDesk("s0"), "/programmas/s0/beheer", "/programmas/:programme/beheer"),
            (.periodOpen("s0"), "/programmas/s0/perioden", "/programmas/:programme/perioden"),
            (
                .periodMove(programme: "s0", period: "s1"), "/programmas/s0/perioden/s1/status",
                "/programmas/:programme/perioden/:period/status"
            ),
            (
                .periodPublish(programme: "s0", period: "s1"), "/programmas/s0/perioden/s1/publiceren",
                "/programmas/:programme/perioden/:period/publiceren"
            ),
            (
                .periodTexts(programme: "s0", period: "s1"), "/programmas/s0/perioden/s1/teksten",
                "/programmas/:programme/perioden/:period/teksten"
            ),
            (
                .periodAudit(programme: "s0", period: "s1"), "/programmas/s0/perioden/s1/wijzigingen",
                "/programmas/:programme/perioden/:period/wijzigingen"
            ),
            (.programmeAccess("s0"), "/programmas/s0/toegang", "/programmas/:programme/toegang"),
            (.users, "/beheer/gebruikers", "/beheer/gebruikers"),
            (.userRoles, "/beheer/gebruikers/rollen", "/beheer/gebruikers/rollen"),
            (
                .download(programme: "s0", period: "s1", format: "s2"), "/programmas/s0/perioden/s1/download/s2",
                "/programmas/:programme/perioden/:period/download/:format"
            ),
            (.finance("s0"), "/programmas/s0/financien", "/programmas/:programme/financien"),
            (
                .financeDone(programme: "s0", done: "s1"), "/programmas/s0/financien?gedaan=s1#s1",
                "/programmas/:programme/financien"
            ),
            (
                .financeLines("s0"), "/programmas/s0/financien/begrotingsregels",
                "/programmas/:programme/financien/begrotingsregels"
            ),
            (.financeQuotes("s0"), "/programmas/s0/financien/offertes", "/programmas/:programme/financien/offertes"),
            (
                .financeQuoteState(programme: "s0", quote: id),
                "/programmas/s0/financien/offertes/0a1b2c3d-0000-4000-8000-00000000000f/stand",
                "/programmas/:programme/financien/offertes/:quote/stand"
            ),
            (
                .financeTransfers("s0"), "/programmas/s0/financien/overhevelingen",
                "/programmas/:programme/financien/overhevelingen"
            ),
            (
                .financeTransferDecision(programme: "s0", transfer: id),
                "/programmas/s0/financien/overhevelingen/0a1b2c3d-0000-4000-8000-00000000000f/besluit",
                "/programmas/:programme/financien/overhevelingen/:transfer/besluit"
            ),
            (
                .financeCostCentres("s0"), "/programmas/s0/financien/kostenplaatsen",
                "/programmas/:programme/financien/kostenplaatsen"
            ),
            (
                .financeActuals("s0"), "/programmas/s0/financien/realisatie",
                "/programmas/:programme/financien/realisatie"
            ),
            (
                .prerequisites(programme: "s0", number: 7), "/programmas/s0/projecten/7/randvoorwaarden",
                "/programmas/:programme/projecten/:number/randvoorwaarden"
            ),
            (
                .prerequisiteRemove(programme: "s0", number: 7, id: id),
                "/programmas/s0/projecten/7/randvoorwaarden/0a1b2c3d-0000-4000-8000-00000000000f/verwijderen",
                "/programmas/:programme/projecten/:number/randvoorwaarden/:id/verwijderen"
            ),
            (
                .replan(programme: "s0", number: 7), "/programmas/s0/projecten/7/herplannen",
                "/programmas/:programme/projecten/:number/herplannen"
            ),
            (.roadmap("s0"), "/programmas/s0/tijdlijn", "/programmas/:programme/tijdlijn"),
            (
                .postpone(programme: "s0", number: 7), "/programmas/s0/projecten/7/uitstel",
                "/programmas/:programme/projecten/:number/uitstel"
            ),
            (
                .milestones(programme: "s0", number: 7), "/programmas/s0/projecten/7/mijlpalen",
                "/programmas/:programme/projecten/:number/mijlpalen"
            ),
            (.apiTokens, "/mijn-account/api-tokens", "/mijn-account/api-tokens"),
            (
                .apiTokenRevoke(id), "/mijn-account/api-tokens/0a1b2c3d-0000-4000-8000-00000000000f/intrekken",
                "/mijn-account/api-tokens/:token/intrekken"
            ),
            (
                .postponeDecision(programme: "s0", number: 7, id: id),
                "/programmas/s0/projecten/7/uitstel/0a1b2c3d-0000-4000-8000-00000000000f/besluit",
                "/programmas/:programme/projecten/:number/uitstel/:id/besluit"
            ),
        ]
    }()

    @Test(arguments: addresses)
    func anAddressIsItsPathAndItsPattern(_ url: SiteURL, path: String, pattern: String) {
        #expect(url.path == path)
        #expect("/" + url.pattern.map(\.description).joined(separator: "/") == pattern)
    }

    @Test func everyPageRouteIsTheRouteOfAnAddress() async throws {
        try await withStoplicht { app in
            let patterns = Set(Self.addresses.map { "/" + $0.0.pattern.map(\.description).joined(separator: "/") })
            let pages = app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") }
                .filter { !$0.hasPrefix("/api/") }
            #expect(!pages.isEmpty)
            for page in pages { #expect(patterns.contains(page), "\(page) is registered without a SiteURL") }
        }
    }
}
