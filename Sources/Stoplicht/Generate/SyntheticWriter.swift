import Fluent
import Foundation
import SQLKit
import StoplichtCore

/// Writes a synthetic installation into the database: municipalities with their people,
/// programmes with the standard scale and their governance, projects with leaders and
/// sub-items, and for every period each project's status, the programme's sections, a
/// decision and risks. All periods but the last are published; the last published one is
/// published as the programme manager's desk does (its report stored with its hash), the
/// older ones are frozen as an imported history is. One programme is one transaction.
struct SyntheticWriter {
    struct Options: Sendable {
        var size: SyntheticSize
        var seed: UInt64 = 2026
        var access: ProgrammeAccess = .publishedReports
        /// Render and store the latest published report of every programme.
        var snapshots = true
        /// The year in which the last period runs.
        var currentYear = Calendar(identifier: .gregorian).component(.year, from: Date())
    }

    struct Summary: Sendable {
        var organisations = 0, programmes = 0, projects = 0, statuses = 0, publishedReports = 0
        var firstProgrammeSlug: String?
    }

    static let actor = "stoplicht generate"

    let options: Options
    let settings: Settings

    /// `progress` is told each organisation written, with the summary so far.
    func write(on db: any Database, progress: (String, Summary) -> Void = { _, _ in }) async throws -> Summary {
        guard db is any SQLDatabase else { throw InputError(Strings.generateNeedsSQL) }
        let size = options.size
        try Self.check(size)
        let first = SyntheticProgramme.municipality(0)
        if try await Organisation.query(on: db).filter(\.$name == first).count() > 0 {
            throw InputError(Strings.generateAlreadyThere(first), status: .conflict)
        }
        let periods = SyntheticPeriod.sequence(count: size.periodsPerProgramme, endingIn: options.currentYear)
        let random = SeededGenerator(seed: options.seed)
        var summary = Summary()
        for o in 0..<size.organisations {
            var orgRandom = random.derived(o)
            let name = SyntheticProgramme.municipality(o)
            let organisation = Organisation(name: name, kind: .municipality)
            try await organisation.save(on: db)
            let peopleCount = max(8, min(400, size.programmesPerOrganisation * size.projectsPerProgramme / 4 + 5))
            let people = try await writePeople(
                SyntheticProgramme.people(peopleCount, random: &orgRandom),
                organisationID: organisation.requireID(), on: db)
            for p in 0..<size.programmesPerOrganisation {
                let programme = SyntheticProgramme(
                    index: p, projects: size.projectsPerProgramme, periods: periods,
                    people: people.count, random: orgRandom.derived(p))
                let slug = Slug.make("\(name.replacingOccurrences(of: "Gemeente ", with: "")) \(programme.name)")
                let (periodIDs, publishable) = try await db.transaction { db in
                    try await write(
                        programme, slug: slug, organisationID: organisation.requireID(), people: people, on: db)
                }
                if let publishable {
                    let (_, period) = try await PeriodPublication.find(programme: slug, period: publishable, on: db)
                    // Generated data for measurements: its documents are made at their first request.
                    _ = try await PeriodPublication.publish(
                        programme: slug, period: period, actor: Self.actor, settings: settings, on: db,
                        documents: false)
                    summary.publishedReports += 1
                }
                summary.programmes += 1
                summary.projects += programme.projects.count
                summary.statuses += programme.projects.count * periodIDs.count
                if summary.firstProgrammeSlug == nil { summary.firstProgrammeSlug = slug }
            }
            summary.organisations += 1
            progress(name, summary)
        }
        return summary
    }

    static func check(_ size: SyntheticSize) throws {
        let limits = SyntheticSize.maximum
        let asked = [
            ("organisaties", size.organisations, limits.organisations),
            ("programma's per organisatie", size.programmesPerOrganisation, limits.programmesPerOrganisation),
            ("projecten per programma", size.projectsPerProgramme, limits.projectsPerProgramme),
            ("perioden per programma", size.periodsPerProgramme, limits.periodsPerProgramme),
        ]
        for (what, value, limit) in asked where !(1...limit).contains(value) {
            throw InputError(Strings.generateOutOfRange(what, value, limit))
        }
    }

