import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Vapor

/// Proposing a transfer of budget with the decision that asks for it, and carrying it out
/// (or not) once decided — each step in one transaction with its audit entry.
enum BudgetTransfers {
    struct Proposal: Sendable {
        /// The line the money comes from.
        var fromLine: UUID?
        /// The receiving project's number; nil for the programme's own budget.
        var toProject: Int?
        var amount: String
        var reason: String
        /// An existing decision request of the programme; nil asks a new one in the latest period.
        var decision: UUID?
        /// "college" or "raad", for a new decision request.
        var requestedFrom: String
    }

    static func transfers(_ programme: Programme, on db: any Database) async throws -> [BudgetTransfer] {
        let transfers = try await BudgetTransfer.query(on: db).filter(\.$programme.$id == programme.requireID())
            .with(\.$from).with(\.$toProject).with(\.$decision).all()
        return transfers.sorted { a, b in
            let open = (a.state == .proposed, b.state == .proposed)
            return open.0 != open.1 ? open.0 : (a.id?.uuidString ?? "") < (b.id?.uuidString ?? "")
        }
    }

    static func propose(
        _ proposal: Proposal, in programme: Programme, actor: String, address: String? = nil,
        on database: any Database
    ) async throws -> BudgetTransfer {
        let programmeID = try programme.requireID()
        guard let fromID = proposal.fromLine,
            let from = try await BudgetLine.query(on: database).filter(\.$id == fromID).filter(
                \.$programme.$id == programmeID
            ).first()
        else {
            throw InputError(Strings.transferFromRequired, field: "van")
        }
        guard case .money(let cents)? = ReportedAmount(parsing: proposal.amount), cents > 0 else {
            throw InputError(Strings.notAnAmount("Het over te hevelen bedrag", proposal.amount), field: "bedrag")
        }
        guard cents <= from.budgetCents - from.commitmentCents else {
            throw InputError(
                Strings.transferExceedsLine(
                    ReportedAmount.money(cents: from.budgetCents - from.commitmentCents).description), field: "bedrag")
        }
        let reason = proposal.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw InputError(Strings.transferReasonRequired, field: "reden") }
        let toProject = try await receiving(proposal.toProject, in: programmeID, on: database)
        if toProject?.id == from.$project.id { throw InputError(Strings.transferToItself, field: "project") }
        return try await database.transaction { db in
            let decision = try await decisionFor(
                proposal, from: from, cents: cents, to: toProject, reason: reason,
                programme: programme, on: db)
            let transfer = BudgetTransfer(
                programmeID: programmeID, fromLineID: fromID, toProjectID: toProject?.id, amountCents: cents,
                reason: String(reason.prefix(1000)), decisionID: try decision.requireID())
            try await transfer.save(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: .transferPropose,
                        entity: "budgetoverheveling",
                        entityID: transfer.id?.uuidString, programmeID: programmeID, periodID: decision.$period.id,
                        before: nil,
                        after: AuditRecord.json([
                            "van": describe(from),
                            "naar": toProject.map { "\($0.number). \($0.name)" } ?? programme.name,
                            "bedrag": ReportedAmount.money(cents: cents).description, "reden": transfer.reason,
                            "beslispunt": decision.text, "stand": transfer.state.rawValue,
                        ]))
                ], on: db)
            return transfer
        }
    }

    private static func receiving(_ number: Int?, in programmeID: UUID, on db: any Database) async throws -> Project? {
        guard let number else { return nil }
        guard let project = try await Project.find(number: number, inProgramme: programmeID, on: db) else {
            throw InputError(Strings.projectNotFound(String(number)), field: "project")
        }
        return project
    }

    /// The decision request the transfer hangs on: the one chosen, or a new one in the
    /// programme's open period, worded like the seed's.
    private static func decisionFor(
        _ proposal: Proposal, from: BudgetLine, cents: Int64, to project: Project?, reason: String,
        programme: Programme, on db: any Database
    ) async throws -> Decision {
        let text =
            "Beschikbaar stellen van \(ReportedAmount.money(cents: cents)) uit \(describe(from)) voor "
            + (project.map { "project \($0.number). \($0.name)" } ?? "het programma") + ": \(reason)"
        return try await DecisionRequests.use(
            proposal.decision, orAsk: text, requestedFrom: proposal.requestedFrom, programme: programme, on: db)
    }

    /// Records the decision on a proposed transfer: agreed, the amount moves to a new line
    /// of the receiving project; rejected, nothing moves. Either way an audit entry. Where
    /// the decision's period is not yet published its outcome is set too.
    static func decide(
        _ transfer: BudgetTransfer, approved: Bool, on date: String?, actor: String, address: String? = nil,
        on database: any Database
    ) async throws {
        guard transfer.state == .proposed else {
            throw InputError(Strings.transferAlreadyDecided(transfer.state.label), status: .conflict)
        }
        let decidedOn = try DecisionRequests.decidedOn(date)
        try await database.transaction { db in
            // Claim the proposal: of two deciding at once, one wins.
            let sql = try db.sqlDatabase()
            let claimed = try await sql.update(BudgetTransfer.schema)
                .set(
                    "state",
                    to: approved ? BudgetTransfer.State.executed.rawValue : BudgetTransfer.State.rejected.rawValue
                )
                .set("decided_on", to: decidedOn)
                .where("id", .equal, try transfer.requireID()).where(
                    "state", .equal, BudgetTransfer.State.proposed.rawValue
                )
                .returning("id").all()
            guard !claimed.isEmpty else { throw InputError(Strings.transferAlreadyDecided(""), status: .conflict) }
            guard let from = try await BudgetLine.find(transfer.$from.id, on: db) else { throw Abort(.notFound) }
            var before: [String: String?] = [
                "stand": BudgetTransfer.State.proposed.rawValue, "van: begroot": money(from.budgetCents),
            ]
            var after: [String: String?] = [
                "stand": approved ? BudgetTransfer.State.executed.rawValue : BudgetTransfer.State.rejected.rawValue,
                "besloten op": decidedOn,
            ]
            if approved {
                let line = BudgetLine(
                    programmeID: transfer.$programme.id, projectID: transfer.$toProject.id, source: from.source,
                    nature: from.nature,
                    year: from.year,
                    description: String("Overgeheveld uit \(describe(from)): \(transfer.reason)".prefix(500)),
                    budgetCents: transfer.amountCents, commitmentCents: 0)
                try await line.save(on: db)
                // In the database, so two transfers from one line decided at once both count.
                try await sql.raw(
                    "UPDATE budget_lines SET budget_cents = budget_cents - \(bind: transfer.amountCents) WHERE id = \(bind: try from.requireID())"
                ).run()
                from.budgetCents =
                    try await BudgetLine.find(from.id, on: db)?.budgetCents ?? from.budgetCents - transfer.amountCents
                try await sql.update(BudgetTransfer.schema).set("to_line_id", to: line.id).where(
                    "id", .equal, transfer.id
                ).run()
                transfer.$toLine.id = line.id
                after["van: begroot"] = money(from.budgetCents)
                after["naar: nieuwe regel"] = "\(describe(line)), \(money(line.budgetCents))"
            } else {
                before["van: begroot"] = nil
            }
            transfer.state = approved ? .executed : .rejected
            transfer.decidedOn = decidedOn
            let periodID = try await DecisionRequests.record(
                transfer.$decision.id, approved: approved, on: decidedOn, db: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address,
                        action: approved ? .transferExecute : .transferReject,
                        entity: "budgetoverheveling", entityID: transfer.id?.uuidString,
                        programmeID: transfer.$programme.id, periodID: periodID,
                        before: AuditRecord.json(before), after: AuditRecord.json(after))
                ], on: db)
        }
    }

    /// The decisions of the programme's texts form changed: a transfer whose decision is now
    /// agreed or rejected is carried out or closed with it.
    static func follow(_ decision: Decision, actor: String, address: String?, on db: any Database) async throws {
        guard decision.outcome == .approved || decision.outcome == .rejected, let id = decision.id else { return }
        for transfer in try await BudgetTransfer.query(on: db).filter(\.$decision.$id == id).filter(
            \.$state == .proposed
        ).all() {
            try await decide(
                transfer, approved: decision.outcome == .approved, on: decision.decidedOn, actor: actor,
                address: address, on: db)
        }
    }

    /// "Krediet, eenmalig 2018: informatiearchitectuur omgevingswet"
    static func describe(_ line: BudgetLine) -> String {
        "\(line.source.label), \(line.nature.rawValue) \(line.year)"
            + (line.description.isEmpty ? "" : ": \(line.description)")
    }

    private static func money(_ cents: Int64) -> String { ReportedAmount.money(cents: cents).description }
}
