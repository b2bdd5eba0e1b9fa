import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Budget moved between lines by a decision request: nothing moves until it is decided; an
/// agreed transfer becomes a line of the receiving project with the same source, nature
/// and year, in the audit trail; a rejected one moves nothing; a decision is taken once.
@Suite struct TransferTests {
    struct Setup {
        var programme: Programme
        var credit: BudgetLine
        var decision: Decision
    }

    /// The seed's case: € 21.750 of the environment-law credit for 2018, asked in decision 1.
    func prepare(_ app: Application) async throws -> Setup {
        let programme = try #require(try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").first())
        let credit = try await BudgetLines.add(
            BudgetLines.Input(
                project: nil, source: "krediet", nature: "eenmalig", year: 2018, amount: "€ 21.750,-", commitment: "",
                description: "Informatiearchitectuur, krediet invoering omgevingswet"),
            to: programme, actor: "test", on: app.db)
        let decisions = try await Decision.query(on: app.db).all()
        let decision = try #require(decisions.first { $0.text.contains("21.750") })
        return Setup(programme: programme, credit: credit, decision: decision)
    }

    func proposal(_ setup: Setup, amount: String = "€ 21.750,-", to project: Int? = 18, decision: UUID? = nil) throws
        -> BudgetTransfers.Proposal
    {
        BudgetTransfers.Proposal(
            fromLine: try setup.credit.requireID(), toProject: project, amount: amount,
            reason: "Frictiekosten implementatie en migratie VTH", decision: decision ?? setup.decision.id,
            requestedFrom: "")
    }

