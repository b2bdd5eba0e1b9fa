import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Budget lines by source, nature and year against actuals and commitments: exact, with the
/// shortfall per project and for the programme.
@Suite struct BudgetTests {
    func programme(_ app: Application) async throws -> Programme {
        try #require(try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").first())
    }

    func add(
        _ project: Int?, _ source: String, _ nature: String, _ amount: String, commitment: String = "",
        _ app: Application
    ) async throws {
        _ = try await BudgetLines.add(
            BudgetLines.Input(
                project: project, source: source, nature: nature, year: 2018, amount: amount,
                commitment: commitment, description: "regel"),
            to: try await programme(app), actor: "test", on: app.db)
    }

    @Test func budgetsMeetActualsAndCommitmentsPerProject() async throws {
        try await withStoplicht(seeded: true) { app in
            let programme = try await programme(app)
            try await add(2, "krediet", "eenmalig", "€ 15.000,-", commitment: "2.500,00", app)
            try await add(2, "Lijnbudget", "structureel", "1.000,01", app)
            try await add(18, "subsidie", "eenmalig", "€ 5.000,00", app)
            try await add(nil, "reserve", "eenmalig", "€ 21.750,-", app)
            _ = try await ActualsMapping.map(costCentre: "6200", toProject: 2, in: programme, on: app.db)
            _ = try await ActualsMapping.map(costCentre: "6100", toProject: 18, in: programme, on: app.db)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "stoplicht-budget-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("realisatie.csv").path
            try Data("Kostenplaats;Bedrag\n6200;€ 21.750,-\n6100;\"1.234,56\"\n6100;(234,56)\n".utf8).write(
                to: URL(fileURLWithPath: path))
            _ = try await ActualsImporter(database: app.db).run(
                path: path, source: "realisatie.csv", programme: programme)

            let overview = try await BudgetOverview.load(programme, on: app.db)

            #expect(overview.projects.map(\.number) == [2, 18])
            let website = overview.projects[0].position
            #expect(website == BudgetPosition(budgetCents: 1_600_001, actualCents: 2_175_000, commitmentCents: 250_000))
            #expect(website.shortfallCents == 824_999)
            let zaakgericht = overview.projects[1].position
            #expect(zaakgericht.actualCents == 100_000)
            #expect(zaakgericht.remainingCents == 400_000)
            #expect(overview.programme.position.budgetCents == 2_175_000)
            #expect(
                overview.total
                    == BudgetPosition(budgetCents: 4_275_001, actualCents: 2_275_000, commitmentCents: 250_000))
            let sources = try await BudgetLine.query(on: app.db).all().map(\.source)
            #expect(Set(sources) == [.credit, .lineBudget, .external, .reserve])
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "begroting-toevoegen").count() == 4)
        }
    }

    @Test func pendingQuotesCountInTheShortfallUntilCommittedOrDropped() async throws {
        try await withStoplicht(seeded: true) { app in
            let programme = try await programme(app)
            try await add(2, "krediet", "eenmalig", "€ 10.000,-", app)
            let upgrade = try await BudgetLines.addQuote(
                project: 2, amount: "€ 8.000,-", description: "Upgrade Burgerzaken-applicaties",
                to: programme, actor: "test", on: app.db)
            let chatbot = try await BudgetLines.addQuote(
                project: 2, amount: "€ 3.000,-", description: "Chatbot website",
                to: programme, actor: "test", on: app.db)

            var position = try await BudgetOverview.load(programme, on: app.db).projects[0].position
            #expect(position.pendingCents == 1_100_000)
            #expect(position.shortfallCents == 100_000)

            // The upgrade is ordered: a commitment now; the chatbot is dropped: no longer expected.
            try await BudgetLines.setState(.committed, of: upgrade, actor: "test", on: app.db)
            try await BudgetLines.setState(.dropped, of: chatbot, actor: "test", on: app.db)
            position = try await BudgetOverview.load(programme, on: app.db).projects[0].position
            #expect(
                position
                    == BudgetPosition(budgetCents: 1_000_000, actualCents: 0, commitmentCents: 800_000, pendingCents: 0)
            )
            #expect(position.remainingCents == 200_000)
            let states = try await AuditEntry.query(on: app.db).filter(\.$action == "offerte-stand").count()
            #expect(states == 2)
            await #expect(
                throws: InputError(Strings.notAnAmount("Het verwachte bedrag", "nog onbekend"), field: "bedrag")
            ) {
                _ = try await BudgetLines.addQuote(
                    project: 2, amount: "nog onbekend", description: "PIP-pagina", to: programme, actor: "test",
                    on: app.db)
            }
        }
    }

    @Test func aBudgetLineIsCheckedInDutch() async throws {
        try await withStoplicht(seeded: true) { app in
            await #expect(throws: InputError(Strings.unknownFundingSource("kasgeld"), field: "bron")) {
                try await add(2, "kasgeld", "eenmalig", "1,00", app)
            }
            await #expect(throws: InputError(Strings.unknownBudgetNature("soms"), field: "karakter")) {
                try await add(2, "krediet", "soms", "1,00", app)
            }
            await #expect(throws: InputError(Strings.notAnAmount("Het begrote bedrag", "veel"), field: "bedrag")) {
                try await add(2, "krediet", "eenmalig", "veel", app)
            }
            await #expect(throws: InputError(Strings.projectNotFound("99"), field: "project")) {
                try await add(99, "krediet", "eenmalig", "1,00", app)
            }
            let count = try await BudgetLine.query(on: app.db).count()
            #expect(count == 0)
        }
    }

    @Test func aQuoteStillToComeCountsAsUnpricedUntilItsAmountIsKnown() async throws {
        try await withStoplicht(seeded: true) { app in
            let programme = try await programme(app)
            try await add(1, "krediet", "eenmalig", "€ 5.000,-", app)
            let pip = try await BudgetLines.addQuote(
                project: 1, amount: "", description: "PIP-pagina (offerte in november)",
                to: programme, actor: "test", on: app.db)
            #expect(!pip.amountKnown)
            var position = try #require(try await BudgetOverview.load(programme, on: app.db).projects.first).position
            #expect(position.pendingCents == 0 && position.unpricedQuotes == 1)
            #expect(position.pendingText == "€ 0,00 + 1 offerte zonder bedrag")

            // No order without an amount.
            await #expect(throws: InputError.self) {
                try await BudgetLines.setState(.committed, of: pip, actor: "test", on: app.db)
            }
            // The quote comes in: € 6.250, received and being assessed.
            try await BudgetLines.setState(.received, amount: "€ 6.250,-", of: pip, actor: "test", on: app.db)
            position = try #require(try await BudgetOverview.load(programme, on: app.db).projects.first).position
            #expect(position.pendingCents == 625_000 && position.unpricedQuotes == 0)
            #expect(position.shortfallCents == 125_000)
            try await BudgetLines.setState(.committed, of: pip, actor: "test", on: app.db)
            position = try #require(try await BudgetOverview.load(programme, on: app.db).projects.first).position
            #expect(position.commitmentCents == 625_000 && position.pendingCents == 0)
            let trail = try await AuditEntry.query(on: app.db).filter(\.$action == "offerte-stand").sort(\.$sequence)
                .all()
            #expect(trail.count == 2)
            #expect(trail.first?.after?.contains("€ 6.250,00") == true)
            #expect(trail.first?.before?.contains("bedrag volgt") == true)
        }
    }
}
