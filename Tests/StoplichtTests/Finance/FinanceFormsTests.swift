import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// The finance page's forms over HTTP: who may change what, refusals in Dutch at the field
/// with what was typed kept and nothing written, and the whole transfer by the browser.
@Suite struct FinanceFormsTests {
    static let page = "/programmas/dienstverlening/financien"
    static let lines = page + "/begrotingsregels"
    static let quotes = page + "/offertes"
    static let transfers = page + "/overhevelingen"
    static let costCentres = page + "/kostenplaatsen"
    static let actuals = page + "/realisatie"

    static let line = BudgetLineField.form([
        .project: "18", .source: "krediet", .nature: "eenmalig", .year: "2018",
        .amount: "€ 21.750,-", .commitment: "", .description: "Informatiearchitectuur",
    ])

    enum Who: String, CaseIterable {
        case beheerder, programmamanager, eigenProjectleider, andereProjectleider, lezer, zonderRol
    }

    func browser(_ who: Who, _ app: Application) async throws -> Browser {
        switch who {
        case .beheerder: try await Browser.member(app, "beheer@woudenberg.nl", role: nil, administrator: true)
        case .programmamanager: try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
        case .eigenProjectleider:
            try await Browser.member(app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
        case .andereProjectleider:
            try await Browser.member(app, "sieka@woudenberg.nl", role: .projectLeader, person: "Sieka Geldof")
        case .lezer: try await Browser.member(app, "wethouder@woudenberg.nl", role: .reader)
        case .zonderRol: try await Browser.member(app, "ander@elders.nl", role: nil)
        }
    }

    /// Budget lines, cost centres and transfers are the programme manager's (and a
    /// beheerder's); a leader adds expected costs for a project they lead, nobody else's.
    @Test(arguments: Who.allCases)
    func eachRoleMayChangeWhatIsTheirs(_ who: Who) async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            var browser = try await browser(who, app)
            _ = try await browser.get(Self.page)
            let manages = who == .beheerder || who == .programmamanager
            let addLine = try await browser.post(Self.lines, Self.line).status
            #expect(addLine == (manages ? .seeOther : .forbidden), "\(who) begrotingsregel: \(addLine)")
            let map = try await browser.post(
                Self.costCentres, CostCentreField.form([.costCentre: "6200", .project: "2"])
            ).status
            #expect(map == (manages ? .seeOther : .forbidden), "\(who) kostenplaats: \(map)")
            // Walter leads project 2, not project 3.
            let ownQuote = try await browser.post(
                Self.quotes, QuoteField.form([.project: "2", .description: "PIP-pagina", .amount: "2.000"])
            ).status
            #expect(
                ownQuote == (manages || who == .eigenProjectleider ? .seeOther : .forbidden),
                "\(who) offerte eigen project: \(ownQuote)")
            let otherQuote = try await browser.post(
                Self.quotes, QuoteField.form([.project: "3", .description: "Chatbot", .amount: "3.000"])
            ).status
            #expect(otherQuote == (manages ? .seeOther : .forbidden), "\(who) offerte ander project: \(otherQuote)")
            let upload = try await browser.upload(
                Self.actuals, file: Data("Kostenplaats;Bedrag\n6200;5,00\n".utf8), filename: "realisatie.csv",
                fields: [:], fileField: ActualsField.file.name
            ).status
            #expect(upload == (manages ? .ok : .forbidden), "\(who) realisatie: \(upload)")

