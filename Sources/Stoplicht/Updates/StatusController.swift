import Fluent
import Foundation
import StoplichtCore
import Vapor

/// A project leader's update form: GET shows the project's status in the period (the open
/// one, or `?periode=`), POST checks and saves it, or shows the form again with what was
/// refused, or the conflict with what someone else saved meanwhile.
enum StatusController {
    static func form(_ req: Request) async throws -> Response {
        var model = try await load(req)
        let existing = try await StatusUpdate.status(project: model.project, period: model.period, on: req.db)
        model.input = StatusInput(status: existing?.status, dimensionLights: existing?.dimensionLights ?? [])
        return StatusEditView.page(model, settings: req.settings).response()
    }

    static func save(_ req: Request) async throws -> Response {
        var model = try await load(req)
        try CSRF.verify(req)
        let fields = FormFields(req)
        model.input = StatusInput(form: fields, dimensions: model.context.dimensions)
        model.problems = model.input.problems(scale: model.context.scale, dimensions: model.context.dimensions)
        if model.problems.isEmpty, let previous = model.previous,
            let problem = previous.unconfirmedExplanation(
                model.input, confirmed: fields.text(StatusField.explanationConfirmed) == "ja",
                scale: model.context.scale)
        {
            model.problems = [problem]
        }
        guard model.problems.isEmpty else {
            return StatusEditView.page(model, settings: req.settings).response(status: .unprocessableEntity)
        }
        let update = StatusUpdate(
            project: model.project, period: model.period, context: model.context,
            actor: model.viewer.user?.email ?? "", address: req.clientAddress)
        let outcome: StatusUpdate.Outcome
        do {
            outcome = try await update.save(model.input, on: req.db)
        } catch let error where DatabaseBusy.matches(error) {
            // The embedded database was writing for someone else: nothing saved, the form kept.
            model.problems = [FieldProblem(field: StatusField.light, message: Strings.databaseBusy)]
            return StatusEditView.page(model, settings: req.settings).response(status: .serviceUnavailable)
        }
        switch outcome {
        case .saved:
            return req.redirect(
                to: SiteURL.project(programme: model.context.slug, number: model.project.number).path + "?bijgewerkt=1",
                redirectType: .normal)
        case .conflict(let current, let lights):
            let theirs = StatusInput(status: current, dimensionLights: lights)
            model.conflict = StatusConflict(
                theirs: theirs, savedBy: try await User.displayName(current.updatedBy, on: req.db),
                savedAt: current.updatedAt)
            // Saving this form again keeps the user's version over the one now stored.
            model.input.revision = current.revision
            return StatusEditView.page(model, settings: req.settings).response(status: .conflict)
        }
    }

    private static func load(_ req: Request) async throws -> StatusEditModel {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let project = try await Project.find(req, in: context)
        let viewer = try await Access.require(.editOwnProject, req, programme: context.programme, project: project)
        let period: ReportingPeriod
        if let slug = req.query[String.self, at: "periode"] {
            period = try context.period(slug: slug)
        } else if let latest = context.latestPeriod {
            period = latest
        } else {
            throw InputError(Strings.noPeriods, status: .conflict)
        }
        try checkEditable(period, viewer: viewer)
        var model = StatusEditModel(context: context, project: project, period: period, viewer: viewer)
        model.previous = try await PreviousStatus.load(project: project, before: period, in: context, on: req.db)
        return model
    }

    /// A published period takes no changes; one in review only from the programme manager.
    static func checkEditable(_ period: ReportingPeriod, viewer: Viewer) throws {
        if period.state == .published { throw InputError(Strings.periodIsPublished(period.name), status: .conflict) }
        if period.state == .inReview, !viewer.may(.editAnyProject) {
            throw InputError(Strings.periodInReviewForLeaders(period.name), status: .conflict)
        }
    }
}

struct StatusEditModel: Sendable {
    var context: ProgrammeContext
    var project: Project
    var period: ReportingPeriod
    var viewer: Viewer
    var input = StatusInput(status: nil, dimensionLights: [])
    var problems: [FieldProblem] = []
    var conflict: StatusConflict?
    /// The project's status in the period before, shown beside the form.
    var previous: PreviousStatus?
}

/// What someone else saved while this form was open.
struct StatusConflict: Sendable {
    var theirs: StatusInput
    var savedBy: String?
    var savedAt: Date?
}
