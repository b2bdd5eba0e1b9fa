import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

@Suite struct SeedImportTests {
    @Test func importsTheSeedProgramme() async throws {
        try await withStoplicht { app in
            // MUT
            let summary = try await DemoCommand.load(on: app.db)

            // validate
            #expect(summary.projects == 36)
            #expect(summary.created > 0)
            #expect(summary.updated == 0)
            #expect(summary.programmeSlug == "dienstverlening")
            #expect(summary.periodSlug == "juni-t-m-oktober-2018")
            let programme = try #require(try await Programme.query(on: app.db).with(\.$organisation).first())
            #expect(programme.organisation.name == "Gemeente Woudenberg")
            #expect(programme.reportTitle == "Voortgangsrapportage programma dienstverlening")
            #expect(programme.duration == "2018-2021")
            let period = try #require(try await ReportingPeriod.query(on: app.db).first())
            #expect(period.startsOn == "2018-06-01")
            #expect(period.endsOn == "2018-10-31")
            #expect(period.state == .open)
            #expect(try await Project.query(on: app.db).count() == 36)
            #expect(try await ProjectStatus.query(on: app.db).count() == 36)
            #expect(try await ProgrammeSection.query(on: app.db).count() == 9)
            #expect(try await Decision.query(on: app.db).count() == 3)
            #expect(try await Risk.query(on: app.db).count() == 3)
            #expect(try await ProgrammeLight.query(on: app.db).count() == 4)
            #expect(
                try await ProgrammeDimension.query(on: app.db).sort(\.$position).all().map(\.label) == [
                    "Geld", "Organisatie", "Tijd", "Informatie", "Kwaliteit",
                ])

            // People are one record each, however often they lead; firms are organisations.
            let people = try await Person.query(on: app.db).with(\.$firm).all()
            #expect(people.filter { $0.name == "Walter de Haan" }.count == 1)
            #expect(people.first { $0.name == "Sieka Geldof" }?.firm?.name == "Censor Bestuur")
            #expect(people.first { $0.name == "Wim van Oekel" }?.firm?.name == "Innogrations Management")
            #expect(
                Set(people.map(\.name)) == [
                    "Marleen Treep", "Simone van der Marck", "Erna Jongerius", "Walter de Haan",
                    "Wim van Oekel", "Luuk Vos", "Sieka Geldof", "Laura Biermans",
                    "Nicole Verlangen", "Aart van de Bovenkamp",
                ])
            let officials = try await Officials.load(programmeID: programme.requireID(), on: app.db)
            #expect(officials.names(.politicalSponsor) == ["Marleen Treep"])
            #expect(officials.names(.programmeManager) == ["Erna Jongerius"])
        }
    }

    @Test func lightsAndLifecyclesAreStored() async throws {
        try await withStoplicht(seeded: true) { app in
            let context = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
            let rows = try await ProjectRow.load(context, period: context.latestPeriod, on: app.db)
            let byLight = Dictionary(grouping: rows, by: { $0.light?.code ?? "geen" }).mapValues { $0.map(\.number) }
            #expect(byLight["oranje"] == [11, 12, 18])
            #expect(byLight["groen"] == [13, 14, 16, 17])
            #expect(byLight["grijs"] == [6, 15, 26, 31, 33])
            #expect(byLight["rood"] == nil)
            #expect(byLight["geen"]?.count == 24)
            #expect(rows.filter { $0.lifecycle == .notStarted }.map(\.number) == [11, 12, 36])
            #expect(rows[33].leaders == [.init(name: "Erna Jongerius"), .init(name: "Aart van de Bovenkamp")])
            #expect(rows[1].forecastDelivery == .quarter(2019, 1))
        }
    }

    @Test func importingTheSameFileAgainChangesNothing() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            let before = try await Snapshot.take(app.db)

            // MUT
            let again = try await DemoCommand.load(access: .open, on: app.db)

            // validate
            #expect(again.created == 0)
            #expect(again.updated == 0)
            #expect(!again.changedAnything)
            let after = try await Snapshot.take(app.db)
            #expect(after == before)
        }
    }

    @Test func aChangedReportUpdatesOnlyWhatChanged() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: the same period, with project 7 now delivered and project 36 renamed.
            var text = try Fixtures.seedText()
            text = text.replacingOccurrences(of: "Oplevering in Q4 2018. |", with: "OPGELEVERD. |")
            text = text.replacingOccurrences(
                of: "Onderzoeken BGT-samenwerking va 2021", with: "Onderzoek BGT-samenwerking vanaf 2021")
            let report = try ReportTextParser().parse(text)

            // MUT
            let summary = try await ReportImporter(database: app.db).run(
                report, into: ImportTarget(organisation: DemoData.organisation))

            // validate
            #expect(summary.created == 0)
            #expect(summary.updated == 3)  // project 7 and its status, project 36's name
            #expect(
                try await Project.query(on: app.db).filter(\.$number == 36).first()?.name
                    == "Onderzoek BGT-samenwerking vanaf 2021")
            let seven = try #require(try await Project.query(on: app.db).filter(\.$number == 7).first())
            #expect(seven.lifecycle == .delivered)
            #expect(try await Project.query(on: app.db).count() == 36)
        }
    }

    @Test func aSecondPeriodKeepsTheFirst() async throws {
        try await withStoplicht(seeded: true) { app in
            let report = try Fixtures.parsedSeed()
            _ = try await ReportImporter(database: app.db)
                .run(
                    report,
                    into: ImportTarget(organisation: DemoData.organisation, period: "november 2018 t/m februari 2019"))
            let context = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
            #expect(context.periods.map(\.slug) == ["juni-t-m-oktober-2018", "november-2018-t-m-februari-2019"])
            #expect(try await ProjectStatus.query(on: app.db).count() == 72)
            #expect(try await Project.query(on: app.db).count() == 36)
        }
    }

    @Test func anOlderReportImportedLaterKeepsTheCurrentProject() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: a report of an earlier period, when project 36 had another name.
            let text = try Fixtures.seedText()
                .replacingOccurrences(
                    of: "Rapportageperiode: juni t/m oktober 2018", with: "Rapportageperiode: januari t/m mei 2018"
                )
                .replacingOccurrences(of: "Onderzoeken BGT-samenwerking va 2021", with: "BGT-samenwerking verkennen")

            // MUT
            _ = try await ReportImporter(database: app.db).run(
                try ReportTextParser().parse(text), into: ImportTarget(organisation: DemoData.organisation))

            // validate
            let context = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
            #expect(context.periods.map(\.slug) == ["januari-t-m-mei-2018", "juni-t-m-oktober-2018"])
            #expect(
                try await Project.query(on: app.db).filter(\.$number == 36).first()?.name
                    == "Onderzoeken BGT-samenwerking va 2021")
            #expect(try await ProjectStatus.query(on: app.db).count() == 72)
        }
    }

    @Test func twoMunicipalitiesWithAProgrammeOfTheSameName() async throws {
        try await withStoplicht(seeded: true) { app in
            let summary = try await ReportImporter(database: app.db)
                .run(try Fixtures.parsedSeed(), into: ImportTarget(organisation: "Gemeente Veenendaal"))
            #expect(summary.programmeSlug == "dienstverlening-gemeente-veenendaal")
            // Importing again finds the same programme.
            let again = try await ReportImporter(database: app.db)
                .run(try Fixtures.parsedSeed(), into: ImportTarget(organisation: "Gemeente Veenendaal"))
            #expect(again.programmeSlug == "dienstverlening-gemeente-veenendaal")
            #expect(!again.changedAnything)
            let woudenberg = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
            let veenendaal = try await ProgrammeContext.load(slug: "dienstverlening-gemeente-veenendaal", on: app.db)
            #expect(woudenberg.organisation.name == "Gemeente Woudenberg")
            #expect(veenendaal.organisation.name == "Gemeente Veenendaal")
            #expect(try await Project.query(on: app.db).count() == 72)
        }
    }

    @Test func missingProgrammeOrPeriodIsAClearError() async throws {
        try await withStoplicht { app in
            let text = """
                | Nr | Project | Projectleider | Status | Toelichting |
                |----|---------|---------------|--------|-------------|
                | 1 | Nieuwe website | Jan de Vries | ○ ○ ● | Loopt. |
                """
            let report = try ReportTextParser().parse(text)
            await #expect(throws: InputError.self) {
                _ = try await ReportImporter(database: app.db).run(
                    report, into: ImportTarget(organisation: "Gemeente X"))
            }
            let summary = try await ReportImporter(database: app.db)
                .run(
                    report,
                    into: ImportTarget(organisation: "Gemeente X", programme: "Digitalisering", period: "Q1 2025"))
            #expect(summary.projects == 1)
            #expect(summary.programmeSlug == "digitalisering")
        }
    }
}

/// Every row of every table, to compare the database before and after.
struct Snapshot: Equatable {
    var rows: [String: [String]]

    static func take(_ db: any Database) async throws -> Snapshot {
        var rows: [String: [String]] = [:]
        func add<M: Model>(_ type: M.Type) async throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            rows[M.schema] = try await M.query(on: db).all().map {
                String(decoding: try encoder.encode($0), as: UTF8.self)
            }.sorted()
        }
        try await add(Organisation.self)
        try await add(Person.self)
        try await add(Programme.self)
        try await add(ProgrammeOfficial.self)
        try await add(ProgrammeLight.self)
        try await add(ProgrammeDimension.self)
        try await add(Project.self)
        try await add(ProjectLeader.self)
        try await add(ProjectItem.self)
        try await add(ReportingPeriod.self)
        try await add(ProjectStatus.self)
        try await add(ProgrammeSection.self)
        try await add(Decision.self)
        try await add(Risk.self)
        return Snapshot(rows: rows)
    }
}
