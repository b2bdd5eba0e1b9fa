import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// The preview says what an import overwrites — old → new per field, and whose update of
/// this period — and the programme manager leaves rows out before confirming.
@Suite struct ImportOverwriteTests {
    /// Walter, project leader of the seed's projects, saves project 1 of this period through
    /// the update form.
    func walterUpdatesProjectOne(_ app: Application) async throws -> ProjectStatus {
        let user = try await AccountAdministration(actor: "test").add(
            email: "walter@woudenberg.nl", name: "Walter de Haan", password: "een lang wachtwoord",
            administrator: false,
            person: "Walter de Haan", on: app.db)
        let programme = try #require(try await Programme.query(on: app.db).filter(\.$slug == Cycle.programme).first())
        try await AccountAdministration(actor: "test").setRole(.projectLeader, for: user, in: programme, on: app.db)
        var walter = Browser(app)
        #expect(
            try await walter.logIn(email: "walter@woudenberg.nl", password: "een lang wachtwoord").status == .seeOther)
        let path = Cycle.statusPath(1)
        let revision = try #require(Browser.hiddenValue(StatusField.revision, in: try await walter.get(path).body))
        let saved = try await walter.post(
            path, Cycle.statusForm(light: "groen", remarks: "Walters update van deze periode.", revision: revision))
        #expect(saved.status == .seeOther)
        return try #require(try await Cycle.status(1, on: app.db))
    }

    /// Last period's file: new lights and remarks for projects 1 and 2.
    func oldFile(_ app: Application) async throws -> Data {
        let projects = try await Project.query(on: app.db).filter(\.$number ~~ [1, 2]).sort(\.$number).all()
        let names = projects.map { $0.name.replacingOccurrences(of: ";", with: ",") }
        return Data(
            """
            Nummer;Project;Projectleider;Status;Opmerkingen
            1;\(names[0]);Walter de Haan;rood;Uit het bestand van vorige periode.
            2;\(names[1]);Walter de Haan;oranje;Nieuw uit het bestand.

            """.utf8)
    }

    func uploadOldFile(_ app: Application, _ browser: inout Browser) async throws -> String {
        _ = try await browser.get("/importeren")
        let reply = try await browser.upload(
            "/importeren", file: try await oldFile(app), filename: "vorige-periode.csv",
            fields: ImportUploadField.form([.programme: Cycle.programme, .period: "juni t/m oktober 2018"]))
        #expect(reply.status == .seeOther)
        return try #require(reply.location)
    }

    @Test func thePreviewShowsOldAndNewAndWhoseUpdateItOverwrites() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            let walters = try await walterUpdatesProjectOne(app)
            let two = try #require(try await Cycle.status(2, on: app.db))
            let scale = try await ProgrammeContext.load(slug: Cycle.programme, on: app.db).scale
            var browser = try await Browser.loggedIn(app)
            let location = try await uploadOldFile(app, &browser)

            // MUT
            let preview = try await browser.get(location)

            // validate: per field, what it was and what it becomes.
            #expect(preview.status == .ok)
            let oldTwo = scale.light(two.light)?.label ?? "—"
            #expect(preview.body.contains("<li>stoplicht: \(oldTwo) → Oranje</li>"))
            #expect(
                preview.body.contains(
                    "<li>toelichting: ‘Walters update van deze periode.’ → ‘Uit het bestand van vorige periode.’</li>"))
            #expect(preview.body.contains("<li>stoplicht: Groen → Rood</li>"))
            // Project 1 was saved by Walter in this period: named, with the time, never by address.
            let time = AuditLogView.time.string(from: try #require(walters.updatedAt))
            #expect(preview.body.contains("Overschrijft de update van Walter de Haan van \(time) in deze periode."))
            #expect(!preview.body.contains("walter@woudenberg.nl"))
            // Its row is left out unless the manager says otherwise; project 2's is taken.
            let one = try #require(try await Project.query(on: app.db).filter(\.$number == 1).first())
            let project2 = try #require(try await Project.query(on: app.db).filter(\.$number == 2).first())
            #expect(
                preview.body.contains(
                    "name=\"weglaten-\(try one.requireID())\" value=\"ja\" form=\"import-bevestigen\" checked=\"checked\""
                ))
            #expect(
                preview.body.contains(
                    "name=\"weglaten-\(try project2.requireID())\" value=\"ja\" form=\"import-bevestigen\">"))
            #expect(preview.body.contains("<form class=\"stoplicht-form\" id=\"import-bevestigen\""))
        }
    }

    @Test func aRowLeftOutKeepsItsStatusWhileTheOthersAreImported() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            let walters = try await walterUpdatesProjectOne(app)
            var browser = try await Browser.loggedIn(app)
            let location = try await uploadOldFile(app, &browser)
            _ = try await browser.get(location)
            let one = try #require(try await Project.query(on: app.db).filter(\.$number == 1).first())

            // MUT: confirm as the preview's form sends it: project 1's box ticked.
            let confirmed = try await browser.post(
                location, [ImportConfirmField.leaveOut("\(try one.requireID())").name: "ja"])

            // validate: Walter's update stands; project 2 has the file's.
            #expect(confirmed.status == .ok)
            #expect(confirmed.body.contains("Import uitgevoerd"))
            #expect(confirmed.body.contains("0 nieuw, 1 gewijzigd. Eén project is niet overgenomen"))
            #expect(confirmed.body.contains("<li>1 \(one.name)</li>"))
            let kept = try #require(try await Cycle.status(1, on: app.db))
            #expect(kept.light == "groen")
            #expect(kept.remarks == "Walters update van deze periode.")
            #expect(kept.revision == walters.revision)
            #expect(kept.updatedBy == "walter@woudenberg.nl")
            let two = try #require(try await Cycle.status(2, on: app.db))
            #expect(two.light == "oranje")
            #expect(two.remarks == "Nieuw uit het bestand.")
            #expect(two.updatedBy == ImportWriter.importedBy)
            #expect(try await PendingImport.query(on: app.db).count() == 0)
            // One audit entry for the file says what was left out.
            let file = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$action == "import").filter(\.$entity == "bestand")
                    .filter(\.$entityID == "vorige-periode.csv").first())
            #expect(file.after?.contains("\"niet overgenomen\":\"1\"") == true)
        }
    }

    @Test func anImportedStatusIsNoPersonsUpdateForTheNextImport() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: Walter's update, then the file imported over it on purpose (box cleared).
            _ = try await walterUpdatesProjectOne(app)
            var browser = try await Browser.loggedIn(app)
            let first = try await uploadOldFile(app, &browser)
            _ = try await browser.get(first)
            #expect(try await browser.post(first).status == .seeOther)
            #expect(try #require(try await Cycle.status(1, on: app.db)).light == "rood")

            // MUT: the same file again, the status changed in between by the import only.
            let imported = try #require(try await Cycle.status(1, on: app.db))
            imported.remarks = "Anders."
            try await imported.save(on: app.db)
            let again = try await uploadOldFile(app, &browser)
            let preview = try await browser.get(again)

            // validate: nothing is marked as a person's update.
            #expect(preview.status == .ok)
            #expect(preview.body.contains("<li>toelichting: ‘Anders.’ → ‘Uit het bestand van vorige periode.’</li>"))
            #expect(!preview.body.contains("Overschrijft de update"))
            #expect(!preview.body.contains("checked=\"checked\""))
        }
    }

    @Test func aNewProjectLeftOutIsNotCreated() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: three projects the programme does not have yet.
            var browser = try await Browser.loggedIn(app)
            _ = try await browser.get("/importeren")
            let reply = try await browser.upload(
                "/importeren", file: try ImportFixtures.data("onbekende-kolommen.csv"), filename: "o.csv",
                fields: ImportUploadField.form([
                    .programme: "dienstverlening", .period: "november 2018 t/m februari 2019",
                    .mapping: "licht Op stoom = groen\nlicht Stroef = oranje",
                ]))
            let location = try #require(reply.location)
            let preview = try await browser.get(location)
            #expect(preview.body.contains("name=\"weglaten-rij-2\" value=\"ja\" form=\"import-bevestigen\">"))

            // MUT: the second row (Sporthal) left out.
            let confirmed = try await browser.post(location, [ImportConfirmField.leaveOut("rij-2").name: "ja"])

            // validate
            #expect(confirmed.status == .ok)
            #expect(confirmed.body.contains("2 nieuw, 0 gewijzigd. Eén project is niet overgenomen"))
            let names = Set(try await Project.query(on: app.db).all().map(\.name))
            #expect(names.isSuperset(of: ["Centrumplan", "Bibliotheek"]))
            #expect(!names.contains("Sporthal"))
        }
    }

    @Test func aLeftOutRowThePlanDoesNotHaveIsRefusedAndNothingIsWritten() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: another municipality's project, and a row number the file does not have.
            let leusden = try ImportFixtures.read("leusden-zonder-nummers.csv").report
            let other = try await ReportImporter(database: app.db).run(
                leusden, into: ImportTarget(organisation: "Gemeente Leusden", programme: "Dienstverlening"))
            let foreign = try #require(
                try await Project.query(on: app.db).filter(\.$programme.$id == other.programmeID!).first())
            let before = try #require(try await Cycle.status(2, on: app.db))
            var browser = try await Browser.loggedIn(app)
            let location = try await uploadOldFile(app, &browser)
            _ = try await browser.get(location)

            // MUT
            let foreignKey = try await browser.post(location, ["weglaten-\(try foreign.requireID())": "ja"])
            let noRow = try await browser.post(location, ["weglaten-rij-99": "ja"])

            // validate: refused with the preview again; nothing written, the upload kept.
            for reply in [foreignKey, noRow] {
                #expect(reply.status == .unprocessableEntity)
                #expect(
                    reply.body.contains(
                        "De import is niet uitgevoerd: een project dat u niet wilde overnemen staat niet (meer) in deze voorvertoning."
                    ))
            }
            let after = try #require(try await Cycle.status(2, on: app.db))
            #expect(after.light == before.light)
            #expect(after.remarks == before.remarks)
            #expect(after.revision == before.revision)
            #expect(try await PendingImport.query(on: app.db).count() == 1)
        }
    }

    @Test func theWebSaysWhatToChooseWhereTheCommandLineNamesItsOption() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var browser = try await Browser.loggedIn(app)
            _ = try await browser.get("/importeren")
            let reply = try await browser.upload(
                "/importeren", file: try ImportFixtures.data("onbekende-kolommen.csv"), filename: "o.csv",
                fields: ImportUploadField.form([
                    .programme: "dienstverlening", .period: "november 2018 t/m februari 2019",
                ]))

            // MUT
            let preview = try await browser.get(try #require(reply.location))
            let report = try ImportFixtures.read("onbekende-kolommen.csv").report

            // validate
            #expect(
                preview.body.contains(
                    "die projecten krijgen daarvoor geen status. Kies hieronder bij ‘Onbekende stoplichten’ welk stoplicht ‘Op stoom’ is."
                ))
            #expect(!preview.body.contains("--lights"))
            // No command-line option anywhere on the page (class names' "--" stand inside a word).
            #expect(preview.body.range(of: #"(^|[\s(‘"'])--[a-z]"#, options: .regularExpression) == nil)
            #expect(
                report.warnings.map(\.description).contains {
                    $0.hasSuffix("Geef een vertaling op, bijvoorbeeld --lights \"Op stoom=oranje\".")
                })
        }
    }
}
