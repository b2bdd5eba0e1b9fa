import Foundation
import Plot

enum AuditLogView {
    static let time = Strings.dutchFormatter("d-M-yyyy HH:mm:ss")

    static func page(_ model: AuditLogModel, settings: Settings) -> Layout {
        let slug = model.context.slug
        return Layout(
            title: model.title, settings: settings,
            breadcrumbs: [
                (Strings.programmes, SiteURL.home.path), (model.context.programme.name, SiteURL.programme(slug).path),
                model.backLink, (Strings.auditTitle, ""),
            ]
        ) {
            .group(
                .unwrap(model.viewer.user) { .accountBar(name: $0.name, csrf: model.viewer.csrf ?? "") },
                .h1(.class("utrecht-heading-1"), .text(model.title)),
                .p(.class("utrecht-paragraph"), .text(Strings.auditIntro)),
                model.entries.isEmpty
                    ? .p(.class("utrecht-paragraph"), .text(Strings.auditEmpty))
                    : .div(
                        .class("stoplicht-table-scroll"),
                        .table(
                            .class("utrecht-table stoplicht-audit"),
                            .caption(.text(Strings.auditCaption(model.entries.count))),
                            .thead(
                                .tr(
                                    .th(.attribute(named: "scope", value: "col"), .text(Strings.auditWhen)),
                                    .th(.attribute(named: "scope", value: "col"), .text(Strings.auditWho)),
                                    .th(.attribute(named: "scope", value: "col"), .text(Strings.auditWhat)),
                                    .th(.attribute(named: "scope", value: "col"), .text(Strings.auditBefore)),
                                    .th(.attribute(named: "scope", value: "col"), .text(Strings.auditAfter)))),
                            .tbody(
                                .forEach(model.entries) { entry in
                                    .tr(
                                        .td(.text(time.string(from: entry.at))),
                                        .td(
                                            .text(entry.actor),
                                            .unwrap(entry.address) {
                                                .span(.class("stoplicht-muted"), .text(" (\($0))"))
                                            }),
                                        .td(.text("\(entry.action) — \(entry.entity)")),
                                        .td(values(entry.before)),
                                        .td(values(entry.after)))
                                })
                        ))
            )
        }
    }

    /// A JSON object of fields as a definition list.
    static func values(_ json: String?) -> Node<HTML.BodyContext> {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return .span(.class("stoplicht-muted"), .text("—"))
        }
        return .dl(
            .class("stoplicht-audit__values"),
            .forEach(object.keys.sorted()) { key in
                let value = object[key].map { $0 is NSNull ? "—" : "\($0)" } ?? "—"
                return .group(.dt(.text(key)), .dd(.text(value.count > 400 ? String(value.prefix(400)) + " …" : value)))
            })
    }
}
