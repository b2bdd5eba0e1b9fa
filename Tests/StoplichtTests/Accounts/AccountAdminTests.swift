import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// People and accounts managed in the UI: a beheerder adds a project leader linked to the
/// person the report names, gives a role, and takes it away; others may not.
@Suite struct AccountAdminTests {
    @Test func aBeheerderAddsAProjectLeaderWhoThenEditsTheirOwnProject() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var admin = try await Browser.member(app, "beheer@woudenberg.nl", role: nil, administrator: true)
            _ = try await admin.get("/beheer/gebruikers")

            // MUT: an unknown person is refused with the form kept, then the right one added
            let unknown = try await admin.post(
                "/beheer/gebruikers",
                AccountField.form([
                    .email: "walter@woudenberg.nl", .name: "Walter de Haan",
                    .password: "een lang wachtwoord", .person: "Walter de Haen",
                ]))
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.contains("Er is geen persoon ‘Walter de Haen’ in een programma."))
            #expect(unknown.body.contains("value=\"walter@woudenberg.nl\""))
            #expect(!unknown.body.contains("een lang wachtwoord"))
            let short = try await admin.post(
                "/beheer/gebruikers",
                AccountField.form([
                    .email: "walter@woudenberg.nl", .name: "Walter de Haan",
                    .password: "kort",
                ]))
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.contains("Een wachtwoord heeft ten minste 12 tekens."))
            let saved = try await admin.post(
                "/beheer/gebruikers",
                AccountField.form([
                    .email: "Walter@Woudenberg.nl", .name: "Walter de Haan",
                    .password: "een lang wachtwoord", .person: "walter de haan",
                ]))
            #expect(saved.status == .seeOther)
            let walterUser = try #require(
                try await User.query(on: app.db).filter(\.$email == "walter@woudenberg.nl").first())
            let granted = try await admin.post(
                "/beheer/gebruikers/rollen",
                RoleField.form([
                    .user: walterUser.id!.uuidString, .programme: "dienstverlening",
                    .role: "projectleider",
                ]))
            #expect(granted.status == .seeOther)
            let list = try await admin.get("/beheer/gebruikers")
            #expect(list.body.contains("<td>Walter de Haan</td><td>Projectleider — Dienstverlening</td>"))

            // validate: Walter logs in and may update project 1 (his), not project 3
            var walter = Browser(app)
            #expect(
                try await walter.logIn(email: "walter@woudenberg.nl", password: "een lang wachtwoord").status
                    == .seeOther)
            #expect(try await walter.get(Cycle.statusPath(1)).status == .ok)
            #expect(try await walter.get(Cycle.statusPath(3)).status == .forbidden)
            let project = try await walter.get("/programmas/dienstverlening/projecten/1")
            #expect(project.body.contains("Status bijwerken (juni t/m oktober 2018)"))
            #expect(
                !(try await walter.get("/programmas/dienstverlening/projecten/3")).body.contains("Status bijwerken"))
            #expect(try await walter.get("/beheer/gebruikers").status == .forbidden)
            // The overview lists his own projects first, each with its update link.
            let overview = try await walter.get(Cycle.overview)
            let own = try #require(
                overview.body.components(separatedBy: "<section class=\"stoplicht-own\"").dropFirst().first?.components(
                    separatedBy: "</section>"
                ).first)
            #expect(
                own.contains("href=\"/programmas/dienstverlening/projecten/1/bijwerken?periode=juni-t-m-oktober-2018\"")
            )
            #expect(!own.contains("/projecten/3/"))

            // Taking the role away ends his access to the closed programme.
            try await Cycle.setAccess(.closed, on: app.db)
            _ = try await admin.get("/beheer/gebruikers")
            #expect(
                try await admin.post(
                    "/beheer/gebruikers/rollen",
                    RoleField.form([
                        .user: walterUser.id!.uuidString, .programme: "dienstverlening",
                        .role: "geen",
                    ])
                ).status == .seeOther)
            #expect(try await walter.get(Cycle.overview).status == .forbidden)
            let roleEntries = try await AuditEntry.query(on: app.db).filter(\.$action == "rol").sort(\.$sequence).all()
            #expect(roleEntries.count == 2)
            #expect(roleEntries.last?.before?.contains("projectleider") == true)
            let added = try await AuditEntry.query(on: app.db).filter(\.$action == "account-toevoegen").all()
            #expect(added.filter { $0.after?.contains("walter@woudenberg.nl") == true }.count == 1)
        }
    }
}
