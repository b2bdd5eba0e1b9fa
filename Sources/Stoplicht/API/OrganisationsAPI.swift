import Fluent
import Foundation
import Vapor

/// Organisations: the municipalities that run programmes and the firms that supply project
/// leaders. Anyone sees the organisations of the programmes they may read; a beheerder sees
/// all of them and is the one who adds and renames them (as on the web, where they come
/// from an import).
enum OrganisationsAPI {
    static let organisationParameter = APIOperation.Parameter(
        name: "organisation", location: "path", required: true,
        schema: ["type": "string", "format": "uuid"], description: "Het id van de organisatie.")

    static let operations: [APIOperation] = [
        APIOperation(
            method: .GET, path: "/organisations", operationID: "listOrganisations",
            summary: "De organisaties van de programma's die u mag lezen (een beheerder: alle)",
            parameters: [
                .init(
                    name: "kind", location: "query", required: false,
                    schema: ["type": "string", "enum": ["gemeente", "extern"]],
                    description: "Alleen gemeenten of alleen externe bureaus.")
            ] + APIOperations.pageParameters,
            response: "OrganisationList", handler: list),
        APIOperation(
            method: .POST, path: "/organisations", operationID: "createOrganisation",
            summary: "Een organisatie toevoegen (een beheerder)",
            parameters: [], response: "Organisation", handler: create, requestBody: "OrganisationInput",
            otherResponses: APIOperations.writeResponses(
                "De naam ontbreekt of is te lang.", conflict: "Die organisatie bestaat al.", etag: false),
            etag: true, success: .created),
        APIOperation(
            method: .GET, path: "/organisations/{organisation}", operationID: "getOrganisation",
            summary: "Eén organisatie met haar programma's",
            parameters: [organisationParameter], response: "Organisation", handler: show, etag: true),
        APIOperation(
            method: .PUT, path: "/organisations/{organisation}", operationID: "putOrganisation",
            summary: "Een organisatie hernoemen (een beheerder)",
            parameters: [
                organisationParameter, APIOperations.ifMatch("de organisatie", example: "\"4f1c2a9b0d3e5f67\""),
            ],
            response: "Organisation", handler: update, requestBody: "OrganisationInput",
            otherResponses: APIOperations.writeResponses(
                "De naam ontbreekt of is te lang.", conflict: "Die organisatie bestaat al."),
            etag: true),
    ]

    static var schemas: [String: Any] {
        [
            "Organisation": [
                "type": "object", "required": ["id", "name", "kind", "programmes"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"], "name": ["type": "string"],
                    "kind": ["type": "string", "enum": ["gemeente", "extern"]],
                    "programmes": [
                        "type": "array", "items": ["type": "string"], "description": "De programma's die u mag lezen.",
                    ],
                ],
            ],
            "OrganisationInput": [
                "type": "object", "required": ["name", "kind"], "additionalProperties": false,
                "properties": [
                    "name": ["type": "string", "minLength": 1, "maxLength": 200],
                    "kind": ["type": "string", "enum": ["gemeente", "extern"]],
                ],
            ],
            "OrganisationList": [
                "type": "object", "required": ["organisations", "total", "_links"],
                "properties": [
                    "organisations": ["type": "array", "items": ["$ref": "#/components/schemas/Organisation"]],
                    "total": ["type": "integer"], "_links": OpenAPIDocument.links,
                ],
            ],
        ]
    }

    struct OrganisationBody: Content {
        var id: UUID
        var name: String
        var kind: String
        var programmes: [String]
    }

    struct OrganisationInput: Content, Equatable {
        var name: String
        var kind: String
    }

    struct OrganisationList: Content {
        var organisations: [OrganisationBody]
        var total: Int
        var _links: APILinks
    }

    static func etag(_ organisation: Organisation) -> String {
        APIWrite.etag([organisation.name, organisation.kind.rawValue])
    }

    /// The organisations the caller sees: those of the programmes they may read (the
    /// database reads each programme's organisation once, DISTINCT), a beheerder's all.
    static func visible(_ req: Request) async throws -> QueryBuilder<Organisation> {
        let query = Organisation.query(on: req.db)
        if try await APITokens.client(req)?.user.isAdministrator == true { return query }
        let ids = try await APIAccess.readableProgrammes(req).field(\.$organisation.$id).unique().all().map(
            \.$organisation.id)
        return query.filter(\.$id ~~ ids)
    }

    /// The slugs of the programmes the caller may read, per organisation of `ids`.
    static func programmes(of ids: [UUID], _ req: Request) async throws -> [UUID: [String]] {
        guard !ids.isEmpty else { return [:] }
        let programmes = try await APIAccess.readableProgrammes(req).filter(\.$organisation.$id ~~ ids)
            .field(\.$slug).field(\.$organisation.$id).all()
        return Dictionary(grouping: programmes, by: \.$organisation.id).mapValues { $0.map(\.slug).sorted() }
    }

    static func body(_ organisation: Organisation, _ programmes: [String]) throws -> OrganisationBody {
        OrganisationBody(
            id: try organisation.requireID(), name: organisation.name, kind: organisation.kind.rawValue,
            programmes: programmes)
    }

