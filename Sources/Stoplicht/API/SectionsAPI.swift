import Fluent
import Foundation
import Vapor

/// The sections of a period's report the programme manager writes ("3. Financiën"): read
/// by the report's readers, rewritten with If-Match by the programme manager.
enum SectionsAPI {
    static let sectionParameter = APIOperation.Parameter(
        name: "section", location: "path", required: true,
        schema: ["type": "string", "example": "financien"], description: "De sleutel van de paragraaf.")
    static let periodParameters = [APIOperations.programmeParameter, APIOperations.periodPathParameter]

    static let operations: [APIOperation] = [
        APIOperation(
            method: .GET, path: "/programmes/{programme}/periods/{period}/sections", operationID: "listSections",
            summary: "De paragrafen van de rapportage over een periode",
            parameters: periodParameters + APIOperations.pageParameters,
            response: "SectionList", handler: list),
        APIOperation(
            method: .GET, path: "/programmes/{programme}/periods/{period}/sections/{section}",
            operationID: "getSection",
            summary: "Eén paragraaf, met de ETag om hem te wijzigen", parameters: periodParameters + [sectionParameter],
            response: "Section", handler: show, etag: true),
        APIOperation(
            method: .PUT, path: "/programmes/{programme}/periods/{period}/sections/{section}",
            operationID: "putSection",
            summary: "Een paragraaf herschrijven (de programmamanager)",
            parameters: periodParameters + [
                sectionParameter, APIOperations.ifMatch("de paragraaf", example: "\"4f1c2a9b0d3e5f67\""),
            ],
            response: "Section", handler: update, requestBody: "SectionInput",
            otherResponses: APIOperations.writeResponses(
                "De titel ontbreekt of de tekst is langer dan 100.000 tekens."), etag: true),
    ]

    static var schemas: [String: Any] {
        [
            "Section": [
                "type": "object", "required": ["key", "title", "body"],
                "properties": [
                    "key": ["type": "string"], "number": ["type": "integer", "nullable": true],
                    "title": ["type": "string"],
                    "body": ["type": "string", "description": "Markdown."],
                ],
            ],
            "SectionInput": [
                "type": "object", "required": ["title", "body"], "additionalProperties": false,
                "properties": [
                    "title": ["type": "string", "minLength": 1, "maxLength": 500],
                    "body": ["type": "string", "maxLength": PeriodTexts.maximumLength, "description": "Markdown."],
                ],
            ],
            "SectionList": [
                "type": "object", "required": ["sections", "total", "_links"],
                "properties": [
                    "sections": ["type": "array", "items": ["$ref": "#/components/schemas/Section"]],
                    "total": ["type": "integer"], "_links": OpenAPIDocument.links,
                ],
            ],
        ]
    }

    struct SectionBody: Content {
        var key: String
        var number: Int?
        var title: String
        var body: String
    }

    struct SectionInput: Content, Equatable {
        var title: String
        var body: String
    }

    struct SectionList: Content {
        var sections: [SectionBody]
        var total: Int
        var _links: APILinks
    }

    static func etag(_ section: ProgrammeSection) -> String {
        APIWrite.etag([section.key, section.title, section.body])
    }

    static func sections(_ period: ReportingPeriod, on db: any Database) async throws -> [ProgrammeSection] {
        try await ProgrammeSection.query(on: db).filter(\.$period.$id == period.requireID()).sort(\.$position).all()
    }

    static func list(_ req: Request) async throws -> Response {
        let (_, period) = try await APIPeriodTexts.read(req)
        let page = try APIPage(req)
        let all = try await sections(period, on: req.db)
        return try await SectionList(
            sections: page.slice(all).map(SectionBody.init), total: all.count, _links: page.links(req, total: all.count)
        )
        .encodeResponse(for: req)
    }

    static func find(_ key: String, in sections: [ProgrammeSection], period: ReportingPeriod) throws -> ProgrammeSection
    {
        guard let section = sections.first(where: { $0.key == key }) else {
            throw InputError(Strings.apiSectionNotFound(key, period.name), status: .notFound)
        }
        return section
    }

    static func show(_ req: Request) async throws -> Response {
        let (_, period) = try await APIPeriodTexts.read(req)
        let section = try find(
            try req.parameters.require("section"), in: try await sections(period, on: req.db), period: period)
        return try await APIWrite.respond(SectionBody(section), etag: etag(section), req)
    }

    static func update(_ req: Request) async throws -> Response {
        let (_, period, client, match) = try await APIPeriodTexts.write(req, ifMatch: "de paragraaf")
        let key = try req.parameters.require("section")
        _ = try find(key, in: try await sections(period, on: req.db), period: period)
        let input = try APIWrite.decode(SectionInput.self, req, schema: "SectionInput")
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        try APIWrite.text(title, "De titel", required: true, maximum: 500)
        try APIWrite.text(input.body, "De tekst van ‘\(title)’", maximum: PeriodTexts.maximumLength)
        let result: Result<ProgrammeSection, StaleTag> = try await APIPeriodTexts.locked(period, req) { db, stored in
            let current = try find(key, in: stored.sections, period: period)
            guard APIWrite.matches(match, current: etag(current)) else {
                return .failure(StaleTag(etag: etag(current)))
            }
            let texts = PeriodTexts(
                sections: [.init(key: key, title: title, body: input.body)], decisions: [], risks: [])
            try await APIPeriodTexts.save(texts, over: stored, period: period, client: client, req, on: db)
            return .success(current)
        }
        switch result {
        case .success(let section): return try await APIWrite.respond(SectionBody(section), etag: etag(section), req)
        case .failure(let stale): return APIWrite.preconditionFailed(req, what: "de paragraaf", current: stale.etag)
        }
    }
}

/// The ETag a write found instead of the one it was sent with.
struct StaleTag: Error, Sendable {
    var etag: String
}

/// From the stored data; in an extension, so the memberwise initialiser stays for the
/// OpenAPI schema test's samples.
extension SectionsAPI.SectionBody {
    init(_ section: ProgrammeSection) {
        key = section.key
        number = section.number
        title = section.title
        body = section.body
    }
}
