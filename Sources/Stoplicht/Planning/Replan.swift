import Fluent
import Foundation
import StoplichtCore

/// Accepting the computed earliest dates as the project's expected start and delivery in
/// the latest period: its revision claimed like any save, the change in the audit trail.
enum Replan {
    static func accept(
        project number: Int, in context: ProgrammeContext, actor: String, address: String? = nil, on db: any Database
    ) async throws {
        guard let period = context.latestPeriod else { throw InputError(Strings.noPeriods) }
        guard period.state != .published else { throw InputError(Strings.replanPublished, status: .conflict) }
        let schedule = try await ProgrammeSchedule.load(context, period: period, on: db)
        guard let entry = schedule.entry(number), entry.infeasible else {
            throw InputError(Strings.replanNothing, status: .conflict)
        }
        guard let project = try await Project.find(number: number, inProgramme: context.programme.requireID(), on: db),
            let status = try await ProjectStatus.query(on: db).filter(\.$project.$id == project.requireID())
                .filter(\.$period.$id == period.requireID()).first()
        else {
            throw InputError(Strings.replanNoStatus, status: .conflict)
        }
        func text(_ storage: String?) -> String? { storage.flatMap(PlanDate.init(storageValue:))?.description }
        let before: [String: String?] = [
            "verwachte start": text(status.forecastStart), "verwachte oplevering": text(status.forecastDelivery),
        ]
        let revision = status.revision
        let periodID = try period.requireID()
        try await db.transaction { db in
            let forecast = (entry.earliestStart?.storageValue, entry.earliestDelivery?.storageValue)
            guard
                try await RevisionClaim.claim(
                    status: status.requireID(), expected: revision, forecast: forecast, on: db)
            else {
                throw InputError(Strings.replanNothing, status: .conflict)
            }
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: .replanAccept, entity: "status",
                        entityID: status.id?.uuidString,
                        programmeID: context.programme.id, periodID: periodID, before: AuditRecord.json(before),
                        after: AuditRecord.json([
                            "verwachte start": entry.earliestStart?.description,
                            "verwachte oplevering": entry.earliestDelivery?.description,
                            "reden": entry.blockedBy.map { "wacht op \($0)" },
                        ]))
                ], on: db)
        }
    }
}
