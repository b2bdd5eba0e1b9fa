import Foundation
import Plot
import StoplichtCore

/// Form controls as the NL Design System draws them: a label, a hint, the control. Built
/// from plain elements, so they fit in a form and in a fieldset alike.
extension Node {
    static func field(_ id: String, label: String, hint: String?, control: Node) -> Node {
        var nodes: [Node] = [
            .attribute(named: "class", value: "utrecht-form-field"),
            .element(
                named: "label",
                nodes: [
                    .attribute(named: "class", value: "utrecht-form-label"), .attribute(named: "for", value: id),
                    .text(label),
                ]),
        ]
        if let hint {
            nodes.append(
                .element(
                    named: "div",
                    nodes: [
                        .attribute(named: "class", value: "utrecht-form-field-description"),
                        .attribute(named: "id", value: "\(id)-hint"), .text(hint),
                    ]))
        }
        nodes.append(
            .element(named: "div", nodes: [.attribute(named: "class", value: "utrecht-form-field__input"), control]))
        return .element(named: "div", nodes: nodes)
    }

    static func selectBox(_ id: String, name: String, options: [(value: String, label: String)], selected: String?)
        -> Node
    {
        var nodes: [Node] = [
            .attribute(named: "class", value: "utrecht-select"), .attribute(named: "id", value: id),
            .attribute(named: "name", value: name),
        ]
        for option in options {
            // An empty value is a choice too ("no light"): it must be sent, not the label.
            var optionNodes: [Node] = [
                .attribute(named: "value", value: option.value.attributeEscaped, ignoreIfValueIsEmpty: false)
            ]
            if option.value == selected { optionNodes.append(.attribute(named: "selected", value: "selected")) }
            optionNodes.append(.text(option.label))
            nodes.append(.element(named: "option", nodes: optionNodes))
        }
        return .element(named: "select", nodes: nodes)
    }

    static func hidden(_ name: String, _ value: String) -> Node {
        .element(
            named: "input",
            attributes: [
                .attribute(named: "type", value: "hidden"), .attribute(named: "name", value: name),
                .attribute(named: "value", value: value.attributeEscaped),
            ])
    }

    static func fileInput(_ id: String, accept: String) -> Node {
        .element(
            named: "input",
            attributes: [
                .attribute(named: "class", value: "utrecht-textbox"), .attribute(named: "type", value: "file"),
                .attribute(named: "id", value: id),
                .attribute(named: "name", value: id), .attribute(named: "required", value: "required"),
                .attribute(named: "aria-describedby", value: "\(id)-hint"), .attribute(named: "accept", value: accept),
            ])
    }
}

extension Node where Context == HTML.BodyContext {
    static func alert(_ message: String) -> Node {
        .div(
            .class("utrecht-alert utrecht-alert--error"), .attribute(named: "role", value: "alert"),
            .p(.class("utrecht-paragraph"), .text(message)))
    }
}

enum ImportFormView {
    static func page(_ model: ImportFormModel, settings: Settings) -> Layout {
        Layout(
            title: Strings.importTitle, settings: settings,
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path), (Strings.importTitle, SiteURL.importForm(programme: nil).path),
            ]
        ) {
            .group(
                .accountBar(name: model.account.name, csrf: model.account.csrf),
                .h1(.class("utrecht-heading-1"), .text(Strings.importTitle)),
                .p(.class("utrecht-paragraph"), .text(Strings.importIntro)),
                .unwrap(model.error) { .alert($0) },
                .form(
                    .class("utrecht-form stoplicht-form"), .action(SiteURL.importForm(programme: nil).path),
                    .method(.post), .enctype(.multipartData),
                    .csrfField(model.account.csrf),
                    .field(
                        ImportUploadField.file.name, label: Strings.importFile, hint: Strings.importFileHint,
                        control: .fileInput(
                            ImportUploadField.file.name, accept: ".docx,.odt,.ods,.xlsx,.csv,.tsv,.html,.htm,.md,.txt")),
                    .field(
                        ImportUploadField.programme.name, label: Strings.importProgramme, hint: nil,
                        control: .selectBox(
                            ImportUploadField.programme,
                            options: (model.account.isAdministrator ? [("", Strings.importNewProgramme)] : [])
                                + model.programmes.map { ($0.slug, "\($0.name) — \($0.organisation.name)") },
                            selected: model.selectedProgramme ?? "")),
                    .field(
                        ImportUploadField.organisation.name, label: Strings.importOrganisation,
                        hint: Strings.importOrganisationHint,
                        control: Controls.textbox(ImportUploadField.organisation, value: model.organisation)),
                    .field(
                        ImportUploadField.period.name, label: Strings.importPeriod, hint: Strings.importPeriodHint,
                        control: Controls.textbox(ImportUploadField.period, value: model.period)),
                    .field(
                        ImportUploadField.mapping.name, label: Strings.importMapping, hint: Strings.importMappingHint,
                        control: Controls.textarea(ImportUploadField.mapping, value: model.mapping, rows: 4)),
                    .div(
                        .class("utrecht-button-group"),
                        .button(
                            .class("utrecht-button utrecht-button--primary-action"), .type(.submit),
                            .text(Strings.importSubmit)))
                )
            )
        }
    }
}

