import Fluent
import Foundation
@testable import Stoplicht
import StoplichtCore
import Testing
import Vapor
import VaporTesting

/// The upload page: upload, preview (nothing written), adjust the mapping, confirm.
@Suite struct ImportPageTests {
    struct Reply {
        var status: HTTPStatus
        var body: String
        var location: String?
    }

    /// A multipart form as a browser sends it.
    static func multipart(file: Data, filename: String, fields: [String: String]) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "----stoplicht-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        headers.add(name: .accept, value: "text/html")
        return (headers, ByteBuffer(data: body))
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, headers: HTTPHeaders = ["Accept": "text/html"], body: ByteBuffer? = nil) async throws -> Reply {
        var reply = Reply(status: .ok, body: "")
        try await app.testing().test(method, path, headers: headers, body: body) { res in
            reply = Reply(status: res.status, body: res.body.string, location: res.headers.first(name: .location))
        }
        return reply
    }

    func upload(_ app: Application, _ name: String, fields: [String: String] = [:]) async throws -> Reply {
        let (headers, body) = Self.multipart(file: try ImportFixtures.data(name), filename: name, fields: fields)
        return try await send(app, .POST, "/importeren", headers: headers, body: body)
    }

    func form(_ fields: [String: String]) -> (HTTPHeaders, ByteBuffer) {
        var components = URLComponents()
        components.queryItems = fields.map { URLQueryItem(name: $0.key, value: $0.value) }
        let encoded = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return (["Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"], ByteBuffer(string: encoded))
    }

    @Test func theFormOffersTheProgrammes() async throws {
        try await withStoplicht(seeded: true) { app in
            let reply = try await send(app, .GET, "/importeren?programma=dienstverlening")
            #expect(reply.status == .ok)
            #expect(reply.body.contains("enctype=\"multipart/form-data\""))
            #expect(reply.body.contains("<option value=\"dienstverlening\" selected=\"selected\">Dienstverlening — Gemeente Woudenberg</option>"))
            #expect(reply.body.contains("<label class=\"utrecht-form-label\" for=\"bestand\">Bestand</label>"))
        }
    }

    @Test func anUploadIsPreviewedAndWritesNothingUntilConfirmed() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            let before = try await Project.query(on: app.db).count()

            // MUT: upload and look
            let uploaded = try await upload(app, "heuvelrug-dimensies.docx", fields: ["gemeente": "Gemeente Heuvelrug"])
            let location = try #require(uploaded.location)
            let preview = try await send(app, .GET, location)

            // validate: the plan is shown, nothing is written
            #expect(uploaded.status == .seeOther)
            #expect(preview.status == .ok)
            #expect(preview.body.contains("4 projecten: 4 nieuw, 0 gewijzigd, 0 ongewijzigd."))
            #expect(preview.body.contains("Herinrichting Marktplein"))
            #expect(preview.body.contains("<strong>tabel 2, rij 1: </strong>Vervolgrij (over een paginagrens) samengevoegd met project 3."))
            #expect(try await Project.query(on: app.db).count() == before)
            #expect(try await Programme.query(on: app.db).count() == 1)

            // MUT: confirm
            let confirmed = try await send(app, .POST, location)

            // validate
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.location == "/programmas/fysiek-domein")
            #expect(try await Project.query(on: app.db).count() == before + 4)
            #expect(try await PendingImport.query(on: app.db).count() == 0)
            let overview = try await send(app, .GET, "/programmas/fysiek-domein")
            #expect(overview.body.contains("Warmtevisie"))
            // Confirming twice is no second import.
            let again = try await send(app, .POST, location)
            #expect(again.status == .notFound)
            #expect(again.body.contains("Deze import bestaat niet (meer)"))
        }
    }

    @Test func unrecognisedColumnsAreMappedOnThePage() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            let uploaded = try await upload(app, "onbekende-kolommen.csv", fields: ["programma": "dienstverlening", "periode": "november 2018 t/m februari 2019"])
            let location = try #require(uploaded.location)

            // MUT
            let unreadable = try await send(app, .GET, location)
            let (headers, body) = form([
                "kop-0": "Wat", "kolom-0": "project", "kop-1": "Wie", "kolom-1": "projectleider",
                "kop-2": "Hoe staat het ervoor", "kolom-2": "status", "kop-3": "Verhaal", "kolom-3": "toelichting",
                "periode": "november 2018 t/m februari 2019", "indeling": "",
            ])
            let mapped = try await send(app, .POST, location + "/indeling", headers: headers, body: body)
            let preview = try await send(app, .GET, location)
            let mappingText = "kolom Wat = project\nkolom Wie = projectleider\nkolom Hoe staat het ervoor = status\nkolom Verhaal = toelichting"
            let (lightHeaders, lightBody) = form([
                "woord-0": "Op stoom", "licht-0": "groen", "woord-1": "Stroef", "licht-1": "oranje",
                // The browser sends the mapping text area back as the preview filled it.
                "periode": "november 2018 t/m februari 2019", "indeling": mappingText,
            ])
            _ = try await send(app, .POST, location + "/indeling", headers: lightHeaders, body: lightBody)
            let confirmed = try await send(app, .POST, location)

            // validate
            #expect(unreadable.status == .unprocessableEntity)
            #expect(unreadable.body.contains("<label class=\"utrecht-form-label\" for=\"kolom-2\">Hoe staat het ervoor</label>"))
            #expect(mapped.status == .seeOther)
            #expect(preview.status == .ok)
            #expect(preview.body.contains("‘Op stoom’ (onbekend stoplicht)"))
            #expect(preview.body.contains(mappingText))
            #expect(preview.body.contains("<label class=\"utrecht-form-label\" for=\"licht-0\">Op stoom</label>"))
            #expect(confirmed.location == "/programmas/dienstverlening")
            let sporthal = try #require(try await Project.query(on: app.db).filter(\.$name == "Sporthal").first())
            let status = try #require(try await ProjectStatus.query(on: app.db).filter(\.$project.$id == sporthal.requireID()).first())
            #expect(status.light == "oranje")
        }
    }

    @Test func badInputGetsADutchMessageAndKeepsWhatWasTyped() async throws {
        try await withStoplicht(seeded: true) { app in
            // No file.
            let (headers, body) = Self.multipart(file: Data(), filename: "", fields: ["periode": "mei 2019"])
            let empty = try await send(app, .POST, "/importeren", headers: headers, body: body)
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.contains("Kies een bestand om te importeren."))
            #expect(empty.body.contains("value=\"mei 2019\""))
            // A damaged file: the preview says why, nothing is written.
            let (zipHeaders, zipBody) = Self.multipart(file: Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), filename: "kapot.docx", fields: ["programma": "dienstverlening"])
            let damaged = try await send(app, .POST, "/importeren", headers: zipHeaders, body: zipBody)
            let preview = try await send(app, .GET, try #require(damaged.location))
            #expect(preview.status == .unprocessableEntity)
            #expect(preview.body.contains("beschadigd of onvolledig ZIP-archief"))
            // A mapping that cannot be read.
            let (mapHeaders, mapBody) = form(["indeling": "Wie is de trekker"])
            let wrong = try await send(app, .POST, try #require(damaged.location) + "/indeling", headers: mapHeaders, body: mapBody)
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("indeling:1: een regel begint met ‘kolom’ of ‘licht’"))
            // An unknown upload.
            let unknown = try await send(app, .GET, "/importeren/00000000-0000-0000-0000-000000000000")
            #expect(unknown.status == .notFound)
            // Cancel removes the upload.
            let cancelled = try await send(app, .POST, try #require(damaged.location) + "/annuleren")
            #expect(cancelled.location == "/")
            #expect(try await PendingImport.query(on: app.db).count() == 0)
        }
    }
}
