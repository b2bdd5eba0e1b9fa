import Fluent
import Foundation
import StoplichtCore

/// The seed's finances as far as it states them: the € 21.750 of the environment-law
/// credit for 2018 and the decision asking to use it for the VTH component (project 18,
/// zaakgericht werken), and the four quotes "in november volgt de offerte" — with no
/// amount, as the seed has none. Loaded by `stoplicht demo` once.
enum DemoFinance {
    static let actor = "stoplicht demo"

    static func load(programme slug: String, on db: any Database) async throws {
        guard let programme = try await Programme.query(on: db).filter(\.$slug == slug).first(),
            try await BudgetLine.query(on: db).filter(\.$programme.$id == programme.requireID()).count() == 0
        else { return }
        let credit = try await BudgetLines.add(
            BudgetLines.Input(
                project: nil, source: "krediet", nature: "eenmalig", year: 2018, amount: "€ 21.750,-", commitment: "",
                description: "Informatiearchitectuur, krediet invoering omgevingswet"),
            to: programme, actor: actor, on: db)
        let periods = try await ReportingPeriod.query(on: db).filter(\.$programme.$id == programme.requireID()).all(
            \.$id)
        let decisions = try await Decision.query(on: db).filter(\.$period.$id ~~ periods).all()
        if let decision = decisions.first(where: { $0.text.contains("21.750") }) {
            _ = try await BudgetTransfers.propose(
                BudgetTransfers.Proposal(
                    fromLine: credit.id, toProject: 18, amount: "€ 21.750,-",
                    reason:
                        "Frictiekosten implementatie en migratie van de component VTH in de suite voor omgevingsdiensten",
                    decision: decision.id, requestedFrom: ""),
                in: programme, actor: actor, on: db)
        }
        for (project, description) in [
            (2, "Upgrade van bestaande applicaties Burgerzaken (offertes in november)"),
            (2, "Aanschaf chatbox website (offerte in november)"),
            (2, "(Aanpassen) afsprakenmodule (offerte in november)"),
            (1, "PIP-pagina (offerte in november)"),
        ] {
            _ = try await BudgetLines.addQuote(
                project: project, amount: "", description: description, to: programme, actor: actor, on: db)
        }
    }
}