enum ImportPreviewView {
    static func page(_ model: ImportPreviewModel, settings: Settings) -> Layout {
        let id = model.id
        return Layout(
            title: Strings.importPreviewTitle, settings: settings,
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path), (Strings.importPreviewTitle, SiteURL.importPreview(id).path),
            ]
        ) {
            .group(
                .accountBar(name: model.account.name, csrf: model.account.csrf),
                .h1(.class("utrecht-heading-1"), .text(Strings.importPreviewTitle)),
                .unwrap(model.mappingError) { .alert($0) },
                body(model),
                .form(
                    .class("stoplicht-form"), .action(SiteURL.importCancel(id).path), .method(.post),
                    .csrfField(model.account.csrf),
                    .button(
                        .class("utrecht-button utrecht-button--secondary-action"), .type(.submit),
                        .text(Strings.importCancel)))
            )
        }
    }

    static func body(_ model: ImportPreviewModel) -> Node<HTML.BodyContext> {
        switch model.outcome {
        case .unreadable(let message, let columns):
            return .group(
                .h2(.class("utrecht-heading-2"), .text(Strings.importCannotRead)),
                .alert(columns == nil ? message : Strings.importColumnsNotRecognised),
                mappingForm(model, columns: columns),
                .p(
                    .a(
                        .class("utrecht-link"), .href(SiteURL.importForm(programme: nil).path),
                        .text(Strings.importChooseOther)))
            )
        case .plan(let format, let report, let summary):
            let counts = Dictionary(grouping: summary.projectChanges, by: \.action).mapValues(\.count)
            return .group(
                .facts([
                    (Strings.importFile, model.pending.filename), (Strings.importFormat, format.label),
                    (Strings.importOrganisation, model.pending.organisation),
                    (Strings.programme, summary.programmeName),
                    (Strings.period, summary.periodName),
                ]),
                .p(
                    .class("utrecht-paragraph"),
                    .strong(
                        .text(
                            Strings.importCounts(
                                created: counts[.created] ?? 0, updated: counts[.updated] ?? 0,
                                unchanged: counts[.unchanged] ?? 0))),
                    .text(" " + Strings.importNothingSaved)),
                overwritesNotice(summary),
                // The rows' "Niet overnemen" boxes belong to this form by its id (`form=`).
                .form(
                    .class("stoplicht-form"), .id(confirmFormID), .action(SiteURL.importPreview(model.id).path),
                    .method(.post),
                    .csrfField(model.account.csrf),
                    .button(
                        .class("utrecht-button utrecht-button--primary-action"), .type(.submit),
                        .text(Strings.importConfirm))),
                .h2(.class("utrecht-heading-2"), .text(Strings.projects)),
                .div(
                    .class("stoplicht-table-scroll"),
                    .table(
                        .class("utrecht-table"),
                        .caption(.class("utrecht-table__caption"), .text(Strings.importProjectsCaption)),
                        .thead(
                            .class("utrecht-table__header"),
                            .tr(
                                .class("utrecht-table__row"),
                                .th(
                                    .class("utrecht-table__header-cell"), .attribute(named: "scope", value: "col"),
                                    .text(Strings.number)),
                                .th(
                                    .class("utrecht-table__header-cell"), .attribute(named: "scope", value: "col"),
                                    .text(Strings.project)),
                                .th(
                                    .class("utrecht-table__header-cell"), .attribute(named: "scope", value: "col"),
                                    .text(Strings.importWhat)),
                                .th(
                                    .class("utrecht-table__header-cell"), .attribute(named: "scope", value: "col"),
                                    .text(Strings.leaders)),
                                .th(
                                    .class("utrecht-table__header-cell"), .attribute(named: "scope", value: "col"),
                                    .text(Strings.light)),
                                .th(
                                    .class("utrecht-table__header-cell"), .attribute(named: "scope", value: "col"),
                                    .text(Strings.importPlace)),
                                .th(
                                    .class("utrecht-table__header-cell"), .attribute(named: "scope", value: "col"),
                                    .text(Strings.importLeaveOut)))),
                        .tbody(
                            .class("utrecht-table__body"),
                            .forEach(Array(zip(report.projects, summary.projectChanges))) { parsed, change in
                                .tr(
                                    .class(
                                        change.overwrites == nil
                                            ? "utrecht-table__row" : "utrecht-table__row stoplicht-import-overwrites"),
                                    .td(.class("utrecht-table__cell"), .text("\(change.number)")),
                                    .td(.class("utrecht-table__cell"), .text(parsed.name)),
                                    .td(
                                        .class("utrecht-table__cell"),
                                        whatHappens(change, model: model, scale: summary.scale)),
                                    .td(
                                        .class("utrecht-table__cell"),
                                        .text(parsed.leaders.map(\.person).joined(separator: ", "))),
                                    .td(.class("utrecht-table__cell"), lightCell(parsed, change, scale: summary.scale)),
                                    .td(
                                        .class("utrecht-table__cell"),
                                        .text(report.position(ofLine: parsed.lines.first ?? 0))),
                                    .td(.class("utrecht-table__cell"), leaveOutBox(change)))
                            })
                    )),
                // Below the boxes too, so one need not scroll back up to confirm.
                .div(
                    .class("utrecht-button-group"),
                    .button(
                        .class("utrecht-button utrecht-button--primary-action"), .type(.submit),
                        .attribute(named: "form", value: confirmFormID), .text(Strings.importConfirm))),
                .h2(.class("utrecht-heading-2"), .text(Strings.importSections)),
                report.sections.isEmpty
                    ? .p(.class("utrecht-paragraph"), .text("—"))
                    : .ul(
                        .class("utrecht-unordered-list"),
                        .forEach(report.sections) { section in
                            .li(.text((section.number.map { "\($0). " } ?? "") + section.title))
                        }),
                readingExplained(report),
                .h2(.class("utrecht-heading-2"), .text("\(Strings.importWarnings) (\(summary.warnings.count))")),
                summary.warnings.isEmpty
                    ? .p(.class("utrecht-paragraph"), .text(Strings.importNoWarnings))
                    : .ul(
                        .class("utrecht-unordered-list stoplicht-warnings"),
                        .forEach(summary.warnings) { warning in
                            .li(.strong(.text(warning.position + ": ")), .text(Strings.importWarningText(warning)))
                        }),
                .h2(.class("utrecht-heading-2"), .text(Strings.importAdjust)),
                mappingForm(model, columns: nil)
            )
        }
    }

    /// How each table, project page and list was taken, with the evidence per column, and
    /// the light words no vocabulary knew with the projects they stand at.
    static func readingExplained(_ report: ParsedReport) -> Node<HTML.BodyContext> {
        let tables: Node<HTML.BodyContext> =
            report.tables.isEmpty
            ? .p(.class("utrecht-paragraph"), .text(Strings.importNoTables))
            : .ul(
                .class("utrecht-unordered-list stoplicht-reading"),
                .forEach(Array(report.tables.prefix(200))) { explained($0, report: report) })
        var seen = Set<String>()
        let legend: String = report.legend.prefix(60).map { entry -> String in
            "‘\(entry.label)’ = \(entry.reading.text)"
        }
        .filter { seen.insert($0).inserted }.joined(separator: ", ")
        let unknown: [String] = report.unknownLightWords.prefix(100).map {
            Strings.importUnknownWordAt($0.word, column: $0.column, projects: $0.projects)
        }
        return .group(
            .h2(.class("utrecht-heading-2"), .text(Strings.importReadingTitle)),
            tables,
            .if(!legend.isEmpty, .p(.class("utrecht-paragraph"), .text(Strings.importLegendRead + " " + legend))),
            .if(!unknown.isEmpty, .ul(.class("utrecht-unordered-list"), .forEach(unknown) { .li(.text($0)) }))
        )
    }

    static func explained(_ table: TableExplanation, report: ParsedReport) -> Node<HTML.ListContext> {
        let title: String = report.position(ofLine: table.line) + " — " + table.kind.rawValue + ": "
        let columns: [String] = table.columns.map { column -> String in
            let header: String = column.header.isEmpty ? Strings.importNoHeader : "‘\(column.header)’"
            return header + " → " + column.role + " (" + column.evidence + ")"
        }
        let words: String = table.vocabulary.sorted { $0.key < $1.key }.map { "‘\($0.key)’ = \($0.value)" }.joined(
            separator: ", ")
        return .li(
            .strong(.text(title)), .text(table.reason),
            .if(!columns.isEmpty, .ul(.class("utrecht-unordered-list"), .forEach(columns) { .li(.text($0)) })),
            .if(!words.isEmpty, .p(.class("utrecht-paragraph"), .text(Strings.importVocabularyUsed + " " + words))))
    }

    /// The id of the form that confirms the import; the rows' boxes name it.
    static let confirmFormID = "import-bevestigen"

    /// What the import does with a row: its action and, per changed field, old → new; and
    /// whose update of this period it would overwrite.
    static func whatHappens(_ change: ProjectChange, model: ImportPreviewModel, scale: LightScale) -> Node<
        HTML.BodyContext
    > {
        let changed: [String] = change.details.map { detail in
            "\(detail.field): \(shown(detail.before, kind: detail.kind, scale: scale)) → \(shown(detail.after, kind: detail.kind, scale: scale))"
        }
        // A field that changed without values to show (a new status in this period) is named.
        let named = Set(change.details.map(\.field))
        let others = change.fields.filter {
            !named.contains($0) && !($0 == "stoplichten per dimensie" && named.contains { $0.hasPrefix("stoplicht ") })
        }
        return .group(
            .text(change.action.rawValue + (others.isEmpty ? "" : ": " + others.joined(separator: ", "))),
            .if(
                !changed.isEmpty,
                .ul(.class("utrecht-unordered-list stoplicht-import-changes"), .forEach(changed) { .li(.text($0)) })),
            .unwrap(change.overwrites) { edit in
                .p(
                    .class("utrecht-paragraph stoplicht-import-overwrite"),
                    .strong(
                        .text(
                            Strings.importOverwrites(
                                name: model.editors[edit.by], at: edit.at.map { AuditLogView.time.string(from: $0) }))))
            }
        )
    }

    /// A stored value as a person reads it: a light's label, a date in words, a remark shortened.
    static func shown(_ value: String?, kind: ProjectChange.Kind, scale: LightScale) -> String {
        guard let value, !value.isEmpty else { return "—" }
        switch kind {
        case .light: return scale.light(value)?.label ?? value
        case .lifecycle: return Lifecycle(rawValue: value)?.label ?? value
        case .date: return PlanDate(storageValue: value)?.description ?? value
        case .text: return "‘" + shortened(value) + "’"
        case .list, .plain: return shortened(value)
        }
    }

    /// A long value's first words, white space as one space: a remark in a row, not a page.
    static func shortened(_ text: String, to limit: Int = 120) -> String {
        let words = text.prefix(limit * 4).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard words.count > limit else { return words }
        let cut = words.prefix(limit)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }

    /// "Niet overnemen" for a row the import would change, ticked where it would overwrite
    /// a person's update of this period; the box belongs to the confirming form.
    static func leaveOutBox(_ change: ProjectChange) -> Node<HTML.BodyContext> {
        guard change.action == .created || change.action == .updated else { return .text("—") }
        let id = ImportConfirmField.leaveOut(change.key).name
        var attributes: [Node<HTML.BodyContext>] = [
            .attribute(named: "class", value: "utrecht-checkbox"), .attribute(named: "type", value: "checkbox"),
            .attribute(named: "id", value: id), .attribute(named: "name", value: id),
            .attribute(named: "value", value: "ja"),
            .attribute(named: "form", value: confirmFormID),
        ]
        if change.overwrites != nil { attributes.append(.attribute(named: "checked", value: "checked")) }
        return .div(
            .class("utrecht-form-field utrecht-form-field--checkbox"),
            .element(named: "input", nodes: attributes),
            .element(
                named: "label",
                nodes: [
                    .attribute(named: "class", value: "utrecht-form-label utrecht-form-label--checkbox"),
                    .attribute(named: "for", value: id), .text(" " + Strings.importLeaveOut),
                ]))
    }

    /// Above the table: how many rows would overwrite a person's update, left out unless chosen.
    static func overwritesNotice(_ summary: ImportSummary) -> Node<HTML.BodyContext> {
        let count = summary.projectChanges.lazy.filter { $0.overwrites != nil }.count
        guard count > 0 else { return .empty }
        return .div(
            .class("utrecht-alert utrecht-alert--warning"), .attribute(named: "role", value: "status"),
            .p(.class("utrecht-paragraph"), .text(Strings.importOverwritesNotice(count))))
    }

    static func lightCell(_ parsed: ParsedProject, _ change: ProjectChange, scale: LightScale) -> Node<HTML.BodyContext>
    {
        if case .unknown(let word) = parsed.light { return .text(Strings.importUnknownWord(word)) }
        return .lightBadge(scale.light(change.light))
    }

    /// Period, the mapping text, a role per unrecognised column and a light per unknown word.
    static func mappingForm(_ model: ImportPreviewModel, columns: [String]?) -> Node<HTML.BodyContext> {
        let choosable: [ColumnRole] = [
            .number, .name, .leader, .status, .remarks, .plannedDelivery, .forecastDelivery, .budget, .phase,
            .previousLight, .expectedLight, .alternativeStatus, .ignored,
        ]
        var roles: [(value: String, label: String)] = [("", Strings.importNoChoice)]
        for role in choosable { roles.append((role.mappingName, role.mappingName)) }
        var lights: [(value: String, label: String)] = [("", Strings.importNoChoice)]
        lights += model.lightChoices
        let columnChoices: Node<HTML.FormContext> =
            columns.map {
                choices(
                    Strings.importColumns, hint: Strings.importColumnsHint,
                    items: $0, field: ImportMappingField.column, hidden: ImportMappingField.header,
                    options: roles)
            } ?? .empty
        let lightChoices: Node<HTML.FormContext> =
            model.unknownWords.isEmpty
            ? .empty
            : choices(
                Strings.importUnknownLights, hint: Strings.importUnknownLightsHint,
                items: Array(model.unknownWords.prefix(100)),
                field: ImportMappingField.light, hidden: ImportMappingField.word, options: lights)
        return .form(
            .class("utrecht-form stoplicht-form"), .action(SiteURL.importMapping(model.id).path), .method(.post),
            .csrfField(model.account.csrf),
            columnChoices,
            lightChoices,
            .field(
                ImportMappingField.period.name, label: Strings.importPeriod, hint: Strings.importPeriodHint,
                control: Controls.textbox(ImportMappingField.period, value: model.pending.period ?? "")),
            .field(
                ImportMappingField.mapping.name, label: Strings.importMapping, hint: Strings.importMappingHint,
                control: Controls.textarea(ImportMappingField.mapping, value: model.pending.mapping, rows: 4)),
            .div(
                .class("utrecht-button-group"),
                .button(
                    .class("utrecht-button utrecht-button--secondary-action"), .type(.submit),
                    .text(Strings.importApplyMapping)))
        )
    }

    /// A fieldset with a choice per item (a column header, a light word) and the item itself hidden beside it.
    static func choices(
        _ legend: String, hint: String, items: [String], field: (Int) -> NumberedField, hidden: (Int) -> NumberedField,
        options: [(value: String, label: String)]
    ) -> Node<HTML.FormContext> {
        var nodes: [Node<HTML.FormContext>] = [
            .attribute(named: "class", value: "utrecht-form-fieldset"),
            .element(
                named: "legend",
                nodes: [.attribute(named: "class", value: "utrecht-form-fieldset__legend"), .text(legend)]),
            .element(named: "p", nodes: [.attribute(named: "class", value: "utrecht-paragraph"), .text(hint)]),
        ]
        for (index, item) in items.enumerated() {
            let id = field(index).name
            let label = item.isEmpty ? "Kolom \(index + 1)" : item
            let select: Node<HTML.FormContext> = .selectBox(id, name: id, options: options, selected: nil)
            nodes.append(.field(id, label: label, hint: nil, control: select))
            nodes.append(.hidden(hidden(index), item))
        }
        return .element(named: "fieldset", nodes: nodes)
    }
}
