import Fluent
import Foundation
import Vapor

/// The decisions a period's report asks of the college or the council, numbered as in the
/// report: read by its readers; asked, changed, decided and withdrawn by the programme
/// manager with If-Match. Deciding carries out what hangs on the decision (a budget
/// transfer, a postponement), as the web form does; a decision something hangs on is not
/// withdrawn (409).
enum DecisionsAPI {
    static let idParameter = APIOperation.Parameter(
        name: "decision", location: "path", required: true, schema: ["type": "string", "format": "uuid"],
        description: "Het id van het besluit.")
    static let outcomes = ["gevraagd", "akkoord", "afgewezen", "aangehouden"]

    static let operations: [APIOperation] = [
        APIOperation(
            method: .GET, path: "/programmes/{programme}/periods/{period}/decisions", operationID: "listDecisions",
            summary: "De gevraagde besluiten van de rapportage over een periode",
            parameters: SectionsAPI.periodParameters + [
                .init(
                    name: "outcome", location: "query", required: false,
                    schema: ["type": "string", "enum": outcomes], description: "Alleen besluiten met deze uitkomst.")
            ]
                + APIOperations.pageParameters,
            response: "DecisionList", handler: list),
        APIOperation(
            method: .POST, path: "/programmes/{programme}/periods/{period}/decisions", operationID: "createDecision",
            summary: "Een besluit vragen (de programmamanager)", parameters: SectionsAPI.periodParameters,
            response: "Decision", handler: create,
            requestBody: "DecisionInput",
            otherResponses: APIOperations.writeResponses("De tekst ontbreekt of een waarde klopt niet.", etag: false),
            etag: true, success: .created),
        APIOperation(
            method: .GET, path: "/programmes/{programme}/periods/{period}/decisions/{decision}",
            operationID: "getDecision",
            summary: "Eén besluit, met de ETag om het te wijzigen",
            parameters: SectionsAPI.periodParameters + [idParameter],
            response: "Decision", handler: show, etag: true),
        APIOperation(
            method: .PUT, path: "/programmes/{programme}/periods/{period}/decisions/{decision}",
            operationID: "putDecision",
            summary: "Een besluit wijzigen of de uitkomst vastleggen (de programmamanager)",
            parameters: SectionsAPI.periodParameters + [
                idParameter, APIOperations.ifMatch("het besluit", example: "\"4f1c2a9b0d3e5f67\""),
            ],
            response: "Decision", handler: update, requestBody: "DecisionInput",
            otherResponses: APIOperations.writeResponses("De tekst ontbreekt of een waarde klopt niet."), etag: true),
        APIOperation(
            method: .DELETE, path: "/programmes/{programme}/periods/{period}/decisions/{decision}",
            operationID: "deleteDecision",
            summary: "Een gevraagd besluit intrekken (de programmamanager)",
            parameters: SectionsAPI.periodParameters + [
                idParameter, APIOperations.ifMatch("het besluit", example: "\"4f1c2a9b0d3e5f67\""),
            ],
            response: "Decision", handler: delete,
            otherResponses: APIOperations.writeResponses(
                "", conflict: "De periode is gepubliceerd, of een overheveling of uitstel hangt aan dit besluit."
            )
            .filter { $0.key != "422" && $0.key != "413" },
            success: .noContent),
    ]

