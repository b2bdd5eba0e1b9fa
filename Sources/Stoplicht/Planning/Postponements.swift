import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Vapor

/// Proposing a postponement with its decision request, and carrying it out once agreed: the
/// project's expected start and delivery in the open period move by the months, claimed
/// like any status save; both steps in the audit trail.
enum Postponements {
    static func propose(
        project number: Int, months text: String, reason: String, decision: UUID?, requestedFrom: String,
        in context: ProgrammeContext, actor: String, address: String? = nil, on db: any Database
    ) async throws -> Postponement {
        let programmeID = try context.programme.requireID()
        guard let project = try await Project.find(number: number, inProgramme: programmeID, on: db) else {
            throw InputError(Strings.projectNotFound(String(number)), field: "project")
        }
        guard let months = Int(text.trimmingCharacters(in: .whitespaces)), (1...120).contains(months) else {
            throw InputError(Strings.postponeMonthsInvalid(text), field: "maanden")
        }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw InputError(Strings.postponeReasonRequired, field: "reden") }
        let programme = context.programme
        return try await db.transaction { db in
            let request = try await DecisionRequests.use(
                decision,
                orAsk: "Project \(project.number). \(project.name) met minimaal \(months) maanden uitstellen: \(why)",
                requestedFrom: requestedFrom, programme: programme, on: db)
            let postponement = Postponement(
                programmeID: programmeID, projectID: try project.requireID(), months: months,
                reason: String(why.prefix(1000)), decisionID: try request.requireID())
            try await postponement.save(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: .postponementPropose, entity: "project",
                        entityID: project.id?.uuidString,
                        programmeID: programmeID, periodID: request.$period.id, before: nil,
                        after: AuditRecord.json([
                            "maanden": String(months), "reden": postponement.reason, "beslispunt": request.text,
                        ]))
                ], on: db)
            return postponement
        }
    }

    static func decide(
        _ postponement: Postponement, approved: Bool, on date: String?, actor: String, address: String? = nil,
        on database: any Database
    ) async throws {
        guard postponement.state == .proposed else {
            throw InputError(Strings.postponeAlreadyDecided, status: .conflict)
        }
        let decidedOn = try DecisionRequests.decidedOn(date)
        try await database.transaction { db in
            let claimed = try await db.sqlDatabase().update(Postponement.schema)
                .set("state", to: (approved ? BudgetTransfer.State.executed : .rejected).rawValue).set(
                    "decided_on", to: decidedOn
                )
                .where("id", .equal, try postponement.requireID()).where(
                    "state", .equal, BudgetTransfer.State.proposed.rawValue
                )
                .returning("id").all()
            guard !claimed.isEmpty else { throw InputError(Strings.postponeAlreadyDecided, status: .conflict) }
            var before: [String: String?] = [:]
            var after: [String: String?] = ["besluit": approved ? "akkoord" : "afgewezen", "besloten op": decidedOn]
            if approved {
                (before, after) = try await shift(postponement, before: before, after: after, on: db)
            }
            postponement.state = approved ? .executed : .rejected
            postponement.decidedOn = decidedOn
            let periodID = try await DecisionRequests.record(
                postponement.$decision.id, approved: approved, on: decidedOn, db: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address,
                        action: approved ? .postponementExecute : .postponementReject, entity: "project",
                        entityID: postponement.$project.id.uuidString, programmeID: postponement.$programme.id,
                        periodID: periodID,
                        before: AuditRecord.json(before), after: AuditRecord.json(after))
                ], on: db)
        }
    }

    /// Moves the expected start and delivery of the project's status in the open period.
    private static func shift(
        _ postponement: Postponement, before: [String: String?], after: [String: String?], on db: any Database
    ) async throws -> ([String: String?], [String: String?]) {
        let periods = try await ReportingPeriod.query(on: db).filter(\.$programme.$id == postponement.$programme.id)
            .all()
        guard let period = periods.first(where: { $0.state != .published }) else {
            throw InputError(Strings.replanPublished, status: .conflict)
        }
        guard
            let status = try await ProjectStatus.query(on: db).filter(\.$project.$id == postponement.$project.id)
                .filter(\.$period.$id == period.requireID()).first()
        else {
            throw InputError(Strings.replanNoStatus, status: .conflict)
        }
        func moved(_ storage: String?) -> String? {
            storage.flatMap(PlanDate.init(storageValue:))?.adding(months: postponement.months).storageValue
        }
        func text(_ storage: String?) -> String? { storage.flatMap(PlanDate.init(storageValue:))?.description }
        let start = moved(status.forecastStart ?? status.plannedStart)
        let delivery = moved(status.forecastDelivery ?? status.plannedDelivery)
        var before = before
        var after = after
        before["verwachte start"] = text(status.forecastStart ?? status.plannedStart)
        before["verwachte oplevering"] = text(status.forecastDelivery ?? status.plannedDelivery)
        after["verwachte start"] = text(start)
        after["verwachte oplevering"] = text(delivery)
        _ = try await RevisionClaim.claim(
            status: status.requireID(), expected: nil, forecast: (start, delivery), on: db)
        return (before, after)
    }

    /// The texts form set a decision's outcome: a postponement hanging on it follows.
    static func follow(_ decision: Decision, actor: String, address: String?, on db: any Database) async throws {
        guard decision.outcome == .approved || decision.outcome == .rejected, let id = decision.id else { return }
        for postponement in try await Postponement.query(on: db).filter(\.$decision.$id == id).filter(
            \.$state == .proposed
        ).all() {
            try await decide(
                postponement, approved: decision.outcome == .approved, on: decision.decidedOn, actor: actor,
                address: address, on: db)
        }
    }
}
