import Plot
import StoplichtCore

/// The project page's postponements: those asked or decided, the programme manager's form
/// to record a decision, and the form to propose one with its decision request.
extension ProjectShowView {
    static func postponements(_ model: ProjectShowModel) -> Node<HTML.BodyContext> {
        let manages = model.viewer.may(.manageProjects)
        guard manages || !model.postponements.isEmpty else { return .empty }
        let slug = model.context.slug
        let number = model.current.number
        return .section(
            .id("uitstel"),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.postponeTitle)),
            .if(
                !model.postponements.isEmpty,
                .ul(
                    .class("utrecht-unordered-list"),
                    .forEach(model.postponements) { postponement in
                        .li(
                            .p(
                                .safeText(
                                    Strings.postponementLine(
                                        months: postponement.months, reason: postponement.reason,
                                        state: postponement.state.label
                                            + (postponement.decidedOn.map { " (\(DecisionRequests.dutchDay($0)))" }
                                                ?? "")))),
                            .p(
                                .class("stoplicht-muted"),
                                .safeText(MarkdownDocument(parsing: postponement.decision.text).plainText)),
                            .if(
                                manages && postponement.state == .proposed,
                                decideForm(model, postponement, slug: slug, number: number)))
                    })),
            .if(
                manages,
                .element(
                    named: "details",
                    nodes: [
                        model.problems.contains { $0.field.hasPrefix(PostponementField.form + "-") }
                            ? .attribute(named: "open", value: "open") : .empty,
                        .element(named: "summary", nodes: [.text(Strings.postponeAction)]),
                        proposeForm(model, slug: slug, number: number),
                    ]))
        )
    }

    static func decideForm(_ model: ProjectShowModel, _ postponement: Postponement, slug: String, number: Int) -> Node<
        HTML.BodyContext
    > {
        guard let id = postponement.id else { return .empty }
        return .form(
            .class("utrecht-form stoplicht-form stoplicht-form--compact"),
            .action(SiteURL.postponeDecision(programme: slug, number: number, id: id).path),
            .method(.post), .csrfField(model.viewer.csrf ?? ""),
            .checkedField(
                PostponementDecisionField.outcome, label: Strings.decisionOutcome, hint: Strings.financeDecisionHint,
                problems: model.problems,
                control: .selectBox(
                    PostponementDecisionField.outcome,
                    options: [
                        ("", Strings.chooseOne), ("akkoord", Strings.decisionApproved),
                        ("afgewezen", Strings.decisionRejected),
                    ],
                    selected: model.entered[PostponementDecisionField.outcome.name] ?? "")),
            .checkedField(
                PostponementDecisionField.decidedOn, label: Strings.financeDecidedOn,
                hint: Strings.financeDecidedOnHint,
                problems: model.problems,
                control: Controls.textbox(
                    PostponementDecisionField.decidedOn,
                    value: model.entered[PostponementDecisionField.decidedOn.name] ?? "")),
            .submitButton(Strings.financeRecordDecision))
    }

    static func proposeForm(_ model: ProjectShowModel, slug: String, number: Int) -> Node<HTML.BodyContext> {
        let decisions =
            [(value: "", label: Strings.financeNewDecision)]
            + model.openDecisions.map {
                (
                    value: $0.id?.uuidString ?? "",
                    label: String(MarkdownDocument(parsing: $0.text).plainText.prefix(120))
                )
            }
        return .form(
            .class("utrecht-form stoplicht-form"), .action(SiteURL.postpone(programme: slug, number: number).path),
            .method(.post),
            .csrfField(model.viewer.csrf ?? ""),
            .checkedField(
                PostponementField.months, label: Strings.postponeMonths, hint: Strings.postponeMonthsHint,
                problems: model.problems,
                control: Controls.textbox(
                    PostponementField.months, value: model.entered[PostponementField.months.name] ?? "6")),
            .checkedField(
                PostponementField.reason, label: Strings.postponeReason, hint: Strings.postponeReasonHint,
                problems: model.problems,
                control: Controls.textarea(
                    PostponementField.reason, value: model.entered[PostponementField.reason.name] ?? "", rows: 3)),
            .checkedField(
                PostponementField.decision, label: Strings.decision, hint: Strings.financeDecisionChoiceHint,
                problems: model.problems,
                control: .selectBox(
                    PostponementField.decision, options: decisions,
                    selected: model.entered[PostponementField.decision.name] ?? "")),
            .checkedField(
                PostponementField.requestedFrom, label: Strings.requestedFrom, hint: Strings.requestedFromHint,
                problems: model.problems,
                control: Controls.textbox(
                    PostponementField.requestedFrom, value: model.entered[PostponementField.requestedFrom.name] ?? "")),
            .submitButton(Strings.postponeAction))
    }
}
