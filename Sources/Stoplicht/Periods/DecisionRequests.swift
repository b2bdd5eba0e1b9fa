import Fluent
import Foundation
import StoplichtCore
import Vapor

/// The decision request a change hangs on (a budget transfer, a postponement): one the
/// programme already has, or a new one written into its open period.
enum DecisionRequests {
    static func use(_ id: UUID?, orAsk text: String, requestedFrom: String, programme: Programme, on db: any Database)
        async throws -> Decision
    {
        let periods = try await ReportingPeriod.query(on: db).filter(\.$programme.$id == programme.requireID()).all()
        if let id {
            guard let decision = try await Decision.find(id, on: db),
                periods.contains(where: { $0.id == decision.$period.id })
            else {
                throw InputError(Strings.transferDecisionUnknown, field: "beslispunt")
            }
            return decision
        }
        guard let period = periods.first(where: { $0.state != .published }) else {
            throw InputError(Strings.transferNeedsOpenPeriod, field: "beslispunt")
        }
        let position =
            (try await Decision.query(on: db).filter(\.$period.$id == period.requireID()).max(\.$position) ?? 0) + 1
        let decision = Decision(periodID: try period.requireID(), position: position, text: text)
        let from = requestedFrom.trimmingCharacters(in: .whitespaces)
        decision.requestedFrom = from.isEmpty ? nil : String(from.prefix(100))
        try await decision.save(on: db)
        return decision
    }

    /// The decision requests of these periods not decided yet, for a change to hang on.
    static func open(in periods: [UUID], on db: any Database) async throws -> [Decision] {
        guard !periods.isEmpty else { return [] }
        return try await Decision.query(on: db).filter(\.$period.$id ~~ periods)
            .filter(\.$outcome ~~ [.requested, .deferred]).sort(\.$position).all()
    }

    /// The day a decision was taken as typed ("20-11-2018", "20 november 2018") → "2018-11-20"; empty is no date.
    static func decidedOn(_ text: String?) throws -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let day = PlanDate(parsing: text), day.precision == .day else {
            throw InputError(Strings.transferDateInvalid(text), field: "datum")
        }
        return day.isoDay
    }

    /// "2018-11-20" → "20-11-2018".
    static func dutchDay(_ iso: String) -> String { iso.split(separator: "-").reversed().joined(separator: "-") }

    /// Whether a transfer or a postponement hangs on the decision (it then cannot be removed).
    static func isLinked(_ id: UUID, on db: any Database) async throws -> Bool {
        if try await BudgetTransfer.query(on: db).filter(\.$decision.$id == id).count() > 0 { return true }
        return try await Postponement.query(on: db).filter(\.$decision.$id == id).count() > 0
    }

    /// Sets a decision's outcome where its period is still open (a published report keeps what it said).
    static func record(_ decisionID: UUID, approved: Bool, on date: String?, db: any Database) async throws -> UUID? {
        guard let decision = try await Decision.find(decisionID, on: db) else { return nil }
        let period = try await ReportingPeriod.find(decision.$period.id, on: db)
        if period?.state != .published, decision.outcome == .requested || decision.outcome == .deferred {
            decision.outcome = approved ? .approved : .rejected
            decision.decidedOn = date
            try await decision.save(on: db)
        }
        return decision.$period.id
    }
}
