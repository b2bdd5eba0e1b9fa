import Fluent
import Foundation
import StoplichtCore

/// Where an imported report goes. Names left nil are taken from the report itself. An
/// existing programme is named by its id (`programmeID`), which decides alone: names are
/// unique only within a municipality.
struct ImportTarget: Sendable {
    var organisation: String
    var programme: String?
    var programmeID: UUID?
    var period: String?
    /// Who imports, from where, and which file: for the audit trail.
    var actor = "stoplicht import (opdrachtregel)"
    var address: String?
    var source: String?
    /// The rows of the report the programme manager left out, by `ProjectChange.key`:
    /// nothing of theirs is written. A key the plan does not have refuses the import.
    var leaveOut: Set<String> = []
    /// Whether advice names the command line's options (else the import page's choices).
    var isCommandLine = true
}

/// What an import did — or, in a dry run, would do — for the command line, the upload
/// page and the tests.
struct ImportSummary: Sendable {
    var programmeSlug: String
    var periodSlug: String
    var programmeName = ""
    var periodName = ""
    /// The programme's scale the lights were matched on.
    var scale = LightScale.standard
    var fieldChanges: [FieldChange] = []
    var programmeID: UUID?
    var periodID: UUID?
    var projects: Int
    var created = 0
    var updated = 0
    var warnings: [ImportWarning]
    /// Per project in the report: new, changed (which fields) or unchanged.
    var projectChanges: [ProjectChange] = []

    var changedAnything: Bool { created + updated > 0 }
    /// The rows the programme manager left out.
    var leftOut: [ProjectChange] { projectChanges.filter { $0.action == .leftOut } }
}

struct ProjectChange: Sendable, Equatable {
    enum Action: String, Sendable, Codable {
        case created = "nieuw"
        case updated = "gewijzigd"
        case unchanged = "ongewijzigd"
        /// Left out by the programme manager: nothing of this row is written.
        case leftOut = "niet overgenomen"
    }

    /// What a changed value is, for how the page shows it.
    enum Kind: String, Sendable, Codable {
        case light, lifecycle, date, text, list, plain
    }

    /// One changed value, before and after, as stored (light codes, storage dates, Markdown).
    struct Detail: Sendable, Equatable, Codable {
        var field: String
        var kind: Kind
        var before: String?
        var after: String?
    }

    /// A save of the status in this period by someone other than an import: who (their
    /// e-mail address, as the status keeps it; pages show their name) and when.
    struct Edit: Sendable, Equatable {
        var by: String
        var at: Date?
    }

    var number: Int
    var name: String
    var action: Action
    /// Dutch names of the fields that change: "naam", "stoplicht", "toelichting".
    var fields: [String]
    /// Codes on the programme's scale.
    var light: String?
    var dimensionLights: [String: String]
    var previousLight: String?
    var expectedLight: String?
    /// Which row this is when it is left out: the project's id, or `rij-N` (its place in
    /// the report) for a project the import would create. Ids, not names, decide.
    var key = ""
    /// Each changed value, before and after.
    var details: [Detail] = []
    /// The update of this period's status the import would overwrite, if it was a person's.
    var overwrites: Edit?
}

/// Writes a parsed report into the database: organisation, programme, people, period,
/// projects, statuses, sections, decisions and risks. Matching is by name, number and
/// key, and a row is only written when a value differs, so importing the same file twice
/// changes nothing.
struct ReportImporter {
    var database: any Database

    func run(_ report: ParsedReport, into target: ImportTarget) async throws -> ImportSummary {
        try await write(report, into: target, keep: true)
    }

    /// Everything `run` would do, reported but not kept: the writes happen in a
    /// transaction that is rolled back, so the plan is exactly what an import would do.
    func dryRun(_ report: ParsedReport, into target: ImportTarget) async throws -> ImportSummary {
        try await write(report, into: target, keep: false)
    }

