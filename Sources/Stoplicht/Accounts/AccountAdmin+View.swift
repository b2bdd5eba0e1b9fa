import Plot
import StoplichtCore

enum AccountAdminView {
    static func page(_ model: AccountAdminModel, settings: Settings) -> Layout {
        let csrf = model.viewer.csrf ?? ""
        let problems = model.problems
        return Layout(
            title: Strings.usersTitle, settings: settings,
            breadcrumbs: [(Strings.programmes, SiteURL.home.path), (Strings.usersTitle, SiteURL.users.path)]
        ) {
            .group(
                .accountBar(name: model.viewer.user?.name ?? "", csrf: csrf),
                .h1(.class("utrecht-heading-1"), .text(Strings.usersTitle)),
                .unwrap(model.notice) { .notice($0) },
                .problemSummary(problems),
                table(model),
                addForm(model),
                roleForm(model)
            )
        }
    }

    private static func table(_ model: AccountAdminModel) -> Node<HTML.BodyContext> {
        let slugs = Dictionary(
            model.programmes.compactMap { p in p.id.map { ($0, p.name) } }, uniquingKeysWith: { a, _ in a })
        return .group(
            .div(
                .class("stoplicht-table-scroll"),
                .table(
                    .class("utrecht-table"),
                    .caption(.text(Strings.usersCaption(model.users.count))),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text(Strings.userName)),
                            .th(.attribute(named: "scope", value: "col"), .text(Strings.loginEmail)),
                            .th(.attribute(named: "scope", value: "col"), .text(Strings.personLabel)),
                            .th(.attribute(named: "scope", value: "col"), .text(Strings.rolesLabel)))),
                    .tbody(
                        .forEach(model.users) { user in
                            let roles = (user.id.flatMap { model.roles[$0] } ?? []).map {
                                "\($0.role.label) — \(slugs[$0.$programme.id] ?? "")"
                            }
                            return .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(user.name)),
                                .td(.text(user.email)),
                                .td(.text(user.personID.flatMap { model.people[$0] } ?? "—")),
                                .td(
                                    .text(
                                        user.isAdministrator
                                            ? ProgrammeRole.administrator.label
                                            : (roles.isEmpty ? Strings.noRoles : roles.joined(separator: "; ")))))
                        })
                ))
        )
    }

    private static func addForm(_ model: AccountAdminModel) -> Node<HTML.BodyContext> {
        let csrf = model.viewer.csrf ?? ""
        let problems = model.problems
        _ = (csrf, problems)
        return .group(
            .h2(.class("utrecht-heading-2"), .text(Strings.addUser)),
            .form(
                .class("utrecht-form stoplicht-form"), .action(SiteURL.users.path), .method(.post),
                .csrfField(csrf),
                .checkedField(
                    AccountField.email, label: Strings.loginEmail, hint: Strings.emailHint, problems: problems,
                    control: Controls.textbox(
                        AccountField.email, value: model.form[AccountField.email.name] ?? "", required: true,
                        type: "email", autocomplete: "off")),
                .checkedField(
                    AccountField.name, label: Strings.userName, hint: Strings.userNameHint, problems: problems,
                    control: Controls.textbox(
                        AccountField.name, value: model.form[AccountField.name.name] ?? "", required: true)),
                .checkedField(
                    AccountField.password, label: Strings.loginPassword, hint: Strings.newPasswordHint,
                    problems: problems,
                    control: Controls.textbox(
                        AccountField.password, value: "", required: true, type: "password",
                        autocomplete: "new-password")),
                .checkedField(
                    AccountField.person, label: Strings.personLabel, hint: Strings.personHint, problems: problems,
                    control: Controls.textbox(AccountField.person, value: model.form[AccountField.person.name] ?? "")),
                .checkedField(
                    AccountField.personOrganisation, label: Strings.personOrganisationLabel,
                    hint: Strings.personOrganisationHint,
                    problems: problems,
                    control: Controls.textbox(
                        AccountField.personOrganisation,
                        value: model.form[AccountField.personOrganisation.name] ?? "")),
                .checkbox(
                    AccountField.administrator, label: Strings.administratorLabel,
                    checked: model.form[AccountField.administrator.name] != nil),
                .submitButton(Strings.addUser))
        )
    }

    private static func roleForm(_ model: AccountAdminModel) -> Node<HTML.BodyContext> {
        let csrf = model.viewer.csrf ?? ""
        let problems = model.problems
        _ = (csrf, problems)
        return .group(
            .h2(.class("utrecht-heading-2"), .text(Strings.roleTitle)),
            .form(
                .class("utrecht-form stoplicht-form"), .action(SiteURL.userRoles.path), .method(.post),
                .csrfField(csrf),
                .checkedField(
                    RoleField.user, label: Strings.userName, hint: Strings.chooseUser, problems: problems,
                    control: .selectBox(
                        RoleField.user,
                        options: model.users.filter { !$0.isAdministrator }.map {
                            ($0.id?.uuidString ?? "", "\($0.name) (\($0.email))")
                        },
                        selected: nil)),
                .checkedField(
                    RoleField.programme, label: Strings.programme, hint: Strings.chooseProgramme, problems: problems,
                    control: .selectBox(
                        RoleField.programme, options: model.programmes.map { ($0.slug, $0.name) }, selected: nil)),
                .checkedField(
                    RoleField.role, label: Strings.roleLabel, hint: Strings.roleHint, problems: problems,
                    control: .selectBox(
                        RoleField.role,
                        options: [ProgrammeRole.programmeManager, .projectLeader, .reader].map {
                            ($0.rawValue, $0.label)
                        } + [("geen", Strings.noRole)],
                        selected: ProgrammeRole.projectLeader.rawValue)),
                .submitButton(Strings.saveRole))
        )
    }
}
