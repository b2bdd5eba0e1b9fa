import Plot

/// The start page: every programme with its organisation, size and latest report.
enum ProgrammeIndexView {
    static func page(_ programmes: [ProgrammeSummary], account: IndexAccount?, settings: Settings) -> Layout {
        Layout(title: Strings.programmes, settings: settings, breadcrumbs: []) {
            .group(
                .unwrap(account) { .accountBar(name: $0.name, csrf: $0.csrf) },
                .h1(.class("utrecht-heading-1"), .safeText(Strings.programmes)),
                account == nil
                    ? .p(.class("utrecht-paragraph"), .a(.class("utrecht-link"), .href(SiteURL.login.path), .safeText(Strings.loginInvitation)))
                    : .ul(.class("stoplicht-plain-list stoplicht-actions"),
                          .li(.a(.class("utrecht-link"), .href(SiteURL.importForm(programme: nil).path), .safeText(Strings.importLink))),
                          .if(account?.isAdministrator == true, .li(.a(.class("utrecht-link"), .href(SiteURL.users.path), .safeText(Strings.usersTitle))))),
                programmes.isEmpty
                    ? .p(.class("utrecht-paragraph"), .safeText(Strings.noProgrammes))
                    : .ul(.class("stoplicht-cards"), .forEach(programmes) { summary in
                        .li(.class("stoplicht-card"),
                            .h2(.class("utrecht-heading-2"),
                                .a(.class("utrecht-link"), .href(link(summary)), .safeText(summary.programme.name))),
                            .p(.class("stoplicht-muted"), .safeText(summary.organisationName)),
                            .facts([
                                (Strings.duration, summary.programme.duration ?? "—"),
                                (Strings.projects, "\(summary.projectCount)"),
                                summary.publishedOnly
                                    ? (Strings.latestPublished, summary.latestPublished?.name ?? "—")
                                    : (Strings.currentPeriod, summary.latestPeriod?.name ?? "—"),
                            ]))
                    })
            )
        }
    }

    /// The overview, or for a reader of published reports only, the latest of them.
    static func link(_ summary: ProgrammeSummary) -> String {
        guard summary.publishedOnly else { return SiteURL.programme(summary.programme.slug).path }
        return summary.latestPublished.map { SiteURL.period(programme: summary.programme.slug, period: $0.slug).path } ?? SiteURL.login.path
    }
}