    static var schemas: [String: Any] {
        [
            "Decision": [
                "type": "object", "required": ["id", "number", "text", "outcome"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"],
                    "number": ["type": "integer", "description": "De volgorde in de rapportage, vanaf 1."],
                    "text": ["type": "string", "description": "Markdown."],
                    "requestedFrom": ["type": "string", "nullable": true, "description": "college of raad"],
                    "outcome": ["type": "string", "enum": outcomes],
                    "decidedOn": ["type": "string", "format": "date", "nullable": true],
                ],
            ],
            "DecisionInput": [
                "type": "object", "required": ["text"], "additionalProperties": false,
                "properties": [
                    "text": ["type": "string", "minLength": 1, "maxLength": PeriodTexts.maximumLength],
                    "requestedFrom": ["type": "string", "maxLength": 200, "nullable": true],
                    "outcome": [
                        "type": "string", "enum": outcomes as [Any] + [NSNull()], "default": "gevraagd",
                        "nullable": true,
                    ],
                    "decidedOn": [
                        "type": "string", "nullable": true,
                        "description":
                            "De dag van het besluit: 2018-11-20 of 20-11-2018; leeg als er nog geen besluit is.",
                    ],
                ],
            ],
            "DecisionList": [
                "type": "object", "required": ["decisions", "total", "_links"],
                "properties": [
                    "decisions": ["type": "array", "items": ["$ref": "#/components/schemas/Decision"]],
                    "total": ["type": "integer"], "_links": OpenAPIDocument.links,
                ],
            ],
        ]
    }

    struct DecisionBody: Content {
        var id: UUID?
        var number: Int
        var text: String
        var requestedFrom: String?
        var outcome: String
        var decidedOn: String?
    }

    struct DecisionInput: Content, Equatable {
        var text: String
        var requestedFrom: String?
        var outcome: String?
        var decidedOn: String?
    }

    struct DecisionList: Content {
        var decisions: [DecisionBody]
        var total: Int
        var _links: APILinks
    }

    static func etag(_ decision: Decision) -> String {
        APIWrite.etag([decision.text, decision.requestedFrom, decision.outcome.rawValue, decision.decidedOn])
    }

    static func decisions(_ period: ReportingPeriod, on db: any Database) async throws -> [Decision] {
        try await Decision.query(on: db).filter(\.$period.$id == period.requireID()).sort(\.$position).all()
    }

    static func list(_ req: Request) async throws -> Response {
        let (_, period) = try await APIPeriodTexts.read(req)
        let page = try APIPage(req)
        var all = try await decisions(period, on: req.db)
        if let outcome = req.query[String.self, at: "outcome"] {
            guard let wanted = Decision.Outcome(rawValue: outcome) else {
                throw InputError(Strings.apiPageInvalid("outcome", outcome), status: .badRequest)
            }
            all = all.filter { $0.outcome == wanted }
        }
        return try await DecisionList(
            decisions: page.slice(all).map { DecisionBody($0, in: all) }, total: all.count,
            _links: page.links(req, total: all.count)
        )
        .encodeResponse(for: req)
    }

    static func find(_ id: UUID, in decisions: [Decision], period: ReportingPeriod) throws -> Decision {
        guard let decision = decisions.first(where: { $0.id == id }) else {
            throw InputError(Strings.apiDecisionNotFound(id.uuidString, period.name), status: .notFound)
        }
        return decision
    }

    static func id(_ req: Request, _ period: ReportingPeriod) throws -> UUID {
        try APIPeriodTexts.id(req, "decision") { Strings.apiDecisionNotFound($0, period.name) }
    }

    static func show(_ req: Request) async throws -> Response {
        let (_, period) = try await APIPeriodTexts.read(req)
        let all = try await decisions(period, on: req.db)
        let decision = try find(try id(req, period), in: all, period: period)
        return try await APIWrite.respond(DecisionBody(decision, in: all), etag: etag(decision), req)
    }

