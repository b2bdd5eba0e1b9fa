import StoplichtCore
import Vapor

func routes(_ app: Application) throws {
    // The JSON API, its routes and its OpenAPI document from one list of operations
    APIOperations.register(app)

    // Assets
    app.get(SiteURL.Pattern.stylesheet) { Stylesheet.response($0) }

    // Programmes (the live pages answer from the cache first; see Performance)
    app.get(use: ProgrammeController.index)
    app.get(SiteURL.Pattern.programme, cached: .page, use: ProgrammeController.show)
    app.get(SiteURL.Pattern.trend, cached: .page, use: ProgrammeController.trend)

    // Projects
    app.get(SiteURL.Pattern.project, cached: .page, use: ProjectController.show)

    // Reports
    app.get(SiteURL.Pattern.period, cached: .publishedReport, use: ReportController.show)
    app.get(SiteURL.Pattern.download, use: ExportController.download)
    app.get(SiteURL.Pattern.finance, use: FinanceController.show)
    app.get(SiteURL.Pattern.roadmap, use: RoadmapPage.show)

    // The reporting cycle (each POST checks its CSRF token): leaders' updates, the programme
    // manager's desk, texts and projects, the beheerder's accounts, the audit trail
    app.get(SiteURL.Pattern.statusEdit, use: StatusController.form)
    app.post(SiteURL.Pattern.statusEdit, use: StatusController.save)
    app.get(SiteURL.Pattern.periodDesk, use: PeriodController.desk)
    app.post(SiteURL.Pattern.periodOpen, use: PeriodController.open)
    app.post(SiteURL.Pattern.periodMove, use: PeriodController.move)
    app.get(SiteURL.Pattern.periodPublish, use: PeriodController.confirmPublish)
    app.post(SiteURL.Pattern.programmeAccess, use: PeriodController.access)
    app.get(SiteURL.Pattern.periodTexts, use: PeriodTextsController.form)
    app.post(SiteURL.Pattern.periodTexts, use: PeriodTextsController.save)
    app.get(SiteURL.Pattern.projectNew, use: ProjectAdminController.newForm)
    app.post(SiteURL.Pattern.projectNew, use: ProjectAdminController.create)
    app.get(SiteURL.Pattern.projectEdit, use: ProjectAdminController.editForm)
    app.post(SiteURL.Pattern.projectEdit, use: ProjectAdminController.update)
    app.post(SiteURL.Pattern.projectArchive, use: ProjectAdminController.archive)
    app.get(SiteURL.Pattern.projectAudit, use: AuditLogController.project)
    app.get(SiteURL.Pattern.periodAudit, use: AuditLogController.period)
    app.post(SiteURL.Pattern.financeLines, use: FinanceController.addLine)
    app.post(SiteURL.Pattern.financeQuotes, use: FinanceController.addQuote)
    app.post(SiteURL.Pattern.financeQuoteState, use: FinanceController.quoteState)
    app.post(SiteURL.Pattern.financeTransfers, use: FinanceController.proposeTransfer)
    app.post(SiteURL.Pattern.financeTransferDecision, use: FinanceController.decideTransfer)
    app.post(SiteURL.Pattern.financeCostCentres, use: FinanceController.mapCostCentre)
    app.on(
        .POST, SiteURL.Pattern.financeActuals, bodyUpTo: ActualsUpload.maximumBytes, admit: ActualsUpload.admit,
        spooled: true, use: ActualsUpload.upload)
    app.post(SiteURL.Pattern.prerequisites, use: PlanningController.addPrerequisite)
    app.post(SiteURL.Pattern.prerequisiteRemove, use: PlanningController.removePrerequisite)
    app.post(SiteURL.Pattern.replan, use: PlanningController.replan)
    app.post(SiteURL.Pattern.postpone, use: PlanningController.proposePostponement)
    app.post(SiteURL.Pattern.milestones, use: PlanningController.milestones)
    app.post(SiteURL.Pattern.postponeDecision, use: PlanningController.decidePostponement)
    app.get(SiteURL.Pattern.apiTokens, use: TokenPage.list)
    app.post(SiteURL.Pattern.apiTokens, use: TokenPage.create)
    app.post(SiteURL.Pattern.apiTokenRevoke, use: TokenPage.revoke)
    app.get(SiteURL.Pattern.users, use: AccountAdminController.list)
    app.post(SiteURL.Pattern.users, use: AccountAdminController.add)
    app.post(SiteURL.Pattern.userRoles, use: AccountAdminController.role)

    // Accounts
    app.get(SiteURL.Pattern.login, use: AccountController.form)
    app.post(SiteURL.Pattern.login, use: AccountController.logIn)
    app.post(SiteURL.Pattern.logout, use: AccountController.logOut)

    // Import (a beheerder; each POST checks its CSRF token): upload, preview (a dry run), adjust the mapping, confirm or cancel
    app.get(SiteURL.Pattern.importForm, use: ImportController.form)
    app.on(
        .POST, SiteURL.Pattern.importForm, bodyUpTo: ImportLimits.standard.fileBytes + 1024 * 1024,
        admit: ImportController.admit, spooled: true,
        use: ImportController.upload)
    app.get(SiteURL.Pattern.importPreview, use: ImportController.preview)
    app.post(SiteURL.Pattern.importMapping, use: ImportController.remap)
    app.post(SiteURL.Pattern.importPreview, use: ImportController.confirm)
    app.post(SiteURL.Pattern.importCancel, use: ImportController.cancel)
}
