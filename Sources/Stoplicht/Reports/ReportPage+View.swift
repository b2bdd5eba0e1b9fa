import Plot
import StoplichtCore

/// The progress report of a period: cover, legend, sections, annex table. The same page
/// is served on the web and written by `stoplicht report`.
enum ReportPageView {
    static func page(_ model: ReportPageModel, settings: Settings, standalone: Bool = false) -> Layout {
        let slug = model.context.slug
        var layout = Layout(
            title: "\(model.title) — \(model.period.name)", settings: settings,
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path),
                (model.context.programme.name, SiteURL.programme(slug).path),
                (model.period.name, SiteURL.period(programme: slug, period: model.period.slug).path),
            ]
        ) {
            .article(
                .class(model.isDraft ? "stoplicht-report stoplicht-report--draft" : "stoplicht-report"),
                .if(model.textsSaved, .notice(Strings.textsSaved)),
                .if(
                    model.isDraft,
                    .p(
                        .class("stoplicht-draft-mark"), .attribute(named: "role", value: "note"),
                        .strong(.safeText(Strings.draftMark)),
                        .span(
                            .class("stoplicht-draft-mark__text"),
                            .safeText(" — \(Strings.draftExplanation(model.period.state.label.lowercased()))")))),
                .header(
                    .class("stoplicht-report__cover"),
                    .p(
                        .class("stoplicht-kicker"),
                        .safeText(
                            Strings.reportKicker(
                                model.context.organisation.name, programme: model.context.programme.name))),
                    .h1(.class("utrecht-heading-1"), .safeText(model.title)),
                    .facts(model.cover),
                    .p(.class("stoplicht-print-hint stoplicht-muted"), .safeText(Strings.printHint)),
                    .if(!standalone, downloads(model))
                ),
                contents(model),
                .section(
                    .class("stoplicht-report__legend"), .ariaLabel(Strings.legend),
                    .h2(.class("utrecht-heading-2"), .safeText(Strings.legend)),
                    .legend(model.context.scale),
                    .h3(.class("utrecht-heading-3"), .safeText(Strings.lightsSummary)),
                    .lightCounts(model.counts, caption: Strings.lightsSummary)),
                .forEach(model.sections) { section($0, model: model) },
                .if(
                    !model.sections.contains { $0.key == SectionKind.annexes.key },
                    annex(model, title: Strings.annex, body: ""))
            )
        }
        layout.standalone = standalone
        return layout
    }

    /// The report as a file in each format.
    static func downloads(_ model: ReportPageModel) -> Node<HTML.BodyContext> {
        .nav(
            .class("stoplicht-downloads"), .ariaLabel(Strings.downloads),
            .h2(.class("utrecht-heading-3"), .safeText(Strings.downloads)),
            .ul(
                .class("stoplicht-plain-list"),
                .forEach(ExportFormat.allCases) { format in
                    .li(
                        .a(
                            .class("utrecht-link"),
                            .href(
                                SiteURL.download(
                                    programme: model.context.slug, period: model.period.slug, format: format.rawValue
                                ).path),
                            .attribute(
                                named: "download",
                                value: format.filename(
                                    programme: model.context.slug, period: model.period.slug, draft: model.isDraft)),
                            .safeText(format.label)))
                }))
    }

    /// The report's table of contents, linking to its sections.
    static func contents(_ model: ReportPageModel) -> Node<HTML.BodyContext> {
        var entries = model.sections.map { (heading($0), "#\($0.key)") }
        if !model.sections.contains(where: { $0.key == SectionKind.annexes.key }) {
            entries.append((Strings.annex, "#\(SectionKind.annexes.key)"))
        }
        return .nav(
            .class("stoplicht-report__contents"), .ariaLabel(Strings.contents),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.contents)),
            .ol(
                .class("stoplicht-plain-list"),
                .forEach(entries) { entry in
                    .li(.a(.class("utrecht-link"), .href(entry.1), .safeText(entry.0)))
                }))
    }

    static func heading(_ section: ProgrammeSection) -> String {
        section.number.map { "\($0). \(section.title)" } ?? section.title
    }

    static func section(_ section: ProgrammeSection, model: ReportPageModel) -> Node<HTML.BodyContext> {
        if section.key == SectionKind.annexes.key {
            return annex(model, title: heading(section), body: section.body)
        }
        let kind = SectionKind(key: section.key)
        return .section(
            .id(section.key), .class("stoplicht-report__section"),
            .h2(.class("utrecht-heading-2"), .safeText(heading(section))),
            editLink(model, section: section),
            .if(!section.body.isEmpty, .markdown(section.body)),
            .unwrap(kind == .finance ? model.finance : nil) { finance($0) },
            .unwrap(kind == .time ? model.roadmap : nil) { RoadmapPage.figure($0, report: true) },
            .if(
                kind == .time && !model.infeasible.isEmpty,
                .group(
                    .h3(.class("utrecht-heading-3"), .safeText(Strings.infeasibleTitle)),
                    .ul(
                        .class("stoplicht-risks"),
                        .forEach(model.infeasible) { .li(.safeText(Strings.infeasibleLine($0))) }))),
            .if(
                kind == .decisions && !model.decisions.isEmpty,
                .ol(
                    .class("stoplicht-decisions"),
                    .forEach(model.decisions) { decision in
                        .li(
                            .markdown(decision.text),
                            .p(
                                .class("stoplicht-muted"),
                                .safeText(
                                    Strings.decisionState(decision.outcome.label, requestedFrom: decision.requestedFrom)
                                )))
                    })),
            .if(
                kind == .risks && !model.risks.isEmpty,
                .ul(
                    .class("stoplicht-risks"),
                    .forEach(model.risks) { risk in
                        .li(
                            .markdown(risk.description),
                            .facts(
                                [
                                    (Strings.cause, risk.cause), (Strings.riskImpact, risk.impact),
                                    (Strings.measure, risk.measures),
                                ]
                                .compactMap { label, value in value.flatMap { $0.isEmpty ? nil : (label, $0) } }))
                    }))
        )
    }

    /// For the programme manager: the way to this section's text on the texts page.
    static func editLink(_ model: ReportPageModel, section: ProgrammeSection) -> Node<HTML.BodyContext> {
        guard let path = model.editTexts else { return .empty }
        return .p(
            .class("stoplicht-edit-link"),
            .a(
                .class("utrecht-link"), .href("\(path)#sectie-\(section.key)-tekst"),
                .safeText(Strings.editSection),
                .span(.class("stoplicht-visually-hidden"), .safeText(": \(heading(section))"))))
    }

    static func annex(_ model: ReportPageModel, title: String, body: String) -> Node<HTML.BodyContext> {
        .section(
            .id(SectionKind.annexes.key), .class("stoplicht-report__section stoplicht-report__annex"),
            .h2(.class("utrecht-heading-2"), .safeText(title)),
            .if(!body.isEmpty, .markdown(body)),
            .div(
                .class("stoplicht-table-scroll"),
                .table(
                    .class("utrecht-table stoplicht-annex"),
                    .projectTable(
                        model.rows, dimensions: model.context.dimensions,
                        caption: "\(Strings.projectTable) — \(model.period.name)", style: .report, link: { _ in nil })))
        )
    }
}
