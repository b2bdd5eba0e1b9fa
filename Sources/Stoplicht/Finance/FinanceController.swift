import Fluent
import Foundation
import StoplichtCore
import Vapor

/// The finance page and its forms. Each POST checks its CSRF token and the viewer's
/// permission; a refused form shows the page again with the problem at the field and what
/// was typed (422); a saved one goes back to the page with a notice.
enum FinanceController {
    static func show(_ req: Request) async throws -> Response {
        var model = try await FinancePageModel.load(req)
        model.notice = (try? req.query.get(String.self, at: "gedaan")).flatMap(Strings.financeDone)
        return FinancePageView.page(model, settings: req.settings).response()
    }

    /// `regel-…`: a budget line of a project or of the programme.
    static func addLine(_ req: Request) async throws -> Response {
        let (context, viewer) = try await programme(req, .manageFinances)
        return try await attempt("regel", req, context, viewer) { fields in
            _ = try await BudgetLines.add(
                BudgetLines.Input(project: Int(fields.text("regel-project")), source: fields.text("regel-bron"), nature: fields.text("regel-karakter"),
                                  year: Int(fields.text("regel-jaar")), amount: fields.text("regel-bedrag"), commitment: fields.text("regel-verplicht"),
                                  description: fields.text("regel-omschrijving")),
                to: context.programme, actor: viewer.user?.email ?? "", on: req.db)
        }
    }

    /// `offerte-…`: an expected cost; a leader adds them for the projects they lead.
    static func addQuote(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let fields = FormFields(req)
        let number = Int(fields.text("offerte-project"))
        let project = try await number.asyncFlatMap { try await Project.find(number: $0, inProgramme: context.programme.requireID(), on: req.db) }
        let viewer = project == nil
            ? try await Access.require(.manageFinances, req, programme: context.programme)
            : try await Access.require(.editOwnProject, req, programme: context.programme, project: project)
        return try await attempt("offerte", req, context, viewer) { fields in
            _ = try await BudgetLines.addQuote(project: number, amount: fields.text("offerte-bedrag"), description: fields.text("offerte-omschrijving"),
                                               to: context.programme, actor: viewer.user?.email ?? "", on: req.db)
        }
    }

    /// A quote's state: awaited, received, committed or dropped.
    static func quoteState(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        guard let id = req.parameters.get("quote", as: UUID.self),
              let quote = try await PendingQuote.query(on: req.db).filter(\.$id == id).filter(\.$programme.$id == context.programme.requireID())
                .with(\.$project).first() else {
            throw InputError(Strings.quoteGone, status: .notFound)
        }
        let viewer = quote.project == nil
            ? try await Access.require(.manageFinances, req, programme: context.programme)
            : try await Access.require(.editOwnProject, req, programme: context.programme, project: quote.project)
        let form = "offerte-\(id.uuidString.lowercased())"
        return try await attempt(form, done: "stand", req, context, viewer) { fields in
            guard let state = PendingQuote.State(rawValue: fields.text("\(form)-stand")) else {
                throw InputError(Strings.unknownQuoteState(fields.text("\(form)-stand")), field: "stand")
            }
            try await BudgetLines.setState(state, amount: fields.text("\(form)-bedrag"), of: quote, actor: viewer.user?.email ?? "", on: req.db)
        }
    }

    /// `overheveling-…`: a transfer proposed with its decision request.
    static func proposeTransfer(_ req: Request) async throws -> Response {
        let (context, viewer) = try await programme(req, .manageFinances)
        return try await attempt("overheveling", req, context, viewer) { fields in
            let target = fields.text("overheveling-project")
            _ = try await BudgetTransfers.propose(
                BudgetTransfers.Proposal(fromLine: UUID(uuidString: fields.text("overheveling-van")), toProject: target == "programma" ? nil : Int(target),
                                         amount: fields.text("overheveling-bedrag"), reason: fields.text("overheveling-reden"),
                                         decision: UUID(uuidString: fields.text("overheveling-beslispunt")),
                                         requestedFrom: fields.text("overheveling-aan")),
                in: context.programme, actor: viewer.user?.email ?? "", address: req.clientAddress, on: req.db)
        }
    }

    /// The outcome (akkoord or afgewezen) and date of a proposed transfer.
    static func decideTransfer(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let (context, viewer) = try await programme(req, .manageFinances)
        guard let id = req.parameters.get("transfer", as: UUID.self),
              let transfer = try await BudgetTransfer.query(on: req.db).filter(\.$id == id)
                .filter(\.$programme.$id == context.programme.requireID()).first() else {
            throw InputError(Strings.transferGone, status: .notFound)
        }
        let form = "besluit-\(id.uuidString.lowercased())"
        return try await attempt(form, done: "besluit", req, context, viewer) { fields in
            let outcome = fields.text("\(form)-uitkomst")
            guard outcome == "akkoord" || outcome == "afgewezen" else { throw InputError(Strings.transferOutcomeRequired, field: "uitkomst") }
            try await BudgetTransfers.decide(transfer, approved: outcome == "akkoord", on: fields.text("\(form)-datum"), actor: viewer.user?.email ?? "",
                                             address: req.clientAddress, on: req.db)
        }
    }

    /// `kostenplaats-…`: which project a cost centre books on; its lines follow.
    static func mapCostCentre(_ req: Request) async throws -> Response {
        let (context, viewer) = try await programme(req, .manageFinances)
        return try await attempt("kostenplaats", req, context, viewer) { fields in
            guard let number = Int(fields.text("kostenplaats-project")) else { throw InputError(Strings.chooseProject, field: "project") }
            _ = try await ActualsMapping.map(costCentre: fields.text("kostenplaats-kostenplaats"), toProject: number, in: context.programme,
                                             actor: viewer.user?.email ?? "", address: req.clientAddress, on: req.db)
        }
    }

    private static func programme(_ req: Request, _ action: ProgrammeAction) async throws -> (ProgrammeContext, Viewer) {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        return (context, try await Access.require(action, req, programme: context.programme))
    }

    /// Runs a form's change; a refusal the user can put right shows the page again with it.
    private static func attempt(_ form: String, done: String? = nil, _ req: Request, _ context: ProgrammeContext, _ viewer: Viewer,
                                _ change: @Sendable (FormFields) async throws -> Void) async throws -> Response {
        try CSRF.verify(req)
        let fields = FormFields(req)
        do {
            try await change(fields)
        } catch let error as InputError where error.status != .forbidden && error.status != .notFound {
            var model = try await FinancePageModel.load(context, viewer: viewer, on: req.db)
            model.problems = [FieldProblem(field: "\(form)-\(error.field ?? "omschrijving")", message: error.message)]
            model.entered = fields.values
            return FinancePageView.page(model, settings: req.settings).response(status: error.status)
        }
        return req.redirect(to: SiteURL.financeDone(programme: context.slug, done: done ?? form).path, redirectType: .normal)
    }
}

extension Optional {
    fileprivate func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
