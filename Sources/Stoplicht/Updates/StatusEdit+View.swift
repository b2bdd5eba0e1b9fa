import Foundation
import Plot
import StoplichtCore

/// The update form of one project's status, with the conflict (both versions side by
/// side) when someone else saved first.
enum StatusEditView {
    static func page(_ model: StatusEditModel, settings: Settings) -> Layout {
        let slug = model.context.slug
        let project = model.project
        let title = Strings.updateTitle(project.number, project.name)
        let action = SiteURL.statusEdit(programme: slug, number: project.number, period: model.period.slug).path
        let input = model.input
        let problems = model.problems
        let scale = model.context.scale
        return Layout(
            title: title, settings: settings,
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path), (model.context.programme.name, SiteURL.programme(slug).path),
                ("\(project.number). \(project.name)", SiteURL.project(programme: slug, number: project.number).path),
                (Strings.update, action),
            ]
        ) {
            .group(
                .accountBar(name: model.viewer.user?.name ?? "", csrf: model.viewer.csrf ?? ""),
                .p(
                    .class("stoplicht-kicker"),
                    .text("\(Strings.period): \(model.period.name) (\(model.period.state.label))")),
                .h1(.class("utrecht-heading-1"), .text(title)),
                .unwrap(model.conflict) { conflict($0, mine: input, model: model) },
                .problemSummary(problems),
                .form(
                    .class("utrecht-form stoplicht-form"), .action(action), .method(.post),
                    .csrfField(model.viewer.csrf ?? ""),
                    .hidden(StatusField.revision, String(input.revision)),
                    .fieldset(
                        Strings.light,
                        .checkedField(
                            StatusField.light, label: Strings.overallLight, hint: Strings.overallLightHint,
                            problems: problems,
                            control: Controls.lightSelect(StatusField.light, scale: scale, selected: input.light)),
                        .unwrap(model.previous) { previous in
                            .p(
                                .class("stoplicht-previous"), .text("\(Strings.previousPeriod(previous.periodName)): "),
                                .lightBadge(previous.light))
                        },
                        .forEach(model.context.dimensions) { dimension in
                            .checkedField(
                                StatusField.dimension(dimension.code), label: dimension.label,
                                hint: Strings.dimensionLightHint(dimension.label),
                                problems: problems,
                                control: Controls.lightSelect(
                                    StatusField.dimension(dimension.code), scale: scale,
                                    selected: input.dimensionLights[dimension.code], noneLabel: "—"))
                        },
                        .checkedField(
                            StatusField.lifecycle, label: Strings.lifecycle, hint: Strings.lifecycleHint,
                            problems: problems,
                            control: .selectBox(
                                StatusField.lifecycle, options: Lifecycle.allCases.map { ($0.rawValue, $0.label) },
                                selected: input.lifecycle.rawValue))),
                    .fieldset(
                        Strings.explanation, hint: Strings.explanationHint,
                        .if(
                            problems.contains { $0.concerns(StatusField.explanationConfirmed) },
                            .checkbox(
                                StatusField.explanationConfirmed, label: Strings.explanationStillHolds, checked: false)),
                        .checkedField(
                            StatusField.cause, label: Strings.cause, hint: Strings.causeHint, problems: problems,
                            control: Controls.textarea(StatusField.cause, value: input.cause, rows: 3)),
                        .checkedField(
                            StatusField.consequence, label: Strings.consequence, hint: Strings.consequenceHint,
                            problems: problems,
                            control: Controls.textarea(StatusField.consequence, value: input.consequence, rows: 3)),
                        .checkedField(
                            StatusField.measure, label: Strings.measure, hint: Strings.measureHint, problems: problems,
                            control: Controls.textarea(StatusField.measure, value: input.measure, rows: 3))),
                    .fieldset(
                        Strings.progress,
                        .unwrap(model.previous) { previous in
                            .details(
                                .class("stoplicht-previous"),
                                .summary(.text(Strings.previousRemarks(previous.periodName))),
                                .p(
                                    .class("stoplicht-excerpt"),
                                    .text(
                                        previous.remarks.isEmpty
                                            ? Strings.previousNoRemarks : Excerpt.make(previous.remarks, limit: 600))))
                        },
                        .checkedField(
                            StatusField.remarks, label: Strings.remarks, hint: Strings.markdownHint, problems: problems,
                            control: Controls.textarea(StatusField.remarks, value: input.remarks, rows: 8)),
                        .checkedField(
                            StatusField.achieved, label: Strings.achieved, hint: Strings.achievedHint,
                            problems: problems,
                            control: Controls.textarea(StatusField.achieved, value: input.achieved)),
                        .checkedField(
                            StatusField.plannedNext, label: Strings.plannedNext, hint: Strings.plannedNextHint,
                            problems: problems,
                            control: Controls.textarea(StatusField.plannedNext, value: input.plannedNext))),
                    .fieldset(
                        Strings.planning,
                        .checkedField(
                            StatusField.plannedStart, label: Strings.plannedStart, hint: Strings.planDateHint,
                            problems: problems,
                            control: Controls.textbox(StatusField.plannedStart, value: input.plannedStart)),
                        .checkedField(
                            StatusField.forecastStart, label: Strings.forecastStart, hint: Strings.planDateHint,
                            problems: problems,
                            control: Controls.textbox(StatusField.forecastStart, value: input.forecastStart)),
                        .checkedField(
                            StatusField.planned, label: Strings.plannedDelivery, hint: Strings.planDateHint,
                            problems: problems,
                            control: Controls.textbox(StatusField.planned, value: input.planned)),
                        .checkedField(
                            StatusField.forecast, label: Strings.forecastDelivery, hint: Strings.planDateHint,
                            problems: problems,
                            control: Controls.textbox(StatusField.forecast, value: input.forecast))),
                    .submitButton(
                        model.conflict == nil ? Strings.save : Strings.saveMine,
                        secondary: [
                            .a(
                                .class("utrecht-link"),
                                .href(SiteURL.project(programme: slug, number: project.number).path),
                                .text(Strings.cancel))
                        ])
                )
            )
        }
    }

    private static func conflict(_ conflict: StatusConflict, mine: StatusInput, model: StatusEditModel) -> Node<
        HTML.BodyContext
    > {
        .versionComparison(
            intro: Strings.conflictIntro(by: conflict.savedBy, at: conflict.savedAt),
            mine: mine.described(scale: model.context.scale, dimensions: model.context.dimensions),
            theirs: conflict.theirs.described(scale: model.context.scale, dimensions: model.context.dimensions))
    }
}
