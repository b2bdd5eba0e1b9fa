import Plot

enum ProgrammeOverviewView {
    static func page(_ model: ProgrammeOverviewModel, settings: Settings) -> Layout {
        let programme = model.context.programme
        let slug = model.context.slug
        return Layout(
            title: programme.name, settings: settings,
            breadcrumbs: [(Strings.programmes, SiteURL.home.path), (programme.name, SiteURL.programme(slug).path)]
        ) {
            .group(
                .unwrap(model.viewer.user) { .accountBar(name: $0.name, csrf: model.viewer.csrf ?? "") },
                .p(.class("stoplicht-kicker"), .safeText(model.context.organisation.name)),
                .h1(.class("utrecht-heading-1"), .safeText(Strings.programmeTitle(programme.name))),
                .programmeNav(model.context, viewer: model.viewer, current: .overview),
                .facts(facts(model)),
                .unwrap(model.period) { period in
                    .group(
                        .p(
                            .class("utrecht-paragraph"),
                            .a(
                                .class("utrecht-button-link utrecht-button-link--primary"),
                                .href(SiteURL.period(programme: slug, period: period.slug).path),
                                .safeText("\(Strings.readReport) \(period.name)"))),
                        .h2(.class("utrecht-heading-2"), .safeText("\(Strings.lightsSummary) — \(period.name)")),
                        .lightCounts(
                            model.counts, caption: Strings.lightsSummary,
                            link: { light in
                                SiteURL.programme(slug).path
                                    + "?licht=\(light?.code ?? ProgrammeOverviewModel.LightFilter.noneCode)#projecten"
                            })
                    )
                },
                .if(model.period == nil, .p(.class("utrecht-paragraph"), .safeText(Strings.noPeriods))),
                ownProjects(model),
                .h2(.id("projecten"), .class("utrecht-heading-2"), .safeText(Strings.projects)),
                .unwrap(model.filter) { _ in
                    .p(
                        .a(
                            .class("utrecht-link"), .href(SiteURL.programme(slug).path + "#projecten"),
                            .safeText(Strings.allProjects)))
                },
                .div(
                    .class("stoplicht-table-scroll"),
                    .table(
                        .class("utrecht-table stoplicht-annex"),
                        .projectTable(
                            model.rows, dimensions: model.context.dimensions,
                            caption: caption(model),
                            style: .overview,
                            link: { SiteURL.project(programme: slug, number: $0.number).path }))),
                .ul(
                    .class("stoplicht-plain-list stoplicht-actions"),
                    .if(
                        model.viewer.may(.manageProjects),
                        .li(
                            .a(
                                .class("utrecht-link"), .href(SiteURL.projectNew(slug).path),
                                .safeText(Strings.addProject)))),
                    .if(
                        model.viewer.may(.importReport),
                        .li(
                            .a(
                                .class("utrecht-link"), .href(SiteURL.importForm(programme: slug).path),
                                .safeText(Strings.importLink))))),
                .if(
                    model.context.periods.count > 0,
                    .group(
                        .h2(.class("utrecht-heading-2"), .safeText(Strings.periods)),
                        .ul(
                            .class("stoplicht-plain-list"),
                            .forEach(model.context.periods.reversed()) { period in
                                .li(
                                    .a(
                                        .class("utrecht-link"),
                                        .href(SiteURL.period(programme: slug, period: period.slug).path),
                                        .safeText("\(Strings.report) \(period.name)")),
                                    .span(.class("stoplicht-muted"), .safeText(" (\(period.state.label))")))
                            })
                    ))
            )
        }
    }

    /// A project leader's own projects, each with its light and the way to update it.
    static func ownProjects(_ model: ProgrammeOverviewModel) -> Node<HTML.BodyContext> {
        let rows = model.rows.filter { model.ownProjects.contains($0.number) }
        guard !rows.isEmpty else { return .empty }
        let slug = model.context.slug
        let editable = model.period.flatMap { $0.state == .open ? $0 : nil }
        return .section(
            .class("stoplicht-own"), .ariaLabel(Strings.ownProjects),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.ownProjects)),
            .ul(
                .class("stoplicht-plain-list stoplicht-actions"),
                .forEach(rows) { row in
                    .li(
                        .lightBadge(row.light), .safeText(" "),
                        .a(
                            .class("utrecht-link"), .href(SiteURL.project(programme: slug, number: row.number).path),
                            .safeText("\(row.number). \(row.name)")),
                        .unwrap(editable) { period in
                            .group(
                                .safeText(" — "),
                                .a(
                                    .class("utrecht-link"),
                                    .href(
                                        SiteURL.statusEdit(programme: slug, number: row.number, period: period.slug)
                                            .path),
                                    .safeText(Strings.updateStatus)))
                        })
                }))
    }

    static func caption(_ model: ProgrammeOverviewModel) -> String {
        var caption = Strings.projectsCount(model.rows.count)
        if let filter = model.filter {
            let label: String
            switch filter {
            case .light(let light): label = light.label.lowercased()
            case .none: label = Strings.noStatus.lowercased()
            }
            caption += " (\(Strings.filteredBy(label)))"
        }
        if let period = model.period { caption += " — \(period.name)" }
        return caption
    }

    static func facts(_ model: ProgrammeOverviewModel) -> [(String, String)] {
        var facts: [(String, String)] = []
        if let duration = model.context.programme.duration { facts.append((Strings.duration, duration)) }
        for role in ProgrammeOfficial.Role.allCases {
            let names = model.officials.names(role)
            if !names.isEmpty { facts.append((role.label, names.joined(separator: ", "))) }
        }
        return facts
    }
}
