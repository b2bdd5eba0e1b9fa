import Fluent
import Foundation
import StoplichtCore

/// The seed's planning as far as it states it: "Samen digitaal werken aan de zaak is
/// randvoorwaardelijk voor de voorbereiding op de omgevingswet, het doorontwikkelen van de
/// digitale dienstverlening …" — project 18 is a prerequisite of 16 and 2 — and its
/// decision request to put off the intranet (3) and the project environment (4) by at
/// least half a year, as proposed postponements. Loaded by `stoplicht demo` once.
enum DemoPlanning {
    static let actor = "stoplicht demo"

    static func load(programme slug: String, on db: any Database) async throws {
        let context = try await ProgrammeContext.load(slug: slug, on: db)
        guard
            try await Prerequisite.query(on: db).filter(\.$programme.$id == context.programme.requireID()).count() == 0
        else { return }
        for dependent in [16, 2] {
            _ = try await Prerequisites.add(
                project: dependent, needs: 18, milestone: nil, in: context, actor: actor, on: db)
        }
        let periods = context.periods.compactMap(\.id)
        let decisions = try await Decision.query(on: db).filter(\.$period.$id ~~ periods).all()
        guard let request = decisions.first(where: { $0.text.contains("minimaal een half jaar") }) else { return }
        for project in [3, 4] {
            _ = try await Postponements.propose(
                project: project, months: "6",
                reason: "Het zaakgericht werken en de doorontwikkeling van de website vragen prioriteit",
                decision: request.id, requestedFrom: "", in: context, actor: actor, on: db)
        }
    }
}
