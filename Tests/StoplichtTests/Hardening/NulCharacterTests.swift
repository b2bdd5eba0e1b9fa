import Fluent
import Foundation
import Testing
import Vapor

@testable import Stoplicht
@testable import StoplichtCore

/// A NUL character (U+0000) where a request carries text: PostgreSQL refused it with a
/// server error and SQLite cut the text off there, so a leader "a\u{0}b" was stored as
/// "a" (schemathesis found the 500 this led to). A request is refused with the place
/// named; an import refuses a text file holding the byte and drops a reference to it.
@Suite struct NulCharacterTests {
    static let writer = "erna@woudenberg.nl"

    func place(_ type: HTTPMediaType, _ body: String) -> NulCharacters.Place? {
        NulCharacters.place(uri: "/", contentType: type, body: ByteBuffer(string: body))
    }

    @Test func theScannerNamesWhereTheCharacterIs() {
        #expect(NulCharacters.place(uri: "/programmas/%00", contentType: nil, body: nil) == .path)
        #expect(
            NulCharacters.place(uri: "/programmas/a?periode=x%00y&b=1", contentType: nil, body: nil)
                == .query("periode"))
        // "%2500" is the text "%00"
        #expect(NulCharacters.place(uri: "/zoeken?q=a%2500", contentType: nil, body: nil) == nil)
        let form = HTTPMediaType.urlEncodedForm
        #expect(place(form, "naam=Plein&projectleiders=Jan%0ASmit%00") == .field("projectleiders"))
        #expect(place(form, "naam=Plein&toelichting=100%25%2000") == nil)
        let json = HTTPMediaType.json
        #expect(place(json, #"{"name":"x","leaders":["a","b\u0000c"]}"#) == .field("leaders[1]"))
        #expect(place(json, #"{"items":[{"title":"\u0000"}]}"#) == .field("items[0].title"))
        // An escaped backslash before "u0000" is the text \u0000, which is stored as sent.
        #expect(place(json, #"{"name":"a\\u0000"}"#) == nil)
        #expect(place(json, #"{"name":"a\\\u0000"}"#) == .field("name"))
        let boundary = "grens"
        let multipart = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        func part(_ headers: String, _ value: String) -> String { "--\(boundary)\r\n\(headers)\r\n\r\n\(value)\r\n" }
        let file = part(
            "Content-Disposition: form-data; name=\"bestand\"; filename=\"a.xlsx\"\r\nContent-Type: application/octet-stream",
            "PK\u{0}\u{0}\u{3}")
        #expect(
            place(
                multipart,
                file + part("Content-Disposition: form-data; name=\"gemeente\"", "Proef") + "--\(boundary)--\r\n")
                == nil)
        #expect(
            place(
                multipart,
                file + part("Content-Disposition: form-data; name=\"gemeente\"", "Pro\u{0}ef") + "--\(boundary)--\r\n")
                == .field("gemeente"))
    }

    @Test func anAPIWriteWithTheCharacterIsRefusedAndNothingIsStored() async throws {
        try await withStoplicht(seeded: true) { app in
            let token = try await APIClient.token(app, Self.writer, role: .programmeManager)
            let people = try await Person.query(on: app.db).count()
            let (status, _, problem) = try await APIClient.send(
                app, .POST, "/api/v1/programmes/dienstverlening/projects", token: token,
                body: [
                    "number": 90, "name": "Plein", "leaders": ["Jan Smit", "Jan\u{0}Smit"], "lifecycle": "lopend",
                ])
            #expect(status == .unprocessableEntity)
            #expect(problem["detail"] as? String == Strings.nulInField("leaders[1]"))
            #expect(try await Project.query(on: app.db).filter(\.$number == 90).count() == 0)
            #expect(try await Person.query(on: app.db).count() == people)

            // The same project without the character is stored whole.
            let (created, _, project) = try await APIClient.send(
                app, .POST, "/api/v1/programmes/dienstverlening/projects", token: token,
                body: [
                    "number": 90, "name": "Plein", "leaders": ["Jan Smit", "Piet\u{1}Smit"], "lifecycle": "lopend",
                ])
            #expect(created == .created)
            #expect(project["leaders"] as? [String] == ["Jan Smit", "Piet\u{1}Smit"])
            let (_, _, read) = try await APIClient.send(
                app, .GET, "/api/v1/programmes/dienstverlening/projects/90", token: token)
            #expect(read["leaders"] as? [String] == ["Jan Smit", "Piet\u{1}Smit"])

            let (path, _, answer) = try await APIClient.send(
                app, .GET, "/api/v1/programmes/dienst%00verlening", token: token)
            #expect(path == .notFound)
            #expect(answer["detail"] as? String == Strings.nulInPath)
            let (query, _, problem2) = try await APIClient.send(
                app, .GET, "/api/v1/programmes/dienstverlening/projects/1/status?period=juni%00", token: token)
            #expect(query == .notFound)
            #expect(problem2["detail"] as? String == Strings.nulInParameter("period"))
        }
    }

    @Test func aFormWithTheCharacterIsRefusedWithTheFieldNamed() async throws {
        try await withStoplicht(seeded: true) { app in
            var erna = try await Browser.member(app, Self.writer, role: .programmeManager)
            _ = try await erna.get("/programmas/dienstverlening/projecten/nieuw")
            let refused = try await erna.post(
                "/programmas/dienstverlening/projecten/nieuw",
                ProjectField.form([
                    .number: "91", .name: "Plein", .leaders: "Jan\u{0}Smit", .lifecycle: "lopend",
                ]))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains(Strings.nulInField("projectleiders")))
            #expect(try await Project.query(on: app.db).filter(\.$number == 91).count() == 0)

            let page = try await erna.get("/programmas/dienst%00verlening")
            #expect(page.status == .notFound)
            #expect(page.body.contains("Het adres bevat een nulteken (%00); zo&#39;n pagina bestaat hier niet."))
        }
    }

    @Test func anImportRefusesATextFileWithTheByteAndDropsAReferenceToIt() async throws {
        let csv =
            "Programma;Wonen\nPeriode;januari t/m april 2024\n\nNr;Project;Projectleider;Status\n1;Plein;Jan\u{0} Smit;✓\n"
        #expect(throws: ReportFileError.self) { try ReportReader().read(Data(csv.utf8), filename: "wonen.csv") }

        // The XML inside Word, OpenDocument and Excel files (reports and actuals) may write
        // it as "&#0;", and HTML too.
        var text = ""
        try XMLPullParser(Data("<t>Jan&#0; Sm&#x0;it</t>".utf8)).parse { event in
            if case .text(let t) = event { text += t }
        }
        #expect(text == "Jan Smit")
        let html = """
            <h1>Programma Wonen</h1><p>Rapportageperiode: januari t/m april 2024</p>
            <table><tr><th>Nr</th><th>Project</th><th>Projectleider</th><th>Status</th><th>Toelichting</th></tr>
            <tr><td>1</td><td>Plein</td><td>Jan&#0; Smit</td><td>groen</td><td>Loopt&#x0;.</td></tr>
            <tr><td>2</td><td>Haven</td><td>Jan Smit</td><td>groen</td><td>Klaar.</td></tr></table>
            """
        let result = try ReportReader().read(Data(html.utf8), filename: "wonen.html")
        #expect(result.report.projects.map { $0.leaders.map(\.person) } == [["Jan Smit"], ["Jan Smit"]])
        #expect(result.report.projects.first?.remarks == "Loopt.")
        try await withStoplicht { app in
            _ = try await ImportFixtures.importReport(result, into: app)
            #expect(try await Person.query(on: app.db).all().map(\.name) == ["Jan Smit"])
        }
    }
}
