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
            breadcrumbs: [(Strings.programmes, SiteURL.home.path), (model.context.programme.name, SiteURL.programme(slug).path),
                          ("\(project.number). \(project.name)", SiteURL.project(programme: slug, number: project.number).path),
                          (Strings.update, action)]
        ) {
            .group(
                .accountBar(name: model.viewer.user?.name ?? "", csrf: model.viewer.csrf ?? ""),
                .p(.class("stoplicht-kicker"), .text("\(Strings.period): \(model.period.name) (\(model.period.state.label))")),
                .h1(.class("utrecht-heading-1"), .text(title)),
                .unwrap(model.conflict) { conflict($0, mine: input, model: model) },
                .problemSummary(problems),
                .form(
                    .class("utrecht-form stoplicht-form"), .action(action), .method(.post),
                    .csrfField(model.viewer.csrf ?? ""),
                    .hidden("revisie", String(input.revision)),
                    .fieldset(Strings.light,
                        .checkedField("licht", label: Strings.overallLight, hint: Strings.overallLightHint, problems: problems,
                                      control: Controls.lightSelect("licht", scale: scale, selected: input.light)),
                        .unwrap(model.previous) { previous in
                            .p(.class("stoplicht-previous"), .text("\(Strings.previousPeriod(previous.periodName)): "), .lightBadge(previous.light))
                        },
                        .forEach(model.context.dimensions) { dimension in
                            .checkedField("dimensie-\(dimension.code)", label: dimension.label, hint: Strings.dimensionLightHint(dimension.label),
                                          problems: problems,
                                          control: Controls.lightSelect("dimensie-\(dimension.code)", scale: scale,
                                                                        selected: input.dimensionLights[dimension.code], noneLabel: "—"))
                        },
                        .checkedField("levensfase", label: Strings.lifecycle, hint: Strings.lifecycleHint, problems: problems,
                                      control: .selectBox("levensfase", name: "levensfase", options: Lifecycle.allCases.map { ($0.rawValue, $0.label) },
                                                          selected: input.lifecycle.rawValue))),
                    .fieldset(Strings.explanation, hint: Strings.explanationHint,
                        .if(problems.contains { $0.field == PreviousStatus.confirmField },
                            .checkbox(PreviousStatus.confirmField, label: Strings.explanationStillHolds, checked: false)),
                        .checkedField("oorzaak", label: Strings.cause, hint: Strings.causeHint, problems: problems,
                                      control: Controls.textarea("oorzaak", value: input.cause, rows: 3)),
                        .checkedField("gevolg", label: Strings.consequence, hint: Strings.consequenceHint, problems: problems,
                                      control: Controls.textarea("gevolg", value: input.consequence, rows: 3)),
                        .checkedField("maatregel", label: Strings.measure, hint: Strings.measureHint, problems: problems,
                                      control: Controls.textarea("maatregel", value: input.measure, rows: 3))),
                    .fieldset(Strings.progress,
                        .unwrap(model.previous) { previous in
                            .details(.class("stoplicht-previous"),
                                     .summary(.text(Strings.previousRemarks(previous.periodName))),
                                     .p(.class("stoplicht-excerpt"), .text(previous.remarks.isEmpty ? Strings.previousNoRemarks : Excerpt.make(previous.remarks, limit: 600))))
                        },
                        .checkedField("opmerkingen", label: Strings.remarks, hint: Strings.markdownHint, problems: problems,
                                      control: Controls.textarea("opmerkingen", value: input.remarks, rows: 8)),
                        .checkedField("bereikt", label: Strings.achieved, hint: Strings.achievedHint, problems: problems,
                                      control: Controls.textarea("bereikt", value: input.achieved)),
                        .checkedField("volgende", label: Strings.plannedNext, hint: Strings.plannedNextHint, problems: problems,
                                      control: Controls.textarea("volgende", value: input.plannedNext))),
                    .fieldset(Strings.planning,
                        .checkedField("start-gepland", label: Strings.plannedStart, hint: Strings.planDateHint, problems: problems,
                                      control: Controls.textbox("start-gepland", value: input.plannedStart)),
                        .checkedField("start-verwacht", label: Strings.forecastStart, hint: Strings.planDateHint, problems: problems,
                                      control: Controls.textbox("start-verwacht", value: input.forecastStart)),
                        .checkedField("gepland", label: Strings.plannedDelivery, hint: Strings.planDateHint, problems: problems,
                                      control: Controls.textbox("gepland", value: input.planned)),
                        .checkedField("verwacht", label: Strings.forecastDelivery, hint: Strings.planDateHint, problems: problems,
                                      control: Controls.textbox("verwacht", value: input.forecast))),
                    .submitButton(model.conflict == nil ? Strings.save : Strings.saveMine, secondary: [
                        .a(.class("utrecht-link"), .href(SiteURL.project(programme: slug, number: project.number).path), .text(Strings.cancel)),
                    ])
                )
            )
        }
    }

    private static func conflict(_ conflict: StatusConflict, mine: StatusInput, model: StatusEditModel) -> Node<HTML.BodyContext> {
        .versionComparison(intro: Strings.conflictIntro(by: conflict.savedBy, at: conflict.savedAt),
                           mine: mine.described(scale: model.context.scale, dimensions: model.context.dimensions),
                           theirs: conflict.theirs.described(scale: model.context.scale, dimensions: model.context.dimensions))
    }
}
