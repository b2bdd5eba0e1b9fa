import Plot
import StoplichtCore

/// The step before publishing: what will be frozen, what is still missing, the report to
/// look at once more, and "Definitief publiceren".
enum PublishConfirmationView {
    static func page(_ model: PublishConfirmationModel, settings: Settings) -> Layout {
        let slug = model.context.slug
        let period = model.period
        let csrf = model.viewer.csrf ?? ""
        return Layout(
            title: Strings.publishConfirmTitle(period.name), settings: settings,
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path), (model.context.programme.name, SiteURL.programme(slug).path),
                (Strings.deskTitle, SiteURL.periodDesk(slug).path),
                (Strings.publish, SiteURL.periodPublish(programme: slug, period: period.slug).path),
            ]
        ) {
            .group(
                .accountBar(name: model.viewer.user?.name ?? "", csrf: csrf),
                .p(.class("stoplicht-kicker"), .text(Strings.programmeTitle(model.context.programme.name))),
                .h1(.class("utrecht-heading-1"), .text(Strings.publishConfirmTitle(period.name))),
                .unwrap(model.error) { .alert($0) },
                .p(.class("utrecht-paragraph"), .text(Strings.publishFreezes)),
                .ul(
                    .class("stoplicht-plain-list stoplicht-actions"),
                    .li(
                        .a(
                            .class("utrecht-link"), .href(SiteURL.period(programme: slug, period: period.slug).path),
                            .text(Strings.publishReadReport))),
                    .li(
                        .a(
                            .class("utrecht-link"),
                            .href(
                                SiteURL.download(
                                    programme: slug, period: period.slug, format: ExportFormat.pdf.rawValue
                                ).path),
                            .text(Strings.publishPDFPreview)))),
                .h2(.class("utrecht-heading-2"), .text(Strings.publishCheckTitle)),
                .ul(
                    .class("stoplicht-publish-checks"),
                    .li(
                        .class(
                            model.skipsReview
                                ? "stoplicht-check stoplicht-check--open" : "stoplicht-check stoplicht-check--done"),
                        .text(model.skipsReview ? Strings.publishNotReviewed : Strings.publishReviewed)),
                    .li(
                        .class(
                            model.notYetUpdated.count > 0
                                ? "stoplicht-check stoplicht-check--open" : "stoplicht-check stoplicht-check--done"),
                        .text(
                            model.notYetUpdated.count > 0
                                ? Strings.publishNotUpdated(model.notYetUpdated.count) : Strings.everyoneUpdated),
                        .if(
                            model.notYetUpdated.count > 0,
                            .details(
                                .summary(.text(Strings.publishShowProjects)),
                                .ul(
                                    .forEach(model.notYetUpdated.entries) { entry in
                                        .li(
                                            .text("\(entry.leader): "),
                                            .text(
                                                entry.projects.map { "\($0.number). \($0.name)" }.joined(
                                                    separator: "; ")))
                                    })))),
                    .li(
                        .class(
                            model.unexplained.isEmpty
                                ? "stoplicht-check stoplicht-check--done" : "stoplicht-check stoplicht-check--open"),
                        .text(
                            model.unexplained.isEmpty
                                ? Strings.publishAllExplained : Strings.publishUnexplained(model.unexplained.count)),
                        .if(
                            !model.unexplained.isEmpty,
                            .ul(
                                .forEach(model.unexplained) { row in
                                    .li(
                                        .lightBadge(row.light), .text(" "),
                                        .a(
                                            .class("utrecht-link"),
                                            .href(SiteURL.project(programme: slug, number: row.number).path),
                                            .text("\(row.number). \(row.name)")))
                                })))),
                .form(
                    .class("utrecht-form stoplicht-form"),
                    .action(SiteURL.periodMove(programme: slug, period: period.slug).path), .method(.post),
                    .csrfField(csrf),
                    .hidden(PeriodMoveField.target, "publiceren"),
                    .hidden(PeriodMoveField.confirmed, "ja"),
                    .if(
                        model.skipsReview,
                        .checkbox(PeriodMoveField.skipReview, label: Strings.publishSkipReview, checked: false)),
                    .div(
                        .class("utrecht-button-group"),
                        .button(
                            .class("utrecht-button utrecht-button--primary-action"), .type(.submit),
                            .text(Strings.publishFinal)),
                        .a(.class("utrecht-link"), .href(SiteURL.periodDesk(slug).path), .text(Strings.publishCancel))))
            )
        }
    }
}
