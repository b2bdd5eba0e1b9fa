import Plot
import StoplichtCore

/// The project's sub-items as milestones: each with its date and whether it is reached;
/// the programme manager sets them in one form.
extension ProjectShowView {
    static func milestones(_ model: ProjectShowModel) -> Node<HTML.BodyContext> {
        let items = model.project.items.sorted { $0.position < $1.position }
        guard !items.isEmpty else { return .empty }
        let manages = model.viewer.may(.manageProjects)
        return .section(
            .id("mijlpalen"),
            .h2(.class("utrecht-heading-2"), .safeText(Strings.items)),
            .ul(
                .class("utrecht-unordered-list"),
                .forEach(items) { item in
                    .li(.safeText(item.title), .safeText(describe(item)))
                }),
            .if(
                manages,
                .element(
                    named: "details",
                    nodes: [
                        model.problems.contains { $0.field.hasPrefix(MilestoneField.form + "-") }
                            ? .attribute(named: "open", value: "open") : .empty,
                        .element(named: "summary", nodes: [.text(Strings.milestonesEdit)]),
                        .form(
                            .class("utrecht-form stoplicht-form"),
                            .action(
                                SiteURL.milestones(programme: model.context.slug, number: model.current.number).path),
                            .method(.post), .csrfField(model.viewer.csrf ?? ""),
                            .forEach(items) { item in
                                let dateField = MilestoneField.date.of(item.position)
                                let doneField = MilestoneField.done.of(item.position)
                                let date =
                                    model.entered[dateField.name] ?? (item.forecast ?? item.planned).flatMap(
                                        PlanDate.init(storageValue:))?.description ?? ""
                                let done = model.entered.isEmpty ? item.done : model.entered[doneField.name] == "ja"
                                return .fieldset(
                                    item.title,
                                    .checkedField(
                                        dateField, label: Strings.milestoneDate, hint: Strings.planDateHint,
                                        problems: model.problems,
                                        control: Controls.textbox(dateField, value: date)),
                                    .checkbox(doneField, label: Strings.milestoneDone, checked: done))
                            },
                            .submitButton(Strings.milestonesSave)),
                    ]))
        )
    }

    /// " — Q1 2019", " — bereikt".
    static func describe(_ item: ProjectItem) -> String {
        if item.done { return " — \(Strings.milestoneReached)" }
        guard let date = (item.forecast ?? item.planned).flatMap(PlanDate.init(storageValue:)) else { return "" }
        return " — \(date)"
    }
}
