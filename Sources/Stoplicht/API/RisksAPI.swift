import Fluent
import Foundation
import Vapor

/// The risks and points of attention of a period's report, numbered as in the report: read
/// by its readers; added, changed and removed by the programme manager with If-Match.
enum RisksAPI {
    static let idParameter = APIOperation.Parameter(
        name: "risk", location: "path", required: true, schema: ["type": "string", "format": "uuid"],
        description: "Het id van het risico.")

    static let operations: [APIOperation] = [
        APIOperation(
            method: .GET, path: "/programmes/{programme}/periods/{period}/risks", operationID: "listRisks",
            summary: "De risico's en aandachtspunten van de rapportage over een periode",
            parameters: SectionsAPI.periodParameters + APIOperations.pageParameters, response: "RiskList", handler: list
        ),
        APIOperation(
            method: .POST, path: "/programmes/{programme}/periods/{period}/risks", operationID: "createRisk",
            summary: "Een risico toevoegen (de programmamanager)", parameters: SectionsAPI.periodParameters,
            response: "Risk", handler: create,
            requestBody: "RiskInput",
            otherResponses: APIOperations.writeResponses(
                "De omschrijving ontbreekt of een tekst is te lang.", etag: false),
            etag: true, success: .created),
        APIOperation(
            method: .GET, path: "/programmes/{programme}/periods/{period}/risks/{risk}", operationID: "getRisk",
            summary: "Eén risico, met de ETag om het te wijzigen",
            parameters: SectionsAPI.periodParameters + [idParameter],
            response: "Risk", handler: show, etag: true),
        APIOperation(
            method: .PUT, path: "/programmes/{programme}/periods/{period}/risks/{risk}", operationID: "putRisk",
            summary: "Een risico wijzigen (de programmamanager)",
            parameters: SectionsAPI.periodParameters + [
                idParameter, APIOperations.ifMatch("het risico", example: "\"4f1c2a9b0d3e5f67\""),
            ],
            response: "Risk", handler: update, requestBody: "RiskInput",
            otherResponses: APIOperations.writeResponses("De omschrijving ontbreekt of een tekst is te lang."),
            etag: true),
        APIOperation(
            method: .DELETE, path: "/programmes/{programme}/periods/{period}/risks/{risk}", operationID: "deleteRisk",
            summary: "Een risico verwijderen (de programmamanager)",
            parameters: SectionsAPI.periodParameters + [
                idParameter, APIOperations.ifMatch("het risico", example: "\"4f1c2a9b0d3e5f67\""),
            ],
            response: "Risk", handler: delete,
            otherResponses: APIOperations.writeResponses("").filter { $0.key != "422" && $0.key != "413" },
            success: .noContent),
    ]

    static var schemas: [String: Any] {
        let text: [String: Any] = ["type": "string", "maxLength": PeriodTexts.maximumLength, "nullable": true]
        return [
            "Risk": [
                "type": "object", "required": ["id", "number", "description", "cause", "impact", "measures"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"],
                    "number": ["type": "integer", "description": "De volgorde in de rapportage, vanaf 1."],
                    "description": ["type": "string", "description": "Markdown."],
                    "cause": ["type": "string"], "impact": ["type": "string"], "measures": ["type": "string"],
                    "owner": ["type": "string", "nullable": true, "description": "Wie het risico beheert."],
                ],
            ],
            "RiskInput": [
                "type": "object", "required": ["description"], "additionalProperties": false,
                "properties": [
                    "description": ["type": "string", "minLength": 1, "maxLength": PeriodTexts.maximumLength],
                    "cause": text, "impact": text, "measures": text,
                ],
            ],
            "RiskList": [
                "type": "object", "required": ["risks", "total", "_links"],
                "properties": [
                    "risks": ["type": "array", "items": ["$ref": "#/components/schemas/Risk"]],
                    "total": ["type": "integer"], "_links": OpenAPIDocument.links,
                ],
            ],
        ]
    }

    struct RiskBody: Content {
        var id: UUID?
        var number: Int
        var description: String
        var cause: String
        var impact: String
        var measures: String
        var owner: String?
    }

    struct RiskInput: Content, Equatable {
        var description: String
        var cause: String?
        var impact: String?
        var measures: String?
    }

    struct RiskList: Content {
        var risks: [RiskBody]
        var total: Int
        var _links: APILinks
    }

    static func etag(_ risk: Risk) -> String {
        APIWrite.etag([risk.description, risk.cause, risk.impact, risk.measures])
    }

    static func risks(_ period: ReportingPeriod, on db: any Database) async throws -> [Risk] {
        try await Risk.query(on: db).filter(\.$period.$id == period.requireID()).with(\.$owner).sort(\.$position).all()
    }

    static func list(_ req: Request) async throws -> Response {
        let (_, period) = try await APIPeriodTexts.read(req)
        let page = try APIPage(req)
        let all = try await risks(period, on: req.db)
        return try await RiskList(
            risks: page.slice(all).map { RiskBody($0, in: all) }, total: all.count,
            _links: page.links(req, total: all.count)
        )
        .encodeResponse(for: req)
    }

