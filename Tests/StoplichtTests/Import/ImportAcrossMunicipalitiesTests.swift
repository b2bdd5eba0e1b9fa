import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Two municipalities on one installation, each with a programme "Dienstverlening": who may
/// import where is decided by the programme's id, never by its name.
@Suite struct ImportAcrossMunicipalitiesTests {
    /// The seed (Woudenberg's "Dienstverlening") and Leusden's programme of the same name.
    func twoMunicipalities(_ app: Application) async throws -> (woudenberg: Programme, leusden: Programme) {
        let report = try ImportFixtures.read("leusden-zonder-nummers.csv").report
        let summary = try await ReportImporter(database: app.db).run(
            report, into: ImportTarget(organisation: "Gemeente Leusden", programme: "Dienstverlening"))
        let woudenberg = try #require(
            try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").first())
        let leusden = try #require(
            try await Programme.query(on: app.db).filter(\.$slug == summary.programmeSlug).first())
        #expect(woudenberg.name == leusden.name)
        #expect(woudenberg.$organisation.id != leusden.$organisation.id)
        return (woudenberg, leusden)
    }

    @Test func aProgrammeManagerCannotImportIntoAnotherMunicipalitysProgrammeOfTheSameName() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            let (_, leusden) = try await twoMunicipalities(app)
            let before = try await Project.query(on: app.db).filter(\.$programme.$id == leusden.requireID()).count()
            var manager = try await Browser.member(app, "pm@woudenberg.nl", role: .programmeManager)
            _ = try await manager.get("/importeren")

            // MUT
            let reply = try await manager.upload(
                "/importeren", file: try ImportFixtures.data("onbekende-kolommen.csv"), filename: "x.csv",
                fields: ImportUploadField.form([.programme: leusden.slug, .period: "mei 2025"]))

            // validate
            #expect(reply.status == .forbidden)
            #expect(reply.body.contains("U hebt geen toestemming voor deze handeling."))
            #expect(try await PendingImport.query(on: app.db).count() == 0)
            #expect(
                try await Project.query(on: app.db).filter(\.$programme.$id == leusden.requireID()).count() == before)
        }
    }

    @Test func anUploadForOnesOwnProgrammeGoesThereByItsID() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            let (woudenberg, leusden) = try await twoMunicipalities(app)
            var manager = try await Browser.member(app, "pm@woudenberg.nl", role: .programmeManager)
            _ = try await manager.get("/importeren")
            let leusdenProjects = try await Project.query(on: app.db).filter(\.$programme.$id == leusden.requireID())
                .count()

            // MUT
            let reply = try await manager.upload(
                "/importeren", file: try ImportFixtures.data("leusden-zonder-nummers.csv"), filename: "l.csv",
                fields: ImportUploadField.form([
                    .programme: "dienstverlening", .period: "november 2018 t/m februari 2019",
                ]))
            let pending = try #require(try await PendingImport.query(on: app.db).first())
            let preview = try await manager.get(try #require(reply.location))
            let confirmed = try await manager.post(SiteURL.importPreview(try pending.requireID()).path)

            // validate
            #expect(reply.status == .seeOther)
            #expect(pending.programmeID == woudenberg.id)
            #expect(preview.status == .ok)
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.location == "/programmas/dienstverlening")
            #expect(
                try await Project.query(on: app.db).filter(\.$programme.$id == woudenberg.requireID()).filter(
                    \.$name == "Woningbouw De Hoef"
                ).count() == 1)
            #expect(
                try await Project.query(on: app.db).filter(\.$programme.$id == leusden.requireID()).count()
                    == leusdenProjects)
        }
    }

    @Test func aPendingImportForAnotherMunicipalitysProgrammeIsNotShownNorConfirmed() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: an upload waiting for Leusden's programme, in the manager's own name
            let (_, leusden) = try await twoMunicipalities(app)
            var manager = try await Browser.member(app, "pm@woudenberg.nl", role: .programmeManager)
            _ = try await manager.get("/importeren")
            let pending = PendingImport(
                filename: "l.csv", data: try ImportFixtures.data("leusden-zonder-nummers.csv"),
                organisation: "Gemeente Leusden",
                programme: leusden.name, programmeID: leusden.id, period: "mei 2025", mapping: "",
                uploadedBy: "pm@woudenberg.nl")
            try await pending.save(on: app.db)
            let path = SiteURL.importPreview(try pending.requireID()).path

            // MUT
            let preview = try await manager.get(path)
            let confirm = try await manager.post(path)

            // validate
            #expect(preview.status == .forbidden)
            #expect(confirm.status == .forbidden)
            #expect(
                try await ReportingPeriod.query(on: app.db).filter(\.$programme.$id == leusden.requireID()).filter(
                    \.$name == "mei 2025"
                ).count() == 0)
        }
    }

    @Test func theCommandLineTakesAnAddressOnlyWithinTheOrganisation() async throws {
        try await withStoplicht(seeded: true) { app in
            let (woudenberg, leusden) = try await twoMunicipalities(app)
            #expect(
                try await ImportCommand.existingProgramme(
                    "dienstverlening", organisation: "Gemeente Woudenberg", on: app.db) == woudenberg.id)
            #expect(
                try await ImportCommand.existingProgramme(leusden.slug, organisation: "Gemeente Leusden", on: app.db)
                    == leusden.id)
            // Woudenberg's address named for Leusden is not Woudenberg's programme.
            #expect(
                try await ImportCommand.existingProgramme(
                    "dienstverlening", organisation: "Gemeente Leusden", on: app.db) == nil)
            #expect(
                try await ImportCommand.existingProgramme(leusden.slug, organisation: "Gemeente Woudenberg", on: app.db)
                    == nil)
        }
    }
}
