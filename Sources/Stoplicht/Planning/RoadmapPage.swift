import Plot
import StoplichtCore
import Vapor

/// `/programmas/{p}/tijdlijn`: the roadmap of the latest period, with the same as a table
/// beside it (the picture's text alternative), for anyone who may read the programme.
enum RoadmapPage {
    static func show(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.require(.read, req, programme: context.programme)
        let schedule = try await ProgrammeSchedule.load(context, period: nil, on: req.db)
        let slips = try await SlipHistories.load(context, on: req.db)
        return page(context: context, viewer: viewer, schedule: schedule, slips: slips, settings: req.settings)
            .response()
    }

    static func page(
        context: ProgrammeContext, viewer: Viewer, schedule: ProgrammeSchedule, slips: [Int: SlipHistory],
        settings: Settings
    ) -> Layout {
        let slug = context.slug
        let roadmap = schedule.roadmap(title: Strings.roadmapTitle(context.programme.name, context.latestPeriod?.name))
        return Layout(
            title: Strings.roadmap, settings: settings,
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path), (context.programme.name, SiteURL.programme(slug).path),
                (Strings.roadmap, SiteURL.roadmap(slug).path),
            ]
        ) {
            .group(
                .unwrap(viewer.user) { .accountBar(name: $0.name, csrf: viewer.csrf ?? "") },
                .p(.class("stoplicht-kicker"), .safeText(Strings.programmeTitle(context.programme.name))),
                .h1(.class("utrecht-heading-1"), .safeText(Strings.roadmap)),
                .programmeNav(context, viewer: viewer, current: .roadmap),
                .p(.class("utrecht-paragraph"), .safeText(Strings.roadmapIntro)),
                figure(roadmap),
                table(schedule, slug: slug),
                slipTable(schedule, slips: slips, slug: slug)
            )
        }
    }

    static func figure(_ roadmap: Roadmap, report: Bool = false) -> Node<HTML.BodyContext> {
        let caption = Strings.roadmapLegend(roadmap, report: report)
        return .element(
            named: "figure",
            nodes: [
                .attribute(named: "class", value: "stoplicht-roadmap"),
                .raw(roadmap.svg(id: "tijdlijn")),
                .element(
                    named: "figcaption", nodes: [.attribute(named: "class", value: "stoplicht-muted"), .text(caption)]),
            ])
    }

    static func table(_ schedule: ProgrammeSchedule, slug: String) -> Node<HTML.BodyContext> {
        .div(
            .class("stoplicht-table-scroll"),
            .table(
                .class("utrecht-table"),
                .caption(.safeText(Strings.roadmapTable)),
                .thead(
                    .tr(
                        .forEach([
                            Strings.project, Strings.roadmapPlanned, Strings.roadmapForecast, Strings.needsTitle,
                            Strings.roadmapFeasible,
                        ]) {
                            .th(.attribute(named: "scope", value: "col"), .safeText($0))
                        })),
                .tbody(
                    .forEach(schedule.entries) { entry in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(
                                    .class("utrecht-link"),
                                    .href(SiteURL.project(programme: slug, number: entry.number).path),
                                    .safeText("\(entry.number). \(entry.name)"))),
                            .td(.safeText(span(entry.planned))), .td(.safeText(span(entry.forecast))),
                            .td(.safeText(entry.needs.isEmpty ? "—" : entry.needs.joined(separator: "; "))),
                            .td(
                                .class(entry.infeasible ? "stoplicht-shortfall" : ""),
                                .safeText(
                                    entry.infeasible
                                        ? Strings.roadmapNotFeasible(entry)
                                        : (entry.delivery == nil ? "—" : Strings.roadmapOK))))
                    })
            ))
    }

    /// The programme's slips: who moved later, how often, how far.
    static func slipTable(_ schedule: ProgrammeSchedule, slips: [Int: SlipHistory], slug: String) -> Node<
        HTML.BodyContext
    > {
        let dated = slips.filter { $0.value.steps.contains { $0.delivery != nil } }
        let moved = schedule.entries.filter { (slips[$0.number]?.slips ?? 0) > 0 }
        return .section(
            .id("verschuivingen"),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.slipsTitle)),
            .p(
                .class("utrecht-paragraph"),
                .safeText(
                    Strings.slipsSummary(
                        moved: moved.count, of: dated.count,
                        months: moved.reduce(0) { $0 + (slips[$1.number]?.totalMonths ?? 0) }))),
            .if(
                !moved.isEmpty,
                .div(
                    .class("stoplicht-table-scroll"),
                    .table(
                        .class("utrecht-table"),
                        .caption(.safeText(Strings.slipsCaption)),
                        .thead(
                            .tr(
                                .forEach([Strings.project, Strings.slipsCount, Strings.slipsTotal]) {
                                    .th(.attribute(named: "scope", value: "col"), .safeText($0))
                                })),
                        .tbody(
                            .forEach(moved) { entry in
                                .tr(
                                    .th(
                                        .attribute(named: "scope", value: "row"),
                                        .a(
                                            .class("utrecht-link"),
                                            .href(
                                                SiteURL.project(programme: slug, number: entry.number).path
                                                    + "#verschuiving"),
                                            .safeText("\(entry.number). \(entry.name)"))),
                                    .td(.safeText(String(slips[entry.number]?.slips ?? 0))),
                                    .td(.safeText(SlipHistory.movedText(slips[entry.number]?.totalMonths ?? 0))))
                            })
                    )))
        )
    }

    /// "januari 2019 – Q2 2019", "– Q2 2019", "—".
    static func span(_ dates: (start: PlanDate?, delivery: PlanDate?)) -> String {
        switch (dates.start, dates.delivery) {
        case (nil, nil): "—"
        case (let start?, nil): "vanaf \(start)"
        case (nil, let delivery?): "oplevering \(delivery)"
        case (let start?, let delivery?): "\(start) – \(delivery)"
        }
    }
}
