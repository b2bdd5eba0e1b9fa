import Fluent
import FluentSQL
import Foundation
import Vapor

/// Moving a period through its states: open → in review (ter controle) → published. Publishing stores the
/// report page as it is at that moment, with its SHA-256; from then on the period is frozen.
enum PeriodPublication {
    static func find(programme slug: String, period periodSlug: String?, on db: any Database) async throws -> (
        ProgrammeContext, ReportingPeriod
    ) {
        let context = try await ProgrammeContext.load(slug: slug, on: db)
        guard let period = try periodSlug.map({ try context.period(slug: $0) }) ?? context.latestPeriod else {
            throw InputError(Strings.noPeriods)
        }
        return (context, period)
    }

    /// Open ↔ in review; a published period moves no more.
    static func move(_ period: ReportingPeriod, to state: ReportingPeriod.State, actor: String, on db: any Database)
        async throws
    {
        guard period.state != .published else {
            throw InputError(Strings.periodIsPublished(period.name), status: .conflict)
        }
        guard state != .published else { throw InputError("Publiceren gaat met ‘stoplicht period publish’.") }
        let before = period.state
        guard before != state else { return }
        try await db.transaction { db in
            period.state = state
            try await period.save(on: db)
            try await AuditTrail.append(
                [record(period, action: .periodState, before: before, after: state, actor: actor)], on: db)
        }
    }

    /// Renders the period's report, stores it and its documents (`PublishedDocuments`) with
    /// their hashes and freezes the period. Without `documents` (generated data) they are
    /// made at their first request instead.
    static func publish(
        programme slug: String, period: ReportingPeriod, actor: String, settings: Settings,
        on db: any Database, now: Date = Date(), documents storingDocuments: Bool = true,
        logger: Logger = Logger(label: "stoplicht.publication")
    ) async throws -> PublishedReport {
        guard period.state != .published else {
            throw InputError(Strings.periodIsPublished(period.name), status: .conflict)
        }
        let model = try await ReportPageModel.query(programme: slug, period: period.slug, on: db)
        // The stored report is the published one: its cover says so, not the state it had
        // a moment before (the model's period is its own copy, read for the rendering).
        model.period.state = .published
        let html = ReportPageView.page(model, settings: settings).render()
        let documents =
            try await storingDocuments ? PublishedDocuments.render(model, settings: settings, logger: logger) : []
        let before = period.state
        return try await db.transaction { db in
            // The state as it is now, under the period's row lock: rendering took seconds, in
            // which someone may have reopened or published it (a published row takes no lock:
            // the database refuses every write to it, so that is asked first).
            for lock in [false, true] {
                if lock { try await ReportingPeriod.lock(period.requireID(), on: db) }
                guard try await ReportingPeriod.find(period.requireID(), on: db)?.state == before else {
                    throw InputError(Strings.periodMovedMeanwhile(period.name), status: .conflict)
                }
            }
            let snapshot = PublishedReport(
                periodID: try period.requireID(), html: html, publishedAt: now, publishedBy: actor)
            try await snapshot.save(on: db)
            if let finance = model.finance {
                try await FinanceSnapshot(periodID: try period.requireID(), report: finance, takenAt: now).save(on: db)
            }
            period.state = .published
            try await period.save(on: db)
            // After the state: the database lets documents in for a published period only.
            try await PublishedDocuments.store(documents, periodID: try period.requireID(), at: now, on: db)
            var entry = record(period, action: .periodPublish, before: before, after: .published, actor: actor)
            entry.after = AuditRecord.json([
                "status": ReportingPeriod.State.published.rawValue, "sha256": snapshot.sha256,
            ])
            try await AuditTrail.append([entry], on: db)
            return snapshot
        }
    }

    private static func record(
        _ period: ReportingPeriod, action: AuditAction, before: ReportingPeriod.State,
        after: ReportingPeriod.State, actor: String
    ) -> AuditRecord {
        AuditRecord(
            at: Date(), actor: actor, action: action, entity: "periode", entityID: period.id?.uuidString,
            programmeID: period.$programme.id, periodID: period.id,
            before: AuditRecord.json(["status": before.rawValue]), after: AuditRecord.json(["status": after.rawValue]))
    }
}

/// `stoplicht period review|reopen|publish [--programme …] [--period …]`.
struct PeriodCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "review, reopen of publish")
        var action: String
        @Option(name: "programme", help: "Het programma (bijv. dienstverlening); standaard het enige.")
        var programme: String?
        @Option(name: "period", help: "De periode (bijv. juni-t-m-oktober-2018); standaard de laatste.")
        var period: String?
    }

    var help: String {
        "Zet een rapportageperiode ter controle, weer open, of publiceert haar (daarna is zij bevroren)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let slug = try await ReportCommand.programme(signature.programme, on: app.db)
        let (_, period) = try await PeriodPublication.find(programme: slug, period: signature.period, on: app.db)
        let actor = "stoplicht period (opdrachtregel)"
        switch signature.action {
        case "review":
            try await PeriodPublication.move(period, to: .inReview, actor: actor, on: app.db)
            context.console.print("De periode \(period.name) staat ter controle.")
        case "reopen":
            try await PeriodPublication.move(period, to: .open, actor: actor, on: app.db)
            context.console.print("De periode \(period.name) is weer open.")
        case "publish":
            let snapshot = try await PeriodPublication.publish(
                programme: slug, period: period, actor: actor, settings: app.settings,
                on: app.db, logger: app.logger)
            context.console.print(
                "De rapportage \(period.name) is gepubliceerd (SHA-256 \(snapshot.sha256)); de periode is bevroren.")
        default:
            throw InputError("Onbekende actie ‘\(signature.action)’; kies review, reopen of publish.")
        }
    }
}
