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
                .p(.class("stoplicht-kicker"), .safeText(model.context.organisation.name)),
                .h1(.class("utrecht-heading-1"), .safeText("Programma \(programme.name)")),
                .facts(facts(model)),
                .unwrap(model.period) { period in
                    .group(
                        .p(.class("utrecht-paragraph"),
                           .a(.class("utrecht-button-link utrecht-button-link--primary"),
                              .href(SiteURL.period(programme: slug, period: period.slug).path),
                              .safeText("\(Strings.readReport) \(period.name)"))),
                        .h2(.class("utrecht-heading-2"), .safeText("\(Strings.lightsSummary) — \(period.name)")),
                        .lightCounts(model.counts, caption: Strings.lightsSummary)
                    )
                },
                .if(model.period == nil, .p(.class("utrecht-paragraph"), .safeText(Strings.noPeriods))),
                .h2(.class("utrecht-heading-2"), .safeText(Strings.projects)),
                .div(.class("stoplicht-table-scroll"),
                     .table(.class("utrecht-table stoplicht-annex"),
                            .projectTable(model.rows, dimensions: model.context.dimensions,
                                          caption: "\(Strings.projectsCount(model.rows.count))\(model.period.map { " — \($0.name)" } ?? "")",
                                          style: .overview,
                                          link: { SiteURL.project(programme: slug, number: $0.number).path }))),
                .if(model.context.periods.count > 0, .group(
                    .h2(.class("utrecht-heading-2"), .safeText(Strings.periods)),
                    .ul(.class("stoplicht-plain-list"), .forEach(model.context.periods.reversed()) { period in
                        .li(.a(.class("utrecht-link"), .href(SiteURL.period(programme: slug, period: period.slug).path),
                               .safeText("\(Strings.report) \(period.name)")),
                            .span(.class("stoplicht-muted"), .safeText(" (\(period.state.label))")))
                    })
                ))
            )
        }
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
