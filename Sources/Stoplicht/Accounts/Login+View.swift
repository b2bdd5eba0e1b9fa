import Plot

enum LoginView {
    static func page(email: String, back: String?, error: String?, csrf: String, settings: Settings) -> Layout {
        Layout(
            title: Strings.loginTitle, settings: settings,
            breadcrumbs: [(Strings.programmes, SiteURL.home.path), (Strings.loginTitle, SiteURL.login.path)]
        ) {
            .group(
                .h1(.class("utrecht-heading-1"), .text(Strings.loginTitle)),
                .unwrap(error) { .alert($0) },
                .form(
                    .class("utrecht-form stoplicht-form"), .action(SiteURL.login.path), .method(.post),
                    .csrfField(csrf),
                    .unwrap(back) { .hidden(LoginField.back, $0) },
                    .field(
                        LoginField.email.name, label: Strings.loginEmail, hint: nil,
                        control: .element(
                            named: "input",
                            attributes: [
                                .attribute(named: "class", value: "utrecht-textbox"),
                                .attribute(named: "type", value: "email"),
                                .attribute(named: "id", value: LoginField.email.name),
                                .attribute(named: "name", value: LoginField.email.name),
                                .attribute(named: "value", value: email.attributeEscaped),
                                .attribute(named: "autocomplete", value: "username"),
                                .attribute(named: "required", value: "required"),
                            ])),
                    .field(
                        LoginField.password.name, label: Strings.loginPassword, hint: nil,
                        control: .element(
                            named: "input",
                            attributes: [
                                .attribute(named: "class", value: "utrecht-textbox"),
                                .attribute(named: "type", value: "password"),
                                .attribute(named: "id", value: LoginField.password.name),
                                .attribute(named: "name", value: LoginField.password.name),
                                .attribute(named: "autocomplete", value: "current-password"),
                                .attribute(named: "required", value: "required"),
                            ])),
                    .div(
                        .class("utrecht-button-group"),
                        .button(
                            .class("utrecht-button utrecht-button--primary-action"), .type(.submit),
                            .text(Strings.loginSubmit)))
                )
            )
        }
    }
}

extension Node where Context == HTML.BodyContext {
    /// Who is logged in, with the logout button (a form: logging out changes state).
    static func accountBar(name: String, csrf: String) -> Node {
        .form(
            .class("stoplicht-account"), .action(SiteURL.logout.path), .method(.post),
            .csrfField(csrf),
            .span(.text(Strings.loggedInAs(name) + " ")),
            .a(
                .class("utrecht-link stoplicht-account__link"), .href(SiteURL.apiTokens.path),
                .text(Strings.tokensTitle)),
            .text(" "),
            .button(
                .class("utrecht-button utrecht-button--secondary-action"), .type(.submit), .text(Strings.logoutSubmit)))
    }
}