    /// One entry for the import, one per project it created, one per record it changed
    /// (with every changed field before and after).
    static func auditRecords(_ summary: ImportSummary, target: ImportTarget, now: Date = Date()) -> [AuditRecord] {
        func record(_ entity: String, _ id: String?, before: String?, after: String?) -> AuditRecord {
            AuditRecord(
                at: now, actor: target.actor, address: target.address, action: .importReport, entity: entity,
                entityID: id,
                programmeID: summary.programmeID, periodID: summary.periodID, before: before, after: after)
        }
        var file: [String: String?] = [
            "bestand": target.source, "programma": summary.programmeSlug, "periode": summary.periodSlug,
            "nieuw": String(summary.created), "gewijzigd": String(summary.updated),
        ]
        // The rows left out by the programme manager, by project number.
        let leftOut = summary.leftOut
        if !leftOut.isEmpty {
            file["niet overgenomen"] = leftOut.prefix(1000).map { String($0.number) }.joined(separator: ", ")
        }
        var records = [record("bestand", target.source, before: nil, after: AuditRecord.json(file))]
        for change in summary.projectChanges where change.action == .created {
            records.append(
                record(
                    "project", String(change.number), before: nil,
                    after: AuditRecord.json([
                        "nummer": String(change.number), "naam": change.name, "stoplicht": change.light,
                    ])))
        }
        var order: [String] = []
        var grouped: [String: [FieldChange]] = [:]
        for change in summary.fieldChanges {
            let key = "\(change.entity)/\(change.id)"
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(change)
        }
        for key in order {
            let changes = grouped[key]!
            records.append(
                record(
                    changes[0].entity, changes[0].id.uuidString,
                    before: AuditRecord.json(
                        Dictionary(changes.map { ($0.field, $0.before) }, uniquingKeysWith: { first, _ in first })),
                    after: AuditRecord.json(
                        Dictionary(changes.map { ($0.field, $0.after) }, uniquingKeysWith: { _, last in last }))))
        }
        return records
    }

    /// A unique key or other constraint the database refused (SQLite's or PostgreSQL's words).
    static func isConstraintViolation(_ error: any Error) -> Bool {
        let text = String(reflecting: error).lowercased()
        return text.contains("constraint") || text.contains("unique") || text.contains("duplicate key")
            || text.contains("23505")
    }

    private struct RollBack: Error {
        var summary: ImportSummary
    }

    private func write(_ report: ParsedReport, into target: ImportTarget, keep: Bool) async throws -> ImportSummary {
        guard let programmeName = target.programme ?? report.programmeName else {
            throw InputError(Strings.importNeedsProgramme(commandLine: target.isCommandLine))
        }
        guard let periodName = target.period ?? report.periodName else {
            throw InputError(Strings.importNeedsPeriod(commandLine: target.isCommandLine))
        }
        do {
            return try await database.transaction { db in
                var writer = ImportWriter(db: db)
                let summary: ImportSummary
                do {
                    summary = try await writer.write(
                        report, organisation: target.organisation, programme: programmeName,
                        programmeID: target.programmeID, period: periodName, leaveOut: target.leaveOut)
                    // A row left out that this plan does not have: the file or the database
                    // changed since the preview, or the form was not the preview's. Nothing is kept.
                    if !target.leaveOut.isEmpty, !target.leaveOut.isSubset(of: summary.projectChanges.map(\.key)) {
                        throw InputError(Strings.importLeaveOutUnknown, status: .conflict)
                    }
                } catch  where !keep && Self.isConstraintViolation(error) {
                    // A dry run shows the conflict instead of failing on it.
                    var partial = ImportSummary(
                        programmeSlug: Slug.make(programmeName), periodSlug: Slug.make(periodName),
                        projects: report.projects.count, created: writer.created, updated: writer.updated,
                        warnings: report.warnings)
                    db.logger.warning(
                        "import dry run: constraint violation", metadata: ["error": "\(String(reflecting: error))"])
                    partial.warnings.append(
                        ImportWarning(
                            line: 0,
                            message:
                                "De proefimport stuitte op een conflict in de database (twee records met dezelfde sleutel). Een echte import van dit bestand wordt geweigerd en slaat niets op; de projecten zijn gelezen maar niet met de database vergeleken. Meld dit met het bestand aan de beheerder."
                        ))
                    throw RollBack(summary: partial)
                }
                if !keep { throw RollBack(summary: summary) }
                if summary.changedAnything {
                    try await AuditTrail.append(Self.auditRecords(summary, target: target), on: db)
                }
                return summary
            }
        } catch let rollBack as RollBack {
            return rollBack.summary
        }
    }
}
