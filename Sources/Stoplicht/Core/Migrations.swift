import Fluent
import Vapor

/// Every migration in the order it runs; one per change, never edited once landed.
enum Migrations {
    static func register(on app: Application) {
        app.migrations.add(CreateOrganisation())
        app.migrations.add(CreatePerson())
        app.migrations.add(CreateProgramme())
        app.migrations.add(CreateProgrammeOfficial())
        app.migrations.add(CreateProgrammeLight())
        app.migrations.add(CreateProgrammeDimension())
        app.migrations.add(CreateProject())
        app.migrations.add(CreateProjectLeader())
        app.migrations.add(CreateProjectItem())
        app.migrations.add(CreateReportingPeriod())
        app.migrations.add(CreateProjectStatus())
        app.migrations.add(CreateStatusDimensionLight())
        app.migrations.add(CreateProgrammeSection())
        app.migrations.add(CreateDecision())
        app.migrations.add(CreateRisk())
        app.migrations.add(AddStatusReportedLights())
        app.migrations.add(CreatePendingImport())
        app.migrations.add(CreateUser())
        app.migrations.add(CreateFailedLogin())
        app.migrations.add(SessionRecord.migration)
        app.migrations.add(CreateAuditEntry())
        app.migrations.add(CreatePublishedReport())
        app.migrations.add(FreezePublishedPeriods())
        app.migrations.add(CreateProgrammeRoleAssignment())
        app.migrations.add(AddReportingCycle())
        app.migrations.add(CreateActuals())
        app.migrations.add(CreateBudgetLine())
        app.migrations.add(CreatePendingQuote())
        app.migrations.add(CreateBudgetTransfer())
        app.migrations.add(CreateFinanceSnapshot())
        app.migrations.add(AddQuoteAmountKnown())
        app.migrations.add(CreatePlanning())
        app.migrations.add(CreatePostponement())
        app.migrations.add(CreateAPIToken())
        app.migrations.add(AddLookupIndexes())
        app.migrations.add(AddIndexNames())
    }
}
