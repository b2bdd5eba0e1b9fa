import Fluent
import StoplichtCore

/// A project's status in the period before the one being updated: shown above the update
/// form, and the reason a worse light asks for its explanation again.
struct PreviousStatus: Sendable {
    var periodName: String
    var light: LightDefinition?
    var remarks: String
    var cause: String
    var consequence: String
    var measure: String

    static func load(
        project: Project, before period: ReportingPeriod, in context: ProgrammeContext,
        on db: any Database
    ) async throws -> PreviousStatus? {
        guard let index = context.periods.firstIndex(where: { $0.id == period.id }), index > 0 else { return nil }
        let earlier = context.periods[index - 1]
        guard
            let status = try await ProjectStatus.query(on: db).filter(\.$project.$id == project.requireID())
                .filter(\.$period.$id == earlier.requireID()).first()
        else { return nil }
        return PreviousStatus(
            periodName: earlier.name, light: context.scale.light(status.light), remarks: status.remarks,
            cause: status.cause ?? "", consequence: status.consequence ?? "", measure: status.measure ?? "")
    }

    /// Where the light got worse and needs its explanation, but the explanation is last
    /// period's word for word (carried over) and not confirmed (`toelichting-bevestigd`): the
    /// problem to show.
    func unconfirmedExplanation(_ input: StatusInput, confirmed: Bool, scale: LightScale) -> FieldProblem? {
        guard !confirmed, let new = scale.light(input.light), LightExplanation.isRequired(for: new),
            let old = light, !old.isFinished, new.rank > old.rank
        else { return nil }
        let same = [(input.cause, cause), (input.consequence, consequence), (input.measure, measure)]
            .allSatisfy {
                $0.0.trimmingCharacters(in: .whitespacesAndNewlines)
                    == $0.1.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        guard same else { return nil }
        return FieldProblem(
            field: StatusField.explanationConfirmed,
            message: Strings.explanationReconfirm(from: old.label, to: new.label, period: periodName))
    }
}
