import Plot
import StoplichtCore

enum ProgrammeTrendView {
    static func page(_ model: ProgrammeTrendModel, viewer: Viewer, settings: Settings) -> Layout {
        let programme = model.context.programme
        let slug = model.context.slug
        let marked = model.rows.filter { $0.concern >= LightTrend.markFrom }
        return Layout(
            title: "\(Strings.trendTitle) — \(programme.name)", settings: settings,
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path), (programme.name, SiteURL.programme(slug).path),
                (Strings.trendTitle, SiteURL.trend(slug).path),
            ]
        ) {
            .group(
                .p(.class("stoplicht-kicker"), .safeText(model.context.organisation.name)),
                .h1(
                    .class("utrecht-heading-1"),
                    .safeText("\(Strings.trendTitle) — \(Strings.programmeTitle(programme.name))")),
                .programmeNav(model.context, viewer: viewer, current: .trend),
                .p(.class("utrecht-paragraph"), .safeText(Strings.trendIntro(model.periods.count))),
                .if(
                    !marked.isEmpty,
                    .div(
                        .class("utrecht-alert stoplicht-concern"), .attribute(named: "role", value: "status"),
                        .p(.class("utrecht-paragraph"), .safeText(Strings.trendConcern(marked.map(\.number)))))),
                .div(
                    .class("stoplicht-table-scroll"),
                    .table(
                        .class("utrecht-table stoplicht-annex"),
                        .caption(.safeText(Strings.trendCaption(model.rows.count))),
                        .thead(
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "col"), .class("stoplicht-col-number"),
                                    .safeText(Strings.number)),
                                .th(.attribute(named: "scope", value: "col"), .safeText(Strings.project)),
                                .forEach(model.periods) {
                                    .th(.attribute(named: "scope", value: "col"), .safeText($0.name))
                                }
                            )),
                        .tbody(
                            .forEach(model.rows) { row in
                                .tr(
                                    .class(
                                        row.concern >= LightTrend.markFrom
                                            ? "stoplicht-row stoplicht-row--concern" : "stoplicht-row"),
                                    .th(
                                        .attribute(named: "scope", value: "row"), .class("stoplicht-col-number"),
                                        .safeText("\(row.number)")),
                                    .td(
                                        .a(
                                            .class("utrecht-link"),
                                            .href(SiteURL.project(programme: slug, number: row.number).path),
                                            .safeText(row.name)),
                                        .if(
                                            row.concern >= LightTrend.markFrom,
                                            .p(
                                                .class("stoplicht-change stoplicht-change--slechter"),
                                                .safeText(Strings.trendRowConcern(row.concern))))),
                                    .forEach(row.lights) { .td(.lightBadge($0)) })
                            })
                    ))
            )
        }
    }
}
