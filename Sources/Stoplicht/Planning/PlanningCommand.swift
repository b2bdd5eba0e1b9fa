import Fluent
import Foundation
import StoplichtCore
import Vapor

/// `stoplicht planning needs --project 18 --needs 16 [--milestone "Pilot"]`, `drop` (the
/// same options), `milestone --project 16 --item "Pilot" --date "Q1 2019" [--done]` and
/// `check`: which projects can no longer keep their plan, with their earliest dates.
struct PlanningCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "needs, drop, milestone of check")
        var action: String
        @Option(name: "programme", help: "Het programma (zoals in de adresbalk); standaard het enige.")
        var programme: String?
        @Option(name: "project", help: "Het projectnummer.")
        var project: Int?
        @Option(name: "needs", help: "Met needs en drop: het project dat eerst af moet zijn.")
        var needs: Int?
        @Option(name: "milestone", help: "Met needs: alleen deze mijlpaal (onderdeel) van dat project.")
        var milestone: String?
        @Option(name: "item", help: "Met milestone: het onderdeel, zoals het onder het project staat.")
        var item: String?
        @Option(name: "date", help: "Met milestone: de (verwachte) datum, bijv. \"Q1 2019\" of \"maart 2019\".")
        var date: String?
        @Flag(name: "done", help: "Met milestone: de mijlpaal is bereikt.")
        var done: Bool
    }

    var help: String { "Randvoorwaarden tussen projecten, mijlpalen, en welke planningen niet meer haalbaar zijn." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        let slug = try await ReportCommand.programme(signature.programme, on: db)
        let programme = try await ProgrammeContext.load(slug: slug, on: db)
        let actor = "stoplicht planning (opdrachtregel)"
        switch signature.action {
        case "needs":
            guard let project = signature.project, let needs = signature.needs else {
                throw InputError(Strings.planningUsage)
            }
            _ = try await Prerequisites.add(
                project: project, needs: needs, milestone: signature.milestone, in: programme, actor: actor, on: db)
            context.console.print(
                "Project \(project) heeft nu \(needs)\(signature.milestone.map { " (mijlpaal \($0))" } ?? "") nodig.")
        case "drop":
            guard let project = signature.project, let needs = signature.needs else {
                throw InputError(Strings.planningUsage)
            }
            let links = try await ProgrammeSchedule.load(programme, period: nil, on: db).links
                .filter {
                    $0.project == project && $0.needsProject == needs
                        && ($0.milestone ?? "") == (signature.milestone ?? "")
                }
            guard let link = links.first else { throw InputError(Strings.prerequisiteGone) }
            try await Prerequisites.remove(link.id, in: programme, actor: actor, on: db)
            context.console.print("Project \(project) heeft \(needs) niet meer nodig.")
        case "milestone":
            guard let project = signature.project, let item = signature.item else {
                throw InputError(Strings.planningUsage)
            }
            try await Milestones.set(
                project: project, item: item, date: signature.date ?? "", done: signature.done, in: programme,
                actor: actor, on: db)
            context.console.print("Mijlpaal ‘\(item)’ van project \(project) bijgewerkt.")
        case "check":
            let schedule = try await ProgrammeSchedule.load(programme, period: nil, on: db)
            let late = schedule.infeasible
            context.console.print(late.isEmpty ? Strings.allPlansFeasible : Strings.plansInfeasible(late.count))
            for entry in late { context.console.print("- " + Strings.infeasibleLine(entry)) }
        default:
            throw InputError(Strings.planningUsage)
        }
    }
}

/// A milestone's date and done state, in the audit trail.
enum Milestones {
    /// The project page's form: every milestone's date and done state at once, all or nothing;
    /// `fields` holds `MilestoneField` date and done per milestone position.
    static func update(
        project number: Int, fields: FormFields, in context: ProgrammeContext, actor: String, address: String?,
        on db: any Database
    ) async throws {
        guard let project = try await Project.find(number: number, inProgramme: context.programme.requireID(), on: db)
        else {
            throw InputError(Strings.projectNotFound(String(number)), status: .notFound)
        }
        let items = try await ProjectItem.query(on: db).filter(\.$project.$id == project.requireID()).sort(\.$position)
            .all()
        var records: [AuditRecord] = []
        for item in items {
            let text = fields.text(MilestoneField.date.of(item.position))
            var date: String?
            if !text.isEmpty {
                guard let parsed = PlanDate(parsing: text) else {
                    throw InputError(Strings.planDateUnreadable(text), field: MilestoneField.date.short(item.position))
                }
                date = parsed.storageValue
            }
            let done = fields.text(MilestoneField.done.of(item.position)) == "ja"
            let current = item.forecast ?? item.planned
            guard current != date || item.done != done else { continue }
            func shown(_ storage: String?) -> String? { storage.flatMap(PlanDate.init(storageValue:))?.description }
            records.append(
                AuditRecord(
                    at: Date(), actor: actor, address: address, action: .milestoneUpdate, entity: "project",
                    entityID: project.id?.uuidString, programmeID: context.programme.id, periodID: nil,
                    before: AuditRecord.json([
                        "mijlpaal": item.title, "datum": shown(current), "bereikt": item.done ? "ja" : "nee",
                    ]),
                    after: AuditRecord.json([
                        "mijlpaal": item.title, "datum": shown(date), "bereikt": done ? "ja" : "nee",
                    ])))
            if item.planned == nil || date == nil {
                item.planned = date
                item.forecast = nil
            } else if date != item.planned {
                item.forecast = date
            } else {
                item.forecast = nil
            }
            item.done = done
        }
        let changed = items.filter(\.hasChanges)
        let audit = records
        try await db.transaction { db in
            for item in changed { try await item.save(on: db) }
            try await AuditTrail.append(audit, on: db)
        }
    }

    static func set(
        project number: Int, item title: String, date text: String, done: Bool, in context: ProgrammeContext,
        actor: String,
        address: String? = nil, on db: any Database
    ) async throws {
        guard let project = try await Project.find(number: number, inProgramme: context.programme.requireID(), on: db)
        else {
            throw InputError(Strings.projectNotFound(String(number)), field: "project")
        }
        let items = try await ProjectItem.query(on: db).filter(\.$project.$id == project.requireID()).all()
        guard
            let item = items.first(where: {
                $0.title.caseInsensitiveCompare(title.trimmingCharacters(in: .whitespaces)) == .orderedSame
            })
        else {
            throw InputError(
                Strings.milestoneNotFound(title, of: "\(project.number). \(project.name)", known: items.map(\.title)),
                field: "mijlpaal")
        }
        var forecast: String?
        if !text.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let date = PlanDate(parsing: text) else {
                throw InputError(Strings.planDateUnreadable(text), field: "datum")
            }
            forecast = date.storageValue
        }
        let before: [String: String?] = [
            "mijlpaal": item.title, "datum": item.forecast ?? item.planned, "bereikt": item.done ? "ja" : "nee",
        ]
        if item.planned == nil { item.planned = forecast } else { item.forecast = forecast }
        item.done = done
        let after: [String: String?] = [
            "mijlpaal": item.title, "datum": item.forecast ?? item.planned, "bereikt": item.done ? "ja" : "nee",
        ]
        try await db.transaction { db in
            try await item.save(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: .milestoneUpdate, entity: "project",
                        entityID: project.id?.uuidString,
                        programmeID: context.programme.id, periodID: nil, before: AuditRecord.json(before),
                        after: AuditRecord.json(after))
                ], on: db)
        }
    }
}
