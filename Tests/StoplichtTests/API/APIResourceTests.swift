import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Organisations, periods and budget lines through the API, with the web's permissions.
@Suite struct APIResourceTests {
    static let programme = "/api/v1/programmes/dienstverlening"

    @Test func organisationsAreSeenThroughTheirProgrammesAndKeptByABeheerder() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let reader = try await APIClient.token(app, "lezer@woudenberg.nl", role: .reader)
            let manager = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let admin = try await APIClient.token(app, "beheer@woudenberg.nl", role: nil, administrator: true)

            #expect(try await APIClient.send(app, .GET, "/api/v1/organisations", token: nil).2["total"] as? Int == 0)
            let seen = try await APIClient.send(app, .GET, "/api/v1/organisations", token: reader)
            let names = (seen.2["organisations"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names == ["Gemeente Woudenberg"])
            let all = try await APIClient.send(app, .GET, "/api/v1/organisations?kind=extern", token: admin)
            #expect((all.2["total"] as? Int ?? 0) >= 1)
            #expect(
                try await APIClient.send(app, .GET, "/api/v1/organisations?kind=bureau", token: admin).0 == .badRequest)

            let new: [String: Any] = ["name": "Gemeente Renswoude", "kind": "gemeente"]
            #expect(
                try await APIClient.send(app, .POST, "/api/v1/organisations", token: manager, body: new).0 == .forbidden
            )
            let created = try await APIClient.send(app, .POST, "/api/v1/organisations", token: admin, body: new)
            #expect(created.0 == .created)
            let location = try #require(created.1.first(name: .location))
            #expect(
                try await APIClient.send(app, .POST, "/api/v1/organisations", token: admin, body: new).0 == .conflict)
            #expect(
                try await APIClient.send(
                    app, .POST, "/api/v1/organisations", token: admin, body: ["name": "", "kind": "gemeente"]
                ).0
                    == .unprocessableEntity)
            // Another municipality's organisation is not the reader's to see.
            #expect(try await APIClient.send(app, .GET, location, token: reader).0 == .notFound)

            let etag = try #require(try await APIClient.send(app, .GET, location, token: admin).1.first(name: .eTag))
            let renamed = try await APIClient.send(
                app, .PUT, location, token: admin, ifMatch: etag,
                body: ["name": "Gemeente Renswoude (ICT)", "kind": "gemeente"])
            #expect(renamed.0 == .ok && renamed.2["name"] as? String == "Gemeente Renswoude (ICT)")
            #expect(
                try await APIClient.send(app, .PUT, location, token: admin, ifMatch: etag, body: new).0
                    == .preconditionFailed)
            #expect(try await Organisation.query(on: app.db).filter(\.$name == "Gemeente Renswoude (ICT)").count() == 1)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entity == "organisatie").sort(\.$sequence)
                .all().map(\.action)
            #expect(audited == ["organisatie-toevoegen", "organisatie-bijwerken"])
        }
    }

    @Test func periodsAreMovedAndOpenedByTheProgrammeManager() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let reader = try await APIClient.token(app, "lezer@woudenberg.nl", role: .reader)
            let manager = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let list = try await APIClient.send(app, .GET, "\(Self.programme)/periods?state=open", token: reader)
            #expect(list.0 == .ok && list.2["total"] as? Int == 1)
            let next: [String: Any] = ["name": "november 2018 t/m februari 2019"]
            #expect(
                try await APIClient.send(app, .POST, "\(Self.programme)/periods", token: reader, body: next).0
                    == .forbidden)
            #expect(
                try await APIClient.send(app, .POST, "\(Self.programme)/periods", token: manager, body: next).0
                    == .conflict)
            let state = "\(Self.programme)/periods/juni-t-m-oktober-2018/state"
            #expect(
                try await APIClient.send(app, .PUT, state, token: reader, body: ["state": "in-review"]).0 == .forbidden)
            #expect(
                try await APIClient.send(app, .PUT, state, token: manager, body: ["state": "klaar"]).0
                    == .unprocessableEntity)
            #expect(
                try await APIClient.send(app, .PUT, state, token: manager, body: ["state": "in-review"]).2["state"]
                    as? String == "in-review")
            #expect(
                try await APIClient.send(app, .PUT, state, token: manager, body: ["state": "gepubliceerd"]).0 == .ok)
            #expect(try await PublishedReport.query(on: app.db).count() == 1)
            #expect(try await APIClient.send(app, .PUT, state, token: manager, body: ["state": "open"]).0 == .conflict)

            let opened = try await APIClient.send(app, .POST, "\(Self.programme)/periods", token: manager, body: next)
            #expect(opened.0 == .created && opened.2["startsOn"] as? String == "2018-11-01")
            let location = try #require(opened.1.first(name: .location))
            #expect(try await APIClient.send(app, .GET, location, token: reader).2["state"] as? String == "open")
            // Every project's status went along.
            let projects = try await APIClient.send(
                app, .GET, "\(Self.programme)/projects?period=november-2018-t-m-februari-2019&page-size=100",
                token: reader)
            #expect(projects.2["total"] as? Int == 36)
        }
    }

    @Test func budgetLinesInCentsForTheirAudiences() async throws {
        try await withStoplicht(seeded: true) { app in
            try await DemoFinance.load(programme: "dienstverlening", on: app.db)
            try await Cycle.setAccess(.closed, on: app.db)
            let reader = try await APIClient.token(app, "lezer@woudenberg.nl", role: .reader)
            let walter = try await APIClient.token(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let manager = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let lines = "\(Self.programme)/budget-lines"
            let line: [String: Any] = [
                "project": 2, "source": "krediet", "nature": "eenmalig", "year": 2019, "budgetCents": 1_250_001,
                "commitmentCents": 300_000, "description": "Website fase 2",
            ]
            #expect(try await APIClient.send(app, .POST, lines, token: walter, body: line).0 == .forbidden)
            let created = try await APIClient.send(app, .POST, lines, token: manager, body: line)
            #expect(created.0 == .created && created.2["budgetCents"] as? Int == 1_250_001)
            let location = try #require(created.1.first(name: .location))
            let stored = try #require(
                try await BudgetLine.query(on: app.db).filter(\.$description == "Website fase 2").first())
            #expect(stored.budgetCents == 1_250_001 && stored.commitmentCents == 300_000)

            for (field, value) in [("source", "spaarpot"), ("nature", "soms"), ("year", "1999"), ("project", "99")]
                as [(String, String)]
            {
                var bad = line
                bad[field] = Int(value) ?? value as Any
                let refused = try await APIClient.send(app, .POST, lines, token: manager, body: bad)
                #expect(refused.0 == .unprocessableEntity, "\(field)")
            }
            #expect(try await BudgetLine.query(on: app.db).filter(\.$description == "Website fase 2").count() == 1)

            // A reader sees the summary, not the lines; a leader the lines of the projects they lead.
            #expect(try await APIClient.send(app, .GET, lines, token: reader).0 == .forbidden)
            #expect(try await APIClient.send(app, .GET, lines, token: nil).0 == .unauthorized)
            let walterUser = try await User.query(on: app.db).filter(\.$email == "walter@woudenberg.nl").first()
            let programmeID = try #require(try await Programme.query(on: app.db).first()?.id)
            let led = try await Project.numbers(ledBy: walterUser?.personID, inProgramme: programmeID, on: app.db)
            let his = try await APIClient.send(app, .GET, "\(lines)?page-size=100", token: walter)
            let numbers = (his.2["budgetLines"] as? [[String: Any]] ?? []).map { $0["project"] as? Int }
            #expect(numbers.allSatisfy { $0.map(led.contains) == true })
            #expect(numbers.contains(2) == led.contains(2))
            let everything = try await APIClient.send(app, .GET, "\(lines)?page-size=100", token: manager)
            let lineCount = try await BudgetLine.query(on: app.db).count()
            #expect(everything.2["total"] as? Int == lineCount)
            let filtered = try await APIClient.send(app, .GET, "\(lines)?project=2&year=2019", token: manager)
            #expect(filtered.2["total"] as? Int == 1)

            let etag = try #require(created.1.first(name: .eTag))
            var change = line
            change["budgetCents"] = 1_500_000
            #expect(
                try await APIClient.send(app, .PUT, location, token: manager, body: change).0 == .preconditionRequired)
            let updated = try await APIClient.send(app, .PUT, location, token: manager, ifMatch: etag, body: change)
            #expect(updated.0 == .ok && updated.2["budgetCents"] as? Int == 1_500_000)
            #expect(
                try await APIClient.send(app, .PUT, location, token: manager, ifMatch: etag, body: line).0
                    == .preconditionFailed)
            #expect(try await BudgetLine.find(stored.id, on: app.db)?.budgetCents == 1_500_000)
            let audit = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$action == "begroting-bijwerken").first())
            #expect(audit.before?.contains("12.500,01") == true && audit.after?.contains("15.000,00") == true)
        }
    }

    @Test func ofEightBudgetChangesWithOneETagOneWins() async throws {
        try await withStoplicht(seeded: true) { app in
            try await DemoFinance.load(programme: "dienstverlening", on: app.db)
            let manager = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let line = try #require(try await BudgetLine.query(on: app.db).first())
            let path = "\(Self.programme)/budget-lines/\(try line.requireID())"
            let etag = try #require(try await APIClient.send(app, .GET, path, token: manager).1.first(name: .eTag))
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                let (source, nature, year, budget) = (
                    line.source.rawValue, line.nature.rawValue, line.year, line.budgetCents
                )
                for writer in 0..<8 {
                    group.addTask {
                        let change: [String: Any] = [
                            "source": source, "nature": nature, "year": year, "budgetCents": budget,
                            "commitmentCents": 1000 + writer,
                        ]
                        return try await APIClient.send(app, .PUT, path, token: manager, ifMatch: etag, body: change).0
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(
                statuses.allSatisfy { $0 == .ok || $0 == .preconditionFailed || $0 == .serviceUnavailable },
                "\(statuses)")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "begroting-bijwerken").count() == 1)
        }
    }

    @Test func projectsAreAddedChangedAndArchivedByTheProgrammeManager() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let reader = try await APIClient.token(app, "lezer@woudenberg.nl", role: .reader)
            let leader = try await APIClient.token(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let manager = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let projects = "\(Self.programme)/projects"
            let new: [String: Any] = [
                "name": "Digitaal archief", "leaders": ["Walter de Haan", "Nieuwe Collega"],
                "lifecycle": "niet-gestart",
                "phase": "initiatief", "items": ["Inventarisatie", "Aanbesteding"],
            ]
            #expect(try await APIClient.send(app, .POST, projects, token: leader, body: new).0 == .forbidden)
            #expect(try await APIClient.send(app, .POST, projects, token: reader, body: new).0 == .forbidden)
            let created = try await APIClient.send(app, .POST, projects, token: manager, body: new)
            #expect(created.0 == .created && created.2["number"] as? Int == 37)
            #expect(created.2["leaders"] as? [String] == ["Walter de Haan", "Nieuwe Collega"])
            let location = try #require(created.1.first(name: .location))
            #expect(location == "\(projects)/37")
            // It joins the open period, waiting for its leader, and is read like any other.
            let read = try await APIClient.send(app, .GET, location, token: reader)
            #expect(
                read.0 == .ok && read.2["items"] as? [String] == ["Inventarisatie", "Aanbesteding"]
                    && read.2["archived"] as? Bool == false)
            #expect(try await APIClient.send(app, .GET, "\(location)/status", token: reader).0 == .ok)

            var taken = new
            taken["number"] = 2
            let refused = try await APIClient.send(app, .POST, projects, token: manager, body: taken)
            #expect(refused.0 == .unprocessableEntity && (refused.2["detail"] as? String)?.contains("2") == true)
            #expect(
                try await APIClient.send(app, .POST, projects, token: manager, body: ["name": "x", "phase": "ergens"]).0
                    == .unprocessableEntity)
            #expect(
                try await APIClient.send(app, .POST, projects, token: manager, body: ["name": "x", "naam": "y"]).0
                    == .badRequest)

            let etag = try #require(read.1.first(name: .eTag))
            var change = new
            change["name"] = "Digitaal archief (e-depot)"
            change["archived"] = true
            #expect(
                try await APIClient.send(app, .PUT, location, token: manager, body: change).0 == .preconditionRequired)
            let changed = try await APIClient.send(app, .PUT, location, token: manager, ifMatch: etag, body: change)
            #expect(
                changed.0 == .ok && changed.2["name"] as? String == "Digitaal archief (e-depot)"
                    && changed.2["archived"] as? Bool == true)
            #expect(
                try await APIClient.send(app, .PUT, location, token: manager, ifMatch: etag, body: new).0
                    == .preconditionFailed)
            let stored = try #require(try await Project.query(on: app.db).filter(\.$number == 37).first())
            #expect(stored.name == "Digitaal archief (e-depot)" && stored.archived)
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entity == "project").filter(
                \.$action != "import"
            ).sort(\.$sequence).all().map(\.action)
            #expect(actions == ["project-toevoegen", "project-wijzigen", "project-archiveren"])
        }
    }

    @Test func aBeheerderOpensAProgrammeToEveryone() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let manager = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let admin = try await APIClient.token(app, "beheer@woudenberg.nl", role: nil, administrator: true)
            let access = "\(Self.programme)/access"
            #expect(try await APIClient.send(app, .GET, Self.programme, token: nil).0 == .unauthorized)
            #expect(
                try await APIClient.send(app, .PUT, access, token: manager, body: ["access": "openbaar"]).0
                    == .forbidden)
            #expect(
                try await APIClient.send(app, .PUT, access, token: admin, body: ["access": "iedereen"]).0
                    == .unprocessableEntity)
            let opened = try await APIClient.send(app, .PUT, access, token: admin, body: ["access": "openbaar"])
            #expect(opened.0 == .ok && opened.2["access"] as? String == "openbaar")
            #expect(try await APIClient.send(app, .GET, Self.programme, token: nil).0 == .ok)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "toegang").count() == 1)
        }
    }

    /// The list is counted, filtered and paged in the database; it must say what the overview says.
    @Test func theProjectListFiltersAsTheOverviewDoes() async throws {
        try await withStoplicht(seeded: true) { app in
            let context = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
            let rows = try await ProjectRow.load(context, period: context.latestPeriod, on: app.db)
            var filters: [(String, [Int])] = [
                ("", rows.map(\.number)), ("light=geen", rows.filter { $0.light == nil }.map(\.number)),
            ]
            for light in context.scale.lights {
                filters.append(("light=\(light.code)", rows.filter { $0.light?.code == light.code }.map(\.number)))
            }
            for lifecycle in Lifecycle.allCases {
                filters.append(
                    ("lifecycle=\(lifecycle.rawValue)", rows.filter { $0.lifecycle == lifecycle }.map(\.number)))
            }
            #expect(filters.contains { !$0.1.isEmpty && $0.1.count < rows.count }, "the seed has lights to filter by")
            for (query, expected) in filters {
                var numbers: [Int] = []
                var page = 1
                while true {
                    let answer = try await APIClient.send(
                        app, .GET, "\(Self.programme)/projects?\(query)&page-size=7&page=\(page)", token: nil)
                    #expect(answer.0 == .ok && answer.2["total"] as? Int == expected.count, "\(query)")
                    let projects = answer.2["projects"] as? [[String: Any]] ?? []
                    numbers += projects.compactMap { $0["number"] as? Int }
                    guard (answer.2["_links"] as? [String: Any])?["next"] != nil else { break }
                    page += 1
                }
                #expect(numbers == expected, "\(query)")
            }
        }
    }
}
