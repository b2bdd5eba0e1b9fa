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
        @Option(name: "amount", help: "Het begrote bedrag, bijv. \"€ 21.750,-\"")
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

    var help: String { "Begrotingsregels per project en voor het programma: toevoegen en het overzicht van begroot, gerealiseerd, verplicht en resterend." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        let programme = try await ReportCommand.programmeModel(signature.programme, on: db)
        switch signature.action {
        case "add":
            let line = try await BudgetLines.add(
                BudgetLines.Input(project: signature.project, source: signature.source ?? "", nature: signature.nature ?? "",
                                  year: signature.year, amount: signature.amount ?? "", commitment: signature.commitment ?? "",
                                  description: signature.description ?? ""),
                to: programme, actor: "stoplicht budget (opdrachtregel)", on: db)
            context.console.print("Begrotingsregel toegevoegd: \(line.source.label), \(line.nature.rawValue), \(line.year), \(ReportedAmount.money(cents: line.budgetCents)).")
        case "quote":
            let quote = try await BudgetLines.addQuote(project: signature.project, amount: signature.amount ?? "", description: signature.description ?? "",
                                                       to: programme, actor: "stoplicht budget (opdrachtregel)", on: db)
            context.console.print("Verwachte kosten toegevoegd: \(quote.description), \(ReportedAmount.money(cents: quote.amountCents)) (\(quote.state.rawValue)).")
        case "quotes":
            for (index, quote) in try await BudgetLines.quotes(programme, on: db).enumerated() {
                context.console.print("\(index + 1). \(quote.description): \(ReportedAmount.money(cents: quote.amountCents)), \(quote.state.rawValue)")
            }
        case "quote-state":
            let quotes = try await BudgetLines.quotes(programme, on: db)
            guard let number = signature.quote, quotes.indices.contains(number - 1) else { throw InputError(Strings.quoteNotFound(signature.quote)) }
            guard let state = signature.state.flatMap({ PendingQuote.State(rawValue: $0.lowercased()) }) else {
                throw InputError(Strings.unknownQuoteState(signature.state ?? ""))
            }
            try await BudgetLines.setState(state, of: quotes[number - 1], actor: "stoplicht budget (opdrachtregel)", on: db)
            context.console.print("Offerte \(number) is nu \(state.rawValue).")
        case "overview":
            let overview = try await BudgetOverview.load(programme, on: db)
            func row(_ entry: BudgetOverview.Entry, label given: String? = nil) -> String {
                let p = entry.position
                let label = given ?? entry.number.map { "\($0). \(entry.name)" } ?? "Programma \(entry.name) (zonder project)"
                return "\(label): begroot \(ReportedAmount.money(cents: p.budgetCents)), gerealiseerd \(ReportedAmount.money(cents: p.actualCents)), "
                    + "verplicht \(ReportedAmount.money(cents: p.commitmentCents)), verwacht \(ReportedAmount.money(cents: p.pendingCents)), "
                    + (p.shortfallCents > 0 ? "tekort \(ReportedAmount.money(cents: p.shortfallCents))" : "resterend \(ReportedAmount.money(cents: p.remainingCents))")
            }
            for entry in overview.projects { context.console.print(row(entry)) }
            context.console.print(row(overview.programme))
            context.console.print(row(BudgetOverview.Entry(number: nil, name: programme.name, position: overview.total), label: "Totaal programma \(programme.name)"))
        default:
            throw InputError("Onbekende actie ‘\(signature.action)’; kies add, quote, quotes, quote-state of overview.")
        }
    }
}

/// Adding budget lines and expected costs, checked, with audit entries.
enum BudgetLines {
    static func quotes(_ programme: Programme, on db: any Database) async throws -> [PendingQuote] {
        try await PendingQuote.query(on: db).filter(\.$programme.$id == programme.requireID()).all()
            .sorted { ($0.description, $0.id?.uuidString ?? "") < ($1.description, $1.id?.uuidString ?? "") }
    }

