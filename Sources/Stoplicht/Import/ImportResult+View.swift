import Foundation
import Plot
import StoplichtCore

/// After an import that left rows out: what was imported, and which projects kept their
/// status because the programme manager chose not to take the file's.
enum ImportResultView {
    static func page(_ summary: ImportSummary, account: ImportAccount, settings: Settings) -> Layout {
        let counts = Dictionary(grouping: summary.projectChanges, by: \.action).mapValues(\.count)
        let programme = SiteURL.programme(summary.programmeSlug).path
        return Layout(
            title: Strings.importResultTitle, settings: settings,
            breadcrumbs: [(Strings.programmes, SiteURL.home.path), (summary.programmeName, programme)]
        ) {
            .group(
                .accountBar(name: account.name, csrf: account.csrf),
                .h1(.class("utrecht-heading-1"), .text(Strings.importResultTitle)),
                .div(
                    .class("utrecht-alert utrecht-alert--ok"), .attribute(named: "role", value: "status"),
                    .p(
                        .class("utrecht-paragraph"),
                        .text(
                            Strings.importResultCounts(
                                created: counts[.created] ?? 0, updated: counts[.updated] ?? 0,
                                leftOut: counts[.leftOut] ?? 0)))),
                .h2(.class("utrecht-heading-2"), .text(Strings.importResultLeftOut)),
                .ul(
                    .class("utrecht-unordered-list stoplicht-import-left-out"),
                    .forEach(summary.leftOut) { change in
                        .li(.text("\(change.number) \(change.name)"))
                    }),
                .p(
                    .a(
                        .class("utrecht-link"), .href(programme),
                        .text(Strings.importResultToProgramme(summary.programmeName))))
            )
        }
    }
}
