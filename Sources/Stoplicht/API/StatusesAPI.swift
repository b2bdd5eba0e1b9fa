import Fluent
import Foundation
import StoplichtCore
import Vapor

/// A project's status in a period, read with its ETag (the revision) and written with
/// If-Match: the same checks, conflict rule and audit entry as the web form. Without
/// If-Match a write is refused (428); with a stale one, 412 and the current ETag.
enum StatusesAPI {
    static let operations: [APIOperation] = [
        APIOperation(
            method: .GET, path: "/programmes/{programme}/projects/{number}/status", operationID: "getStatus",
            summary: "De status van een project in een periode, met de ETag om hem te wijzigen",
            parameters: [
                APIOperations.programmeParameter, APIOperations.numberParameter, APIOperations.periodParameter,
            ], response: "Status",
            handler: show, etag: true),
        APIOperation(
            method: .PUT, path: "/programmes/{programme}/projects/{number}/status", operationID: "putStatus",
            summary:
                "De status van een project bijwerken (de projectleider of de programmamanager; een token met lezen-schrijven)",
            parameters: [
                APIOperations.programmeParameter, APIOperations.numberParameter, APIOperations.periodParameter,
                APIOperations.ifMatch("de status"),
            ],
            response: "Status", handler: update, requestBody: "Status",
            otherResponses: APIOperations.writeResponses(
                "De status klopt niet (bijv. oranje zonder toelichting).",
                conflict: "De periode is gepubliceerd of staat ter controle."),
            etag: true),
    ]

    struct StatusBody: Content, Equatable {
        var light: String?
        var dimensionLights: [String: String]
        var lifecycle: String
        var remarks: String
        var achieved: String
        var plannedNext: String
        var plannedStart: String
        var forecastStart: String
        var plannedDelivery: String
        var forecastDelivery: String
        var cause: String
        var consequence: String
        var measure: String
    }

    static func etag(_ revision: Int) -> String { "\"\(revision)\"" }

    static func target(_ req: Request) async throws -> (ProgrammeContext, Project, ReportingPeriod) {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let project = try await Project.find(req, in: context)
        let slug = req.query[String.self, at: "period"].flatMap { $0.isEmpty ? nil : $0 }
        guard let period = try slug.map({ try context.period(slug: $0) }) ?? context.latestPeriod else {
            throw InputError(Strings.noPeriods, status: .notFound)
        }
        return (context, project, period)
    }

    static func show(_ req: Request) async throws -> Response {
        let (context, project, period) = try await target(req)
        _ = try await APIAccess.reader(req, programme: context.programme)
        guard let existing = try await StatusUpdate.status(project: project, period: period, on: req.db) else {
            throw InputError(Strings.apiNoStatus(project.number, period.name), status: .notFound)
        }
        return try await respond(StatusInput(status: existing.status, dimensionLights: existing.dimensionLights), req)
    }

    static func update(_ req: Request) async throws -> Response {
        let (context, project, period) = try await target(req)
        var leads = false
        if let client = try await APITokens.client(req) {
            leads = try await Access.leads(client.user, project, on: req.db)
        }
        let (viewer, client) = try await APIAccess.writer(
            req, .editOwnProject, programme: context.programme, leadsProject: leads)
        guard let match = req.headers.first(name: .ifMatch) else {
            throw InputError(Strings.apiIfMatchRequired, status: .preconditionRequired)
        }
        try StatusController.checkEditable(period, viewer: viewer)
        let body = try APIWrite.decode(StatusBody.self, req, schema: "Status")
        guard let revision = Int(match.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))) else {
            throw InputError(Strings.apiIfMatchInvalid(match), status: .preconditionFailed)
        }
        guard Lifecycle(rawValue: body.lifecycle) != nil else {
            throw InputError(Strings.apiPageInvalid("lifecycle", body.lifecycle), status: .unprocessableEntity)
        }
        let input = StatusInput(api: body, revision: revision, dimensions: context.dimensions)
        let problems = input.problems(scale: context.scale, dimensions: context.dimensions)
        guard problems.isEmpty else {
            throw InputError(problems.map(\.message).joined(separator: " "), status: .unprocessableEntity)
        }
        let update = StatusUpdate(
            project: project, period: period, context: context, actor: client.user.email, address: req.clientAddress)
        let outcome: StatusUpdate.Outcome
        do {
            outcome = try await update.save(input, on: req.db)
        } catch let error where DatabaseBusy.matches(error) {
            throw InputError(Strings.databaseBusy, status: .serviceUnavailable)
        }
        switch outcome {
        case .saved(let status):
            let saved = try await StatusUpdate.status(project: project, period: period, on: req.db)
            return try await respond(StatusInput(status: status, dimensionLights: saved?.dimensionLights ?? []), req)
        case .conflict(let current, _):
            let response = ErrorPageMiddleware().response(
                for: InputError(Strings.apiConflict(current.updatedBy), status: .preconditionFailed), request: req)
            response.headers.replaceOrAdd(name: HTTPHeaders.Name.eTag, value: etag(current.revision))
            return response
        }
    }

    static func respond(_ input: StatusInput, _ req: Request) async throws -> Response {
        let body = StatusBody(
            light: input.light, dimensionLights: input.dimensionLights, lifecycle: input.lifecycle.rawValue,
            remarks: input.remarks,
            achieved: input.achieved, plannedNext: input.plannedNext,
            plannedStart: input.plannedStartDate?.description ?? "",
            forecastStart: input.forecastStartDate?.description ?? "",
            plannedDelivery: input.plannedDate?.description ?? "",
            forecastDelivery: input.forecastDate?.description ?? "", cause: input.cause, consequence: input.consequence,
            measure: input.measure)
        let response = try await body.encodeResponse(for: req)
        response.headers.replaceOrAdd(name: HTTPHeaders.Name.eTag, value: etag(input.revision))
        return response
    }
}