    /// The body checked: the text, whom it is asked of, the outcome and its day.
    static func input(_ req: Request) throws -> (
        text: String, requestedFrom: String, outcome: Decision.Outcome, decidedOn: String?
    ) {
        let input = try APIWrite.decode(DecisionInput.self, req, schema: "DecisionInput")
        try APIWrite.text(input.text, "De tekst van het besluit", required: true, maximum: PeriodTexts.maximumLength)
        let requestedFrom = (input.requestedFrom ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        try APIWrite.text(requestedFrom, "Aan wie het besluit gevraagd wordt", maximum: 200)
        guard let outcome = Decision.Outcome(rawValue: input.outcome ?? Decision.Outcome.requested.rawValue) else {
            throw InputError(Strings.apiUnknownValue("outcome", input.outcome ?? "", outcomes))
        }
        return (input.text, requestedFrom, outcome, try DecisionRequests.decidedOn(input.decidedOn))
    }

    static func create(_ req: Request) async throws -> Response {
        let (context, period, client, _) = try await APIPeriodTexts.write(req)
        let input = try input(req)
        let (body, tag): (DecisionBody, String) = try await APIPeriodTexts.locked(period, req) { db, stored in
            let texts = PeriodTexts(
                sections: [],
                decisions: [
                    .init(id: nil, text: input.text, requestedFrom: input.requestedFrom, outcome: input.outcome)
                ],
                risks: [])
            try await APIPeriodTexts.save(texts, over: stored, period: period, client: client, req, on: db)
            let all = try await decisions(period, on: db)
            guard let created = all.last else { throw Abort(.internalServerError) }
            if let day = input.decidedOn {
                created.decidedOn = day
                try await created.save(on: db)
            }
            return (DecisionBody(created, in: all), etag(created))
        }
        return try await APIWrite.respond(
            body, etag: tag, status: .created,
            location:
                "/api/v1/programmes/\(context.slug)/periods/\(period.slug)/decisions/\(body.id?.uuidString ?? "")", req)
    }

    static func update(_ req: Request) async throws -> Response {
        let (_, period, client, match) = try await APIPeriodTexts.write(req, ifMatch: "het besluit")
        let id = try id(req, period)
        _ = try find(id, in: try await decisions(period, on: req.db), period: period)
        let input = try input(req)
        let result: Result<(DecisionBody, String), StaleTag> = try await APIPeriodTexts.locked(period, req) {
            db, stored in
            let current = try find(id, in: stored.decisions, period: period)
            guard APIWrite.matches(match, current: etag(current)) else {
                return .failure(StaleTag(etag: etag(current)))
            }
            if input.decidedOn != nil { current.decidedOn = input.decidedOn }
            let texts = PeriodTexts(
                sections: [],
                decisions: [
                    .init(
                        id: current.id, text: input.text, requestedFrom: input.requestedFrom,
                        outcome: input.outcome)
                ], risks: [])
            try await APIPeriodTexts.save(texts, over: stored, period: period, client: client, req, on: db)
            if current.hasChanges { try await current.save(on: db) }
            return .success((DecisionBody(current, in: stored.decisions), etag(current)))
        }
        switch result {
        case .success(let (body, tag)): return try await APIWrite.respond(body, etag: tag, req)
        case .failure(let stale): return APIWrite.preconditionFailed(req, what: "het besluit", current: stale.etag)
        }
    }

    static func delete(_ req: Request) async throws -> Response {
        let (_, period, client, match) = try await APIPeriodTexts.write(req, ifMatch: "het besluit")
        let id = try id(req, period)
        _ = try find(id, in: try await decisions(period, on: req.db), period: period)
        let stale: String? = try await APIPeriodTexts.locked(period, req) { db, stored in
            let current = try find(id, in: stored.decisions, period: period)
            guard APIWrite.matches(match, current: etag(current)) else { return etag(current) }
            let texts = PeriodTexts(
                sections: [],
                decisions: [
                    .init(
                        id: current.id, text: current.text, requestedFrom: current.requestedFrom ?? "",
                        outcome: current.outcome, remove: true)
                ], risks: [])
            try await APIPeriodTexts.save(texts, over: stored, period: period, client: client, req, on: db)
            return nil
        }
        if let stale { return APIWrite.preconditionFailed(req, what: "het besluit", current: stale) }
        return APIWrite.noContent()
    }
}

/// From the stored data; in an extension, so the memberwise initialiser stays for the
/// OpenAPI schema test's samples.
extension DecisionsAPI.DecisionBody {
    /// `all`: the period's decisions in the report's order, to number it.
    init(_ decision: Decision, in all: [Decision]) {
        id = decision.id
        number = (all.firstIndex { $0.id == decision.id } ?? all.count) + 1
        text = decision.text
        requestedFrom = decision.requestedFrom
        outcome = decision.outcome.rawValue
        decidedOn = decision.decidedOn
    }
}
