import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// The JSON API's first part: personal tokens (hashed, scoped, revocable), the same
/// permissions as the web, paginated and filtered lists, problem+json in Dutch, the
/// API-Version header, and an OpenAPI document that matches the routes.
@Suite struct APIReadTests {
    func token(_ app: Application, _ email: String, role: ProgrammeRole?, scope: APIToken.Scope = .read) async throws
        -> (User, String)
    {
        _ = try await Browser.member(app, email, role: role)
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
        let (_, secret) = try await APITokens.create(
            for: user, name: "Koppeling", scope: scope, actor: "test", on: app.db)
        return (user, secret)
    }

    func get(_ app: Application, _ path: String, token: String? = nil) async throws -> (
        HTTPStatus, HTTPHeaders, [String: Any]
    ) {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var result: (HTTPStatus, HTTPHeaders, [String: Any]) = (.ok, [:], [:])
        try await app.test(.GET, path, headers: headers) { res in
            let object = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [String: Any] ?? [:]
            result = (res.status, res.headers, object)
        }
        return result
    }

    @Test func aTokenIsShownOnceStoredHashedAndRevocable() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let (_, secret) = try await token(app, "lezer@woudenberg.nl", role: .reader)
            #expect(secret.hasPrefix("stl_") && secret.count == 47)
            let stored = try #require(try await APIToken.query(on: app.db).first())
            #expect(stored.tokenHash == SHA256.hash(data: Data(secret.utf8)).hex)
            #expect(stored.tokenHash != secret && stored.prefix == String(secret.prefix(8)))
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == "api-token-maken").first()?.after?.contains(
                    secret) == false)

            #expect(try await get(app, "/api/v1/programmes/dienstverlening", token: secret).0 == .ok)
            try await APITokens.revoke(stored, actor: "test", on: app.db)
            let revoked = try await get(app, "/api/v1/programmes/dienstverlening", token: secret)
            #expect(revoked.0 == .unauthorized)
            #expect(revoked.2["detail"] as? String == "Deze API-token is onbekend of ingetrokken.")
            #expect(try await get(app, "/api/v1/programmes/dienstverlening", token: "stl_verzonnen").0 == .unauthorized)
        }
    }

    @Test func theSamePermissionsAsTheWeb() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let (_, reader) = try await token(app, "lezer@woudenberg.nl", role: .reader)
            let (_, stranger) = try await token(app, "ander@elders.nl", role: nil)
            let anonymous = try await get(app, "/api/v1/programmes/dienstverlening/projects")
            #expect(anonymous.0 == .unauthorized)
            #expect(anonymous.1.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(anonymous.1.first(name: "API-Version") == "1.0.0")
            #expect((anonymous.2["detail"] as? String)?.contains("Dit programma is besloten") == true)
            #expect(try await get(app, "/api/v1/programmes/dienstverlening/projects", token: stranger).0 == .forbidden)
            #expect((try await get(app, "/api/v1/programmes", token: stranger).2["total"] as? Int) == 0)
            let listed = try await get(app, "/api/v1/programmes", token: reader)
            #expect(listed.2["total"] as? Int == 1)
            #expect(try await get(app, "/api/v1/programmes/dienstverlening/projects", token: reader).0 == .ok)
            // An open programme is read by anyone.
            try await Cycle.setAccess(.open, on: app.db)
            #expect(try await get(app, "/api/v1/programmes/dienstverlening/projects").0 == .ok)
        }
    }

    /// The programme list of a shared installation, a page at a time: every programme the
    /// token may read on exactly one page, by name (and address between equal names).
    @Test func theProgrammeListComesAPageAtATime() async throws {
        try await withStoplicht(seeded: true) { app in
            var options = SyntheticWriter.Options(
                size: SyntheticSize(
                    organisations: 2, programmesPerOrganisation: 8,
                    projectsPerProgramme: 1, periodsPerProgramme: 1))
            options.access = .open
            options.snapshots = false
            _ = try await SyntheticWriter(options: options, settings: app.settings).write(on: app.db)
            try await Cycle.setAccess(.closed, on: app.db)
            let (_, beheerder) = try await token(app, "beheerder@woudenberg.nl", role: nil)
            try await User.query(on: app.db).filter(\.$email == "beheerder@woudenberg.nl").set(
                \.$isAdministrator, to: true
            ).update()
            let (_, reader) = try await token(app, "lezer@woudenberg.nl", role: .reader)

            let all = try await Programme.query(on: app.db).all().sorted { ($0.name, $0.slug) < ($1.name, $1.slug) }
                .map(\.slug)
            #expect(all.count == 17)
            func pages(_ token: String?) async throws -> (total: Int?, slugs: [String]) {
                var slugs: [String] = []
                var total: Int?
                for number in 1...4 {
                    let answer = try await get(app, "/api/v1/programmes?page-size=5&page=\(number)", token: token)
                    #expect(answer.0 == .ok)
                    total = answer.2["total"] as? Int
                    slugs += (answer.2["programmes"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
                }
                return (total, slugs)
            }
            #expect(try await pages(beheerder) == (17, all))
            // The reader: the sixteen open ones and the closed one they have a role in.
            #expect(try await pages(reader) == (17, all))
            // Without a token, the open ones only.
            #expect(try await pages(nil) == (16, all.filter { $0 != "dienstverlening" }))
            let (_, stranger) = try await token(app, "ander@elders.nl", role: nil)
            #expect(try await pages(stranger) == (16, all.filter { $0 != "dienstverlening" }))
        }
    }

    /// The organisations the same way: a page at a time by name, each with the programmes
    /// the token may read, and only those with such a programme (a beheerder: all).
    @Test func theOrganisationListComesAPageAtATime() async throws {
        try await withStoplicht(seeded: true) { app in
            var options = SyntheticWriter.Options(
                size: SyntheticSize(
                    organisations: 7, programmesPerOrganisation: 2,
                    projectsPerProgramme: 1, periodsPerProgramme: 1))
            options.access = .open
            options.snapshots = false
            _ = try await SyntheticWriter(options: options, settings: app.settings).write(on: app.db)
            try await Cycle.setAccess(.closed, on: app.db)
            // One generated municipality's programmes closed: nobody without a role sees it.
            let closedOrganisation = try #require(
                try await Organisation.query(on: app.db).filter(\.$name != "Gemeente Woudenberg")
                    .filter(\.$kind == .municipality).sort(\.$name).first())
            try await Programme.query(on: app.db).filter(\.$organisation.$id == closedOrganisation.requireID()).set(
                \.$access, to: .closed
            ).update()
            let (_, beheerder) = try await token(app, "beheerder@woudenberg.nl", role: nil)
            try await User.query(on: app.db).filter(\.$email == "beheerder@woudenberg.nl").set(
                \.$isAdministrator, to: true
            ).update()
            let (_, reader) = try await token(app, "lezer@woudenberg.nl", role: .reader)

            let organisations = try await Organisation.query(on: app.db).all().sorted {
                ($0.name, $0.id?.uuidString ?? "") < ($1.name, $1.id?.uuidString ?? "")
            }
            let programmes = try await Programme.query(on: app.db).all()
            func readable(_ programme: Programme, role: Bool) -> Bool {
                programme.access == .open || (role && programme.slug == "dienstverlening")
            }
            func expected(role: Bool) -> [String] {
                organisations.filter { organisation in
                    programmes.contains { $0.$organisation.id == organisation.id && readable($0, role: role) }
                }
                .map(\.name)
            }
            func pages(_ token: String?) async throws -> (total: Int?, names: [String], programmes: [String: [String]])
            {
                var names: [String] = []
                var total: Int?
                var seen: [String: [String]] = [:]
                for number in 1...4 {
                    let answer = try await get(app, "/api/v1/organisations?page-size=3&page=\(number)", token: token)
                    #expect(answer.0 == .ok)
                    total = answer.2["total"] as? Int
                    for organisation in answer.2["organisations"] as? [[String: Any]] ?? [] {
                        let name = organisation["name"] as? String ?? ""
                        names.append(name)
                        seen[name] = organisation["programmes"] as? [String] ?? []
                    }
                }
                return (total, names, seen)
            }
            let all = try await pages(beheerder)
            #expect(all.total == organisations.count && all.names == organisations.map(\.name))
            #expect(all.programmes[closedOrganisation.name]?.count == 2)
            let read = try await pages(reader)
            #expect(read.total == expected(role: true).count && read.names == expected(role: true))
            #expect(read.programmes["Gemeente Woudenberg"] == ["dienstverlening"])
            #expect(read.programmes[closedOrganisation.name] == nil)
            let anonymous = try await pages(nil)
            #expect(anonymous.names == expected(role: false) && !anonymous.names.contains("Gemeente Woudenberg"))
            #expect(anonymous.programmes.values.allSatisfy { $0.count == 2 })
            // One of them by its id: the closed municipality is not found without a role in it.
            let id = try closedOrganisation.requireID().uuidString
            #expect(try await get(app, "/api/v1/organisations/\(id)", token: reader).0 == .notFound)
            #expect(
                try await get(app, "/api/v1/organisations/\(id)", token: beheerder).2["programmes"] as? [String] != nil)
        }
    }

    @Test func listsArePaginatedAndFiltered() async throws {
        try await withStoplicht(seeded: true) { app in
            let first = try await get(app, "/api/v1/programmes/dienstverlening/projects?page-size=10")
            #expect(first.0 == .ok)
            #expect(first.1.first(name: "API-Version") == "1.0.0")
            #expect(first.2["total"] as? Int == 36)
            #expect((first.2["projects"] as? [[String: Any]])?.count == 10)
            let links = try #require(first.2["_links"] as? [String: [String: String]])
            #expect(links["next"]?["href"] == "/api/v1/programmes/dienstverlening/projects?page-size=10&page=2")
            #expect(links["last"]?["href"] == "/api/v1/programmes/dienstverlening/projects?page-size=10&page=4")
            #expect(links["prev"] == nil)
            let last = try await get(app, "/api/v1/programmes/dienstverlening/projects?page-size=10&page=4")
            #expect((last.2["projects"] as? [[String: Any]])?.map { $0["number"] as? Int } == [31, 32, 33, 34, 35, 36])

            let green = try await get(app, "/api/v1/programmes/dienstverlening/projects?light=groen")
            #expect(green.2["total"] as? Int == 4)
            let none = try await get(app, "/api/v1/programmes/dienstverlening/projects?light=geen&page-size=100")
            #expect(none.2["total"] as? Int == 24)
            let delivered = try await get(app, "/api/v1/programmes/dienstverlening/projects?lifecycle=opgeleverd")
            #expect(
                (delivered.2["projects"] as? [[String: Any]])?.allSatisfy { $0["lifecycle"] as? String == "opgeleverd" }
                    == true)
            let period = try await get(
                app, "/api/v1/programmes/dienstverlening/projects?period=juni-t-m-oktober-2018&page-size=1")
            #expect(period.2["period"] as? String == "juni-t-m-oktober-2018")

            #expect(
                try await get(app, "/api/v1/programmes/dienstverlening/projects?light=paars").2["total"] as? Int == 0)
            for bad in ["?page=0", "?page-size=101", "?page=twee", "?lifecycle=klaar", "?lifecycle="] {
                let refused = try await get(app, "/api/v1/programmes/dienstverlening/projects\(bad)")
                #expect(refused.0 == .badRequest, "\(bad)")
                #expect(refused.2["title"] as? String != nil && refused.2["detail"] as? String != nil, "\(bad)")
            }
            #expect(try await get(app, "/api/v1/programmes/bestaat-niet").0 == .notFound)
            #expect(try await get(app, "/api/v1/programmes/").0 == .notFound, "no trailing slashes")
        }
    }

    @Test func theOpenAPIDocumentMatchesTheRoutes() async throws {
        try await withStoplicht { app in
            let (status, headers, document) = try await get(app, "/api/v1/openapi.json")
            #expect(status == .ok)
            #expect(headers.first(name: "API-Version") == "1.0.0")
            #expect(document["openapi"] as? String == "3.0.3")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            for (path, operations) in paths {
                for method in operations.keys { documented.insert("\(method.uppercased()) /api/v1\(path)") }
            }
            let routed = Set(
                app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                    "\(route.method.rawValue) /"
                        + route.path.map { part in
                            if case .parameter(let name) = part { return "{\(name)}" }
                            return part.description
                        }.joined(separator: "/")
                })
            #expect(routed == documented)
            // Every reference points at a schema that exists.
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let text = String(
                decoding: try JSONSerialization.data(withJSONObject: document, options: .withoutEscapingSlashes),
                as: UTF8.self)
            let references = try NSRegularExpression(pattern: #"#/components/schemas/([A-Za-z]+)"#)
            let names = references.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                (text as NSString).substring(with: $0.range(at: 1))
            }
            #expect(!names.isEmpty && names.allSatisfy { schemas[$0] != nil })
            // No capability declares a schema another already has (the first would win unseen).
            let declared = OpenAPIDocument.capabilitySchemas.flatMap(\.keys) + OpenAPIDocument.schemas.keys
            #expect(declared.count == Set(declared).count, "\(declared.sorted())")
            // Every request body's fields are known, so an unknown one is refused.
            #expect(Set(APIWrite.properties.keys) == Set(APIOperations.all.compactMap(\.requestBody)))
            // Paths are plural nouns in kebab-case, without trailing slashes.
            #expect(
                paths.keys.allSatisfy {
                    $0.range(of: #"^(/([a-z]+(-[a-z]+)*|\{[a-z]+\}|openapi\.json))+$"#, options: .regularExpression)
                        != nil
                })
        }
    }
}
