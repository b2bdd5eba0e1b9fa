import Plot
import StoplichtCore

/// Form pieces for the editing pages: a field that shows why it was refused, a fieldset,
/// the list of problems at the top of a refused form, a submit button.
extension Node where Context: HTML.BodyContext {
    /// A labelled control with a hint; a refused field shows its problem instead of the
    /// hint (read out through aria-describedby) and is marked invalid.
    static func checkedField(_ id: String, label: String, hint: String, problems: [FieldProblem], control: Node) -> Node
    {
        let problem = problems.first { $0.field == id }
        return .div(
            .class(problem == nil ? "utrecht-form-field" : "utrecht-form-field utrecht-form-field--invalid"),
            .element(
                named: "label",
                nodes: [
                    .attribute(named: "class", value: "utrecht-form-label"), .attribute(named: "for", value: id),
                    .text(label),
                ]),
            .div(
                .class(problem == nil ? "utrecht-form-field-description" : "utrecht-form-field-error-message"),
                .id("\(id)-hint"),
                .text(problem?.message ?? hint)),
            .div(.class("utrecht-form-field__input"), control)
        )
    }

    static func fieldset(_ legend: String, hint: String? = nil, _ content: Node...) -> Node {
        .element(
            named: "fieldset",
            nodes: [
                .attribute(named: "class", value: "utrecht-form-fieldset"),
                .element(
                    named: "legend",
                    nodes: [.attribute(named: "class", value: "utrecht-form-fieldset__legend"), .text(legend)]),
                hint.map { .p(.class("utrecht-form-field-description"), .text($0)) } ?? .empty,
            ] + content)
    }

    /// What is wrong with a refused form, each item linking to its field.
    static func problemSummary(_ problems: [FieldProblem]) -> Node {
        guard !problems.isEmpty else { return .empty }
        return .div(
            .class("utrecht-alert utrecht-alert--error"), .attribute(named: "role", value: "alert"),
            .p(.class("utrecht-paragraph"), .strong(.text(Strings.formRefused))),
            .ul(.forEach(problems) { problem in .li(.a(.href("#\(problem.field)"), .text(problem.message))) }))
    }

    static func submitButton(_ label: String, secondary: [Node] = []) -> Node {
        .div(
            .class("utrecht-button-group"),
            .button(.class("utrecht-button utrecht-button--primary-action"), .type(.submit), .text(label)),
            .group(secondary))
    }

    /// A one-button form that changes state (archive, publish): POST with the CSRF token.
    static func actionButton(
        _ label: String, action: String, csrf: String, fields: [(String, String)] = [], primary: Bool = false
    ) -> Node {
        .form(
            .class("stoplicht-inline-form"), .action(action), .method(.post),
            .csrfField(csrf),
            .forEach(fields) { .hidden($0.0, $0.1) },
            .button(
                .class(
                    primary
                        ? "utrecht-button utrecht-button--primary-action"
                        : "utrecht-button utrecht-button--secondary-action"),
                .type(.submit), .text(label)))
    }

    static func checkbox(_ id: String, label: String, checked: Bool) -> Node {
        var attributes: [Node<Context>] = [
            .attribute(named: "class", value: "utrecht-checkbox"), .attribute(named: "type", value: "checkbox"),
            .attribute(named: "id", value: id), .attribute(named: "name", value: id),
            .attribute(named: "value", value: "ja"),
        ]
        if checked { attributes.append(.attribute(named: "checked", value: "checked")) }
        return .div(
            .class("utrecht-form-field utrecht-form-field--checkbox"),
            .element(named: "input", nodes: attributes),
            .element(
                named: "label",
                nodes: [
                    .attribute(named: "class", value: "utrecht-form-label utrecht-form-label--checkbox"),
                    .attribute(named: "for", value: id), .text(" " + label),
                ]))
    }

