import Plot
import StoplichtCore

enum ProjectFormView {
    static func page(_ model: ProjectFormModel, settings: Settings) -> Layout {
        let slug = model.context.slug
        let input = model.input
        let problems = model.problems
        let title = model.project.map { Strings.editProjectTitle($0.number, $0.name) } ?? Strings.addProject
        let action =
            model.project.map { SiteURL.projectEdit(programme: slug, number: $0.number).path }
            ?? SiteURL.projectNew(slug).path
        let csrf = model.viewer.csrf ?? ""
        return Layout(
            title: title, settings: settings,
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path), (model.context.programme.name, SiteURL.programme(slug).path),
                (title, action),
            ]
        ) {
            .group(
                .accountBar(name: model.viewer.user?.name ?? "", csrf: csrf),
                .h1(.class("utrecht-heading-1"), .text(title)),
                .problemSummary(problems),
                .form(
                    .class("utrecht-form stoplicht-form"), .action(action), .method(.post),
                    .csrfField(csrf),
                    .checkedField(
                        ProjectField.number, label: Strings.projectNumber, hint: Strings.projectNumberHint,
                        problems: problems,
                        control: Controls.textbox(ProjectField.number, value: input.number, required: true)),
                    .checkedField(
                        ProjectField.name, label: Strings.projectName, hint: Strings.projectNameHint,
                        problems: problems,
                        control: Controls.textbox(ProjectField.name, value: input.name, required: true)),
                    .checkedField(
                        ProjectField.leaders, label: Strings.leaders, hint: Strings.leadersHint, problems: problems,
                        control: Controls.textarea(ProjectField.leaders, value: input.leaders, rows: 3)),
                    .checkedField(
                        ProjectField.lifecycle, label: Strings.lifecycle, hint: Strings.lifecycleHint,
                        problems: problems,
                        control: .selectBox(
                            ProjectField.lifecycle, options: Lifecycle.allCases.map { ($0.rawValue, $0.label) },
                            selected: input.lifecycle.rawValue)),
                    .checkedField(
                        ProjectField.phase, label: Strings.phase, hint: Strings.phaseHint, problems: problems,
                        control: .selectBox(
                            ProjectField.phase, options: [("", "—")] + Phase.allCases.map { ($0.rawValue, $0.label) },
                            selected: input.phase)),
                    .checkedField(
                        ProjectField.items, label: Strings.items, hint: Strings.itemsHint, problems: problems,
                        control: Controls.textarea(ProjectField.items, value: input.items, rows: 4)),
                    .submitButton(
                        Strings.save,
                        secondary: [
                            .a(.class("utrecht-link"), .href(SiteURL.programme(slug).path), .text(Strings.cancel))
                        ])
                ),
                .unwrap(model.project) { project in
                    .group(
                        .h2(
                            .class("utrecht-heading-2"),
                            .text(project.archived ? Strings.archivedTitle : Strings.archiveTitle)),
                        .p(
                            .class("utrecht-paragraph"),
                            .text(project.archived ? Strings.archivedHint : Strings.archiveHint)),
                        .actionButton(
                            project.archived ? Strings.unarchive : Strings.archive,
                            action: SiteURL.projectArchive(programme: slug, number: project.number).path, csrf: csrf,
                            fields: [(ProjectArchiveField.archived.name, project.archived ? "nee" : "ja")])
                    )
                }
            )
        }
    }
}
