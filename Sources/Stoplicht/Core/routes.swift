import Vapor

func routes(_ app: Application) throws {
    // Assets
    app.get(SiteURL.Pattern.stylesheet) { Stylesheet.response($0) }

    // Programmes
    app.get(use: ProgrammeController.index)
    app.get(SiteURL.Pattern.programme, use: ProgrammeController.show)

    // Projects
    app.get(SiteURL.Pattern.project, use: ProjectController.show)

    // Reports
    app.get(SiteURL.Pattern.period, use: ReportController.show)
}
