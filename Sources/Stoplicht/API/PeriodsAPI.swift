import Fluent
import Foundation
import Vapor

/// A programme's reporting periods: read by its readers; opened (every project's status
/// carried forward), moved to review and back, and published by the programme manager, as
/// on the period desk.
enum PeriodsAPI {
    static let operations: [APIOperation] = [
        APIOperation(
            method: .GET, path: "/programmes/{programme}/periods", operationID: "listPeriods",
            summary: "De rapportageperioden van een programma",
            parameters: [
                APIOperations.programmeParameter,
                .init(
                    name: "state", location: "query", required: false,
                    schema: ["type": "string", "enum": ["open", "in-review", "gepubliceerd"]],
                    description: "Alleen perioden in deze stand."),
            ] + APIOperations.pageParameters,
            response: "PeriodList", handler: list),
        APIOperation(
            method: .POST, path: "/programmes/{programme}/periods", operationID: "openPeriod",
            summary: "Een nieuwe periode openen; elke status gaat mee als vertrekpunt (de programmamanager)",
            parameters: [APIOperations.programmeParameter], response: "Period", handler: open,
            requestBody: "PeriodInput",
            otherResponses: APIOperations.writeResponses(
                "De naam ontbreekt, is te lang of ligt niet na de vorige periode.",
                conflict: "Er is nog een periode open, of die naam bestaat al.", etag: false),
            success: .created),
        APIOperation(
            method: .GET, path: "/programmes/{programme}/periods/{period}", operationID: "getPeriod",
            summary: "Eén periode",
            parameters: [APIOperations.programmeParameter, APIOperations.periodPathParameter], response: "Period",
            handler: show),
        APIOperation(
            method: .PUT, path: "/programmes/{programme}/periods/{period}/state", operationID: "putPeriodState",
            summary: "Een periode naar review, terug naar open, of publiceren (de programmamanager)",
            parameters: [APIOperations.programmeParameter, APIOperations.periodPathParameter], response: "Period",
            handler: move,
            requestBody: "PeriodState",
            otherResponses: APIOperations.writeResponses(
                "Onbekende stand.", conflict: "De periode is al gepubliceerd.", etag: false)),
    ]

    static var schemas: [String: Any] {
        [
            "PeriodList": [
                "type": "object", "required": ["periods", "total", "_links"],
                "properties": [
                    "periods": ["type": "array", "items": ["$ref": "#/components/schemas/Period"]],
                    "total": ["type": "integer"], "_links": OpenAPIDocument.links,
                ],
            ],
            "PeriodInput": [
                "type": "object", "required": ["name"], "additionalProperties": false,
                "properties": [
                    "name": [
                        "type": "string", "minLength": 1, "maxLength": 200,
                        "example": "november 2018 t/m februari 2019",
                    ]
                ],
            ],
            "PeriodState": [
                "type": "object", "required": ["state"], "additionalProperties": false,
                "properties": ["state": ["type": "string", "enum": ["open", "in-review", "gepubliceerd"]]],
            ],
        ]
    }

    struct PeriodList: Content {
        var periods: [ProgrammesAPI.PeriodBody]
        var total: Int
        var _links: APILinks
    }

    struct PeriodInput: Content, Equatable { var name: String }
    struct PeriodState: Content, Equatable { var state: String }

    static func list(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        _ = try await APIAccess.reader(req, programme: context.programme)
        let page = try APIPage(req)
        var periods = context.periods
        if let state = req.query[String.self, at: "state"] {
            guard let wanted = ReportingPeriod.State(rawValue: state) else {
                throw InputError(Strings.apiPageInvalid("state", state), status: .badRequest)
            }
            periods = periods.filter { $0.state == wanted }
        }
        return try await PeriodList(
            periods: page.slice(periods).map(ProgrammesAPI.PeriodBody.init), total: periods.count,
            _links: page.links(req, total: periods.count)
        ).encodeResponse(for: req)
    }

    static func show(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        _ = try await APIAccess.reader(req, programme: context.programme)
        return try await ProgrammesAPI.PeriodBody(try context.period(slug: try req.parameters.require("period")))
            .encodeResponse(for: req)
    }

    static func open(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let (_, client) = try await APIAccess.writer(req, .movePeriod, programme: context.programme)
        let input = try APIWrite.decode(PeriodInput.self, req, schema: "PeriodInput")
        let opened = try await APIWrite.run {
            try await PeriodOpening.open(
                name: input.name, in: context, actor: client.user.email, address: req.clientAddress, on: req.db)
        }
        return try await APIWrite.respond(
            ProgrammesAPI.PeriodBody(opened.period), etag: nil, status: .created,
            location: "/api/v1/programmes/\(context.slug)/periods/\(opened.period.slug)", req)
    }

    static func move(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let period = try context.period(slug: try req.parameters.require("period"))
        var (_, client) = try await APIAccess.writer(req, .movePeriod, programme: context.programme)
        let input = try APIWrite.decode(PeriodState.self, req, schema: "PeriodState")
        guard let state = ReportingPeriod.State(rawValue: input.state) else {
            throw InputError(Strings.apiUnknownValue("state", input.state, ["open", "in-review", "gepubliceerd"]))
        }
        if state == .published {
            (_, client) = try await APIAccess.writer(req, .publishPeriod, programme: context.programme)
            // As on the desk, publishing follows review: an open period is put ter controle first.
            guard period.state != .open else { throw InputError(Strings.apiPublishFromOpen, status: .conflict) }
        }
        try await APIWrite.run {
            if state == .published {
                _ = try await PeriodPublication.publish(
                    programme: context.slug, period: period, actor: client.user.email, settings: req.settings,
                    on: req.db, logger: req.logger)
            } else {
                try await PeriodPublication.move(period, to: state, actor: client.user.email, on: req.db)
            }
        }
        return try await ProgrammesAPI.PeriodBody(period).encodeResponse(for: req)
    }
}
