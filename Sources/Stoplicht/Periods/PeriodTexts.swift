import Fluent
import Foundation
import StoplichtCore
import Vapor

/// The programme manager's texts of a period: the sections, the decisions requested and
/// the risks, as one form. The form carries a fingerprint of the texts it showed; a save
/// over texts someone changed since is a conflict, shown with both versions.
struct PeriodTexts: Sendable, Equatable {
    struct Section: Sendable, Equatable {
        var key: String
        var title: String
        var body: String
    }

    struct DecisionText: Sendable, Equatable {
        var id: UUID?
        var text: String
        var requestedFrom: String
        var outcome: Decision.Outcome
        var remove = false
    }

    struct RiskText: Sendable, Equatable {
        var id: UUID?
        var description: String
        var cause: String
        var impact: String
        var measures: String
        var remove = false
    }

    var sections: [Section] = []
    var decisions: [DecisionText] = []
    var risks: [RiskText] = []

    static let maximumLength = 100_000

    static func load(period: ReportingPeriod, on db: any Database) async throws -> (
        PeriodTexts, [ProgrammeSection], [Decision], [Risk]
    ) {
        let id = try period.requireID()
        let sections = try await ProgrammeSection.query(on: db).filter(\.$period.$id == id).sort(\.$position).all()
        let decisions = try await Decision.query(on: db).filter(\.$period.$id == id).sort(\.$position).all()
        let risks = try await Risk.query(on: db).filter(\.$period.$id == id).sort(\.$position).all()
        let texts = PeriodTexts(
            sections: sections.map { Section(key: $0.key, title: $0.title, body: $0.body) },
            decisions: decisions.map {
                DecisionText(id: $0.id, text: $0.text, requestedFrom: $0.requestedFrom ?? "", outcome: $0.outcome)
            },
            risks: risks.map {
                RiskText(
                    id: $0.id, description: $0.description, cause: $0.cause ?? "", impact: $0.impact ?? "",
                    measures: $0.measures ?? "")
            })
        return (texts, sections, decisions, risks)
    }

    /// The texts as the form sent them: the stored sections' fields, every decision and
    /// risk row (a row with an empty text and no id is the blank one for adding).
    init(form fields: FormFields, sectionKeys: [String]) {
        typealias Field = PeriodTextsField
        sections = sectionKeys.map {
            Section(key: $0, title: fields.text(Field.sectionTitle($0)), body: fields.text(Field.sectionBody($0)))
        }
        for index in 0..<500 {
            let field: (Field.DecisionPart) -> NumberedField = { Field.decision(index, $0) }
            guard fields.has(field(.text)) else { break }
            let id = UUID(uuidString: fields.text(field(.id)))
            if id == nil && fields.text(field(.text)).isEmpty { continue }
            decisions.append(
                DecisionText(
                    id: id, text: fields.text(field(.text)), requestedFrom: fields.text(field(.requestedFrom)),
                    outcome: Decision.Outcome(rawValue: fields.text(field(.outcome))) ?? .requested,
                    remove: fields.has(field(.remove))))
        }
        for index in 0..<500 {
            let field: (Field.RiskPart) -> NumberedField = { Field.risk(index, $0) }
            guard fields.has(field(.text)) else { break }
            let id = UUID(uuidString: fields.text(field(.id)))
            if id == nil && fields.text(field(.text)).isEmpty { continue }
            risks.append(
                RiskText(
                    id: id, description: fields.text(field(.text)), cause: fields.text(field(.cause)),
                    impact: fields.text(field(.impact)), measures: fields.text(field(.measures)),
                    remove: fields.has(field(.remove))))
        }
    }

    init(sections: [Section], decisions: [DecisionText], risks: [RiskText]) {
        self.sections = sections
        self.decisions = decisions
        self.risks = risks
    }

    /// A hash of the texts, to tell whether they changed since a form showed them.
    var fingerprint: String {
        var parts: [String] = []
        for s in sections { parts += [s.key, s.title, s.body] }
        for d in decisions { parts += [d.id?.uuidString ?? "", d.text, d.requestedFrom, d.outcome.rawValue] }
        for r in risks { parts += [r.id?.uuidString ?? "", r.description, r.cause, r.impact, r.measures] }
        return SHA256.hash(data: Data(parts.map { "\($0.utf8.count):\($0)" }.joined().utf8)).hex
    }

