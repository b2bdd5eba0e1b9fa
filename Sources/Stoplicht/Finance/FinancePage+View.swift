import Plot
import StoplichtCore

enum FinancePageView {
    static func page(_ model: FinancePageModel, settings: Settings) -> Layout {
        let slug = model.context.slug
        return Layout(
            title: Strings.financeTitle, settings: settings,
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path), (model.context.programme.name, SiteURL.programme(slug).path),
                (Strings.financeTitle, SiteURL.finance(slug).path),
            ]
        ) {
            .group(
                .unwrap(model.viewer.user) { .accountBar(name: $0.name, csrf: model.viewer.csrf ?? "") },
                .p(.class("stoplicht-kicker"), .safeText(Strings.programmeTitle(model.context.programme.name))),
                .h1(.class("utrecht-heading-1"), .safeText(Strings.financeTitle)),
                .programmeNav(model.context, viewer: model.viewer, current: .finance),
                .p(.class("utrecht-paragraph"), .safeText(Strings.financeIntro(model.audience))),
                .unwrap(model.notice) { .notice($0) },
                .problemSummary(model.problems),
                .if(
                    model.audience != .board,
                    .group(
                        .h2(.class("utrecht-heading-2"), .safeText(Strings.financePerProjectTitle)), positions(model))),
                .unwrap(model.total) { total in
                    .group(
                        .h2(.class("utrecht-heading-2"), .safeText(Strings.financeTotal)),
                        .facts([
                            (Strings.financeBudget, money(total.budgetCents)),
                            (Strings.financeActual, money(total.actualCents)),
                            (Strings.financeCommitment, money(total.commitmentCents)),
                            (Strings.financePending, total.pendingText),
                            total.shortfallCents > 0
                                ? (Strings.financeShortfall, money(total.shortfallCents))
                                : (Strings.financeRemaining, money(total.remainingCents)),
                        ]))
                },
                .if(
                    !model.summary.isEmpty,
                    .group(.h2(.class("utrecht-heading-2"), .safeText(Strings.financeBySourceTitle)), summary(model))),
                .if(
                    model.unmapped > 0,
                    .p(.class("utrecht-paragraph"), .safeText(Strings.financeUnmapped(model.unmapped)))),
                parts(model)
            )
        }
    }

    /// The lists and forms each audience gets below the figures.
    static func parts(_ model: FinancePageModel) -> Node<HTML.BodyContext> {
        switch model.audience {
        case .manager:
            return .group(
                lines(model), quotes(model), transfers(model),
                .if(model.mayManage, .group(costCentres(model), actualsUpload(model))))
        case .leader:
            return model.projectChoices.isEmpty && model.quotes.isEmpty ? .empty : quotes(model)
        case .board:
            return model.transfers.isEmpty ? .empty : transfers(model)
        }
    }

    static func money(_ cents: Int64) -> String { ReportedAmount.money(cents: cents).description }

    static func positions(_ model: FinancePageModel) -> Node<HTML.BodyContext> {
        var entries = model.projects
        if let own = model.programmeOwn, own.position != .zero { entries.append(own) }
        guard !entries.isEmpty else { return .p(.class("utrecht-paragraph"), .safeText(Strings.financeNoBudgets)) }
        return .div(
            .class("stoplicht-table-scroll"),
            .table(
                .class("utrecht-table stoplicht-money"),
                .caption(.safeText(Strings.financePerProject)),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .safeText(Strings.project)),
                        .forEach([
                            Strings.financeBudget, Strings.financeActual, Strings.financeCommitment,
                            Strings.financePending, Strings.financeRemaining,
                        ]) {
                            .th(.attribute(named: "scope", value: "col"), .class("stoplicht-amount"), .safeText($0))
                        })),
                .tbody(
                    .forEach(entries) { entry in
                        let p = entry.position
                        return .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .safeText(entry.number.map { "\($0). \(entry.name)" } ?? Strings.financeProgrammeOwn)),
                            .td(.class("stoplicht-amount"), .safeText(money(p.budgetCents))),
                            .td(.class("stoplicht-amount"), .safeText(money(p.actualCents))),
                            .td(.class("stoplicht-amount"), .safeText(money(p.commitmentCents))),
                            .td(.class("stoplicht-amount"), .safeText(p.pendingText)),
                            .td(
                                .class(
                                    p.shortfallCents > 0 ? "stoplicht-amount stoplicht-shortfall" : "stoplicht-amount"),
                                .safeText(
                                    p.shortfallCents > 0
                                        ? "\(Strings.financeShortfall) \(money(p.shortfallCents))"
                                        : money(p.remainingCents))))
                    })
            ))
    }

    static func summary(_ model: FinancePageModel) -> Node<HTML.BodyContext> {
        .div(
            .class("stoplicht-table-scroll"),
            .table(
                .class("utrecht-table stoplicht-money"),
                .caption(.safeText(Strings.financeBySource)),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .safeText(Strings.financeYear)),
                        .th(.attribute(named: "scope", value: "col"), .safeText(Strings.financeSource)),
                        .th(.attribute(named: "scope", value: "col"), .safeText(Strings.financeNature)),
                        .th(
                            .attribute(named: "scope", value: "col"), .class("stoplicht-amount"),
                            .safeText(Strings.financeBudget)),
                        .th(
                            .attribute(named: "scope", value: "col"), .class("stoplicht-amount"),
                            .safeText(Strings.financeCommitment)))),
                .tbody(
                    .forEach(model.summary) { row in
                        .tr(
                            .td(.safeText(String(row.year))), .td(.safeText(row.source.label)),
                            .td(.safeText(row.nature.label)),
                            .td(.class("stoplicht-amount"), .safeText(money(row.budgetCents))),
                            .td(.class("stoplicht-amount"), .safeText(money(row.commitmentCents))))
                    })
            ))
    }
}
