import Fluent
import Foundation
import StoplichtCore
import Vapor

/// `stoplicht budget add --source krediet --nature eenmalig --year 2018 --amount "€ 21.750,-"
/// [--commitment …] [--project NR] --description "…"` and `stoplicht budget overview`.
struct BudgetCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "add, quote, quotes, quote-state of overview")
        var action: String
        @Option(name: "programme", help: "Het programma (zoals in de adresbalk); standaard het enige.")
        var programme: String?
        @Option(name: "project", help: "Het projectnummer; zonder: een budget van het programma zelf.")
        var project: Int?
        @Option(name: "source", help: "krediet, lijnbudget, investering, reserve of extern")
        var source: String?
        @Option(name: "nature", help: "eenmalig of structureel")
        var nature: String?
        @Option(name: "year", help: "Het begrotingsjaar, bijv. 2018")
        var year: Int?
        @Option(
            name: "amount",
            help:
                "Het bedrag, bijv. \"€ 21.750,-\"; bij quote leeg als de offerte nog moet komen, bij quote-state het bedrag van de gekomen offerte"
        )
        var amount: String?
        @Option(name: "commitment", help: "Aangegane verplichtingen, bijv. \"1.500,00\"")
        var commitment: String?
        @Option(name: "description", help: "Omschrijving van de begrotingsregel of offerte")
        var description: String?
        @Option(name: "quote", help: "Met quote-state: het nummer van de offerte uit ‘stoplicht budget quotes’.")
        var quote: Int?
        @Option(name: "state", help: "Met quote-state: verwacht, ontvangen, verplicht of vervallen.")
        var state: String?
    }

    var help: String {
        "Begrotingsregels per project en voor het programma: toevoegen en het overzicht van begroot, gerealiseerd, verplicht en resterend."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        let programme = try await ReportCommand.programmeModel(signature.programme, on: db)
        switch signature.action {
        case "add":
            let line = try await BudgetLines.add(
                BudgetLines.Input(
                    project: signature.project, source: signature.source ?? "", nature: signature.nature ?? "",
                    year: signature.year, amount: signature.amount ?? "", commitment: signature.commitment ?? "",
                    description: signature.description ?? ""),
                to: programme, actor: "stoplicht budget (opdrachtregel)", on: db)
            context.console.print(
                "Begrotingsregel toegevoegd: \(line.source.label), \(line.nature.rawValue), \(line.year), \(ReportedAmount.money(cents: line.budgetCents))."
            )
        case "quote":
            let quote = try await BudgetLines.addQuote(
                project: signature.project, amount: signature.amount ?? "", description: signature.description ?? "",
                to: programme, actor: "stoplicht budget (opdrachtregel)", on: db)
            context.console.print(
                "Verwachte kosten toegevoegd: \(quote.description), \(quote.amountText) (\(quote.state.rawValue)).")
        case "quotes":
            for (index, quote) in try await BudgetLines.quotes(programme, on: db).enumerated() {
                context.console.print(
                    "\(index + 1). \(quote.description): \(quote.amountText), \(quote.state.rawValue)")
            }
        case "quote-state":
            let quotes = try await BudgetLines.quotes(programme, on: db)
            guard let number = signature.quote, quotes.indices.contains(number - 1) else {
                throw InputError(Strings.quoteNotFound(signature.quote))
            }
            guard let state = signature.state.flatMap({ PendingQuote.State(rawValue: $0.lowercased()) }) else {
                throw InputError(Strings.unknownQuoteState(signature.state ?? ""))
            }
            try await BudgetLines.setState(
                state, amount: signature.amount ?? "", of: quotes[number - 1],
                actor: "stoplicht budget (opdrachtregel)", on: db)
            context.console.print("Offerte \(number) is nu \(state.rawValue).")
        case "overview":
            let overview = try await BudgetOverview.load(programme, on: db)
            func row(_ entry: BudgetOverview.Entry, label given: String? = nil) -> String {
                let p = entry.position
                let label =
                    given ?? entry.number.map { "\($0). \(entry.name)" } ?? "Programma \(entry.name) (zonder project)"
                return
                    "\(label): begroot \(ReportedAmount.money(cents: p.budgetCents)), gerealiseerd \(ReportedAmount.money(cents: p.actualCents)), "
                    + "verplicht \(ReportedAmount.money(cents: p.commitmentCents)), verwacht \(ReportedAmount.money(cents: p.pendingCents)), "
                    + (p.shortfallCents > 0
                        ? "tekort \(ReportedAmount.money(cents: p.shortfallCents))"
                        : "resterend \(ReportedAmount.money(cents: p.remainingCents))")
            }
            for entry in overview.projects { context.console.print(row(entry)) }
            context.console.print(row(overview.programme))
            context.console.print(
                row(
                    BudgetOverview.Entry(number: nil, name: programme.name, position: overview.total),
                    label: "Totaal programma \(programme.name)"))
        default:
            throw InputError("Onbekende actie ‘\(signature.action)’; kies add, quote, quotes, quote-state of overview.")
        }
    }
}
