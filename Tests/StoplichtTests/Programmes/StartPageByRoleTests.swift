import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// The start page as each reader meets it: a project leader finds their own projects and
/// what is still due, and no action they may not take; a newcomer is told why there is
/// nothing to read yet.
@Suite struct StartPageByRoleTests {
    func walterLeads(_ app: Application) async throws -> [Int] {
        let person = try #require(try await Person.query(on: app.db).filter(\.$name == "Walter de Haan").first())
        return try await ProjectLeader.query(on: app.db).filter(\.$person.$id == person.requireID()).with(\.$project)
            .all()
            .map(\.project.number).sorted()
    }

    @Test func aProjectLeaderSeesTheirProjectsAndWhatIsDue() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: project 1 still stands as carried over; Walter leads it and others.
            let status = try #require(try await Cycle.status(1, on: app.db))
            status.carriedForward = true
            try await status.save(on: app.db)
            let numbers = try await walterLeads(app)
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")

            // MUT
            let start = try await walter.get("/")

            // validate
            let own = try #require(
                start.body.components(separatedBy: "<section class=\"stoplicht-own\"").last?.components(
                    separatedBy: "</section>"
                ).first)
            #expect(own.contains("1 van uw \(numbers.count) projecten moet deze periode nog worden bijgewerkt."))
            for number in numbers {
                #expect(own.contains("href=\"/programmas/dienstverlening/projecten/\(number)\""))
            }
            // The one still due comes first, with its update as the primary action.
            let first = try #require(
                own.components(separatedBy: "<li class=\"stoplicht-own__item\">").dropFirst().first)
            #expect(first.contains("1. Aansluiten op www.mijnoverheid.nl."))
            #expect(first.contains("Nog bij te werken voor juni t/m oktober 2018"))
            #expect(
                first.contains(
                    "<a class=\"utrecht-button-link utrecht-button-link--primary\" href=\"/programmas/dienstverlening/projecten/1/bijwerken?periode=juni-t-m-oktober-2018\">Status bijwerken</a>"
                ))
            // No import for a project leader, who may not import.
            #expect(!start.body.contains("href=\"/importeren\""))
        }
    }

    @Test func aLeadershipInAProgrammeWithoutARoleIsNotShown() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: Leusden's project 1 names Walter's person as its leader, but Walter has
            // no role in Leusden's programme.
            let report = try ImportFixtures.read("leusden-zonder-nummers.csv").report
            let summary = try await ReportImporter(database: app.db).run(
                report, into: ImportTarget(organisation: "Gemeente Leusden", programme: "Dienstverlening"))
            let leusden = try #require(
                try await Programme.query(on: app.db).filter(\.$slug == summary.programmeSlug).first())
            let project = try #require(
                try await Project.query(on: app.db).filter(\.$programme.$id == leusden.requireID()).sort(\.$number)
                    .first())
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "walter@woudenberg.nl").first())
            try await ProjectLeader(projectID: project.requireID(), personID: try #require(user.personID), position: 9)
                .save(on: app.db)

            // MUT
            let start = try await walter.get("/")

            // validate
            #expect(start.body.contains("<section class=\"stoplicht-own\""))
            #expect(!start.body.contains("/programmas/\(summary.programmeSlug)/projecten/"))
        }
    }

    @Test func aLeaderWhoOnlyReadsTheProgrammeIsOfferedNoUpdate() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: Walter's person leads projects, but his account is lezer in the programme.
            var walter = try await Browser.member(app, "walter@woudenberg.nl", role: .reader, person: "Walter de Haan")

            // MUT
            let start = try await walter.get("/")

            // validate
            #expect(!start.body.contains("<section class=\"stoplicht-own\""))
            #expect(!start.body.contains("/bijwerken?periode="))
        }
    }

    @Test func aNewcomerIsToldWhyThereIsNothingToReadYet() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: the demo's access, its period not yet published.
            try await Cycle.setAccess(.publishedReports, on: app.db)

            // MUT
            var anonymous = Browser(app)
            let start = try await anonymous.get("/")

            // validate
            #expect(
                start.body.contains(
                    "Van dit programma is nog geen rapportage gepubliceerd. Wie een rol in het programma heeft, logt in"
                ))
        }
    }
}