    static func addQuote(project number: Int?, amount: String, description: String, to programme: Programme, actor: String,
                         on database: any Database) async throws -> PendingQuote {
        let programmeID = try programme.requireID()
        guard case .money(let cents)? = ReportedAmount(parsing: amount) else { throw InputError(Strings.notAnAmount("Het verwachte bedrag", amount)) }
        let text = description.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw InputError(Strings.quoteDescriptionRequired) }
        var projectID: UUID?
        if let number {
            guard let project = try await Project.find(number: number, inProgramme: programmeID, on: database) else {
                throw InputError(Strings.projectNotFound(String(number)))
            }
            projectID = project.id
        }
        let quote = PendingQuote(programmeID: programmeID, projectID: projectID, description: String(text.prefix(500)), amountCents: cents)
        try await database.transaction { db in
            try await quote.save(on: db)
            try await AuditTrail.append([AuditRecord(
                at: Date(), actor: actor, action: "offerte-toevoegen", entity: "offerte", entityID: quote.id?.uuidString, programmeID: programmeID,
                periodID: nil, before: nil, after: AuditRecord.json(["omschrijving": quote.description, "bedrag": ReportedAmount.money(cents: cents).description,
                                                                     "project": number.map(String.init), "stand": quote.state.rawValue]))], on: db)
        }
        return quote
    }

    static func setState(_ state: PendingQuote.State, of quote: PendingQuote, actor: String, on database: any Database) async throws {
        let before = quote.state
        guard before != state else { return }
        try await database.transaction { db in
            quote.state = state
            try await quote.save(on: db)
            try await AuditTrail.append([AuditRecord(
                at: Date(), actor: actor, action: "offerte-stand", entity: "offerte", entityID: quote.id?.uuidString, programmeID: quote.$programme.id,
                periodID: nil, before: AuditRecord.json(["stand": before.rawValue]), after: AuditRecord.json(["stand": state.rawValue]))], on: db)
        }
    }

    struct Input: Sendable {
        var project: Int?
        var source: String
        var nature: String
        var year: Int?
        var amount: String
        var commitment: String
        var description: String
    }

    static func add(_ input: Input, to programme: Programme, actor: String, on database: any Database) async throws -> BudgetLine {
        let programmeID = try programme.requireID()
        guard let source = FundingSource(reading: input.source) else { throw InputError(Strings.unknownFundingSource(input.source)) }
        guard let nature = BudgetNature(rawValue: input.nature.lowercased().trimmingCharacters(in: .whitespaces)) else {
            throw InputError(Strings.unknownBudgetNature(input.nature))
        }
        guard let year = input.year, (2000...2100).contains(year) else { throw InputError(Strings.budgetYearRequired) }
        guard case .money(let cents)? = ReportedAmount(parsing: input.amount) else { throw InputError(Strings.notAnAmount("Het begrote bedrag", input.amount)) }
        var commitment: Int64 = 0
        if !input.commitment.trimmingCharacters(in: .whitespaces).isEmpty {
            guard case .money(let value)? = ReportedAmount(parsing: input.commitment) else { throw InputError(Strings.notAnAmount("De verplichting", input.commitment)) }
            commitment = value
        }
        var projectID: UUID?
        if let number = input.project {
            guard let project = try await Project.find(number: number, inProgramme: programmeID, on: database) else {
                throw InputError(Strings.projectNotFound(String(number)))
            }
            projectID = project.id
        }
        let line = BudgetLine(programmeID: programmeID, projectID: projectID, source: source, nature: nature, year: year,
                              description: String(input.description.prefix(500)), budgetCents: cents, commitmentCents: commitment)
        try await database.transaction { db in
            try await line.save(on: db)
            try await AuditTrail.append([AuditRecord(
                at: Date(), actor: actor, action: "begroting-toevoegen", entity: "begrotingsregel", entityID: line.id?.uuidString,
                programmeID: programmeID, periodID: nil, before: nil,
                after: AuditRecord.json(["project": input.project.map(String.init), "bron": source.rawValue, "karakter": nature.rawValue,
                                         "jaar": String(year), "bedrag": ReportedAmount.money(cents: cents).description,
                                         "verplicht": ReportedAmount.money(cents: line.commitmentCents).description]))], on: db)
        }
        return line
    }
}