            #expect(try await BudgetLine.query(on: app.db).count() == (manages ? 1 : 0))
            #expect(try await CostCentreMapping.query(on: app.db).count() == (manages ? 1 : 0))
            #expect(
                try await PendingQuote.query(on: app.db).count() == (manages ? 2 : who == .eigenProjectleider ? 1 : 0))
            #expect(try await ActualLine.query(on: app.db).count() == (manages ? 1 : 0))
        }
    }

    @Test func aRefusedFormSaysWhatAndWhereInDutchAndKeepsWhatWasTyped() async throws {
        try await withStoplicht(seeded: true) { app in
            var manager = try await browser(.programmamanager, app)
            _ = try await manager.get(Self.page)
            var typed = Self.line
            typed[BudgetLineField.amount.name] = "eenentwintig"
            typed[BudgetLineField.description.name] = "Architectuur <script>alert(1)</script>"
            let refused = try await manager.post(Self.lines, typed)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Het begrote bedrag ‘eenentwintig’ is geen bedrag"))
            #expect(refused.body.contains("<a href=\"#regel-bedrag\">"))
            #expect(refused.body.contains("value=\"eenentwintig\""))
            #expect(refused.body.contains("Architectuur &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!refused.body.contains("<script>alert(1)"))
            // A quote typed into a field cannot end its attribute.
            let quoted = try await manager.post(
                Self.lines,
                typed.merging(BudgetLineField.form([.description: "x\" autofocus onfocus=\"alert(1)"])) { $1 })
            #expect(quoted.body.contains("value=\"x&quot; autofocus onfocus=&quot;alert(1)\""))
            #expect(refused.body.contains("<details open=\"open\"><summary>Begrotingsregel toevoegen</summary>"))
            #expect(try await BudgetLine.query(on: app.db).count() == 0)

            let wrongYear = try await manager.post(
                Self.lines, Self.line.merging(BudgetLineField.form([.year: "achttien"])) { $1 })
            #expect(wrongYear.status == .unprocessableEntity)
            #expect(wrongYear.body.contains("Geef het begrotingsjaar op"))

            let noFile = try await manager.upload(
                Self.actuals, file: Data(), filename: "leeg.csv", fields: [:], fileField: ActualsField.file.name)
            #expect(noFile.status == .unprocessableEntity)
            #expect(noFile.body.contains("Kies het bestand met de realisatie"))
            let badColumns = try await manager.upload(
                Self.actuals, file: Data("Kpl;Xyz\n6200;5,00\n".utf8), filename: "r.csv",
                fields: ActualsField.form([.columns: "kostenplaats=Kpl"]), fileField: ActualsField.file.name)
            #expect(badColumns.status == .unprocessableEntity)
            #expect(badColumns.body.contains("In de kopregel ontbreekt bedrag"))
            #expect(badColumns.body.contains("value=\"kostenplaats=Kpl\""))
            #expect(try await ActualLine.query(on: app.db).count() == 0)

            let saved = try await manager.post(Self.lines, Self.line)
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/programmas/dienstverlening/financien?gedaan=regel#regel")
            let after = try await manager.get(saved.location ?? "")
            #expect(after.body.contains("De begrotingsregel is toegevoegd."))
            #expect(
                after.body.contains("<td>Informatiearchitectuur</td><td class=\"stoplicht-amount\">€ 21.750,00</td>"))
        }
    }

    @Test func theSeedsTransferGoesThroughTheBrowser() async throws {
        try await withStoplicht(seeded: true) { app in
            var manager = try await browser(.programmamanager, app)
            _ = try await manager.get(Self.page)
            var line = Self.line
            line[BudgetLineField.project.name] = ""
            #expect(try await manager.post(Self.lines, line).status == .seeOther)
            let from = try #require(try await BudgetLine.query(on: app.db).first())
            let decision = try #require(try await Decision.query(on: app.db).all().first { $0.text.contains("21.750") })
            let form = try await manager.get(Self.page)
            #expect(
                form.body.contains(
                    "<option value=\"\(try decision.requireID().uuidString)\">Beschikbaar stellen van het budget informatiearchitectuur"
                ))

            let tooMuch = try await manager.post(
                Self.transfers,
                TransferField.form([
                    .from: try from.requireID().uuidString, .project: "18", .amount: "€ 30.000,-",
                    .reason: "Frictiekosten VTH", .decision: try decision.requireID().uuidString,
                ]))
            #expect(tooMuch.status == .unprocessableEntity)
            #expect(tooMuch.body.contains("meer dan er op de begrotingsregel vrij is"))
            #expect(try await BudgetTransfer.query(on: app.db).count() == 0)

            let proposed = try await manager.post(
                Self.transfers,
                TransferField.form([
                    .from: try from.requireID().uuidString, .project: "18", .amount: "€ 21.750,-",
                    .reason: "Frictiekosten VTH", .decision: try decision.requireID().uuidString,
                ]))
            #expect(proposed.status == .seeOther)
            let transfer = try #require(try await BudgetTransfer.query(on: app.db).first())
            let decide = "\(Self.transfers)/\(try transfer.requireID().uuidString.lowercased())/besluit"
            let outcome = TransferDecisionField.outcome.of(try transfer.requireID()).name
            let decidedOn = TransferDecisionField.decidedOn.of(try transfer.requireID()).name

            var reader = try await browser(.lezer, app)
            _ = try await reader.get(Self.page)
            #expect(try await reader.post(decide, [outcome: "akkoord"]).status == .forbidden)
            let unclear = try await manager.post(decide, [outcome: "misschien"])
            #expect(unclear.status == .unprocessableEntity)
            #expect(unclear.body.contains("Kies het besluit: akkoord of afgewezen."))
            let badDate = try await manager.post(decide, [outcome: "akkoord", decidedOn: "volgende week"])
            #expect(badDate.status == .unprocessableEntity)
            #expect(badDate.body.contains("‘volgende week’ is geen datum"))
            #expect(try await BudgetTransfer.find(transfer.id, on: app.db)?.state == .proposed)

            #expect(try await manager.post(decide, [outcome: "akkoord", decidedOn: "20-11-2018"]).status == .seeOther)
            let again = try await manager.post(decide, [outcome: "akkoord"])
            #expect(again.status == .conflict)
            #expect(again.body.contains("Over deze overheveling is al besloten"))

            let overview = try await BudgetOverview.load(
                try #require(try await Programme.query(on: app.db).first()), on: app.db)
            #expect(overview.projects.map(\.number) == [18])
            #expect(overview.programme.position.budgetCents == 0)
            let board = try await reader.get(Self.page)
            #expect(board.body.contains("Besloten en uitgevoerd (20-11-2018)"))
        }
    }
}