    private func writePeople(_ names: [String], organisationID: UUID, on db: any Database) async throws -> [UUID] {
        let sql = try db.sqlDatabase()
        var rows = BulkInsert(Person.schema, columns: ["id", "organisation_id", "name"])
        var ids: [UUID] = []
        for name in names {
            let id = UUID()
            ids.append(id)
            try await rows.append([id, organisationID, name], on: sql)
        }
        try await rows.flush(on: sql)
        return ids
    }

    /// Writes one programme; answers its periods' ids and the slug of the period to publish
    /// with a stored report (the last but one), if there is one.
    private func write(
        _ programme: SyntheticProgramme, slug: String, organisationID: UUID, people: [UUID],
        on db: any Database
    ) async throws -> ([UUID], String?) {
        let sql = try db.sqlDatabase()
        let now = Date()
        let model = Programme(organisationID: organisationID, slug: slug, name: programme.name)
        model.reportTitle = "Voortgangsrapportage programma \(programme.name)"
        model.duration = "\(programme.periods.first?.year ?? 0)-\((programme.periods.last?.year ?? 0) + 1)"
        model.access = options.access
        try await model.save(on: db)
        let programmeID = try model.requireID()
        try await LightScale.standard.lights.map { ProgrammeLight(programmeID: programmeID, definition: $0) }.create(
            on: db)
        try await [
            (ProgrammeOfficial.Role.politicalSponsor, programme.sponsor),
            (.administrativeSponsor, programme.administrativeSponsor),
            (.programmeManager, programme.manager), (.portfolioHolder, programme.portfolioHolder),
        ]
        .map { ProgrammeOfficial(programmeID: programmeID, personID: people[$0.1], role: $0.0, position: 0) }
        .create(on: db)

        var periodRows = BulkInsert(
            ReportingPeriod.schema,
            columns: [
                "id", "programme_id", "slug", "name", "starts_on", "ends_on", "state", "created_at", "updated_at",
            ])
        let periodIDs = programme.periods.map { _ in UUID() }
        for (id, period) in zip(periodIDs, programme.periods) {
            try await periodRows.append(
                [
                    id, programmeID, Slug.make(period.name), period.name, period.startsOn, period.endsOn,
                    ReportingPeriod.State.open.rawValue, now, now,
                ], on: sql)
        }
        try await periodRows.flush(on: sql)

        try await writeProjects(
            programme, programmeID: programmeID, periodIDs: periodIDs, people: people, now: now, on: sql)
        try await writeTexts(periodIDs: periodIDs, people: people, on: sql)

        // Everything is in; now freeze the history (the triggers refuse rows in a published
        // period). The last but one is published after the transaction, with its report, unless
        // no reports are stored; only the last stays open.
        let publishesLater = options.snapshots && periodIDs.count > 1
        let history = Array(periodIDs.dropLast(publishesLater ? 2 : 1))
        if !history.isEmpty {
            try await sql.update(ReportingPeriod.schema).set("state", to: ReportingPeriod.State.published.rawValue)
                .where("id", .in, history).run()
        }
        try await AuditTrail.append(
            [
                AuditRecord(
                    at: now, actor: Self.actor, action: .generate, entity: "programma",
                    entityID: programmeID.uuidString,
                    programmeID: programmeID, periodID: nil, before: nil,
                    after: AuditRecord.json([
                        "projecten": String(programme.projects.count), "perioden": String(periodIDs.count),
                    ]))
            ], on: db)
        let publishable = publishesLater ? Slug.make(programme.periods[programme.periods.count - 2].name) : nil
        return (periodIDs, publishable)
    }

