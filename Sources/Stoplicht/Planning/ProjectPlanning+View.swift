import Plot
import StoplichtCore

/// The project page's planning: whether the plan still holds with the prerequisites as
/// they stand (with the earliest dates and the re-plan to accept), what the project needs,
/// which projects wait on it, and the form to add a prerequisite.
extension ProjectShowView {
    static func planning(_ model: ProjectShowModel) -> Node<HTML.BodyContext> {
        guard let schedule = model.schedule, let entry = schedule.entry(model.current.number) else { return .empty }
        let number = model.current.number
        let slug = model.context.slug
        let manages = model.viewer.may(.manageProjects)
        let links = schedule.links.filter { $0.project == number }
        let waiting = schedule.links.filter { $0.needsProject == number }
        guard manages || entry.infeasible || !links.isEmpty || !waiting.isEmpty else { return .empty }
        return .section(
            .id("planning"),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.planningTitle)),
            .if(
                entry.infeasible,
                .div(
                    .class("utrecht-alert utrecht-alert--warning"), .attribute(named: "role", value: "status"),
                    .p(.class("utrecht-paragraph"), .strong(.safeText(Strings.planInfeasible))),
                    .p(.class("utrecht-paragraph"), .safeText(Strings.infeasibleLine(entry))),
                    .if(
                        manages,
                        .actionButton(
                            Strings.acceptReplan, action: SiteURL.replan(programme: slug, number: number).path,
                            csrf: model.viewer.csrf ?? "", primary: true))
                )),
            .h3(.class("utrecht-heading-3"), .safeText(Strings.needsTitle)),
            links.isEmpty
                ? .p(.class("stoplicht-muted"), .safeText(Strings.needsNothing))
                : .ul(
                    .class("utrecht-unordered-list"),
                    .forEach(links) { link in
                        .li(
                            .safeText(linkText(link, schedule)),
                            .if(
                                manages,
                                .group(
                                    .safeText(" "),
                                    .actionButton(
                                        Strings.removePrerequisite,
                                        action: SiteURL.prerequisiteRemove(
                                            programme: slug, number: number, id: link.id
                                        ).path, csrf: model.viewer.csrf ?? ""))))
                    }),
            .if(
                !waiting.isEmpty,
                .group(
                    .h3(.class("utrecht-heading-3"), .safeText(Strings.waitingTitle)),
                    .ul(
                        .class("utrecht-unordered-list"),
                        .forEach(waiting) { link in
                            .li(
                                .a(
                                    .class("utrecht-link"),
                                    .href(SiteURL.project(programme: slug, number: link.project).path),
                                    .safeText(
                                        schedule.entry(link.project).map { "\($0.number). \($0.name)" }
                                            ?? String(link.project))),
                                .safeText(link.milestone.map { " (\(Strings.milestone) \($0))" } ?? ""))
                        })
                )),
            .if(manages, addForm(model, schedule))
        )
    }

    /// How often and how far the delivery moved, period by period.
    static func slipHistory(_ model: ProjectShowModel) -> Node<HTML.BodyContext> {
        let history = SlipHistories.of(model.history)
        guard history.steps.contains(where: { $0.delivery != nil }) else { return .empty }
        return .section(
            .id("verschuiving"),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.slipTitle)),
            .p(.class("utrecht-paragraph"), .safeText(Strings.slipSummary(history))),
            .div(
                .class("stoplicht-table-scroll"),
                .table(
                    .class("utrecht-table"),
                    .caption(.safeText(Strings.slipCaption)),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .safeText(Strings.period)),
                            .th(.attribute(named: "scope", value: "col"), .safeText(Strings.forecastDelivery)),
                            .th(.attribute(named: "scope", value: "col"), .safeText(Strings.slipMoved)))),
                    .tbody(
                        .forEach(history.steps) { step in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .safeText(step.period)),
                                .td(.safeText(step.delivery?.description ?? "—")),
                                .td(
                                    .class((step.moved ?? 0) > 0 ? "stoplicht-shortfall" : ""),
                                    .safeText(step.moved.map(SlipHistory.movedText) ?? "—")))
                        })
                ))
        )
    }

    static func linkText(_ link: ProgrammeSchedule.Link, _ schedule: ProgrammeSchedule) -> String {
        let name = schedule.entry(link.needsProject).map { "\($0.number). \($0.name)" } ?? String(link.needsProject)
        let delivery = schedule.entry(link.needsProject)?.delivery.map { ", \(Strings.deliveryWord) \($0)" } ?? ""
        return name + (link.milestone.map { " (\(Strings.milestone) \($0))" } ?? "") + delivery
    }

    static func addForm(_ model: ProjectShowModel, _ schedule: ProgrammeSchedule) -> Node<HTML.BodyContext> {
        let number = model.current.number
        let options =
            [(value: "", label: Strings.chooseOne)]
            + schedule.entries.filter { $0.number != number }.map { (String($0.number), "\($0.number). \($0.name)") }
        let open = model.problems.contains { $0.field.hasPrefix(PrerequisiteField.form + "-") }
        return .element(
            named: "details",
            nodes: [
                open ? .attribute(named: "open", value: "open") : .empty,
                .element(named: "summary", nodes: [.text(Strings.addPrerequisite)]),
                .form(
                    .class("utrecht-form stoplicht-form"),
                    .action(SiteURL.prerequisites(programme: model.context.slug, number: number).path), .method(.post),
                    .csrfField(model.viewer.csrf ?? ""),
                    .checkedField(
                        PrerequisiteField.needs, label: Strings.needsProject, hint: Strings.needsProjectHint,
                        problems: model.problems,
                        control: .selectBox(
                            PrerequisiteField.needs, options: options,
                            selected: model.entered[PrerequisiteField.needs.name] ?? "")),
                    .checkedField(
                        PrerequisiteField.milestone, label: Strings.needsMilestone, hint: Strings.needsMilestoneHint,
                        problems: model.problems,
                        control: Controls.textbox(
                            PrerequisiteField.milestone, value: model.entered[PrerequisiteField.milestone.name] ?? "")),
                    .submitButton(Strings.addPrerequisite)),
            ])
    }
}
