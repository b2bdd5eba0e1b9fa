import Fluent
import StoplichtCore

/// What publishing a period would freeze, for the confirmation page: whether it was put up
/// for review, who has not updated, and the orange and red lights without their explanation.
struct PublishConfirmationModel: Sendable {
    var context: ProgrammeContext
    var period: ReportingPeriod
    var viewer: Viewer
    var notYetUpdated: NotYetUpdated
    var unexplained: [(number: Int, name: String, light: LightDefinition)]
    var error: String?

    var skipsReview: Bool { period.state == .open }

    static func query(_ context: ProgrammeContext, period: ReportingPeriod, viewer: Viewer, on db: any Database)
        async throws -> PublishConfirmationModel
    {
        let rows = try await ProjectRow.load(context, period: period, on: db)
        let parts = [Strings.cause, Strings.consequence, Strings.measure]
        let unexplained = rows.compactMap { row -> (number: Int, name: String, light: LightDefinition)? in
            guard let light = row.light, LightExplanation.isRequired(for: light) else { return nil }
            let given = Set(row.explanation.map(\.label))
            return parts.allSatisfy(given.contains) ? nil : (row.number, row.name, light)
        }
        return PublishConfirmationModel(
            context: context, period: period, viewer: viewer,
            notYetUpdated: try await NotYetUpdated.load(context, period: period, on: db),
            unexplained: unexplained)
    }
}
