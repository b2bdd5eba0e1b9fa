import Plot

/// The start page: every programme with its organisation, size and latest report.
enum ProgrammeIndexView {
    static func page(_ programmes: [ProgrammeSummary], settings: Settings) -> Layout {
        Layout(title: Strings.programmes, settings: settings, breadcrumbs: []) {
            .group(
                .h1(.class("utrecht-heading-1"), .safeText(Strings.programmes)),
                .p(.class("utrecht-paragraph"),
                   .a(.class("utrecht-link"), .href(SiteURL.importForm(programme: nil).path), .safeText(Strings.importLink))),
                programmes.isEmpty
                    ? .p(.class("utrecht-paragraph"), .safeText(Strings.noProgrammes))
                    : .ul(.class("stoplicht-cards"), .forEach(programmes) { summary in
                        .li(.class("stoplicht-card"),
                            .h2(.class("utrecht-heading-2"),
                                .a(.class("utrecht-link"), .href(SiteURL.programme(summary.programme.slug).path), .safeText(summary.programme.name))),
                            .p(.class("stoplicht-muted"), .safeText(summary.organisationName)),
                            .facts([
                                (Strings.duration, summary.programme.duration ?? "—"),
                                (Strings.projects, "\(summary.projectCount)"),
                                (Strings.currentPeriod, summary.latestPeriod?.name ?? "—"),
                            ]))
                    })
            )
        }
    }
}
