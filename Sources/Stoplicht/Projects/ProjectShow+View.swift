import Plot
import StoplichtCore

enum ProjectShowView {
    static func page(_ model: ProjectShowModel, settings: Settings) -> Layout {
        let slug = model.context.slug
        let row = model.current
        let title = "\(row.number). \(row.name)"
        return Layout(
            title: title, settings: settings,
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path),
                (model.context.programme.name, SiteURL.programme(slug).path),
                (title, SiteURL.project(programme: slug, number: row.number).path),
            ]
        ) {
            .group(
                .unwrap(model.viewer.user) { .accountBar(name: $0.name, csrf: model.viewer.csrf ?? "") },
                .if(model.justSaved, .notice(Strings.statusSaved)),
                .p(
                    .class("stoplicht-kicker"),
                    .safeText(Strings.projectKicker(row.number, programme: model.context.programme.name))),
                .h1(.class("utrecht-heading-1"), .safeText(row.name)),
                .if(model.project.archived, .p(.class("utrecht-paragraph"), .strong(.safeText(Strings.archivedTitle)))),
                .p(.lightBadge(row.light), .safeText(" "), .lifecycleTag(row.lifecycle)),
                actions(model),
                .facts(facts(model)),
                milestones(model),
                planning(model),
                postponements(model),
                slipHistory(model),
                .h2(.class("utrecht-heading-2"), .safeText(Strings.trend)),
                .ol(
                    .class("stoplicht-trend"),
                    .forEach(model.history.reversed()) { entry in
                        .li(
                            .class("stoplicht-trend__period"),
                            .span(.class("stoplicht-trend__name"), .safeText(entry.period.name)),
                            entry.status == nil
                                ? .span(.class("stoplicht-muted"), .safeText("—")) : .lightBadge(entry.light))
                    }),
                .h2(.class("utrecht-heading-2"), .safeText(Strings.history)),
                model.history.isEmpty
                    ? .p(.safeText(Strings.noPeriods))
                    : .ol(
                        .class("stoplicht-history"),
                        .forEach(model.history) { entry in
                            .li(
                                .class("stoplicht-history__entry"),
                                .h3(
                                    .class("utrecht-heading-3"),
                                    .a(
                                        .class("utrecht-link"),
                                        .href(
                                            SiteURL.period(programme: slug, period: entry.period.slug).path
                                                + "#project-\(row.number)"),
                                        .safeText(entry.period.name))),
                                .unwrap(
                                    entry.status,
                                    { status in
                                        .group(
                                            .p(
                                                .lightBadge(entry.light), .safeText(" "),
                                                .lifecycleTag(status.lifecycle),
                                                .unwrap(status.lightAssessor) {
                                                    .span(
                                                        .class("stoplicht-muted"),
                                                        .safeText(" " + Strings.lightAssessedBy($0)))
                                                }),
                                            .if(
                                                !entry.dimensionLights.isEmpty,
                                                .dl(
                                                    .class("stoplicht-dimensions"),
                                                    .forEach(entry.dimensionLights) { dimension in
                                                        .group(
                                                            .dt(.safeText(dimension.0)), .dd(.lightBadge(dimension.1)))
                                                    })),
                                            .if(
                                                !entry.reportedLights.isEmpty,
                                                .dl(
                                                    .class("stoplicht-dimensions"),
                                                    .forEach(entry.reportedLights) { reported in
                                                        .group(.dt(.safeText(reported.0)), .dd(.lightBadge(reported.1)))
                                                    })),
                                            .facts(deliveries(status)),
                                            status.remarks.isEmpty
                                                ? .p(.class("stoplicht-muted"), .safeText(Strings.noRemarks))
                                                : .markdown(status.remarks, minimumHeadingLevel: 4),
                                            .forEach(explained(status)) { part in
                                                .group(
                                                    .h4(.class("utrecht-heading-4"), .safeText(part.0)),
                                                    .markdown(part.1, minimumHeadingLevel: 5))
                                            },
                                            status.carriedForward
                                                ? .p(.class("stoplicht-muted"), .safeText(Strings.carriedForwardNote))
                                                : .unwrap(status.updatedAt) { at in
                                                    .p(
                                                        .class("stoplicht-muted"),
                                                        .safeText(
                                                            Strings.updatedOn(
                                                                Strings.date(at),
                                                                by: status.updatedBy.flatMap { model.updaters[$0] })))
                                                }
                                        )
                                    }, else: .p(.class("stoplicht-muted"), .safeText(Strings.notInPeriod))))
                        })
            )
        }
    }

    /// Update, change and audit links, as the viewer may use them.
    static func actions(_ model: ProjectShowModel) -> Node<HTML.BodyContext> {
        let slug = model.context.slug
        let number = model.project.number
        let editable = model.context.latestPeriod.flatMap { $0.state == .published ? nil : $0 }
        return .ul(
            .class("stoplicht-plain-list stoplicht-actions"),
            .if(
                model.mayEdit,
                .unwrap(editable) { period in
                    .li(
                        .a(
                            .class("utrecht-button-link utrecht-button-link--primary"),
                            .href(SiteURL.statusEdit(programme: slug, number: number, period: period.slug).path),
                            .safeText("\(Strings.updateStatus) (\(period.name))")))
                }),
            .if(
                model.viewer.may(.manageProjects),
                .li(
                    .a(
                        .class("utrecht-link"), .href(SiteURL.projectEdit(programme: slug, number: number).path),
                        .safeText(Strings.editProject)))),
            .if(
                model.viewer.isLoggedIn,
                .li(
                    .a(
                        .class("utrecht-link"), .href(SiteURL.projectAudit(programme: slug, number: number).path),
                        .safeText(Strings.auditTitle)))))
    }

    /// What was achieved, what is next, and the explanation of an orange or red light.
    static func explained(_ status: ProjectStatus) -> [(String, String)] {
        [
            (Strings.achieved, status.achieved), (Strings.plannedNext, status.plannedNext),
            (Strings.cause, status.cause),
            (Strings.consequence, status.consequence), (Strings.measure, status.measure),
        ]
        .compactMap { label, value in value.flatMap { $0.isEmpty ? nil : (label, $0) } }
    }

    static func facts(_ model: ProjectShowModel) -> [(String, String)] {
        var facts: [(String, String)] = [
            (
                model.current.leaders.count > 1 ? Strings.leaders : Strings.leader,
                model.current.leaders.isEmpty ? Strings.noLeader : model.current.leaderText
            )
        ]
        if let planned = model.current.plannedDelivery { facts.append((Strings.plannedDelivery, planned.description)) }
        if let forecast = model.current.forecastDelivery {
            facts.append((Strings.forecastDelivery, forecast.description))
        }
        if let manager = model.lineManager { facts.append((Strings.lineManager, manager)) }
        if let phase = model.project.phase { facts.append((Strings.phase, phase.label)) }
        if let group = model.project.groupName { facts.append((Strings.projectGroup, group)) }
        if let risk = model.project.riskProfile { facts.append((Strings.riskProfile, risk.label)) }
        return facts
    }

    static func deliveries(_ status: ProjectStatus) -> [(String, String)] {
        var facts: [(String, String)] = []
        if let planned = status.planned { facts.append((Strings.plannedDelivery, planned.description)) }
        if let forecast = status.forecast { facts.append((Strings.forecastDelivery, forecast.description)) }
        return facts
    }
}
