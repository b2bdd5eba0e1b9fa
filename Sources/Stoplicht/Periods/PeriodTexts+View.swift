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
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path), (model.context.programme.name, SiteURL.programme(slug).path),
                (Strings.deskTitle, SiteURL.periodDesk(slug).path), (Strings.textsTitle, action),
            ]
        ) {
            .group(
                .accountBar(name: model.viewer.user?.name ?? "", csrf: model.viewer.csrf ?? ""),
                .p(
                    .class("stoplicht-kicker"),
                    .text("\(Strings.period): \(model.period.name) (\(model.period.state.label))")),
                .h1(.class("utrecht-heading-1"), .text(Strings.textsTitle)),
                .unwrap(model.conflict) { theirs in
                    .versionComparison(
                        intro: Strings.textsConflictIntro, mine: texts.described, theirs: theirs.described)
                },
                .problemSummary(problems),
                .form(
                    .class("utrecht-form stoplicht-form"), .action(action), .method(.post),
                    .csrfField(model.viewer.csrf ?? ""),
                    .hidden(PeriodTextsField.fingerprint, model.fingerprint),
                    .forEach(texts.sections) { section in
                        .fieldset(
                            section.title.isEmpty ? section.key : section.title,
                            .checkedField(
                                PeriodTextsField.sectionTitle(section.key), label: Strings.sectionTitle,
                                hint: Strings.sectionTitleHint, problems: problems,
                                control: Controls.textbox(
                                    PeriodTextsField.sectionTitle(section.key), value: section.title, required: true)),
                            .checkedField(
                                PeriodTextsField.sectionBody(section.key), label: Strings.sectionBody,
                                hint: Strings.markdownHint, problems: problems,
                                control: Controls.textarea(
                                    PeriodTextsField.sectionBody(section.key), value: section.body, rows: 10)))
                    },
                    .h2(.class("utrecht-heading-2"), .text(Strings.decisions)),
                    .forEach(
                        Array(
                            (texts.decisions + [
                                PeriodTexts.DecisionText(id: nil, text: "", requestedFrom: "", outcome: .requested)
                            ]).enumerated())
                    ) { index, decision in
                        let field: (PeriodTextsField.DecisionPart) -> NumberedField = {
                            PeriodTextsField.decision(index, $0)
                        }
                        return .fieldset(
                            decision.id == nil ? Strings.newDecision : "\(Strings.decision) \(index + 1)",
                            .hidden(field(.id), decision.id?.uuidString ?? ""),
                            .checkedField(
                                field(.text), label: Strings.decisionText, hint: Strings.markdownHint,
                                problems: problems,
                                control: Controls.textarea(field(.text), value: decision.text, rows: 3)),
                            .checkedField(
                                field(.requestedFrom), label: Strings.requestedFrom, hint: Strings.requestedFromHint,
                                problems: problems,
                                control: Controls.textbox(field(.requestedFrom), value: decision.requestedFrom)),
                            .checkedField(
                                field(.outcome), label: Strings.decisionOutcome, hint: Strings.decisionOutcomeHint,
                                problems: problems,
                                control: .selectBox(
                                    field(.outcome),
                                    options: [Decision.Outcome.requested, .approved, .rejected, .deferred].map {
                                        ($0.rawValue, $0.label)
                                    },
                                    selected: decision.outcome.rawValue)),
                            .if(
                                decision.id != nil,
                                .checkbox(field(.remove), label: Strings.removeDecision, checked: decision.remove)))
                    },
                    .h2(.class("utrecht-heading-2"), .text(Strings.risks)),
                    .forEach(
                        Array(
                            (texts.risks + [
                                PeriodTexts.RiskText(id: nil, description: "", cause: "", impact: "", measures: "")
                            ]).enumerated())
                    ) { index, risk in
                        let field: (PeriodTextsField.RiskPart) -> NumberedField = { PeriodTextsField.risk(index, $0) }
                        return .fieldset(
                            risk.id == nil ? Strings.newRisk : "\(Strings.risk) \(index + 1)",
                            .hidden(field(.id), risk.id?.uuidString ?? ""),
                            .checkedField(
                                field(.text), label: Strings.riskText, hint: Strings.markdownHint, problems: problems,
                                control: Controls.textarea(field(.text), value: risk.description, rows: 3)),
                            .checkedField(
                                field(.cause), label: Strings.cause, hint: Strings.riskCauseHint, problems: problems,
                                control: Controls.textarea(field(.cause), value: risk.cause, rows: 2)),
                            .checkedField(
                                field(.impact), label: Strings.consequence, hint: Strings.riskImpactHint,
                                problems: problems,
                                control: Controls.textarea(field(.impact), value: risk.impact, rows: 2)),
                            .checkedField(
                                field(.measures), label: Strings.measure, hint: Strings.riskMeasureHint,
                                problems: problems,
                                control: Controls.textarea(field(.measures), value: risk.measures, rows: 2)),
                            .if(
                                risk.id != nil,
                                .checkbox(field(.remove), label: Strings.removeRisk, checked: risk.remove)))
                    },
                    .submitButton(
                        model.conflict == nil ? Strings.save : Strings.saveMine,
                        secondary: [
                            .a(.class("utrecht-link"), .href(SiteURL.periodDesk(slug).path), .text(Strings.cancel))
                        ])
                )
            )
        }
    }
}
