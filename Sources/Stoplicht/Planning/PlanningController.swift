import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Vapor

/// The project page's planning forms — the programme manager's (manageProjects): add and
/// remove a prerequisite, accept the computed re-plan. Each checks its CSRF token; a
/// refusal shows the project page again with the problem at the field (422 or 409).
enum PlanningController {
    static func addPrerequisite(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let (context, viewer, number) = try await target(req)
        let fields = FormFields(req)
        do {
            guard let needed = Int(fields.text(PrerequisiteField.needs)) else {
                throw InputError(Strings.chooseProject, field: PrerequisiteField.needs.rawValue)
            }
            _ = try await Prerequisites.add(
                project: number, needs: needed, milestone: fields.text(PrerequisiteField.milestone), in: context,
                actor: viewer.user?.email ?? "", address: req.clientAddress, on: req.db)
        } catch let error as InputError where error.status != .forbidden {
            return try await refused(req, context, viewer, number, error, entered: fields.values)
        }
        return req.redirect(
            to: SiteURL.project(programme: context.slug, number: number).path + "#planning", redirectType: .normal)
    }

    static func removePrerequisite(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let (context, viewer, number) = try await target(req)
        guard let id = req.parameters.get("id", as: UUID.self) else {
            throw InputError(Strings.prerequisiteGone, status: .notFound)
        }
        try await Prerequisites.remove(
            id, in: context, actor: viewer.user?.email ?? "", address: req.clientAddress, on: req.db)
        return req.redirect(
            to: SiteURL.project(programme: context.slug, number: number).path + "#planning", redirectType: .normal)
    }

    static func replan(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let (context, viewer, number) = try await target(req)
        do {
            try await Replan.accept(
                project: number, in: context, actor: viewer.user?.email ?? "", address: req.clientAddress, on: req.db)
        } catch let error as InputError where error.status != .forbidden {
            return try await refused(req, context, viewer, number, error, entered: [:])
        }
        return req.redirect(
            to: SiteURL.project(programme: context.slug, number: number).path + "#planning", redirectType: .normal)
    }

    static func proposePostponement(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let (context, viewer, number) = try await target(req)
        let fields = FormFields(req)
        do {
            typealias Field = PostponementField
            _ = try await Postponements.propose(
                project: number, months: fields.text(Field.months), reason: fields.text(Field.reason),
                decision: UUID(uuidString: fields.text(Field.decision)),
                requestedFrom: fields.text(Field.requestedFrom),
                in: context, actor: viewer.user?.email ?? "", address: req.clientAddress, on: req.db)
        } catch let error as InputError where error.status != .forbidden {
            return try await refused(
                req, context, viewer, number, error, entered: fields.values, form: PostponementField.form)
        }
        return req.redirect(
            to: SiteURL.project(programme: context.slug, number: number).path + "#uitstel", redirectType: .normal)
    }

    static func decidePostponement(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let (context, viewer, number) = try await target(req)
        guard let id = req.parameters.get("id", as: UUID.self),
            let postponement = try await Postponement.query(on: req.db).filter(\.$id == id)
                .filter(\.$programme.$id == context.programme.requireID()).first()
        else {
            throw InputError(Strings.postponeAlreadyDecided, status: .notFound)
        }
        let fields = FormFields(req)
        do {
            let outcome = fields.text(PostponementDecisionField.outcome)
            guard outcome == "akkoord" || outcome == "afgewezen" else {
                throw InputError(Strings.transferOutcomeRequired, field: PostponementDecisionField.outcome.rawValue)
            }
            try await Postponements.decide(
                postponement, approved: outcome == "akkoord", on: fields.text(PostponementDecisionField.decidedOn),
                actor: viewer.user?.email ?? "",
                address: req.clientAddress, on: req.db)
        } catch let error as InputError where error.status != .forbidden && error.status != .notFound {
            return try await refused(
                req, context, viewer, number, error, entered: fields.values, form: PostponementDecisionField.form)
        }
        return req.redirect(
            to: SiteURL.project(programme: context.slug, number: number).path + "#uitstel", redirectType: .normal)
    }

    static func milestones(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let (context, viewer, number) = try await target(req)
        let fields = FormFields(req)
        do {
            try await Milestones.update(
                project: number, fields: fields, in: context, actor: viewer.user?.email ?? "",
                address: req.clientAddress, on: req.db)
        } catch let error as InputError where error.status != .forbidden && error.status != .notFound {
            return try await refused(
                req, context, viewer, number, error, entered: fields.values, form: MilestoneField.form)
        }
        return req.redirect(
            to: SiteURL.project(programme: context.slug, number: number).path + "#mijlpalen", redirectType: .normal)
    }

    static func loadPostponements(_ model: inout ProjectShowModel, manages: Bool, on db: any Database) async throws {
        model.postponements = try await Postponement.query(on: db).filter(\.$project.$id == model.project.requireID())
            .with(\.$decision).all()
        if manages {
            model.openDecisions = try await DecisionRequests.open(in: model.context.periods.compactMap(\.id), on: db)
        }
    }

    private static func target(_ req: Request) async throws -> (ProgrammeContext, Viewer, Int) {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.require(.manageProjects, req, programme: context.programme)
        guard let number = req.parameters.get("number", as: Int.self) else { throw Abort(.notFound) }
        return (context, viewer, number)
    }

    private static func refused(
        _ req: Request, _ context: ProgrammeContext, _ viewer: Viewer, _ number: Int, _ error: InputError,
        entered: [String: String], form: String = PrerequisiteField.form
    ) async throws -> Response {
        var model = try await ProjectShowModel.query(context, number: String(number), on: req.db)
        model.viewer = viewer
        model.mayEdit = true
        model.schedule = try await ProgrammeSchedule.load(model.context, period: nil, on: req.db)
        try await loadPostponements(&model, manages: true, on: req.db)
        let short =
            error.field
            ?? (form == PrerequisiteField.form ? PrerequisiteField.needs.rawValue : PostponementField.reason.rawValue)
        model.problems = [FieldProblem(field: NumberedField(form, short), message: error.message)]
        model.entered = entered
        return ProjectShowView.page(model, settings: req.settings).response(status: error.status)
    }
}
