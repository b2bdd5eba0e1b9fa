import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

/// The hot pages run a fixed number of queries, however many projects a programme has.
@Suite struct QueryCountTests {
    static let pages = [
        "/programmas/dienstverlening",
        "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018",
        "/programmas/dienstverlening/projecten/18",
        "/programmas/dienstverlening/verloop",
        "/",
        // The API's lists: a page of 100 projects reads only its rows and their leaders.
        "/api/v1/programmes/dienstverlening/projects?page-size=100",
        "/api/v1/programmes/dienstverlening/projects?light=groen&page-size=100&page=2",
        "/api/v1/programmes",
        "/api/v1/programmes/dienstverlening/periods/juni-t-m-oktober-2018/decisions",
        "/api/v1/programmes/dienstverlening/periods/juni-t-m-oktober-2018/risks",
    ]

    func queries(_ app: Application, _ counter: QueryCounter, _ path: String) async throws -> Int {
        let id = UUID().uuidString
        try await app.testing().test(.GET, path, headers: ["X-Request-Id": id]) { res in
            #expect(res.status == .ok)
        }
        return counter.count(for: id)
    }

    /// The queries of every page in `pages`, in order.
    func queriesOfEveryPage(_ app: Application, _ counter: QueryCounter) async throws -> [Int] {
        var counts: [Int] = []
        for page in Self.pages { counts.append(try await queries(app, counter, page)) }
        return counts
    }

    /// Adds `count` projects with a leader, an item and a status to the demo programme.
    func addProjects(_ count: Int, on db: any Database) async throws {
        let context = try await ProgrammeContext.load(slug: "dienstverlening", on: db)
        let programmeID = try context.programme.requireID()
        let periodID = try context.latestPeriod!.requireID()
        let person = try #require(try await Person.query(on: db).first())
        for n in 0..<count {
            let project = Project(
                programmeID: programmeID, number: 100 + n, name: "Extra project \(n)", lifecycle: .running)
            try await project.save(on: db)
            try await ProjectLeader(projectID: project.requireID(), personID: person.requireID(), position: 0).save(
                on: db)
            try await ProjectItem(projectID: project.requireID(), position: 0, title: "Onderdeel").save(on: db)
            let status = ProjectStatus(projectID: try project.requireID(), periodID: periodID)
            status.light = "groen"
            status.remarks = "Loopt."
            try await status.save(on: db)
        }
    }

    @Test func queriesDoNotGrowWithTheProjects() async throws {
        try await withStoplicht(seeded: true, pageCache: false) { app in
            // setup
            let counter = QueryCounter()
            counter.install(on: app)
            let before = try await queriesOfEveryPage(app, counter)

            // MUT
            try await addProjects(60, on: app.db)

            // validate
            #expect(try await queriesOfEveryPage(app, counter) == before)
            // A fixed handful per page; the report also asks whether the programme has finances,
            // reads its plan (projects' dates, milestones, prerequisites) for the roadmap, and
            // its period before the rest, to ask who may read it first.
            #expect(before.allSatisfy { $0 > 0 && $0 <= 15 }, "queries per page: \(before)")
        }
    }

    /// Nor with the rest of a shared installation: other municipalities' programmes with their
    /// histories leave every page's number of queries as it was.
    @Test func queriesDoNotGrowWithOtherProgrammes() async throws {
        try await withStoplicht(seeded: true, pageCache: false) { app in
            // setup
            let counter = QueryCounter()
            counter.install(on: app)
            let before = try await queriesOfEveryPage(app, counter)

            // MUT
            // Open to anyone, so that the lists of programmes show them too.
            var options = SyntheticWriter.Options(
                size: SyntheticSize(
                    organisations: 3, programmesPerOrganisation: 2,
                    projectsPerProgramme: 40, periodsPerProgramme: 6))
            options.access = .open
            let summary = try await SyntheticWriter(options: options, settings: app.settings).write(on: app.db)

            // validate
            #expect(summary.statuses == 1_440)
            #expect(try await queriesOfEveryPage(app, counter) == before)
        }
    }

    /// A logged-in page reads the session, the account and the role — three queries more —
    /// and writes nothing: the session is saved only when it changed.
    @Test func aLoggedInPageReadsTheSessionWithoutWritingIt() async throws {
        try await withStoplicht(seeded: true, pageCache: false) { app in
            let counter = QueryCounter()
            counter.install(on: app)
            let anonymous = try await queries(app, counter, "/programmas/dienstverlening")
            var browser = try await Browser.member(app, "lezer@woudenberg.nl", role: .reader)

            var counts: [Int] = []
            for _ in 0..<2 {
                let id = UUID().uuidString
                let reply = try await browser.send(.GET, "/programmas/dienstverlening", headers: ["X-Request-Id": id])
                #expect(reply.status == .ok)
                #expect(reply.body.contains("Ingelogd als"))
                counts.append(counter.count(for: id))
            }

            #expect(counts == [anonymous + 3, anonymous + 3])
        }
    }
}
