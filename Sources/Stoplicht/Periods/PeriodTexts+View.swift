import Plot
import StoplichtCore

enum PeriodTextsView {
    static func page(_ model: PeriodTextsModel, settings: Settings) -> Layout {
        let slug = model.context.slug
        let action = SiteURL.periodTexts(programme: slug, period: model.period.slug).path
        let problems = model.problems
        let texts = model.texts
        return Layout(
            title: Strings.textsTitle, settings: settings,
            breadcrumbs: [(Strings.programmes, SiteURL.home.path), (model.context.programme.name, SiteURL.programme(slug).path),
                          (Strings.deskTitle, SiteURL.periodDesk(slug).path), (Strings.textsTitle, action)]
        ) {
            .group(
                .accountBar(name: model.viewer.user?.name ?? "", csrf: model.viewer.csrf ?? ""),
                .p(.class("stoplicht-kicker"), .text("\(Strings.period): \(model.period.name) (\(model.period.state.label))")),
                .h1(.class("utrecht-heading-1"), .text(Strings.textsTitle)),
                .unwrap(model.conflict) { theirs in
                    .versionComparison(intro: Strings.textsConflictIntro, mine: texts.described, theirs: theirs.described)
                },
                .problemSummary(problems),
                .form(
                    .class("utrecht-form stoplicht-form"), .action(action), .method(.post),
                    .csrfField(model.viewer.csrf ?? ""),
                    .hidden("vingerafdruk", model.fingerprint),
                    .forEach(texts.sections) { section in
                        .fieldset(section.title.isEmpty ? section.key : section.title,
                            .checkedField("sectie-\(section.key)-titel", label: Strings.sectionTitle, hint: Strings.sectionTitleHint, problems: problems,
                                          control: Controls.textbox("sectie-\(section.key)-titel", value: section.title, required: true)),
                            .checkedField("sectie-\(section.key)-tekst", label: Strings.sectionBody, hint: Strings.markdownHint, problems: problems,
                                          control: Controls.textarea("sectie-\(section.key)-tekst", value: section.body, rows: 10)))
                    },
                    .h2(.class("utrecht-heading-2"), .text(Strings.decisions)),
                    .forEach(Array((texts.decisions + [PeriodTexts.DecisionText(id: nil, text: "", requestedFrom: "", outcome: .requested)]).enumerated())) { index, decision in
                        let prefix = "besluit-\(index)"
                        return .fieldset(decision.id == nil ? Strings.newDecision : "\(Strings.decision) \(index + 1)",
                            .hidden("\(prefix)-id", decision.id?.uuidString ?? ""),
                            .checkedField("\(prefix)-tekst", label: Strings.decisionText, hint: Strings.markdownHint, problems: problems,
                                          control: Controls.textarea("\(prefix)-tekst", value: decision.text, rows: 3)),
                            .checkedField("\(prefix)-aan", label: Strings.requestedFrom, hint: Strings.requestedFromHint, problems: problems,
                                          control: Controls.textbox("\(prefix)-aan", value: decision.requestedFrom)),
                            .checkedField("\(prefix)-uitkomst", label: Strings.decisionOutcome, hint: Strings.decisionOutcomeHint, problems: problems,
                                          control: .selectBox("\(prefix)-uitkomst", name: "\(prefix)-uitkomst",
                                                              options: [Decision.Outcome.requested, .approved, .rejected, .deferred].map { ($0.rawValue, $0.label) },
                                                              selected: decision.outcome.rawValue)),
                            .if(decision.id != nil, .checkbox("\(prefix)-weg", label: Strings.removeDecision, checked: decision.remove)))
                    },
                    .h2(.class("utrecht-heading-2"), .text(Strings.risks)),
                    .forEach(Array((texts.risks + [PeriodTexts.RiskText(id: nil, description: "", cause: "", impact: "", measures: "")]).enumerated())) { index, risk in
                        let prefix = "risico-\(index)"
                        return .fieldset(risk.id == nil ? Strings.newRisk : "\(Strings.risk) \(index + 1)",
                            .hidden("\(prefix)-id", risk.id?.uuidString ?? ""),
                            .checkedField("\(prefix)-tekst", label: Strings.riskText, hint: Strings.markdownHint, problems: problems,
                                          control: Controls.textarea("\(prefix)-tekst", value: risk.description, rows: 3)),
                            .checkedField("\(prefix)-oorzaak", label: Strings.cause, hint: Strings.riskCauseHint, problems: problems,
                                          control: Controls.textarea("\(prefix)-oorzaak", value: risk.cause, rows: 2)),
                            .checkedField("\(prefix)-gevolg", label: Strings.consequence, hint: Strings.riskImpactHint, problems: problems,
                                          control: Controls.textarea("\(prefix)-gevolg", value: risk.impact, rows: 2)),
                            .checkedField("\(prefix)-maatregel", label: Strings.measure, hint: Strings.riskMeasureHint, problems: problems,
                                          control: Controls.textarea("\(prefix)-maatregel", value: risk.measures, rows: 2)),
                            .if(risk.id != nil, .checkbox("\(prefix)-weg", label: Strings.removeRisk, checked: risk.remove)))
                    },
                    .submitButton(model.conflict == nil ? Strings.save : Strings.saveMine, secondary: [
                        .a(.class("utrecht-link"), .href(SiteURL.periodDesk(slug).path), .text(Strings.cancel)),
                    ])
                )
            )
        }
    }
}
