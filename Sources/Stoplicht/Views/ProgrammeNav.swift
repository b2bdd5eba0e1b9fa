import Plot

/// The programme's pages as tabs under its title: overview, the current report, the trend,
/// and, for those who may open them, the roadmap, the finances and the desk.
enum ProgrammeTab: Sendable {
    case overview, report, trend, roadmap, finance, desk
}

extension Node where Context == HTML.BodyContext {
    static func programmeNav(_ context: ProgrammeContext, viewer: Viewer, current: ProgrammeTab) -> Node {
        let slug = context.slug
        var tabs: [(ProgrammeTab, String, String)] = [
            (.overview, Strings.programmeOverviewTab, SiteURL.programme(slug).path)
        ]
        if let period = context.latestPeriod {
            tabs.append((.report, Strings.report, SiteURL.period(programme: slug, period: period.slug).path))
        }
        tabs.append((.trend, Strings.trendTitle, SiteURL.trend(slug).path))
        if viewer.may(.read) {
            tabs.append((.roadmap, Strings.roadmap, SiteURL.roadmap(slug).path))
            tabs.append((.finance, Strings.financeTitle, SiteURL.finance(slug).path))
        }
        if viewer.may(.movePeriod) { tabs.append((.desk, Strings.deskTitle, SiteURL.periodDesk(slug).path)) }
        return .element(
            named: "nav",
            nodes: [
                .attribute(named: "class", value: "stoplicht-tabs"),
                .attribute(named: "aria-label", value: Strings.programmePages),
                .ul(
                    .class("stoplicht-tabs__list"),
                    .forEach(tabs) { tab, label, path in
                        .li(
                            .class(
                                tab == current
                                    ? "stoplicht-tabs__item stoplicht-tabs__item--current" : "stoplicht-tabs__item"),
                            tab == current
                                ? .a(
                                    .class("stoplicht-tabs__link"), .href(path),
                                    .attribute(named: "aria-current", value: "page"), .safeText(label))
                                : .a(.class("stoplicht-tabs__link"), .href(path), .safeText(label)))
                    }),
            ])
    }
}
