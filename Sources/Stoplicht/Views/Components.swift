import Plot
import StoplichtCore

/// Small pieces every page uses. A light is always shown with its word, never by colour alone.
extension Node where Context == HTML.BodyContext {
    static func lightBadge(_ light: LightDefinition?) -> Node {
        let tone = light?.tone.rawValue ?? "none"
        return .span(
            .class("stoplicht-light stoplicht-light--\(tone)"),
            .span(.class("stoplicht-light__mark"), .attribute(named: "aria-hidden", value: "true")),
            .safeText(light?.label ?? Strings.noStatus)
        )
    }

    static func lifecycleTag(_ lifecycle: Lifecycle) -> Node {
        .span(
            .class("utrecht-badge-status stoplicht-lifecycle stoplicht-lifecycle--\(lifecycle.rawValue)"),
            .safeText(lifecycle.label))
    }

    /// Markdown from the database, rendered by the escaping renderer.
    static func markdown(_ source: String, minimumHeadingLevel: Int = 3) -> Node {
        .div(.class("stoplicht-richtext"), .raw(MarkdownHTML.render(source, minimumHeadingLevel: minimumHeadingLevel)))
    }

    /// The number of projects per light; with `link`, each count links to those projects.
    static func lightCounts(_ counts: LightCounts, caption: String, link: ((LightDefinition?) -> String)? = nil) -> Node
    {
        .section(
            .class("stoplicht-counts"), .ariaLabel(caption),
            .ul(
                .class("stoplicht-counts__list"),
                .forEach(counts.counts) { entry in
                    let content: Node = .group(
                        .span(.class("stoplicht-counts__number"), .safeText("\(entry.count)")), .lightBadge(entry.light)
                    )
                    return .li(
                        .class("stoplicht-counts__item"),
                        link.map { url in
                            // Plot's `a` takes no block content; a count is a span and a badge.
                            .element(
                                named: "a",
                                nodes: [
                                    .attribute(named: "class", value: "stoplicht-counts__link"),
                                    .attribute(named: "href", value: url(entry.light)), content,
                                ])
                        } ?? content)
                })
        )
    }

    static func legend(_ scale: LightScale) -> Node {
        .dl(
            .class("stoplicht-legend"),
            .forEach(scale.lights) { light in
                .group(.dt(.lightBadge(light)), .dd(.safeText(light.meaning)))
            })
    }

    /// Label–value pairs, as the report's cover.
    static func facts(_ facts: [(String, String)]) -> Node {
        guard !facts.isEmpty else { return .empty }
        return .dl(
            .class("stoplicht-facts"),
            .forEach(facts) { fact in
                .group(.dt(.safeText(fact.0)), .dd(.safeText(fact.1)))
            })
    }

    static func leaders(_ leaders: [ProjectRow.Leader]) -> Node {
        leaders.isEmpty
            ? .span(.class("stoplicht-muted"), .safeText(Strings.noLeader))
            : .ul(
                .class("stoplicht-plain-list"),
                .forEach(leaders) { leader in
                    .li(
                        .safeText(leader.name),
                        .unwrap(leader.firm) { .span(.class("stoplicht-muted"), .safeText(" (\(Strings.firm) \($0))")) }
                    )
                })
    }

    /// A project's lights per dimension as small badges, each with the dimension's name and
    /// the light's word, in the programme's order; dimensions without a light are left out.
    static func dimensionLights(_ lights: [String: LightDefinition], dimensions: [ProgrammeDimension]) -> Node {
        let given = dimensions.compactMap { dimension in lights[dimension.code].map { (dimension.label, $0) } }
        guard !given.isEmpty else { return .empty }
        return .ul(
            .class("stoplicht-dimension-lights"), .attribute(named: "aria-label", value: Strings.dimensionLights),
            .forEach(given) { label, light in
                .li(
                    .class("stoplicht-dimension-light stoplicht-light--\(light.tone.rawValue)"),
                    .span(.class("stoplicht-light__mark"), .attribute(named: "aria-hidden", value: "true")),
                    .safeText("\(label): \(light.label)"))
            })
    }

    /// What changed since the previous report, in words (the arrow only repeats them).
    static func changeMarks(_ changes: [StatusChange]) -> Node {
        guard !changes.isEmpty else { return .empty }
        return .ul(
            .class("stoplicht-changes"),
            .forEach(changes) { change in
                let (kind, symbol, text) = Strings.change(change)
                return .li(
                    .class("stoplicht-change stoplicht-change--\(kind)"),
                    .span(
                        .class("stoplicht-change__symbol"), .attribute(named: "aria-hidden", value: "true"),
                        .safeText(symbol)),
                    .safeText(text))
            })
    }

    static func projectName(_ row: ProjectRow, link: String?) -> Node {
        .group(
            link.map { .a(.class("utrecht-link"), .href($0), .safeText(row.name)) } ?? .strong(.safeText(row.name)),
            .if(!row.items.isEmpty, .ul(.class("stoplicht-items"), .forEach(row.items) { .li(.safeText($0)) })),
            .unwrap(row.planFlag) { .p(.class("stoplicht-plan-flag"), .safeText($0)) }
        )
    }
}