    /// Two versions of the same data, field by field, differences marked: the conflict
    /// page's heart. The form below it keeps the user's version, so nothing is lost.
    static func versionComparison(
        intro: String, mine: [(field: String, value: String)], theirs: [(field: String, value: String)]
    ) -> Node {
        let rows = Array(zip(mine, theirs))
        return .section(
            .class("utrecht-alert utrecht-alert--warning stoplicht-conflict"),
            .attribute(named: "role", value: "alert"),
            .h2(.class("utrecht-heading-2"), .text(Strings.conflictTitle)),
            .p(.class("utrecht-paragraph"), .text(intro)),
            .div(
                .class("stoplicht-table-scroll"),
                .table(
                    .class("utrecht-table stoplicht-conflict__table"),
                    .caption(.text(Strings.conflictCaption)),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text(Strings.field)),
                            .th(.attribute(named: "scope", value: "col"), .text(Strings.yourVersion)),
                            .th(.attribute(named: "scope", value: "col"), .text(Strings.savedVersion)))),
                    .tbody(
                        .forEach(rows.indices) { index in
                            let (mine, theirs) = rows[index]
                            let differs = mine.value != theirs.value
                            return .tr(
                                .class(differs ? "stoplicht-conflict__differs" : "stoplicht-conflict__same"),
                                .th(
                                    .attribute(named: "scope", value: "row"),
                                    .text(mine.field + (differs ? " (\(Strings.differs))" : ""))),
                                .td(.text(mine.value.isEmpty ? "—" : mine.value)),
                                .td(.text(theirs.value.isEmpty ? "—" : theirs.value)))
                        })
                )),
            .p(.class("utrecht-paragraph"), .text(Strings.conflictChoice))
        )
    }

    /// A page's notice that something was saved or refused.
    static func notice(_ message: String) -> Node {
        .div(
            .class("utrecht-alert utrecht-alert--ok"), .attribute(named: "role", value: "status"),
            .p(.class("utrecht-paragraph"), .text(message)))
    }
}

/// Controls with a fixed look: a select of lights, a textarea of a given height.
enum Controls {
    static func lightSelect<C>(_ id: String, scale: LightScale, selected: String?, noneLabel: String = Strings.noStatus)
        -> Node<C>
    {
        .selectBox(
            id, name: id, options: [("", noneLabel)] + scale.lights.map { ($0.code, $0.label) },
            selected: selected ?? "")
    }

    static func textarea<C>(_ id: String, value: String, rows: Int = 5) -> Node<C> {
        .element(
            named: "textarea",
            nodes: [
                .attribute(named: "class", value: "utrecht-textarea"), .attribute(named: "id", value: id),
                .attribute(named: "name", value: id),
                .attribute(named: "rows", value: String(rows)),
                .attribute(named: "aria-describedby", value: "\(id)-hint"), .text(value),
            ])
    }

    static func textbox<C>(
        _ id: String, value: String, required: Bool = false, type: String = "text", autocomplete: String? = nil
    ) -> Node<C> {
        var attributes: [Attribute<C>] = [
            .attribute(named: "class", value: "utrecht-textbox"), .attribute(named: "type", value: type),
            .attribute(named: "id", value: id), .attribute(named: "name", value: id),
            .attribute(named: "value", value: value.attributeEscaped),
            .attribute(named: "aria-describedby", value: "\(id)-hint"),
        ]
        if required { attributes.append(.attribute(named: "required", value: "required")) }
        if let autocomplete { attributes.append(.attribute(named: "autocomplete", value: autocomplete)) }
        return .element(named: "input", attributes: attributes)
    }
}

extension String {
    /// The text as an attribute value: Plot writes attribute values as given, so a quote
    /// typed into a field would end the attribute. Escaped here, where values are user text.
    var attributeEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// The form pieces by a form's field enum rather than by a spelled-out name.
extension Node where Context: HTML.BodyContext {
    static func checkedField(
        _ field: some FormField, label: String, hint: String, problems: [FieldProblem], control: Node
    ) -> Node {
        checkedField(field.name, label: label, hint: hint, problems: problems, control: control)
    }

    static func checkbox(_ field: some FormField, label: String, checked: Bool) -> Node {
        checkbox(field.name, label: label, checked: checked)
    }
}

extension Node {
    static func hidden(_ field: some FormField, _ value: String) -> Node { hidden(field.name, value) }

    static func selectBox(_ field: some FormField, options: [(value: String, label: String)], selected: String?) -> Node
    {
        selectBox(field.name, name: field.name, options: options, selected: selected)
    }
}

extension Controls {
    static func lightSelect<C>(
        _ field: some FormField, scale: LightScale, selected: String?, noneLabel: String = Strings.noStatus
    ) -> Node<C> {
        lightSelect(field.name, scale: scale, selected: selected, noneLabel: noneLabel)
    }

    static func textarea<C>(_ field: some FormField, value: String, rows: Int = 5) -> Node<C> {
        textarea(field.name, value: value, rows: rows)
    }

    static func textbox<C>(
        _ field: some FormField, value: String, required: Bool = false, type: String = "text",
        autocomplete: String? = nil
    ) -> Node<C> {
        textbox(field.name, value: value, required: required, type: type, autocomplete: autocomplete)
    }
}
