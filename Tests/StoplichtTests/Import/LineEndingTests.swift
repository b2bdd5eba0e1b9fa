import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Text arrives with CRLF (a browser's textarea) or CR (an old Mac file): every place
/// that reads it line by line reads the same lines as with "\n".
@Suite struct LineEndingTests {
    func upload(_ browser: inout Browser, _ name: String, fields: [String: String]) async throws -> String {
        _ = try await browser.get("/importeren")
        let reply = try await browser.upload(
            "/importeren", file: try ImportFixtures.data(name), filename: name, fields: fields)
        return try #require(reply.location)
    }

    @Test func aMappingTypedInABrowserMapsTheColumns() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: a table nothing says is about projects; the preview asks for its columns.
            var browser = try await Browser.loggedIn(app)
            let location = try await upload(
                &browser, "zonder-projectkenmerken.csv",
                fields: ImportUploadField.form([
                    .programme: "dienstverlening", .period: "november 2018 t/m februari 2019",
                ]))

            // MUT: the mapping as a browser sends a textarea: CRLF between the lines.
            let mapped = try await browser.post(
                location + "/indeling",
                ImportMappingField.form([
                    .mapping:
                        "kolom Wat = project\r\nkolom Hoeveel = budget\r\nkolom Wanneer = overig\r\nkolom Kenmerk = toelichting\r\n",
                    .period: "november 2018 t/m februari 2019",
                ]))
            let preview = try await browser.get(location)

            // validate: four lines, four columns; the projects are read.
            #expect(mapped.status == .seeOther)
            #expect(preview.status == .ok)
            #expect(preview.body.contains("3 projecten: 3 nieuw, 0 gewijzigd, 0 ongewijzigd."))
            #expect(preview.body.contains("Sporthal"))
            let pending = try #require(try await PendingImport.query(on: app.db).first())
            #expect(
                pending.mapping
                    == "kolom Wat = project\nkolom Hoeveel = budget\nkolom Wanneer = overig\nkolom Kenmerk = toelichting"
            )
        }
    }

    @Test func aMappingUploadedWithTheFileMayHaveCRLF() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var browser = try await Browser.loggedIn(app)

            // MUT: the upload form's own mapping field, as a browser sends it (multipart, CRLF).
            let location = try await upload(
                &browser, "zonder-projectkenmerken.csv",
                fields: ImportUploadField.form([
                    .programme: "dienstverlening", .period: "november 2018 t/m februari 2019",
                    .mapping:
                        "kolom Wat = project\r\nkolom Hoeveel = budget\rkolom Wanneer = overig\r\nkolom Kenmerk = toelichting",
                ]))
            let preview = try await browser.get(location)

            // validate
            #expect(preview.status == .ok)
            #expect(preview.body.contains("3 projecten: 3 nieuw, 0 gewijzigd, 0 ongewijzigd."))
        }
    }

    @Test func mappingFilesScalesAndRemarksReadCRLFAndCRAsLines() throws {
        // MUT
        var options = ImportOptions()
        try options.addMappingFile(
            "kolom Wat = project\r\nlicht Op stoom = groen\rkolom Wie = projectleider\r\n", name: "indeling")
        let scale = try LightScaleFile.parse(
            "code;label;kleur;afgerond;betekenis\r\ngoed;Goed;groen;nee;Loopt.\r\nslecht;Slecht;rood;nee;Loopt niet.\r\n"
        )
        let html = MarkdownHTML.render("Eerste regel.\r\n\r\n- een\r\n- twee\r- drie")

        // validate
        #expect(options.columns == ["Wat": .name, "Wie": .leader])
        #expect(options.lights.keys.sorted() == ["Op stoom"])
        #expect(scale.lights.map(\.code) == ["goed", "slecht"])
        #expect(html.contains("<ul><li>een</li><li>twee</li><li>drie</li></ul>"))
        #expect(html.components(separatedBy: "<li>").count == 4)
        #expect(LineEndings.lines("a\r\nb\rc\nd").map(String.init) == ["a", "b", "c", "d"])
    }

    @Test func anErrorInACRLFMappingNamesItsLine() throws {
        var options = ImportOptions()
        // MUT + validate: the third line is wrong, and said to be the third.
        #expect(
            throws: ReportFileError(
                "indeling:3: een regel begint met ‘kolom’ of ‘licht’, bijvoorbeeld ‘kolom Wie = projectleider’ of ‘licht Op stoom = groen’."
            )
        ) {
            try options.addMappingFile("kolom Wat = project\r\n\r\nWie is de trekker\r\n", name: "indeling")
        }
    }
}