    func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for section in sections {
            if section.title.isEmpty {
                problems.append(
                    FieldProblem(
                        field: PeriodTextsField.sectionTitle(section.key), message: Strings.sectionTitleRequired))
            }
            if section.body.count > Self.maximumLength {
                problems.append(
                    FieldProblem(
                        field: PeriodTextsField.sectionBody(section.key),
                        message: Strings.textTooLong(section.title, Self.maximumLength)))
            }
        }
        for (index, decision) in decisions.enumerated() where decision.text.isEmpty && !decision.remove {
            problems.append(
                FieldProblem(
                    field: PeriodTextsField.decision(index, .text), message: Strings.decisionTextRequired(index + 1)))
        }
        for (index, risk) in risks.enumerated() where risk.description.isEmpty && !risk.remove {
            problems.append(
                FieldProblem(field: PeriodTextsField.risk(index, .text), message: Strings.riskTextRequired(index + 1)))
        }
        return problems
    }

    /// Label–value pairs for the conflict page.
    var described: [(field: String, value: String)] {
        var fields: [(String, String)] = []
        for s in sections { fields += [("\(s.title)", s.body)] }
        for (i, d) in decisions.enumerated() {
            fields.append(
                ("\(Strings.decision) \(i + 1)", d.remove ? Strings.removed : "\(d.text) (\(d.outcome.label))"))
        }
        for (i, r) in risks.enumerated() {
            fields.append(("\(Strings.risk) \(i + 1)", r.remove ? Strings.removed : r.description))
        }
        return fields
    }

    /// Writes the texts over the stored ones, with an audit entry per changed item.
    func save(
        over stored: (sections: [ProgrammeSection], decisions: [Decision], risks: [Risk]), period: ReportingPeriod,
        actor: String, address: String?, on db: any Database
    ) async throws {
        let periodID = try period.requireID()
        var records: [AuditRecord] = []
        func record(_ entity: String, _ id: UUID?, _ before: [String: String?], _ after: [String: String?]) {
            guard before != after else { return }
            records.append(
                AuditRecord(
                    at: Date(), actor: actor, address: address, action: .update, entity: entity,
                    entityID: id?.uuidString,
                    programmeID: period.$programme.id, periodID: periodID,
                    before: before.isEmpty ? nil : AuditRecord.json(before),
                    after: after.isEmpty ? nil : AuditRecord.json(after)))
        }
        for section in sections {
            guard let model = stored.sections.first(where: { $0.key == section.key }) else { continue }
            guard model.title != section.title || model.body != section.body else { continue }
            record(
                "paragraaf", model.id, ["titel": model.title, "tekst": model.body],
                ["titel": section.title, "tekst": section.body])
            model.title = section.title
            model.body = section.body
            try await model.save(on: db)
        }
        var nextPosition = (stored.decisions.map(\.position).max() ?? -1) + 1
        for decision in decisions {
            if let id = decision.id {
                guard let model = stored.decisions.first(where: { $0.id == id }) else { continue }
                let before: [String: String?] = [
                    "tekst": model.text, "gevraagd aan": model.requestedFrom, "besluit": model.outcome.rawValue,
                ]
                if decision.remove {
                    if try await DecisionRequests.isLinked(id, on: db) {
                        throw InputError(Strings.transferDecisionLinked, status: .conflict)
                    }
                    record("besluit", id, before, [:])
                    try await model.delete(on: db)
                    continue
                }
                model.text = decision.text
                model.requestedFrom = decision.requestedFrom.isEmpty ? nil : decision.requestedFrom
                model.outcome = decision.outcome
                guard model.hasChanges else { continue }
                record(
                    "besluit", id, before,
                    ["tekst": model.text, "gevraagd aan": model.requestedFrom, "besluit": model.outcome.rawValue])
                try await model.save(on: db)
                try await BudgetTransfers.follow(model, actor: actor, address: address, on: db)
                try await Postponements.follow(model, actor: actor, address: address, on: db)
            } else if !decision.remove {
                let model = Decision(periodID: periodID, position: nextPosition, text: decision.text)
                nextPosition += 1
                model.requestedFrom = decision.requestedFrom.isEmpty ? nil : decision.requestedFrom
                model.outcome = decision.outcome
                try await model.save(on: db)
                record(
                    "besluit", model.id, [:],
                    ["tekst": model.text, "gevraagd aan": model.requestedFrom, "besluit": model.outcome.rawValue])
            }
        }
        var nextRisk = (stored.risks.map(\.position).max() ?? -1) + 1
        for risk in risks {
            func values(_ r: Risk) -> [String: String?] {
                ["tekst": r.description, "oorzaak": r.cause, "gevolg": r.impact, "maatregel": r.measures]
            }
            func apply(_ model: Risk) {
                model.description = risk.description
                model.cause = risk.cause.isEmpty ? nil : risk.cause
                model.impact = risk.impact.isEmpty ? nil : risk.impact
                model.measures = risk.measures.isEmpty ? nil : risk.measures
            }
            if let id = risk.id {
                guard let model = stored.risks.first(where: { $0.id == id }) else { continue }
                let before = values(model)
                if risk.remove {
                    record("risico", id, before, [:])
                    try await model.delete(on: db)
                    continue
                }
                apply(model)
                guard model.hasChanges else { continue }
                record("risico", id, before, values(model))
                try await model.save(on: db)
            } else if !risk.remove {
                let model = Risk(periodID: periodID, position: nextRisk, description: risk.description)
                nextRisk += 1
                apply(model)
                try await model.save(on: db)
                record("risico", model.id, [:], values(model))
            }
        }
        try await AuditTrail.append(records, on: db)
    }
}
