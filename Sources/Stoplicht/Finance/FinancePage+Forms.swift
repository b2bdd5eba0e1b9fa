import Foundation
import Plot
import StoplichtCore

/// The finance page's lists with their forms: budget lines, expected costs, transfers,
/// cost centres and the upload of actuals. Who sees which is the model's audience and the
/// viewer's permissions; the server checks the same again on every POST.
extension FinancePageView {
    typealias Body = Node<HTML.BodyContext>

    static func field<C: HTML.BodyContext>(
        _ model: FinancePageModel, _ id: some FormField, _ label: String, hint: String,
        control: Node<C>
    ) -> Node<C> {
        .checkedField(id, label: label, hint: hint, problems: model.problems, control: control)
    }

    static func text<C: HTML.BodyContext>(
        _ model: FinancePageModel, _ id: some FormField, _ label: String, hint: String,
        fallback: String = ""
    ) -> Node<C> {
        field(model, id, label, hint: hint, control: Controls.textbox(id, value: model.value(id, fallback)))
    }

    static func select<C: HTML.BodyContext>(
        _ model: FinancePageModel, _ id: some FormField, _ label: String, hint: String,
        options: [(value: String, label: String)], fallback: String = ""
    ) -> Node<C> {
        field(
            model, id, label, hint: hint, control: .selectBox(id, options: options, selected: model.value(id, fallback))
        )
    }

    static func form(_ action: String, _ model: FinancePageModel, _ content: Node<HTML.FormContext>...) -> Body {
        .form(
            .class("utrecht-form stoplicht-form"), .action(action), .method(.post), .csrfField(model.viewer.csrf ?? ""),
            .group(content))
    }

    static func projectOptions(_ model: FinancePageModel, programme: String?) -> [(value: String, label: String)] {
        (programme.map { [(value: "", label: $0)] } ?? [])
            + model.projectChoices.map { (String($0.number), "\($0.number). \($0.name)") }
    }

    /// A form folded away under its title; open when it was refused, so the problem shows.
    static func disclosure(_ title: String, open: Bool = false, _ content: Body) -> Body {
        .element(
            named: "details",
            nodes: [
                open ? .attribute(named: "open", value: "open") : .empty,
                .element(named: "summary", nodes: [.text(title)]), content,
            ])
    }

    static func th(_ text: String, amount: Bool = false) -> Node<HTML.TableRowContext> {
        .th(.attribute(named: "scope", value: "col"), .class(amount ? "stoplicht-amount" : ""), .safeText(text))
    }

    static func amount(_ cents: Int64) -> Node<HTML.TableRowContext> {
        .td(.class("stoplicht-amount"), .safeText(money(cents)))
    }

    // MARK: Budget lines