    static func find(_ id: UUID, in risks: [Risk], period: ReportingPeriod) throws -> Risk {
        guard let risk = risks.first(where: { $0.id == id }) else {
            throw InputError(Strings.apiRiskNotFound(id.uuidString, period.name), status: .notFound)
        }
        return risk
    }

    static func id(_ req: Request, _ period: ReportingPeriod) throws -> UUID {
        try APIPeriodTexts.id(req, "risk") { Strings.apiRiskNotFound($0, period.name) }
    }

    static func show(_ req: Request) async throws -> Response {
        let (_, period) = try await APIPeriodTexts.read(req)
        let all = try await risks(period, on: req.db)
        let risk = try find(try id(req, period), in: all, period: period)
        return try await APIWrite.respond(RiskBody(risk, in: all), etag: etag(risk), req)
    }

    static func input(_ req: Request) throws -> PeriodTexts.RiskText {
        let input = try APIWrite.decode(RiskInput.self, req, schema: "RiskInput")
        try APIWrite.text(
            input.description, "De omschrijving van het risico", required: true, maximum: PeriodTexts.maximumLength)
        for (text, label) in [
            (input.cause, "De oorzaak"), (input.impact, "Het gevolg"), (input.measures, "De maatregel"),
        ] {
            try APIWrite.text(text ?? "", label, maximum: PeriodTexts.maximumLength)
        }
        return PeriodTexts.RiskText(
            id: nil, description: input.description, cause: input.cause ?? "", impact: input.impact ?? "",
            measures: input.measures ?? "")
    }

    static func create(_ req: Request) async throws -> Response {
        let (context, period, client, _) = try await APIPeriodTexts.write(req)
        let risk = try input(req)
        let (body, tag): (RiskBody, String) = try await APIPeriodTexts.locked(period, req) { db, stored in
            try await APIPeriodTexts.save(
                PeriodTexts(sections: [], decisions: [], risks: [risk]), over: stored, period: period, client: client,
                req, on: db)
            let all = try await risks(period, on: db)
            guard let created = all.last else { throw Abort(.internalServerError) }
            return (RiskBody(created, in: all), etag(created))
        }
        return try await APIWrite.respond(
            body, etag: tag, status: .created,
            location: "/api/v1/programmes/\(context.slug)/periods/\(period.slug)/risks/\(body.id?.uuidString ?? "")",
            req)
    }

    static func update(_ req: Request) async throws -> Response {
        let (_, period, client, match) = try await APIPeriodTexts.write(req, ifMatch: "het risico")
        let id = try id(req, period)
        _ = try find(id, in: try await risks(period, on: req.db), period: period)
        let risk = try input(req)
        let result: Result<(RiskBody, String), StaleTag> = try await APIPeriodTexts.locked(period, req) { db, stored in
            let current = try find(id, in: stored.risks, period: period)
            guard APIWrite.matches(match, current: etag(current)) else {
                return .failure(StaleTag(etag: etag(current)))
            }
            var changed = risk
            changed.id = current.id
            try await APIPeriodTexts.save(
                PeriodTexts(sections: [], decisions: [], risks: [changed]), over: stored, period: period,
                client: client, req, on: db)
            let all = try await risks(period, on: db)
            let saved = try find(id, in: all, period: period)
            return .success((RiskBody(saved, in: all), etag(saved)))
        }
        switch result {
        case .success(let (body, tag)): return try await APIWrite.respond(body, etag: tag, req)
        case .failure(let stale): return APIWrite.preconditionFailed(req, what: "het risico", current: stale.etag)
        }
    }

    static func delete(_ req: Request) async throws -> Response {
        let (_, period, client, match) = try await APIPeriodTexts.write(req, ifMatch: "het risico")
        let id = try id(req, period)
        _ = try find(id, in: try await risks(period, on: req.db), period: period)
        let stale: String? = try await APIPeriodTexts.locked(period, req) { db, stored in
            let current = try find(id, in: stored.risks, period: period)
            guard APIWrite.matches(match, current: etag(current)) else { return etag(current) }
            let removal = PeriodTexts.RiskText(
                id: current.id, description: current.description, cause: "", impact: "", measures: "", remove: true)
            try await APIPeriodTexts.save(
                PeriodTexts(sections: [], decisions: [], risks: [removal]), over: stored, period: period,
                client: client, req, on: db)
            return nil
        }
        if let stale { return APIWrite.preconditionFailed(req, what: "het risico", current: stale) }
        return APIWrite.noContent()
    }
}

/// From the stored data; in an extension, so the memberwise initialiser stays for the
/// OpenAPI schema test's samples.
extension RisksAPI.RiskBody {
    /// `all`: the period's risks in the report's order, to number it.
    init(_ risk: Risk, in all: [Risk]) {
        id = risk.id
        number = (all.firstIndex { $0.id == risk.id } ?? all.count) + 1
        description = risk.description
        cause = risk.cause ?? ""
        impact = risk.impact ?? ""
        measures = risk.measures ?? ""
        owner = risk.$owner.value??.name
    }
}