extension Node where Context == HTML.TableContext {
    /// The annex table: nr, project, leader, light, remarks. The overview adds a column
    /// for the lifecycle and shortens the remarks; the report prints them whole. Lights per
    /// dimension stand as small labelled badges under the project's light, so any set of
    /// dimensions leaves the columns as they are. Each cell names its column in `data-label`,
    /// which a narrow screen shows when the rows stack as cards.
    static func projectTable(
        _ rows: [ProjectRow], dimensions: [ProgrammeDimension], caption: String,
        style: ProjectTableStyle, link: (ProjectRow) -> String?
    ) -> Node {
        let overview = style == .overview
        return .group(
            .caption(.safeText(caption)),
            .thead(
                .tr(
                    .th(
                        .attribute(named: "scope", value: "col"), .class("stoplicht-col-number"),
                        .safeText(Strings.number)),
                    .th(
                        .attribute(named: "scope", value: "col"), .class("stoplicht-col-name"),
                        .safeText(Strings.project)),
                    .th(
                        .attribute(named: "scope", value: "col"), .class("stoplicht-col-leader"),
                        .safeText(Strings.leader)),
                    .th(
                        .attribute(named: "scope", value: "col"), .class("stoplicht-col-light"),
                        .safeText(Strings.light)),
                    .if(
                        overview,
                        .th(
                            .attribute(named: "scope", value: "col"), .class("stoplicht-col-lifecycle"),
                            .safeText(Strings.lifecycle))),
                    .th(
                        .attribute(named: "scope", value: "col"), .class("stoplicht-col-remarks"),
                        .safeText(Strings.remarks))
                )),
            .tbody(
                .forEach(rows) { row in
                    .tr(
                        .id("project-\(row.number)"),
                        .class("stoplicht-row stoplicht-row--\(row.light?.tone.rawValue ?? "none")"),
                        .th(
                            .attribute(named: "scope", value: "row"), .class("stoplicht-col-number"),
                            .safeText("\(row.number)")),
                        .td(.class("stoplicht-col-name"), .projectName(row, link: link(row))),
                        .td(
                            .class("stoplicht-col-leader"), .data(named: "label", value: Strings.leader),
                            .leaders(row.leaders)),
                        .td(
                            .class("stoplicht-col-light"), .data(named: "label", value: Strings.light),
                            .lightBadge(row.light),
                            .if(!overview && row.lifecycle != .running, .group(.br(), .lifecycleTag(row.lifecycle))),
                            .if(
                                overview && row.carriedForward,
                                .p(.class("stoplicht-carried"), .safeText(Strings.carriedForwardTag))),
                            .dimensionLights(row.dimensionLights, dimensions: dimensions),
                            .changeMarks(row.changes)),
                        .if(
                            overview,
                            .td(
                                .class("stoplicht-col-lifecycle"), .data(named: "label", value: Strings.lifecycle),
                                .lifecycleTag(row.lifecycle))),
                        .td(
                            .class("stoplicht-col-remarks"), .data(named: "label", value: Strings.remarks),
                            remarks(row, style: style))
                    )
                })
        )
    }

    private static func remarks(_ row: ProjectRow, style: ProjectTableStyle) -> Node<HTML.BodyContext> {
        if row.remarks.isEmpty && row.explanation.isEmpty {
            return .span(.class("stoplicht-muted"), .safeText(Strings.noRemarks))
        }
        switch style {
        case .report:
            // The report prints the remarks whole, with what was achieved, what is next and
            // an orange or red light's explanation, each under its label.
            return .group(
                .if(!row.remarks.isEmpty, .markdown(row.remarks)),
                .forEach(row.explanation) { part in
                    .div(
                        .class("stoplicht-explanation"),
                        .p(.class("stoplicht-explanation__label"), .strong(.safeText(part.label))), .markdown(part.text)
                    )
                })
        case .overview where row.remarks.isEmpty:
            return .p(.class("stoplicht-excerpt"), .safeText(Excerpt.make(row.explanation[0].text)))
        case .overview: return .p(.class("stoplicht-excerpt"), .safeText(Excerpt.make(row.remarks)))
        }
    }
}

enum ProjectTableStyle {
    case overview, report
}

/// The start of a remark as plain text, cut at a word: the overview's short version.
enum Excerpt {
    static func make(_ markdown: String, limit: Int = 220) -> String {
        // Only the start is shown, so only the first paragraph's start is parsed.
        let paragraphEnd = markdown.range(of: "\n\n")?.lowerBound ?? markdown.endIndex
        let head = markdown[..<paragraphEnd].prefix(limit * 2)
        let text = MarkdownDocument(parsing: String(head)).plainText
        guard text.count > limit else {
            return head.endIndex < markdown.endIndex ? text + " …" : text
        }
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut.trimmingCharacters(in: .punctuationCharacters) + " …"
    }
}

extension Node {
    /// Escaped text, through Stoplicht's escaper, which is many times faster than Plot's
    /// own on the long remarks of a report.
    static func safeText(_ text: String) -> Node {
        .raw(MarkdownInline.escape(text))
    }
}