    /// A page of them, by name: the database filters, counts and pages; only the page's
    /// organisations have their programmes read.
    static func list(_ req: Request) async throws -> Response {
        let page = try APIPage(req)
        var query = try await visible(req)
        if let kind = req.query[String.self, at: "kind"] {
            guard let wanted = Organisation.Kind(rawValue: kind) else {
                throw InputError(Strings.apiPageInvalid("kind", kind), status: .badRequest)
            }
            query = query.filter(\.$kind == wanted)
        }
        let total = try await query.copy().count()
        let organisations = try await query.sort(\.$name).sort(\.$id).range(page.rows).all()
        let slugs = try await programmes(of: organisations.compactMap(\.id), req)
        let bodies = try organisations.map { try body($0, $0.id.flatMap { slugs[$0] } ?? []) }
        return try await OrganisationList(organisations: bodies, total: total, _links: page.links(req, total: total))
            .encodeResponse(for: req)
    }

    static func find(_ req: Request) async throws -> (Organisation, [String]) {
        let id = try req.parameters.require("organisation")
        guard let uuid = UUID(uuidString: id), let found = try await visible(req).filter(\.$id == uuid).first() else {
            throw InputError(Strings.apiOrganisationNotFound(id), status: .notFound)
        }
        return (found, try await programmes(of: [uuid], req)[uuid] ?? [])
    }

    static func show(_ req: Request) async throws -> Response {
        let (organisation, programmes) = try await find(req)
        return try await APIWrite.respond(try body(organisation, programmes), etag: etag(organisation), req)
    }

    static func input(_ req: Request) throws -> (String, Organisation.Kind) {
        let input = try APIWrite.decode(OrganisationInput.self, req, schema: "OrganisationInput")
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        try APIWrite.text(name, "De naam", required: true, maximum: 200)
        guard let kind = Organisation.Kind(rawValue: input.kind) else {
            throw InputError(Strings.apiUnknownValue("kind", input.kind, ["gemeente", "extern"]))
        }
        return (name, kind)
    }

    static func create(_ req: Request) async throws -> Response {
        let client = try await APIAccess.administrator(req)
        let (name, kind) = try input(req)
        let organisation = Organisation(name: name, kind: kind)
        try await APIWrite.run {
            try await req.db.transaction { db in
                if try await Organisation.query(on: db).filter(\.$name == name).filter(\.$kind == kind).first() != nil {
                    throw InputError(Strings.apiOrganisationExists(name), status: .conflict)
                }
                try await organisation.save(on: db)
                try await AuditTrail.append(
                    [
                        record(
                            organisation, action: .organisationAdd, actor: client.user.email, req,
                            before: nil, after: ["naam": name, "soort": kind.rawValue])
                    ], on: db)
            }
        }
        return try await APIWrite.respond(
            try body(organisation, []), etag: etag(organisation), status: .created,
            location: "/api/v1/organisations/\(try organisation.requireID())", req)
    }

    static func update(_ req: Request) async throws -> Response {
        let client = try await APIAccess.administrator(req)
        let (organisation, programmes) = try await find(req)
        let match = try APIWrite.ifMatch(req, what: "de organisatie")
        let (name, kind) = try input(req)
        let id = try organisation.requireID()
        let stale: String? = try await APIWrite.run {
            try await req.db.transaction { db in
                try await db.lockRow(Organisation.schema, column: "name", id: id)
                guard let current = try await Organisation.find(id, on: db) else {
                    throw InputError(Strings.apiOrganisationNotFound(id.uuidString), status: .notFound)
                }
                guard APIWrite.matches(match, current: etag(current)) else { return etag(current) }
                if current.name != name || current.kind != kind,
                    try await Organisation.query(on: db).filter(\.$name == name).filter(\.$kind == kind).filter(
                        \.$id != id
                    ).first() != nil
                {
                    throw InputError(Strings.apiOrganisationExists(name), status: .conflict)
                }
                let before = ["naam": current.name, "soort": current.kind.rawValue]
                current.name = name
                current.kind = kind
                guard current.hasChanges else { return nil }
                try await current.save(on: db)
                try await AuditTrail.append(
                    [
                        record(
                            current, action: .organisationUpdate, actor: client.user.email, req,
                            before: before, after: ["naam": name, "soort": kind.rawValue])
                    ], on: db)
                return nil
            }
        }
        if let stale { return APIWrite.preconditionFailed(req, what: "de organisatie", current: stale) }
        organisation.name = name
        organisation.kind = kind
        return try await APIWrite.respond(try body(organisation, programmes), etag: etag(organisation), req)
    }

    static func record(
        _ organisation: Organisation, action: AuditAction, actor: String, _ req: Request,
        before: [String: String?]?, after: [String: String?]
    ) -> AuditRecord {
        AuditRecord(
            at: Date(), actor: actor, address: req.clientAddress, action: action, entity: "organisatie",
            entityID: organisation.id?.uuidString, programmeID: nil, periodID: nil,
            before: before.flatMap { AuditRecord.json($0) }, after: AuditRecord.json(after))
    }
}
