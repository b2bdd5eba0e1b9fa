import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// An account is linked to a person of one municipality: a name two municipalities know is
/// not guessed, and a project leader's role stays in their person's municipality.
@Suite struct PersonLinkTests {
    /// "Marieke Jansen" leads a project in Leusden and is also a person in Woudenberg.
    func samePersonNameInTwoMunicipalities(_ app: Application) async throws -> (woudenberg: Person, leusden: Person) {
        let report = try ImportFixtures.read("leusden-zonder-nummers.csv").report
        _ = try await ReportImporter(database: app.db).run(
            report, into: ImportTarget(organisation: "Gemeente Leusden", programme: "Dienstverlening"))
        let woudenbergID = try #require(
            try await Organisation.query(on: app.db).filter(\.$name == "Gemeente Woudenberg").first()?.requireID())
        let woudenberg = Person(organisationID: woudenbergID, name: "Marieke Jansen")
        try await woudenberg.save(on: app.db)
        let leusden = try #require(
            try await Person.query(on: app.db).filter(\.$name == "Marieke Jansen").filter(
                \.$organisation.$id != woudenbergID
            ).first())
        return (woudenberg, leusden)
    }

    @Test func aNameTwoMunicipalitiesKnowNeedsTheMunicipality() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            let (woudenberg, leusden) = try await samePersonNameInTwoMunicipalities(app)
            let admin = AccountAdministration(actor: "test")

            // MUT and validate: without the municipality, refused with both named
            do {
                _ = try await admin.add(
                    email: "mj@woudenberg.nl", name: "MJ", password: "een lang wachtwoord", administrator: false,
                    person: "Marieke Jansen", on: app.db)
                Issue.record("a name in two municipalities was linked to one of them")
            } catch let error as InputError {
                #expect(error.message.contains("meer dan één gemeente (Gemeente Leusden, Gemeente Woudenberg)"))
            }
            #expect(try await User.query(on: app.db).filter(\.$email == "mj@woudenberg.nl").count() == 0)

            // With it, the person of that municipality.
            let inWoudenberg = try await admin.add(
                email: "mj@woudenberg.nl", name: "MJ", password: "een lang wachtwoord", administrator: false,
                person: "marieke jansen", organisation: "Gemeente Woudenberg", on: app.db)
            let inLeusden = try await admin.add(
                email: "mj@leusden.nl", name: "MJ", password: "een lang wachtwoord", administrator: false,
                person: "Marieke Jansen", organisation: "gemeente leusden", on: app.db)
            #expect(inWoudenberg.personID == woudenberg.id)
            #expect(inLeusden.personID == leusden.id)
        }
    }

    @Test func aProjectLeadersRoleStaysInTheirPersonsMunicipality() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: an account linked to Leusden's Marieke Jansen
            _ = try await samePersonNameInTwoMunicipalities(app)
            let admin = AccountAdministration(actor: "test")
            let user = try await admin.add(
                email: "mj@leusden.nl", name: "MJ", password: "een lang wachtwoord", administrator: false,
                person: "Marieke Jansen", organisation: "Gemeente Leusden", on: app.db)
            let woudenberg = try #require(
                try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").first())

            // MUT
            await #expect(throws: InputError.self) {
                try await admin.setRole(.projectLeader, for: user, in: woudenberg, on: app.db)
            }

            // validate: no role, and a reader's role is still possible
            #expect(
                try await ProgrammeRoleAssignment.query(on: app.db).filter(\.$user.$id == user.requireID()).count() == 0
            )
            try await admin.setRole(.reader, for: user, in: woudenberg, on: app.db)
            #expect(
                try await ProgrammeRoleAssignment.query(on: app.db).filter(\.$user.$id == user.requireID()).count() == 1
            )
        }
    }
}
