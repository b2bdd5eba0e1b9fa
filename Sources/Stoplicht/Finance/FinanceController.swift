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
        return try await attempt(BudgetLineField.form, req, context, viewer) { fields in
            typealias Field = BudgetLineField
            _ = try await BudgetLines.add(
                BudgetLines.Input(
                    project: Int(fields.text(Field.project)), source: fields.text(Field.source),
                    nature: fields.text(Field.nature),
                    year: Int(fields.text(Field.year)), amount: fields.text(Field.amount),
                    commitment: fields.text(Field.commitment),
                    description: fields.text(Field.description)),
                to: context.programme, actor: viewer.user?.email ?? "", on: req.db)
        }
    }

    /// `offerte-…`: an expected cost; a leader adds them for the projects they lead.
    static func addQuote(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let fields = FormFields(req)
        let number = Int(fields.text(QuoteField.project))
        let project = try await number.asyncFlatMap {
            try await Project.find(number: $0, inProgramme: context.programme.requireID(), on: req.db)
        }
        let viewer =
            project == nil
            ? try await Access.require(.manageFinances, req, programme: context.programme)
            : try await Access.require(.editOwnProject, req, programme: context.programme, project: project)
        return try await attempt(QuoteField.form, req, context, viewer) { fields in
            _ = try await BudgetLines.addQuote(
                project: number, amount: fields.text(QuoteField.amount),
                description: fields.text(QuoteField.description),
                to: context.programme, actor: viewer.user?.email ?? "", on: req.db)
        }
    }

    /// A quote's state: awaited, received, committed or dropped.
    static func quoteState(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        guard let id = req.parameters.get("quote", as: UUID.self),
            let quote = try await PendingQuote.query(on: req.db).filter(\.$id == id).filter(
                \.$programme.$id == context.programme.requireID()
            )
            .with(\.$project).first()
        else {
            throw InputError(Strings.quoteGone, status: .notFound)
        }
        let viewer =
            quote.project == nil
            ? try await Access.require(.manageFinances, req, programme: context.programme)
            : try await Access.require(.editOwnProject, req, programme: context.programme, project: quote.project)
        return try await attempt(QuoteStateField.form(id), done: QuoteStateField.state.rawValue, req, context, viewer) {
            fields in
            guard let state = PendingQuote.State(rawValue: fields.text(QuoteStateField.state.of(id))) else {
                throw InputError(
                    Strings.unknownQuoteState(fields.text(QuoteStateField.state.of(id))),
                    field: QuoteStateField.state.rawValue)
            }
            try await BudgetLines.setState(
                state, amount: fields.text(QuoteStateField.amount.of(id)), of: quote, actor: viewer.user?.email ?? "",
                on: req.db)
        }
    }

    /// `overheveling-…`: a transfer proposed with its decision request.
    static func proposeTransfer(_ req: Request) async throws -> Response {
        let (context, viewer) = try await programme(req, .manageFinances)
        return try await attempt(TransferField.form, req, context, viewer) { fields in
            typealias Field = TransferField
            let target = fields.text(Field.project)
            _ = try await BudgetTransfers.propose(
                BudgetTransfers.Proposal(
                    fromLine: UUID(uuidString: fields.text(Field.from)),
                    toProject: target == "programma" ? nil : Int(target),
                    amount: fields.text(Field.amount), reason: fields.text(Field.reason),
                    decision: UUID(uuidString: fields.text(Field.decision)),
                    requestedFrom: fields.text(Field.requestedFrom)),
                in: context.programme, actor: viewer.user?.email ?? "", address: req.clientAddress, on: req.db)
        }
    }

    /// The outcome (akkoord or afgewezen) and date of a proposed transfer.
    static func decideTransfer(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let (context, viewer) = try await programme(req, .manageFinances)
        guard let id = req.parameters.get("transfer", as: UUID.self),
            let transfer = try await BudgetTransfer.query(on: req.db).filter(\.$id == id)
                .filter(\.$programme.$id == context.programme.requireID()).first()
        else {
            throw InputError(Strings.transferGone, status: .notFound)
        }
        return try await attempt(TransferDecisionField.form(id), done: "besluit", req, context, viewer) { fields in
            let outcome = fields.text(TransferDecisionField.outcome.of(id))
            guard outcome == "akkoord" || outcome == "afgewezen" else {
                throw InputError(Strings.transferOutcomeRequired, field: TransferDecisionField.outcome.rawValue)
            }
            try await BudgetTransfers.decide(
                transfer, approved: outcome == "akkoord", on: fields.text(TransferDecisionField.decidedOn.of(id)),
                actor: viewer.user?.email ?? "",
                address: req.clientAddress, on: req.db)
        }
    }

    /// `kostenplaats-…`: which project a cost centre books on; its lines follow.
    static func mapCostCentre(_ req: Request) async throws -> Response {
        let (context, viewer) = try await programme(req, .manageFinances)
        return try await attempt(CostCentreField.form, req, context, viewer) { fields in
            guard let number = Int(fields.text(CostCentreField.project)) else {
                throw InputError(Strings.chooseProject, field: CostCentreField.project.rawValue)
            }
            _ = try await ActualsMapping.map(
                costCentre: fields.text(CostCentreField.costCentre), toProject: number, in: context.programme,
                actor: viewer.user?.email ?? "", address: req.clientAddress, on: req.db)
        }
    }

    private static func programme(_ req: Request, _ action: ProgrammeAction) async throws -> (ProgrammeContext, Viewer)
    {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        return (context, try await Access.require(action, req, programme: context.programme))
    }

    /// Runs a form's change; a refusal the user can put right shows the page again with it,
    /// at the field its short name (`InputError.field`) names within `form`.
    private static func attempt(
        _ form: String, done: String? = nil, _ req: Request, _ context: ProgrammeContext, _ viewer: Viewer,
        _ change: @Sendable (FormFields) async throws -> Void
    ) async throws -> Response {
        try CSRF.verify(req)
        let fields = FormFields(req)
        do {
            try await change(fields)
        } catch let error as InputError where error.status != .forbidden && error.status != .notFound {
            var model = try await FinancePageModel.load(context, viewer: viewer, on: req.db)
            model.problems = [
                FieldProblem(field: NumberedField(form, error.field ?? "omschrijving"), message: error.message)
            ]
            model.entered = fields.values
            return FinancePageView.page(model, settings: req.settings).response(status: error.status)
        }
        return req.redirect(
            to: SiteURL.financeDone(programme: context.slug, done: done ?? form).path, redirectType: .normal)
    }
}

extension Optional {
    fileprivate func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