    private func writeProjects(
        _ programme: SyntheticProgramme, programmeID: UUID, periodIDs: [UUID], people: [UUID],
        now: Date, on sql: any SQLDatabase
    ) async throws {
        var projects = BulkInsert(
            Project.schema,
            columns: [
                "id", "programme_id", "number", "name", "lifecycle", "phase", "archived", "created_at", "updated_at",
            ])
        var leaders = BulkInsert(ProjectLeader.schema, columns: ["id", "project_id", "person_id", "position"])
        var items = BulkInsert(ProjectItem.schema, columns: ["id", "project_id", "position", "title", "done"])
        var statuses = BulkInsert(
            ProjectStatus.schema,
            columns: [
                "id", "project_id", "period_id", "light", "previous_light", "lifecycle", "remarks", "achieved",
                "planned_next",
                "cause", "consequence", "measure", "planned_start", "planned_delivery", "forecast_delivery",
                "revision", "carried_forward", "updated_by", "updated_at",
            ])
        // Parents before children: the foreign keys are checked per statement, and a full
        // batch of statuses is sent before the loop ends.
        let projectIDs = programme.projects.map { _ in UUID() }
        for (projectID, project) in zip(projectIDs, programme.projects) {
            try await projects.append(
                [
                    projectID, programmeID, project.number, project.name,
                    (project.statuses.last?.lifecycle ?? .running).rawValue, project.phase?.rawValue,
                    false, now, now,
                ], on: sql)
        }
        try await projects.flush(on: sql)
        for (projectID, project) in zip(projectIDs, programme.projects) {
            for (position, leader) in project.leaders.enumerated() {
                try await leaders.append([UUID(), projectID, people[leader], position], on: sql)
            }
            for (position, title) in project.items.enumerated() {
                try await items.append([UUID(), projectID, position, title, false], on: sql)
            }
            for (periodID, s) in zip(periodIDs, project.statuses) {
                try await statuses.append(
                    [
                        UUID(), projectID, periodID, s.light, s.previousLight, s.lifecycle.rawValue, s.remarks,
                        s.achieved, s.plannedNext, s.cause, s.consequence, s.measure, s.plannedStart,
                        s.plannedDelivery, s.forecastDelivery, 1, false, Self.actor, now,
                    ], on: sql)
            }
        }
        try await leaders.flush(on: sql)
        try await items.flush(on: sql)
        try await statuses.flush(on: sql)
    }

    private func writeTexts(periodIDs: [UUID], people: [UUID], on sql: any SQLDatabase) async throws {
        var sections = BulkInsert(
            ProgrammeSection.schema, columns: ["id", "period_id", "key", "number", "title", "body", "position"])
        var decisions = BulkInsert(
            Decision.schema, columns: ["id", "period_id", "position", "text", "requested_from", "outcome"])
        var risks = BulkInsert(
            Risk.schema,
            columns: ["id", "period_id", "position", "description", "cause", "impact", "measures", "owner_id"])
        for (index, periodID) in periodIDs.enumerated() {
            for (position, section) in SyntheticProgramme.sections.enumerated() {
                try await sections.append(
                    [UUID(), periodID, section.key, section.number, section.title, section.body, position], on: sql)
            }
            let isLast = index == periodIDs.count - 1
            let decision = SyntheticProgramme.decisions[index % SyntheticProgramme.decisions.count]
            try await decisions.append(
                [
                    UUID(), periodID, 0, decision, "college",
                    (isLast ? Decision.Outcome.requested : .approved).rawValue,
                ], on: sql)
            for (position, risk) in SyntheticProgramme.risks.prefix(2 + index % 2).enumerated() {
                try await risks.append(
                    [
                        UUID(), periodID, position, risk.description, risk.cause, risk.impact, risk.measures,
                        people[(index + position) % people.count],
                    ], on: sql)
            }
        }
        try await sections.flush(on: sql)
        try await decisions.flush(on: sql)
        try await risks.flush(on: sql)
    }
}
