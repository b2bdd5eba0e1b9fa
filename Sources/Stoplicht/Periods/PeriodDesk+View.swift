import Plot
import StoplichtCore

enum PeriodDeskView {
    static func page(_ model: PeriodDeskModel, settings: Settings) -> Layout {
        let context = model.context
        let slug = context.slug
        let csrf = model.viewer.csrf ?? ""
        let latest = context.latestPeriod
        return Layout(
            title: Strings.deskTitle, settings: settings,
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path), (context.programme.name, SiteURL.programme(slug).path),
                (Strings.deskTitle, SiteURL.periodDesk(slug).path),
            ]
        ) {
            .group(
                .accountBar(name: model.viewer.user?.name ?? "", csrf: csrf),
                .p(.class("stoplicht-kicker"), .text(Strings.programmeTitle(context.programme.name))),
                .h1(.class("utrecht-heading-1"), .text(Strings.deskTitle)),
                .programmeNav(context, viewer: model.viewer, current: .desk),
                .unwrap(model.notice) { .notice($0) },
                .unwrap(model.error) { .alert($0) },
                .unwrap(latest) { period in
                    .section(
                        .h2(.class("utrecht-heading-2"), .text("\(Strings.currentPeriod): \(period.name)")),
                        .p(.class("utrecht-paragraph"), .text("\(Strings.state): \(period.state.label)")),
                        .unwrap(model.notYetUpdated) { notYet($0, slug: slug, period: period) },
                        .if(
                            period.state != .published,
                            .ul(
                                .class("stoplicht-plain-list stoplicht-actions"),
                                .li(
                                    .a(
                                        .class("utrecht-link"),
                                        .href(SiteURL.periodTexts(programme: slug, period: period.slug).path),
                                        .text(Strings.editTexts))),
                                .li(
                                    .a(
                                        .class("utrecht-link"), .href(SiteURL.projectNew(slug).path),
                                        .text(Strings.addProject))))),
                        .div(
                            .class("utrecht-button-group"),
                            .if(
                                period.state == .open,
                                .actionButton(
                                    Strings.toReview,
                                    action: SiteURL.periodMove(programme: slug, period: period.slug).path,
                                    csrf: csrf, fields: [(PeriodMoveField.target.name, "review")], primary: true)),
                            .if(
                                period.state == .inReview,
                                .actionButton(
                                    Strings.reopen,
                                    action: SiteURL.periodMove(programme: slug, period: period.slug).path,
                                    csrf: csrf, fields: [(PeriodMoveField.target.name, "open")])),
                            .if(
                                period.state != .published && model.viewer.may(.publishPeriod),
                                .a(
                                    .class(
                                        period.state == .inReview
                                            ? "utrecht-button-link utrecht-button-link--primary"
                                            : "utrecht-button-link utrecht-button-link--secondary"),
                                    .href(SiteURL.periodPublish(programme: slug, period: period.slug).path),
                                    .text(Strings.publishStart)))),
                        .if(period.state != .published, .p(.class("stoplicht-muted"), .text(Strings.publishHint)))
                    )
                },
                .h2(.class("utrecht-heading-2"), .text(Strings.openPeriod)),
                .unwrap(
                    context.periods.first { $0.state != .published },
                    { open in
                        .p(.class("utrecht-paragraph"), .text(Strings.periodStillOpen(open.name)))
                    },
                    else: .form(
                        .class("utrecht-form stoplicht-form"), .action(SiteURL.periodOpen(slug).path), .method(.post),
                        .csrfField(csrf),
                        .checkedField(
                            "naam", label: Strings.periodName, hint: Strings.periodNameHint, problems: [],
                            control: Controls.textbox("naam", value: "", required: true)),
                        .submitButton(Strings.openPeriod))),
                .h2(.class("utrecht-heading-2"), .text(Strings.periods)),
                .ul(
                    .class("stoplicht-plain-list"),
                    .forEach(context.periods.reversed()) { period in
                        .li(
                            .a(
                                .class("utrecht-link"),
                                .href(SiteURL.period(programme: slug, period: period.slug).path), .text(period.name)),
                            .text(" (\(period.state.label)) — "),
                            .a(
                                .class("utrecht-link"),
                                .href(SiteURL.periodAudit(programme: slug, period: period.slug).path),
                                .text(Strings.auditTitle)))
                    }),
                .if(
                    model.viewer.may(.manageRoles),
                    .group(
                        .h2(.class("utrecht-heading-2"), .text(Strings.accessTitle)),
                        .form(
                            .class("utrecht-form stoplicht-form"), .action(SiteURL.programmeAccess(slug).path),
                            .method(.post),
                            .csrfField(csrf),
                            .checkedField(
                                "toegang", label: Strings.accessLabel, hint: Strings.accessHint, problems: [],
                                control: .selectBox(
                                    "toegang", name: "toegang",
                                    options: ProgrammeAccess.allCases.map { ($0.rawValue, $0.label) },
                                    selected: context.programme.access.rawValue)),
                            .submitButton(Strings.save)),
                        .p(.a(.class("utrecht-link"), .href(SiteURL.users.path), .text(Strings.usersTitle)))
                    ))
            )
        }
    }

    private static func notYet(_ list: NotYetUpdated, slug: String, period: ReportingPeriod) -> Node<HTML.BodyContext> {
        .section(
            .class("stoplicht-not-updated"), .ariaLabel(Strings.notYetUpdated),
            .h3(.class("utrecht-heading-3"), .text("\(Strings.notYetUpdated) (\(Strings.projectsCount(list.count)))")),
            list.entries.isEmpty
                ? .p(.class("utrecht-paragraph"), .text(Strings.everyoneUpdated))
                : .dl(
                    .class("stoplicht-facts"),
                    .forEach(list.entries) { entry in
                        .group(
                            .dt(.text(entry.leader)),
                            .dd(
                                .ul(
                                    .class("stoplicht-plain-list"),
                                    .forEach(entry.projects) { project in
                                        .li(
                                            .a(
                                                .class("utrecht-link"),
                                                .href(
                                                    SiteURL.statusEdit(
                                                        programme: slug, number: project.number, period: period.slug
                                                    ).path),
                                                .text("\(project.number). \(project.name)")))
                                    })))
                    }))
    }
}
