import Plot

/// The start page: the programmes one may see with their organisation, size and latest
/// report, a page at a time, with a search once there is more than one page.
enum ProgrammeIndexView {
    static func page(_ model: ProgrammeIndexModel, settings: Settings) -> Layout {
        let account = model.account
        let programmes = model.summaries
        return Layout(
            title: model.page > 1 ? Strings.programmesPage(model.page, of: model.pageCount) : Strings.programmes,
            settings: settings, breadcrumbs: []
        ) {
            .group(
                .unwrap(account) { .accountBar(name: $0.name, csrf: $0.csrf) },
                .h1(.class("utrecht-heading-1"), .safeText(Strings.programmes)),
                account == nil
                    ? .p(
                        .class("utrecht-paragraph"),
                        .a(.class("utrecht-link"), .href(SiteURL.login.path), .safeText(Strings.loginInvitation)))
                    : .if(
                        model.mayImport || account?.isAdministrator == true,
                        .ul(
                            .class("stoplicht-plain-list stoplicht-actions"),
                            .if(
                                model.mayImport,
                                .li(
                                    .a(
                                        .class("utrecht-link"), .href(SiteURL.importForm(programme: nil).path),
                                        .safeText(Strings.importLink)))),
                            .if(
                                account?.isAdministrator == true,
                                .li(
                                    .a(.class("utrecht-link"), .href(SiteURL.users.path), .safeText(Strings.usersTitle))
                                )))),
                ownProjects(model.ownProjects),
                .if(model.offersSearch, searchForm(model)),
                programmes.isEmpty
                    ? .p(
                        .class("utrecht-paragraph"),
                        .safeText(model.search.isEmpty ? Strings.noProgrammes : Strings.noProgrammesFound(model.search))
                    )
                    : .ul(
                        .class("stoplicht-cards"),
                        .forEach(programmes) { summary in
                            .li(
                                .class("stoplicht-card"),
                                .h2(
                                    .class("utrecht-heading-2"),
                                    .a(.class("utrecht-link"), .href(link(summary)), .safeText(summary.programme.name))),
                                .p(.class("stoplicht-muted"), .safeText(summary.organisationName)),
                                .facts([
                                    (Strings.duration, summary.programme.duration ?? "—"),
                                    (Strings.projects, "\(summary.projectCount)"),
                                    summary.publishedOnly
                                        ? (Strings.latestPublished, summary.latestPublished?.name ?? "—")
                                        : (Strings.currentPeriod, summary.latestPeriod?.name ?? "—"),
                                ]),
                                .if(
                                    summary.publishedOnly && summary.latestPublished == nil,
                                    .p(
                                        .class("stoplicht-muted"),
                                        .safeText(
                                            account == nil
                                                ? Strings.nothingPublishedYet : Strings.nothingPublishedForYou))))
                        }),
                pagination(model)
            )
        }
    }

    /// The projects the reader leads: those still to update first, each with the way to do it.
    static func ownProjects(_ projects: [OwnProject]) -> Node<HTML.BodyContext> {
        guard !projects.isEmpty else { return .empty }
        let due = projects.filter(isDue)
        let ordered = due + projects.filter { !isDue($0) }
        return .section(
            .class("stoplicht-own"), .ariaLabel(Strings.ownProjects),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.ownProjects)),
            .p(.class("utrecht-paragraph"), .safeText(Strings.ownProjectsDue(due.count, of: projects.count))),
            .ul(
                .class("stoplicht-own__list"),
                .forEach(ordered) { project in
                    .li(
                        .class("stoplicht-own__item"),
                        .lightBadge(project.light), .safeText(" "),
                        .a(
                            .class("utrecht-link"),
                            .href(SiteURL.project(programme: project.programmeSlug, number: project.number).path),
                            .safeText("\(project.number). \(project.name)")),
                        .span(.class("stoplicht-muted"), .safeText(" — \(project.programme)")),
                        .p(
                            .class("stoplicht-own__state"),
                            .safeText(Strings.ownProjectState(project.state, period: project.period?.name))),
                        .unwrap(project.updatePath) { path in
                            .a(
                                .class(
                                    isDue(project) ? "utrecht-button-link utrecht-button-link--primary" : "utrecht-link"
                                ), .href(path),
                                .safeText(Strings.updateStatus))
                        })
                }))
    }

    private static func isDue(_ project: OwnProject) -> Bool {
        if case .toUpdate = project.state { return true }
        return false
    }

    /// A GET form: the search is in the address, to bookmark or send on.
    static func searchForm(_ model: ProgrammeIndexModel) -> Node<HTML.BodyContext> {
        .form(
            .class("stoplicht-search"), .action(SiteURL.home.path), .method(.get),
            .attribute(named: "role", value: "search"),
            .div(
                .class("utrecht-form-field"),
                .element(
                    named: "label",
                    nodes: [
                        .attribute(named: "class", value: "utrecht-form-label"),
                        .attribute(named: "for", value: "zoek"),
                        .text(Strings.programmeSearchLabel),
                    ]),
                .div(.class("utrecht-form-field-description"), .id("zoek-hint"), .text(Strings.programmeSearchHint)),
                .div(.class("utrecht-form-field__input"), Controls.textbox("zoek", value: model.search, type: "search"))
            ),
            .submitButton(Strings.programmeSearchButton),
            .p(
                .class("utrecht-paragraph"), .attribute(named: "role", value: "status"),
                .safeText(
                    model.search.isEmpty
                        ? Strings.programmeCount(model.visible)
                        : Strings.programmesFound(model.matching, of: model.visible))))
    }

    /// Previous and next, and where one is.
    static func pagination(_ model: ProgrammeIndexModel) -> Node<HTML.BodyContext> {
        guard model.pageCount > 1 else { return .empty }
        return .element(
            named: "nav",
            nodes: [
                .attribute(named: "class", value: "utrecht-pagination"),
                .attribute(named: "aria-label", value: Strings.pagination),
                .if(
                    model.page > 1,
                    .a(
                        .class("utrecht-link utrecht-pagination__relative-link"),
                        .href(model.link(page: model.page - 1)),
                        .attribute(named: "rel", value: "prev"), .text(Strings.previousPage))),
                .span(.class("utrecht-pagination__pages"), .text(Strings.pageOf(model.page, model.pageCount))),
                .if(
                    model.page < model.pageCount,
                    .a(
                        .class("utrecht-link utrecht-pagination__relative-link"),
                        .href(model.link(page: model.page + 1)),
                        .attribute(named: "rel", value: "next"), .text(Strings.nextPage))),
            ])
    }

    /// The overview, or for a reader of published reports only, the latest of them.
    static func link(_ summary: ProgrammeSummary) -> String {
        guard summary.publishedOnly else { return SiteURL.programme(summary.programme.slug).path }
        return summary.latestPublished.map { SiteURL.period(programme: summary.programme.slug, period: $0.slug).path }
            ?? SiteURL.login.path
    }
}
