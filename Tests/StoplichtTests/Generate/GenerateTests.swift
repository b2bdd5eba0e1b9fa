import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

@Suite struct GenerateTests {
    @Test func theSameSeedGivesTheSameProgramme() {
        let periods = SyntheticPeriod.sequence(count: 6, endingIn: 2026)
        let a = SyntheticProgramme(
            index: 0, projects: 20, periods: periods, people: 12, random: SeededGenerator(seed: 7))
        let b = SyntheticProgramme(
            index: 0, projects: 20, periods: periods, people: 12, random: SeededGenerator(seed: 7))
        let c = SyntheticProgramme(
            index: 0, projects: 20, periods: periods, people: 12, random: SeededGenerator(seed: 8))
        #expect(a.projects.map(\.name) == b.projects.map(\.name))
        #expect(a.projects.map { $0.statuses.map(\.light) } == b.projects.map { $0.statuses.map(\.light) })
        #expect(a.projects.map(\.name) != c.projects.map(\.name))
    }

    @Test func periodsAreThirdsOfTheYearEndingInTheCurrentOne() {
        let periods = SyntheticPeriod.sequence(count: 4, endingIn: 2024)
        #expect(
            periods.map(\.name) == [
                "september t/m december 2023", "januari t/m april 2024",
                "mei t/m augustus 2024", "september t/m december 2024",
            ])
        #expect(periods[1].startsOn == "2024-01-01" && periods[1].endsOn == "2024-04-30")
        #expect(periods.last?.endQuarter == 4)
    }

    @Test func statusesFollowTheirLights() {
        let periods = SyntheticPeriod.sequence(count: 24, endingIn: 2026)
        let programme = SyntheticProgramme(
            index: 3, projects: 200, periods: periods, people: 40, random: SeededGenerator(seed: 1))
        let statuses = programme.projects.flatMap(\.statuses)
        #expect(statuses.count == 200 * 24)
        // An orange or red light carries its cause, consequence and measure, as the form demands.
        for status in statuses where status.light == "oranje" || status.light == "rood" {
            #expect(status.cause != nil && status.consequence != nil && status.measure != nil)
        }
        // Grijs is delivered, and every stage occurs in the last period.
        #expect(statuses.allSatisfy { ($0.light == "grijs") == ($0.lifecycle == .delivered) })
        let last = Set(programme.projects.compactMap { $0.statuses.last?.lifecycle })
        #expect(last.isSuperset(of: [.running, .delivered]))
        let lights = programme.projects.compactMap { $0.statuses.last?.light }
        #expect(lights.filter { $0 == "groen" }.count > lights.filter { $0 == "rood" }.count)
        #expect(Set(programme.projects.map(\.number)).count == 200)
    }

    @Test func anInstallationOfTheAskedSizeThatReadsAsARealOne() async throws {
        try await withStoplicht { app in
            // setup
            var options = SyntheticWriter.Options(
                size: SyntheticSize(
                    organisations: 2, programmesPerOrganisation: 2,
                    projectsPerProgramme: 12, periodsPerProgramme: 5))
            options.access = .open
            options.currentYear = 2026

            // MUT
            let summary = try await SyntheticWriter(options: options, settings: app.settings).write(on: app.db)

            // validate
            #expect(summary.organisations == 2 && summary.programmes == 4 && summary.projects == 48)
            #expect(summary.statuses == 240 && summary.publishedReports == 4)
            #expect(try await Project.query(on: app.db).count() == 48)
            #expect(try await ProjectStatus.query(on: app.db).count() == 240)
            #expect(try await ReportingPeriod.query(on: app.db).filter(\.$state == .published).count() == 16)
            #expect(try await ReportingPeriod.query(on: app.db).filter(\.$state == .open).count() == 4)
            #expect(try await PublishedReport.query(on: app.db).count() == 4)
            #expect(try await AuditTrail.verify(on: app.db).brokenAt == nil)
            let slug = try #require(summary.firstProgrammeSlug)
            #expect(slug == "zuidveen-dienstverlening-2025-2027")
            try await app.testing().test(.GET, "/programmas/\(slug)") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.components(separatedBy: "<tr id=\"project-").count - 1 == 12)
            }
            // The last published period is served as stored; the open one is rendered.
            try await app.testing().test(.GET, "/programmas/\(slug)/perioden/mei-t-m-augustus-2026") { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: "X-Content-SHA256") != nil)
            }
            try await app.testing().test(.GET, "/programmas/\(slug)/perioden/september-t-m-december-2026") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Voortgangsrapportage programma Dienstverlening 2025–2027"))
            }
            // A published period is frozen in the database, generated or not.
            let frozen = try #require(
                try await ReportingPeriod.query(on: app.db).filter(\.$state == .published).first())
            let status = try #require(
                try await ProjectStatus.query(on: app.db).filter(\.$period.$id == frozen.requireID()).first())
            status.remarks = "gewijzigd"
            await #expect(throws: (any Error).self) { try await status.save(on: app.db) }
        }
    }

    @Test func withoutStoredReportsOnlyTheLastPeriodStaysOpen() async throws {
        try await withStoplicht { app in
            var options = SyntheticWriter.Options(
                size: SyntheticSize(
                    organisations: 1, programmesPerOrganisation: 2,
                    projectsPerProgramme: 4, periodsPerProgramme: 3))
            options.snapshots = false
            let summary = try await SyntheticWriter(options: options, settings: app.settings).write(on: app.db)
            #expect(summary.publishedReports == 0)
            #expect(try await PublishedReport.query(on: app.db).count() == 0)
            #expect(try await ReportingPeriod.query(on: app.db).filter(\.$state == .open).count() == 2)
            #expect(try await ReportingPeriod.query(on: app.db).filter(\.$state == .published).count() == 4)
        }
    }

    @Test func refusesASecondRunAndSizesOutOfRange() async throws {
        try await withStoplicht { app in
            let options = SyntheticWriter.Options(
                size: SyntheticSize(
                    organisations: 1, programmesPerOrganisation: 1,
                    projectsPerProgramme: 3, periodsPerProgramme: 2))
            _ = try await SyntheticWriter(options: options, settings: app.settings).write(on: app.db)
            let again = await #expect(throws: InputError.self) {
                try await SyntheticWriter(options: options, settings: app.settings).write(on: app.db)
            }
            #expect(again?.status == .conflict)
            #expect(again?.message.contains("Gemeente Zuidveen") == true)
            #expect(try await Project.query(on: app.db).count() == 3)

            var tooMany = options
            tooMany.size.projectsPerProgramme = 1_000_000
            let refused = await #expect(throws: InputError.self) {
                try await SyntheticWriter(options: tooMany, settings: app.settings).write(on: app.db)
            }
            #expect(
                refused?.message == "Het aantal projecten per programma moet tussen 1 en 5000 liggen, niet 1000000.")
            #expect(try await Project.query(on: app.db).count() == 3)
        }
    }
}
