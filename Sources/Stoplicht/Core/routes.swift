import StoplichtCore
import Vapor

func routes(_ app: Application) throws {
    // Assets
    app.get(SiteURL.Pattern.stylesheet) { Stylesheet.response($0) }

    // Programmes
    app.get(use: ProgrammeController.index)
    app.get(SiteURL.Pattern.programme, use: ProgrammeController.show)
    app.get(SiteURL.Pattern.trend, use: ProgrammeController.trend)

    // Projects
    app.get(SiteURL.Pattern.project, use: ProjectController.show)

    // Reports
    app.get(SiteURL.Pattern.period, use: ReportController.show)

    // Accounts
    app.get(SiteURL.Pattern.login, use: AccountController.form)
    app.post(SiteURL.Pattern.login, use: AccountController.logIn)
    app.post(SiteURL.Pattern.logout, use: AccountController.logOut)

    // Import (a beheerder; each POST checks its CSRF token): upload, preview (a dry run), adjust the mapping, confirm or cancel
    app.get(SiteURL.Pattern.importForm, use: ImportController.form)
    app.on(.POST, SiteURL.Pattern.importForm, body: .collect(maxSize: ByteCount(value: ImportLimits.standard.fileBytes + 1024 * 1024)),
           use: ImportController.upload)
    app.get(SiteURL.Pattern.importPreview, use: ImportController.preview)
    app.post(SiteURL.Pattern.importMapping, use: ImportController.remap)
    app.post(SiteURL.Pattern.importPreview, use: ImportController.confirm)
    app.post(SiteURL.Pattern.importCancel, use: ImportController.cancel)
}
