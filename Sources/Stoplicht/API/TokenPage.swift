import Fluent
import Foundation
import Plot
import Vapor

/// `/mijn-account/api-tokens`: a logged-in person's own API tokens — made (the token shown
/// once, on the page that answers the form), listed by name, scope and beginning, revoked.
enum TokenPage {
    static func list(_ req: Request) async throws -> Response {
        let user = try await AccountSession.requireUser(req)
        return try await page(req, user: user, created: nil, problems: [], entered: [:]).response()
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try await AccountSession.requireUser(req)
        try CSRF.verify(req)
        let fields = FormFields(req)
        guard let scope = APIToken.Scope(rawValue: fields.text(TokenField.scope)) else {
            let problem = FieldProblem(
                field: TokenField.scope, message: Strings.tokenScopeUnknown(fields.text(TokenField.scope)))
            return try await page(
                req, user: user, created: nil, problems: [problem],
                entered: fields.values
            ).response(status: .unprocessableEntity)
        }
        do {
            let (_, secret) = try await APITokens.create(
                for: user, name: fields.text(TokenField.name), scope: scope, actor: user.email, on: req.db)
            // The token is on this page only: not cached, not stored in a redirect.
            let response = try await page(req, user: user, created: secret, problems: [], entered: [:]).response()
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch let error as InputError {
            return try await page(
                req, user: user, created: nil, problems: [FieldProblem(field: TokenField.name, message: error.message)],
                entered: fields.values
            ).response(status: .unprocessableEntity)
        }
    }

    static func revoke(_ req: Request) async throws -> Response {
        let user = try await AccountSession.requireUser(req)
        try CSRF.verify(req)
        guard let id = req.parameters.get("token", as: UUID.self),
            let token = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == user.requireID())
                .first()
        else {
            throw InputError(Strings.tokenNotFound(""), status: .notFound)
        }
        try await APITokens.revoke(token, actor: user.email, on: req.db)
        return req.redirect(to: SiteURL.apiTokens.path, redirectType: .normal)
    }

    static func page(_ req: Request, user: User, created: String?, problems: [FieldProblem], entered: [String: String])
        async throws -> Layout
    {
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(
            \.$createdAt, .descending
        ).all()
        let csrf = CSRF.token(for: req)
        return Layout(
            title: Strings.tokensTitle, settings: req.settings,
            breadcrumbs: [(Strings.programmes, SiteURL.home.path), (Strings.tokensTitle, SiteURL.apiTokens.path)]
        ) {
            Node<HTML.BodyContext>.group(
                .accountBar(name: user.name, csrf: csrf),
                .h1(.class("utrecht-heading-1"), .safeText(Strings.tokensTitle)),
                .p(.class("utrecht-paragraph"), .safeText(Strings.tokensIntro)),
                .unwrap(created) { secret in
                    .div(
                        .class("utrecht-alert utrecht-alert--warning"), .attribute(named: "role", value: "status"),
                        .p(.class("utrecht-paragraph"), .strong(.safeText(Strings.tokenShownOnce))),
                        .p(
                            .element(
                                named: "code",
                                nodes: [.attribute(named: "class", value: "stoplicht-token"), .text(secret)])))
                },
                .problemSummary(problems),
                tokens.isEmpty
                    ? .p(.class("utrecht-paragraph"), .safeText(Strings.tokensNone))
                    : .div(
                        .class("stoplicht-table-scroll"),
                        .table(
                            .class("utrecht-table"),
                            .caption(.safeText(Strings.tokensCaption)),
                            .thead(
                                .tr(
                                    .forEach([
                                        Strings.tokenName, Strings.tokenScope, Strings.tokenStart,
                                        Strings.tokenLastUsed, Strings.tokenState,
                                    ]) {
                                        .th(.attribute(named: "scope", value: "col"), .safeText($0))
                                    })),
                            .tbody(
                                .forEach(tokens) { token in
                                    .tr(
                                        .th(.attribute(named: "scope", value: "row"), .safeText(token.name)),
                                        .td(.safeText(token.scope.label)),
                                        .td(.element(named: "code", nodes: [.text(token.prefix + "…")])),
                                        .td(.safeText(Strings.tokenLastUsed(token.lastUsedAt))),
                                        .td(
                                            token.revokedAt == nil && token.id != nil
                                                ? .actionButton(
                                                    Strings.tokenRevoke,
                                                    action: SiteURL.apiTokenRevoke(token.id ?? UUID()).path, csrf: csrf)
                                                : .safeText(Strings.tokenRevoked)))
                                })
                        )),
                .if(!tokens.isEmpty, .p(.class("utrecht-paragraph"), .safeText(Strings.tokensLastUsedNote))),
                .h2(.class("utrecht-heading-2"), .safeText(Strings.tokenCreate)),
                .form(
                    .class("utrecht-form stoplicht-form"), .action(SiteURL.apiTokens.path), .method(.post),
                    .csrfField(csrf),
                    .checkedField(
                        TokenField.name, label: Strings.tokenName, hint: Strings.tokenNameHint, problems: problems,
                        control: Controls.textbox(TokenField.name, value: entered[TokenField.name.name] ?? "")),
                    .checkedField(
                        TokenField.scope, label: Strings.tokenScope, hint: Strings.tokenScopeHint, problems: problems,
                        control: .selectBox(
                            TokenField.scope, options: APIToken.Scope.allCases.map { ($0.rawValue, $0.label) },
                            selected: entered[TokenField.scope.name] ?? APIToken.Scope.read.rawValue)),
                    .submitButton(Strings.tokenCreate))
            )
        }
    }
}

/// The form that makes a personal API token, by the names it posts.
enum TokenField: String, CaseIterable, PrefixedFormField {
    static let form = "token"
    case name = "naam"
    case scope = "bereik"
}
