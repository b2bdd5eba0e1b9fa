import Plot
import StoplichtCore
import Vapor

/// The page frame every screen shares: language, skip link, header with breadcrumbs,
/// main landmark, footer. Pages supply only their content.
struct Layout {
    var title: String
    var settings: Settings
    var breadcrumbs: [(label: String, path: String)]
    var content: () -> Node<HTML.BodyContext>
    /// A file to open without the server (`stoplicht report`): styles inline, no site links.
    var standalone = false

    init(
        title: String, settings: Settings, breadcrumbs: [(label: String, path: String)],
        content: @escaping () -> Node<HTML.BodyContext>
    ) {
        self.title = title
        self.settings = settings
        self.breadcrumbs = breadcrumbs
        self.content = content
    }

    func render() -> String {
        HTML(
            .lang(.dutch),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Written here, not by Plot's `.title()`, which also writes social meta tags
                // with the title unescaped in their attributes.
                .raw("<title>\(MarkdownInline.escape("\(title) — \(Strings.appName)"))</title>"),
                standalone ? .style(Stylesheet.css) : .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path)),
                .unwrap(settings.themeStylesheetURL) { .link(.rel(.stylesheet), .href($0.attributeEscaped)) }
            ),
            .body(
                .class("utrecht-document utrecht-theme"),
                .a(.class("utrecht-link nl-skip-link"), .href("#inhoud"), .safeText(Strings.skipToContent)),
                .header(
                    .class("utrecht-page-header"),
                    .div(
                        .class("utrecht-page-header__content"),
                        .a(
                            .class("stoplicht-logo"), .href(SiteURL.home.path),
                            .span(
                                .class("stoplicht-logo__lamps"), .attribute(named: "aria-hidden", value: "true"),
                                .span(), .span(), .span()),
                            .safeText(Strings.appName)))
                ),
                .if(
                    !breadcrumbs.isEmpty && !standalone,
                    .nav(
                        .class("utrecht-breadcrumb-nav"), .ariaLabel(Strings.breadcrumbs),
                        .ol(
                            .class("utrecht-breadcrumb-nav__list"),
                            .forEach(breadcrumbs.enumerated()) { index, crumb in
                                .li(
                                    .class("utrecht-breadcrumb-nav__item"),
                                    index == breadcrumbs.count - 1
                                        ? .span(
                                            .attribute(named: "aria-current", value: "page"), .safeText(crumb.label))
                                        : .a(.class("utrecht-link"), .href(crumb.path), .safeText(crumb.label)))
                            })
                    )),
                .main(
                    .id("inhoud"), .class("utrecht-page-content"), .attribute(named: "tabindex", value: "-1"), content()
                ),
                .footer(
                    .class("utrecht-page-footer"),
                    .p(.safeText(Strings.footer)))
            )
        ).render()
    }

    func response(status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        return Response(status: status, headers: headers, body: .init(string: render()))
    }
}