    static func lines(_ model: FinancePageModel) -> Body {
        let slug = model.context.slug
        return .section(
            .id("regel"),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.financeLinesTitle)),
            model.lines.isEmpty
                ? .p(.class("utrecht-paragraph"), .safeText(Strings.financeNoBudgets))
                : .div(
                    .class("stoplicht-table-scroll"),
                    .table(
                        .class("utrecht-table stoplicht-money"),
                        .caption(.safeText(Strings.financeLinesCaption)),
                        .thead(
                            .tr(
                                th(Strings.project), th(Strings.financeSource), th(Strings.financeNature),
                                th(Strings.financeYear),
                                th(Strings.financeDescription), th(Strings.financeBudget, amount: true),
                                th(Strings.financeCommitment, amount: true))),
                        .tbody(
                            .forEach(model.lines) { line in
                                .tr(
                                    .td(
                                        .safeText(
                                            line.project.map { "\($0.number). \($0.name)" }
                                                ?? Strings.financeProgrammeOwn)),
                                    .td(.safeText(line.source.label)), .td(.safeText(line.nature.label)),
                                    .td(.safeText(String(line.year))),
                                    .td(.safeText(line.description)), amount(line.budgetCents),
                                    amount(line.commitmentCents))
                            })
                    )),
            disclosure(Strings.financeAddLine, open: model.refused(BudgetLineField.form), lineForm(model, slug))
        )
    }

    static func lineForm(_ model: FinancePageModel, _ slug: String) -> Body {
        form(
            SiteURL.financeLines(slug).path, model,
            select(
                model, BudgetLineField.project, Strings.project, hint: Strings.financeLineProjectHint,
                options: projectOptions(model, programme: Strings.financeProgrammeOwn)),
            select(
                model, BudgetLineField.source, Strings.financeSource, hint: Strings.financeSourceHint,
                options: FundingSource.allCases.map { ($0.rawValue, $0.label) }),
            select(
                model, BudgetLineField.nature, Strings.financeNature, hint: Strings.financeNatureHint,
                options: BudgetNature.allCases.map { ($0.rawValue, $0.label) }),
            text(
                model, BudgetLineField.year, Strings.financeYear, hint: Strings.financeYearHint,
                fallback: String(Calendar(identifier: .gregorian).component(.year, from: Date()))),
            text(model, BudgetLineField.amount, Strings.financeBudget, hint: Strings.financeAmountHint),
            text(model, BudgetLineField.commitment, Strings.financeCommitment, hint: Strings.financeCommitmentHint),
            text(
                model, BudgetLineField.description, Strings.financeDescription, hint: Strings.financeLineDescriptionHint
            ),
            .submitButton(Strings.financeAddLine))
    }

    // MARK: Expected costs

    static func quotes(_ model: FinancePageModel) -> Body {
        let slug = model.context.slug
        return .section(
            .id("offerte"),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.financeQuotesTitle)),
            .p(.class("utrecht-paragraph"), .safeText(Strings.financeQuotesIntro)),
            model.quotes.isEmpty
                ? .p(.class("utrecht-paragraph"), .safeText(Strings.financeNoQuotes))
                : .div(
                    .class("stoplicht-table-scroll"),
                    .table(
                        .class("utrecht-table stoplicht-money"),
                        .caption(.safeText(Strings.financeQuotesTitle)),
                        .thead(
                            .tr(
                                th(Strings.project), th(Strings.financeDescription),
                                th(Strings.financeAmount, amount: true), th(Strings.financeQuoteState))),
                        .tbody(
                            .forEach(model.quotes) { quote in
                                .tr(
                                    .td(
                                        .safeText(
                                            quote.project.map { "\($0.number). \($0.name)" }
                                                ?? Strings.financeProgrammeOwn)),
                                    .td(.safeText(quote.description)),
                                    .td(.class("stoplicht-amount"), .safeText(quote.amountText)),
                                    .td(quoteStateForm(model, quote, slug)))
                            })
                    )),
            .if(
                model.mayAddQuotes,
                disclosure(
                    Strings.financeAddQuote,
                    open: model.problems.contains { problem in QuoteField.allCases.contains { problem.concerns($0) } },
                    quoteForm(model, slug)))
        )
    }

    static func quoteStateForm(_ model: FinancePageModel, _ quote: PendingQuote, _ slug: String) -> Body {
        guard let id = quote.id else { return .empty }
        let field = QuoteStateField.state.of(id)
        let problem = model.problems.first { $0.field.hasPrefix(QuoteStateField.form(id)) }
        return .form(
            .class("stoplicht-inline-form"), .action(SiteURL.financeQuoteState(programme: slug, quote: id).path),
            .method(.post),
            .csrfField(model.viewer.csrf ?? ""),
            .element(
                named: "label",
                nodes: [
                    .class("utrecht-form-label stoplicht-visually-hidden"), .attribute(named: "for", value: field.name),
                    .text(Strings.financeQuoteStateOf(quote.description)),
                ]),
            .selectBox(
                field, options: PendingQuote.State.allCases.map { ($0.rawValue, $0.label) },
                selected: model.value(field, quote.state.rawValue)),
            .if(
                !quote.amountKnown,
                .group(
                    .element(
                        named: "label",
                        nodes: [
                            .class("utrecht-form-label"),
                            .attribute(named: "for", value: QuoteStateField.amount.of(id).name),
                            .text(Strings.financeQuoteAmount),
                        ]),
                    Controls.textbox(QuoteStateField.amount.of(id), value: model.value(QuoteStateField.amount.of(id))))),
            .unwrap(problem) { .p(.class("utrecht-form-field-error-message"), .safeText($0.message)) },
            .button(
                .class("utrecht-button utrecht-button--secondary-action"), .type(.submit),
                .safeText(Strings.financeSetState)))
    }

    static func quoteForm(_ model: FinancePageModel, _ slug: String) -> Body {
        form(
            SiteURL.financeQuotes(slug).path, model,
            select(
                model, QuoteField.project, Strings.project, hint: Strings.financeQuoteProjectHint,
                options: projectOptions(model, programme: model.mayManage ? Strings.financeProgrammeOwn : nil)),
            text(model, QuoteField.description, Strings.financeDescription, hint: Strings.financeQuoteDescriptionHint),
            text(model, QuoteField.amount, Strings.financeAmount, hint: Strings.financeQuoteAmountHint),
            .submitButton(Strings.financeAddQuote))
    }

    // MARK: Transfers

    static func transfers(_ model: FinancePageModel) -> Body {
        let slug = model.context.slug
        return .section(
            .id("overheveling"),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.financeTransfersTitle)),
            .p(.class("utrecht-paragraph"), .safeText(Strings.financeTransfersIntro)),
            model.transfers.isEmpty
                ? .p(.class("utrecht-paragraph"), .safeText(Strings.financeNoTransfers))
                : .div(
                    .class("stoplicht-table-scroll"),
                    .table(
                        .class("utrecht-table stoplicht-money"),
                        .caption(.safeText(Strings.financeTransfersTitle)),
                        .thead(
                            .tr(
                                th(Strings.financeFrom), th(Strings.financeTo), th(Strings.financeAmount, amount: true),
                                th(Strings.decision),
                                th(Strings.financeQuoteState))),
                        .tbody(
                            .forEach(model.transfers) { transfer in
                                .tr(
                                    .td(.safeText(BudgetTransfers.describe(transfer.from))),
                                    .td(
                                        .safeText(
                                            transfer.toProject.map { "\($0.number). \($0.name)" }
                                                ?? Strings.financeProgrammeOwn)),
                                    amount(transfer.amountCents),
                                    .td(.safeText(MarkdownDocument(parsing: transfer.decision.text).plainText)),
                                    .td(transferState(model, transfer, slug)))
                            })
                    )),
            .if(
                model.mayManage && !model.lines.isEmpty,
                disclosure(
                    Strings.financeProposeTransfer, open: model.refused(TransferField.form), transferForm(model, slug)))
        )
    }

    static func transferState(_ model: FinancePageModel, _ transfer: BudgetTransfer, _ slug: String) -> Body {
        guard transfer.state == .proposed, model.mayManage, let id = transfer.id else {
            return .safeText(
                transfer.state.label + (transfer.decidedOn.map { " (\(DecisionRequests.dutchDay($0)))" } ?? ""))
        }
        return .group(
            .p(.safeText(transfer.state.label)),
            .form(
                .class("utrecht-form stoplicht-form stoplicht-form--compact"),
                .action(SiteURL.financeTransferDecision(programme: slug, transfer: id).path),
                .method(.post), .csrfField(model.viewer.csrf ?? ""),
                select(
                    model, TransferDecisionField.outcome.of(id), Strings.decisionOutcome,
                    hint: Strings.financeDecisionHint,
                    options: [
                        ("", Strings.chooseOne), ("akkoord", Strings.decisionApproved),
                        ("afgewezen", Strings.decisionRejected),
                    ]),
                text(
                    model, TransferDecisionField.decidedOn.of(id), Strings.financeDecidedOn,
                    hint: Strings.financeDecidedOnHint),
                .submitButton(Strings.financeRecordDecision)))
    }

    static func transferForm(_ model: FinancePageModel, _ slug: String) -> Body {
        let lines = model.lines.map { line in
            (
                value: line.id?.uuidString ?? "",
                label: (line.project.map { "\($0.number). " } ?? "") + BudgetTransfers.describe(line)
                    + " — \(money(line.budgetCents - line.commitmentCents)) vrij"
            )
        }
        let decisions =
            [(value: "", label: Strings.financeNewDecision)]
            + model.openDecisions.map {
                (
                    value: $0.id?.uuidString ?? "",
                    label: String(MarkdownDocument(parsing: $0.text).plainText.prefix(120))
                )
            }
        return form(
            SiteURL.financeTransfers(slug).path, model,
            select(
                model, TransferField.from, Strings.financeFrom, hint: Strings.financeFromHint,
                options: [("", Strings.chooseOne)] + lines),
            select(
                model, TransferField.project, Strings.financeTo, hint: Strings.financeToHint,
                options: [("programma", Strings.financeProgrammeOwn)] + projectOptions(model, programme: nil)),
            text(model, TransferField.amount, Strings.financeAmount, hint: Strings.financeAmountHint),
            text(model, TransferField.reason, Strings.financeReason, hint: Strings.financeReasonHint),
            select(
                model, TransferField.decision, Strings.decision, hint: Strings.financeDecisionChoiceHint,
                options: decisions),
            text(model, TransferField.requestedFrom, Strings.requestedFrom, hint: Strings.requestedFromHint),
            .submitButton(Strings.financeProposeTransfer))
    }

    // MARK: Cost centres and actuals

    static func costCentres(_ model: FinancePageModel) -> Body {
        let slug = model.context.slug
        return .section(
            .id("kostenplaats"),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.financeCostCentresTitle)),
            model.mappings.isEmpty
                ? .p(.class("utrecht-paragraph"), .safeText(Strings.financeNoMappings))
                : .div(
                    .class("stoplicht-table-scroll"),
                    .table(
                        .class("utrecht-table"),
                        .caption(.safeText(Strings.financeCostCentresCaption)),
                        .thead(.tr(th(Strings.financeCostCentre), th(Strings.project))),
                        .tbody(
                            .forEach(model.mappings) { mapping in
                                .tr(
                                    .td(.safeText(mapping.costCentre)),
                                    .td(.safeText("\(mapping.project.number). \(mapping.project.name)")))
                            })
                    )),
            .if(
                !model.unmappedCentres.isEmpty,
                .div(
                    .class("stoplicht-table-scroll"),
                    .table(
                        .class("utrecht-table stoplicht-money"),
                        .caption(.safeText(Strings.financeUnmappedCaption)),
                        .thead(
                            .tr(
                                th(Strings.financeCostCentre), th(Strings.financeLinesCount, amount: true),
                                th(Strings.financeAmount, amount: true))),
                        .tbody(
                            .forEach(model.unmappedCentres) { centre in
                                .tr(
                                    .td(.safeText(centre.costCentre.isEmpty ? "—" : centre.costCentre)),
                                    .td(.class("stoplicht-amount"), .safeText(String(centre.lines))),
                                    amount(centre.cents ?? 0))
                            })
                    ))),
            disclosure(
                Strings.financeMapCostCentre, open: model.refused(CostCentreField.form),
                form(
                    SiteURL.financeCostCentres(slug).path, model,
                    text(
                        model, CostCentreField.costCentre, Strings.financeCostCentre,
                        hint: Strings.financeCostCentreHint,
                        fallback: model.unmappedCentres.first?.costCentre ?? ""),
                    select(
                        model, CostCentreField.project, Strings.project, hint: Strings.financeCostCentreProjectHint,
                        options: [("", Strings.chooseOne)] + projectOptions(model, programme: nil)),
                    .submitButton(Strings.financeMapCostCentre)))
        )
    }

    static func actualsUpload(_ model: FinancePageModel) -> Body {
        .section(
            .id("realisatie"),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.financeActualsTitle)),
            .p(.class("utrecht-paragraph"), .safeText(Strings.financeActualsIntro)),
            .form(
                .class("utrecht-form stoplicht-form"), .action(SiteURL.financeActuals(model.context.slug).path),
                .method(.post),
                .enctype(.multipartData), .csrfField(model.viewer.csrf ?? ""),
                field(
                    model, ActualsField.file, Strings.financeActualsFile, hint: Strings.financeActualsFileHint,
                    control: .fileInput(ActualsField.file.name, accept: ".csv,.txt,.xlsx")),
                text(
                    model, ActualsField.columns, Strings.financeActualsColumns, hint: Strings.financeActualsColumnsHint),
                .submitButton(Strings.financeActualsSubmit))
        )
    }
}
