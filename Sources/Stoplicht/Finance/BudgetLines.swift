import Fluent
import Foundation
import StoplichtCore
import Vapor

/// Adding budget lines and expected costs, checked, with audit entries.
enum BudgetLines {
    static func quotes(_ programme: Programme, on db: any Database) async throws -> [PendingQuote] {
        try await PendingQuote.query(on: db).filter(\.$programme.$id == programme.requireID()).all()
            .sorted { ($0.description, $0.id?.uuidString ?? "") < ($1.description, $1.id?.uuidString ?? "") }
    }

    static func addQuote(
        project number: Int?, amount: String, description: String, to programme: Programme, actor: String,
        on database: any Database
    ) async throws -> PendingQuote {
        let programmeID = try programme.requireID()
        let unknown = amount.trimmingCharacters(in: .whitespaces).isEmpty
        var cents: Int64 = 0
        if !unknown {
            guard case .money(let value)? = ReportedAmount(parsing: amount), value >= 0 else {
                throw InputError(Strings.notAnAmount("Het verwachte bedrag", amount), field: "bedrag")
            }
            cents = value
        }
        let text = description.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw InputError(Strings.quoteDescriptionRequired, field: "omschrijving") }
        var projectID: UUID?
        if let number {
            guard let project = try await Project.find(number: number, inProgramme: programmeID, on: database) else {
                throw InputError(Strings.projectNotFound(String(number)), field: "project")
            }
            projectID = project.id
        }
        let quote = PendingQuote(
            programmeID: programmeID, projectID: projectID, description: String(text.prefix(500)), amountCents: cents)
        quote.amountKnown = !unknown
        try await database.transaction { db in
            try await quote.save(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, action: .quoteAdd, entity: "offerte", entityID: quote.id?.uuidString,
                        programmeID: programmeID,
                        periodID: nil, before: nil,
                        after: AuditRecord.json([
                            "omschrijving": quote.description, "bedrag": quote.amountText,
                            "project": number.map(String.init), "stand": quote.state.rawValue,
                        ]))
                ], on: db)
        }
        return quote
    }

    /// A quote's new state, and its amount once known ("the quote came in: € 8.000").
    static func setState(
        _ state: PendingQuote.State, amount: String = "", of quote: PendingQuote, actor: String,
        on database: any Database
    ) async throws {
        let before: [String: String?] = ["stand": quote.state.rawValue, "bedrag": quote.amountText]
        if !amount.trimmingCharacters(in: .whitespaces).isEmpty {
            guard case .money(let cents)? = ReportedAmount(parsing: amount), cents >= 0 else {
                throw InputError(Strings.notAnAmount("Het bedrag van de offerte", amount), field: "bedrag")
            }
            quote.amountCents = cents
            quote.amountKnown = true
        }
        if state == .committed && !quote.amountKnown { throw InputError(Strings.quoteNeedsAmount, field: "bedrag") }
        quote.state = state
        let after: [String: String?] = ["stand": quote.state.rawValue, "bedrag": quote.amountText]
        guard before != after else { return }
        try await database.transaction { db in
            try await quote.save(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, action: .quoteState, entity: "offerte",
                        entityID: quote.id?.uuidString, programmeID: quote.$programme.id,
                        periodID: nil, before: AuditRecord.json(before), after: AuditRecord.json(after))
                ], on: db)
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

    static func add(_ input: Input, to programme: Programme, actor: String, on database: any Database) async throws
        -> BudgetLine
    {
        let programmeID = try programme.requireID()
        guard let source = FundingSource(reading: input.source) else {
            throw InputError(Strings.unknownFundingSource(input.source), field: "bron")
        }
        guard let nature = BudgetNature(rawValue: input.nature.lowercased().trimmingCharacters(in: .whitespaces)) else {
            throw InputError(Strings.unknownBudgetNature(input.nature), field: "karakter")
        }
        guard let year = input.year, (2000...2100).contains(year) else {
            throw InputError(Strings.budgetYearRequired, field: "jaar")
        }
        guard case .money(let cents)? = ReportedAmount(parsing: input.amount), abs(cents) <= BudgetLinesAPI.maximumCents
        else {
            throw InputError(Strings.notAnAmount("Het begrote bedrag", input.amount), field: "bedrag")
        }
        var commitment: Int64 = 0
        if !input.commitment.trimmingCharacters(in: .whitespaces).isEmpty {
            guard case .money(let value)? = ReportedAmount(parsing: input.commitment),
                abs(value) <= BudgetLinesAPI.maximumCents
            else {
                throw InputError(Strings.notAnAmount("De verplichting", input.commitment), field: "verplicht")
            }
            commitment = value
        }
        var projectID: UUID?
        if let number = input.project {
            guard let project = try await Project.find(number: number, inProgramme: programmeID, on: database) else {
                throw InputError(Strings.projectNotFound(String(number)), field: "project")
            }
            projectID = project.id
        }
        let line = BudgetLine(
            programmeID: programmeID, projectID: projectID, source: source, nature: nature, year: year,
            description: String(input.description.prefix(500)), budgetCents: cents, commitmentCents: commitment)
        try await insert(line, projectNumber: input.project, actor: actor, on: database)
        return line
    }

    /// Saves a new line with its audit entry.
    static func insert(
        _ line: BudgetLine, projectNumber: Int?, actor: String, address: String? = nil, on database: any Database
    ) async throws {
        try await database.transaction { db in
            try await line.save(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: .budgetLineAdd, entity: "begrotingsregel",
                        entityID: line.id?.uuidString,
                        programmeID: line.$programme.id, periodID: nil, before: nil,
                        after: AuditRecord.json(audited(line, projectNumber: projectNumber)))
                ], on: db)
        }
    }

    /// A line's fields as the audit trail keeps them.
    static func audited(_ line: BudgetLine, projectNumber: Int?) -> [String: String?] {
        [
            "project": projectNumber.map(String.init), "bron": line.source.rawValue, "karakter": line.nature.rawValue,
            "jaar": String(line.year),
            "omschrijving": line.description, "bedrag": ReportedAmount.money(cents: line.budgetCents).description,
            "verplicht": ReportedAmount.money(cents: line.commitmentCents).description,
        ]
    }
}
