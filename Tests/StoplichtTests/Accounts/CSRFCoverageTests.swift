import Foundation
import Testing
import Vapor

@testable import Stoplicht

/// Every form that changes something refuses a post without the session's token, even
/// from a beheerder who may do everything; and no POST route is left out of this list.
@Suite struct CSRFCoverageTests {
    static let posts: [String: String] = [
        "/inloggen": "/inloggen",
        "/uitloggen": "/uitloggen",
        "/importeren": "/importeren",
        "/importeren/:upload/indeling": "/importeren/00000000-0000-0000-0000-000000000000/indeling",
        "/importeren/:upload": "/importeren/00000000-0000-0000-0000-000000000000",
        "/importeren/:upload/annuleren": "/importeren/00000000-0000-0000-0000-000000000000/annuleren",
        "/programmas/:programme/projecten/:number/bijwerken":
            "/programmas/dienstverlening/projecten/1/bijwerken?periode=juni-t-m-oktober-2018",
        "/programmas/:programme/perioden": "/programmas/dienstverlening/perioden",
        "/programmas/:programme/perioden/:period/status":
            "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/status",
        "/programmas/:programme/toegang": "/programmas/dienstverlening/toegang",
        "/programmas/:programme/perioden/:period/teksten":
            "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/teksten",
        "/programmas/:programme/projecten/nieuw": "/programmas/dienstverlening/projecten/nieuw",
        "/programmas/:programme/projecten/:number/wijzigen": "/programmas/dienstverlening/projecten/1/wijzigen",
        "/programmas/:programme/projecten/:number/archiveren": "/programmas/dienstverlening/projecten/1/archiveren",
        "/beheer/gebruikers": "/beheer/gebruikers",
        "/beheer/gebruikers/rollen": "/beheer/gebruikers/rollen",
        "/programmas/:programme/financien/begrotingsregels": "/programmas/dienstverlening/financien/begrotingsregels",
        "/programmas/:programme/financien/offertes": "/programmas/dienstverlening/financien/offertes",
        "/programmas/:programme/financien/offertes/:quote/stand":
            "/programmas/dienstverlening/financien/offertes/00000000-0000-0000-0000-000000000000/stand",
        "/programmas/:programme/financien/overhevelingen": "/programmas/dienstverlening/financien/overhevelingen",
        "/programmas/:programme/financien/overhevelingen/:transfer/besluit":
            "/programmas/dienstverlening/financien/overhevelingen/00000000-0000-0000-0000-000000000000/besluit",
        "/programmas/:programme/financien/kostenplaatsen": "/programmas/dienstverlening/financien/kostenplaatsen",
        "/programmas/:programme/financien/realisatie": "/programmas/dienstverlening/financien/realisatie",
        "/programmas/:programme/projecten/:number/randvoorwaarden":
            "/programmas/dienstverlening/projecten/18/randvoorwaarden",
        "/programmas/:programme/projecten/:number/randvoorwaarden/:id/verwijderen":
            "/programmas/dienstverlening/projecten/18/randvoorwaarden/00000000-0000-0000-0000-000000000000/verwijderen",
        "/programmas/:programme/projecten/:number/herplannen": "/programmas/dienstverlening/projecten/18/herplannen",
        "/programmas/:programme/projecten/:number/uitstel": "/programmas/dienstverlening/projecten/3/uitstel",
        "/programmas/:programme/projecten/:number/mijlpalen": "/programmas/dienstverlening/projecten/21/mijlpalen",
        "/mijn-account/api-tokens": "/mijn-account/api-tokens",
        "/mijn-account/api-tokens/:token/intrekken":
            "/mijn-account/api-tokens/00000000-0000-0000-0000-000000000000/intrekken",
        "/programmas/:programme/projecten/:number/uitstel/:id/besluit":
            "/programmas/dienstverlening/projecten/3/uitstel/00000000-0000-0000-0000-000000000000/besluit",
    ]

    @Test func everyPostWithoutItsTokenIsRefused() async throws {
        try await withStoplicht(seeded: true) { app in
            let all = Set(
                app.routes.all.filter { $0.method == .POST }.map {
                    "/" + $0.path.map(\.description).joined(separator: "/")
                })
            // The API takes no session cookie, only a bearer token, so a form on another site cannot use it.
            let registered = all.filter { !$0.hasPrefix("/api/") }
            #expect(registered == Set(Self.posts.keys), "a POST route without a CSRF check in this list")
            var session = try await Browser.member(app, "beheer2@woudenberg.nl", role: nil, administrator: true)
            for api in all.filter({ $0.hasPrefix("/api/") }) {
                let path = api.replacingOccurrences(of: ":programme", with: "dienstverlening").replacingOccurrences(
                    of: ":period", with: "juni-t-m-oktober-2018")
                _ = try await session.get("/")
                let reply = try await session.post(path, ["name": "x"], csrf: true)
                #expect(reply.status == .unauthorized, "\(path) answered a session cookie: \(reply.status)")
            }

            var admin = try await Browser.member(app, "beheer@woudenberg.nl", role: nil, administrator: true)
            for (_, path) in Self.posts.sorted(by: { $0.key < $1.key }) where path != "/inloggen" {
                _ = try await admin.get("/")
                let reply = try await admin.post(
                    path, ["naam": "x", "naar": "review", "toegang": "openbaar"], csrf: false)
                // An upload that does not exist is a 404 before its token is looked at.
                let expected: HTTPStatus = path.hasPrefix("/importeren/") ? .notFound : .forbidden
                #expect(reply.status == expected, "\(path): \(reply.status)")
            }
            // The login form checks it too (before the password).
            var anonymous = Browser(app)
            _ = try await anonymous.get("/inloggen")
            let login = try await anonymous.post(
                "/inloggen", LoginField.form([.email: "beheer@woudenberg.nl", .password: "een lang wachtwoord"]),
                csrf: false)
            #expect(login.status == .forbidden)
            // Nothing changed.
            #expect(try await ReportingPeriod.query(on: app.db).count() == 1)
            #expect(try await Programme.query(on: app.db).first()?.access == .open)
        }
    }
}