    @Test func anAgreedTransferMovesTheBudgetAndIsAudited() async throws {
        try await withStoplicht(seeded: true) { app in
            let setup = try await prepare(app)
            let transfer = try await BudgetTransfers.propose(
                try proposal(setup), in: setup.programme, actor: "erna@woudenberg.nl", on: app.db)
            // Proposed, nothing has moved.
            var overview = try await BudgetOverview.load(setup.programme, on: app.db)
            #expect(overview.programme.position.budgetCents == 2_175_000)
            #expect(overview.projects.isEmpty)

            try await BudgetTransfers.decide(
                transfer, approved: true, on: "20-11-2018", actor: "erna@woudenberg.nl", on: app.db)

            overview = try await BudgetOverview.load(setup.programme, on: app.db)
            #expect(overview.programme.position.budgetCents == 0)
            #expect(overview.projects.map(\.number) == [18])
            #expect(overview.projects.first?.position.budgetCents == 2_175_000)
            #expect(overview.total.budgetCents == 2_175_000, "a transfer neither creates nor loses money")
            let stored = try #require(try await BudgetTransfer.find(transfer.id, on: app.db))
            #expect(stored.state == .executed)
            #expect(stored.decidedOn == "2018-11-20")
            let line = try #require(try await BudgetLine.find(stored.$toLine.id, on: app.db))
            #expect(line.source == .credit && line.nature == .oneOff && line.year == 2018)
            #expect(line.description.hasPrefix("Overgeheveld uit Krediet, eenmalig 2018"))

            let trail = try await AuditEntry.query(on: app.db).filter(\.$entity == "budgetoverheveling").sort(
                \.$sequence
            ).all()
            #expect(trail.map(\.action) == ["overheveling-voorstellen", "overheveling-uitvoeren"])
            let after = try #require(trail.last?.after)
            #expect(after.contains("€ 0,00") && after.contains("€ 21.750,00") && after.contains("2018-11-20"))
            #expect(try await AuditTrail.verify(on: app.db).brokenAt == nil)

            // The decision in the open period now reads as agreed.
            let decision = try #require(try await Decision.find(setup.decision.id, on: app.db))
            #expect(decision.outcome == .approved)

            // A decision is taken once: deciding again is a conflict and moves nothing.
            await #expect(throws: InputError.self) {
                try await BudgetTransfers.decide(transfer, approved: true, on: nil, actor: "x", on: app.db)
            }
            let stale = try #require(try await BudgetTransfer.find(transfer.id, on: app.db))
            stale.state = .proposed  // as a second browser tab still shows it
            let error = await #expect(throws: InputError.self) {
                try await BudgetTransfers.decide(stale, approved: true, on: nil, actor: "x", on: app.db)
            }
            #expect(error?.status == .conflict)
            #expect(
                try await BudgetOverview.load(setup.programme, on: app.db).projects.first?.position.budgetCents
                    == 2_175_000)
        }
    }

    @Test func aRejectedTransferMovesNothing() async throws {
        try await withStoplicht(seeded: true) { app in
            let setup = try await prepare(app)
            let transfer = try await BudgetTransfers.propose(
                try proposal(setup, amount: "10.000"), in: setup.programme, actor: "t", on: app.db)
            try await BudgetTransfers.decide(transfer, approved: false, on: nil, actor: "t", on: app.db)
            let overview = try await BudgetOverview.load(setup.programme, on: app.db)
            #expect(overview.programme.position.budgetCents == 2_175_000)
            #expect(overview.projects.isEmpty)
            #expect(try await BudgetTransfer.find(transfer.id, on: app.db)?.state == .rejected)
            #expect(try await Decision.find(setup.decision.id, on: app.db)?.outcome == .rejected)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "overheveling-afwijzen").count() == 1)
        }
    }

    @Test func aProposalIsCheckedInDutch() async throws {
        try await withStoplicht(seeded: true) { app in
            let setup = try await prepare(app)
            func refusal(_ proposal: BudgetTransfers.Proposal) async -> String? {
                do {
                    _ = try await BudgetTransfers.propose(proposal, in: setup.programme, actor: "t", on: app.db)
                    return nil
                } catch let error as InputError {
                    return error.message
                } catch {
                    return "\(error)"
                }
            }
            #expect(
                await refusal(try proposal(setup, amount: "€ 30.000,-"))?.contains(
                    "meer dan er op de begrotingsregel vrij is (€ 21.750,00") == true)
            #expect(await refusal(try proposal(setup, amount: "veel"))?.contains("‘veel’ is geen bedrag") == true)
            #expect(await refusal(try proposal(setup, amount: "0"))?.contains("is geen bedrag") == true)
            #expect(await refusal(try proposal(setup, to: 99))?.contains("99") == true)
            #expect(await refusal(try proposal(setup, to: nil))?.contains("waar het al staat") == true)
            #expect(
                await refusal(try proposal(setup, decision: UUID()))?.contains(
                    "beslispunt hoort niet bij dit programma") == true)
            var noReason = try proposal(setup)
            noReason.reason = "  "
            #expect(await refusal(noReason)?.contains("waarvoor") == true)
            #expect(try await BudgetTransfer.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "budgetoverheveling").count() == 0)
        }
    }

    @Test func aNewDecisionRequestIsWrittenAndAgreeingInTheTextsFormCarriesItOut() async throws {
        try await withStoplicht(seeded: true) { app in
            let setup = try await prepare(app)
            var request = try proposal(setup, amount: "5.000,00", to: 2)
            request.decision = nil
            request.requestedFrom = "college"
            let transfer = try await BudgetTransfers.propose(request, in: setup.programme, actor: "t", on: app.db)
            let decision = try #require(try await Decision.find(transfer.$decision.id, on: app.db))
            #expect(decision.text.hasPrefix("Beschikbaar stellen van € 5.000,00 uit Krediet, eenmalig 2018"))
            #expect(decision.text.contains("project 2."))
            #expect(decision.requestedFrom == "college")
            #expect(decision.outcome == .requested)

            // The programme manager records the college's decision in the period's texts.
            let period = try #require(try await ReportingPeriod.find(decision.$period.id, on: app.db))
            let (texts, sections, decisions, risks) = try await PeriodTexts.load(period: period, on: app.db)
            var changed = texts
            let index = try #require(changed.decisions.firstIndex { $0.id == decision.id })
            changed.decisions[index].outcome = .approved
            try await changed.save(
                over: (sections, decisions, risks), period: period, actor: "erna", address: nil, on: app.db)

            #expect(try await BudgetTransfer.find(transfer.id, on: app.db)?.state == .executed)
            let overview = try await BudgetOverview.load(setup.programme, on: app.db)
            #expect(overview.projects.first { $0.number == 2 }?.position.budgetCents == 500_000)
            #expect(overview.programme.position.budgetCents == 1_675_000)

            // The decision cannot be removed while a transfer hangs on it.
            var removing = changed
            removing.decisions[index].remove = true
            let (_, sections2, decisions2, risks2) = try await PeriodTexts.load(period: period, on: app.db)
            await #expect(throws: InputError.self) {
                try await removing.save(
                    over: (sections2, decisions2, risks2), period: period, actor: "erna", address: nil, on: app.db)
            }
        }
    }
}
