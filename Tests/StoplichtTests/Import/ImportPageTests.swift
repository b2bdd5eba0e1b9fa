import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

/// The upload page: upload, preview (nothing written), adjust the mapping, confirm.
@Suite struct ImportPageTests {
    func upload(_ browser: inout Browser, _ name: String, fields: [String: String] = [:]) async throws -> Browser.Reply
    {
        _ = try await browser.get("/importeren")
        return try await browser.upload(
            "/importeren", file: try ImportFixtures.data(name), filename: name, fields: fields)
    }

    @Test func theFormOffersTheProgrammes() async throws {
        try await withStoplicht(seeded: true) { app in
            var browser = try await Browser.loggedIn(app)
            let reply = try await browser.get("/importeren?programma=dienstverlening")
            #expect(reply.status == .ok)
            #expect(reply.body.contains("enctype=\"multipart/form-data\""))
            #expect(
                reply.body.contains(
                    "<option value=\"dienstverlening\" selected=\"selected\">Dienstverlening — Gemeente Woudenberg</option>"
                ))
            #expect(reply.body.contains("<label class=\"utrecht-form-label\" for=\"bestand\">Bestand</label>"))
        }
    }

    @Test func anUploadIsPreviewedAndWritesNothingUntilConfirmed() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            let before = try await Project.query(on: app.db).count()
            var browser = try await Browser.loggedIn(app)

            // MUT: upload and look
            let uploaded = try await upload(
                &browser, "heuvelrug-dimensies.docx",
                fields: ImportUploadField.form([.organisation: "Gemeente Heuvelrug"]))
            let location = try #require(uploaded.location)
            let preview = try await browser.get(location)

            // validate: the plan is shown, nothing is written
            #expect(uploaded.status == .seeOther)
            #expect(preview.status == .ok)
            #expect(preview.body.contains("4 projecten: 4 nieuw, 0 gewijzigd, 0 ongewijzigd."))
            #expect(preview.body.contains("Herinrichting Marktplein"))
            #expect(
                preview.body.contains(
                    "<strong>tabel 2, rij 1: </strong>Vervolgrij (over een paginagrens) samengevoegd met project 3."))
            #expect(try await Project.query(on: app.db).count() == before)
            #expect(try await Programme.query(on: app.db).count() == 1)

            // MUT: confirm
            let confirmed = try await browser.post(location)

            // validate
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.location == "/programmas/fysiek-domein")
            #expect(try await Project.query(on: app.db).count() == before + 4)
            #expect(try await PendingImport.query(on: app.db).count() == 0)
            let overview = try await browser.get("/programmas/fysiek-domein")
            #expect(overview.body.contains("Warmtevisie"))
            // Confirming twice is no second import.
            let again = try await browser.post(location)
            #expect(again.status == .notFound)
            #expect(again.body.contains("Deze import bestaat niet (meer)"))
        }
    }

    @Test func unrecognisedColumnsAreMappedOnThePage() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: a table of names, amounts, dates and codes: nothing says these are projects.
            var browser = try await Browser.loggedIn(app)
            let uploaded = try await upload(
                &browser, "zonder-projectkenmerken.csv",
                fields: ImportUploadField.form([
                    .programme: "dienstverlening", .period: "november 2018 t/m februari 2019",
                ]))
            let location = try #require(uploaded.location)

            // MUT
            let unreadable = try await browser.get(location)
            let mapped = try await browser.post(
                location + "/indeling",
                ImportMappingField.form([.period: "november 2018 t/m februari 2019", .mapping: ""]).merging([
                    ImportMappingField.header(0).name: "Wat", ImportMappingField.column(0).name: "project",
                    ImportMappingField.header(1).name: "Hoeveel", ImportMappingField.column(1).name: "budget",
                    ImportMappingField.header(2).name: "Wanneer", ImportMappingField.column(2).name: "overig",
                    ImportMappingField.header(3).name: "Kenmerk", ImportMappingField.column(3).name: "toelichting",
                ]) { $1 })
            let preview = try await browser.get(location)

            // validate
            #expect(unreadable.status == .unprocessableEntity)
            #expect(unreadable.body.contains("<label class=\"utrecht-form-label\" for=\"kolom-2\">Wanneer</label>"))
            #expect(mapped.status == .seeOther)
            #expect(preview.status == .ok)
            #expect(preview.body.contains("kolom Wat = project"))
            #expect(preview.body.contains("Sporthal"))
        }
    }

    @Test func unknownLightWordsAreMappedOnThePage() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: headers no vocabulary knows; the cells show names, people and light words.
            var browser = try await Browser.loggedIn(app)
            let uploaded = try await upload(
                &browser, "onbekende-kolommen.csv",
                fields: ImportUploadField.form([
                    .programme: "dienstverlening", .period: "november 2018 t/m februari 2019",
                ]))
            let location = try #require(uploaded.location)

            // MUT
            let preview = try await browser.get(location)
            _ = try await browser.post(
                location + "/indeling",
                ImportMappingField.form([.period: "november 2018 t/m februari 2019", .mapping: ""]).merging([
                    ImportMappingField.word(0).name: "Op stoom", ImportMappingField.light(0).name: "groen",
                    ImportMappingField.word(1).name: "Stroef", ImportMappingField.light(1).name: "oranje",
                ]) { $1 })
            let confirmed = try await browser.post(location)

            // validate
            #expect(preview.status == .ok)
            #expect(preview.body.contains("‘Op stoom’ (onbekend stoplicht)"))
            #expect(preview.body.contains("<label class=\"utrecht-form-label\" for=\"licht-0\">Op stoom</label>"))
            #expect(confirmed.location == "/programmas/dienstverlening")
            let sporthal = try #require(try await Project.query(on: app.db).filter(\.$name == "Sporthal").first())
            let status = try #require(
                try await ProjectStatus.query(on: app.db).filter(\.$project.$id == sporthal.requireID()).first())
            #expect(status.light == "oranje")
        }
    }

    @Test func badInputGetsADutchMessageAndKeepsWhatWasTyped() async throws {
        try await withStoplicht(seeded: true) { app in
            var browser = try await Browser.loggedIn(app)
            _ = try await browser.get("/importeren")
            // No file.
            let empty = try await browser.upload(
                "/importeren", file: Data(), filename: "", fields: ImportUploadField.form([.period: "mei 2019"]))
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.contains("Kies een bestand om te importeren."))
            #expect(empty.body.contains("value=\"mei 2019\""))
            // A damaged file: the preview says why, nothing is written.
            let damaged = try await browser.upload(
                "/importeren", file: Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), filename: "kapot.docx",
                fields: ImportUploadField.form([.programme: "dienstverlening"]))
            let preview = try await browser.get(try #require(damaged.location))
            #expect(preview.status == .unprocessableEntity)
            #expect(preview.body.contains("beschadigd of onvolledig ZIP-archief"))
            // A mapping that cannot be read.
            let wrong = try await browser.post(
                try #require(damaged.location) + "/indeling", ImportMappingField.form([.mapping: "Wie is de trekker"]))
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("indeling:1: een regel begint met ‘kolom’ of ‘licht’"))
            // An unknown upload.
            let unknown = try await browser.get("/importeren/00000000-0000-0000-0000-000000000000")
            #expect(unknown.status == .notFound)
            // Cancel removes the upload.
            let cancelled = try await browser.post(try #require(damaged.location) + "/annuleren")
            #expect(cancelled.location == "/")
            #expect(try await PendingImport.query(on: app.db).count() == 0)
        }
    }
}
