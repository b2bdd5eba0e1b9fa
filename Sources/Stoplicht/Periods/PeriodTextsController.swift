import Fluent
import StoplichtCore
import Vapor

/// GET shows the period's sections, decisions and risks as one form; POST saves them, or
/// shows the form again with the problems, or with both versions when someone else saved
/// in between.
enum PeriodTextsController {
    static func form(_ req: Request) async throws -> Response {
        var model = try await load(req)
        let (texts, _, _, _) = try await PeriodTexts.load(period: model.period, on: req.db)
        model.texts = texts
        model.fingerprint = texts.fingerprint
        return PeriodTextsView.page(model, settings: req.settings).response()
    }

    static func save(_ req: Request) async throws -> Response {
        var model = try await load(req)
        try CSRF.verify(req)
        let fields = FormFields(req)
        let (_, sections, _, _) = try await PeriodTexts.load(period: model.period, on: req.db)
        model.texts = PeriodTexts(form: fields, sectionKeys: sections.map(\.key))
        model.fingerprint = fields[PeriodTextsField.fingerprint] ?? ""
        model.problems = model.texts.problems()
        for (index, decision) in model.texts.decisions.enumerated() where decision.remove {
            guard let id = decision.id, try await DecisionRequests.isLinked(id, on: req.db) else { continue }
            model.problems.append(
                FieldProblem(field: PeriodTextsField.decision(index, .text), message: Strings.transferDecisionLinked))
        }
        guard model.problems.isEmpty else {
            return PeriodTextsView.page(model, settings: req.settings).response(status: .unprocessableEntity)
        }
        let sent = model.fingerprint
        let texts = model.texts
        let period = model.period
        let actor = model.viewer.user?.email ?? ""
        let address = req.clientAddress
        let conflict: PeriodTexts? = try await PeriodTexts.locked(period, on: req.db) { db, current, stored in
            guard current.fingerprint == sent else { return current }
            try await texts.save(over: stored, period: period, actor: actor, address: address, on: db)
            return nil
        }
        if let theirs = conflict {
            model.conflict = theirs
            model.fingerprint = theirs.fingerprint
            return PeriodTextsView.page(model, settings: req.settings).response(status: .conflict)
        }
        return req.redirect(
            to: SiteURL.period(programme: model.context.slug, period: model.period.slug).path + "?opgeslagen=1",
            redirectType: .normal)
    }

    private static func load(_ req: Request) async throws -> PeriodTextsModel {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.require(.editSections, req, programme: context.programme)
        let period = try context.period(slug: try req.parameters.require("period"))
        if period.state == .published { throw InputError(Strings.periodIsPublished(period.name), status: .conflict) }
        return PeriodTextsModel(context: context, period: period, viewer: viewer)
    }
}

struct PeriodTextsModel: Sendable {
    var context: ProgrammeContext
    var period: ReportingPeriod
    var viewer: Viewer
    var texts = PeriodTexts(sections: [], decisions: [], risks: [])
    var fingerprint = ""
    var problems: [FieldProblem] = []
    /// The texts as stored now, when someone else saved since the form was shown.
    var conflict: PeriodTexts?
}
