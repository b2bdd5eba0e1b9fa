import Fluent
import Foundation
import StoplichtCore
import Vapor

/// Opening a new reporting period: every project that is not archived starts from its
/// status in the latest period — light, lights per dimension, lifecycle, remarks,
/// planning and explanation — marked as carried forward until its leader updates it. The
/// programme manager's sections and the open risks are carried forward as the draft too;
/// decisions are asked anew each period.
enum PeriodOpening {
    struct Result: Sendable {
        var period: ReportingPeriod
        var carried: Int
    }

    static func open(
        name rawName: String, in context: ProgrammeContext, actor: String, address: String?,
        on database: any Database
    ) async throws -> Result {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw InputError(Strings.periodNameRequired) }
        guard name.count <= 200 else { throw InputError(Strings.textTooLong(Strings.period, 200)) }
        let slug = Slug.make(name)
        if context.periods.contains(where: { $0.slug == slug || $0.name.lowercased() == name.lowercased() }) {
            throw InputError(Strings.periodExists(name), status: .conflict)
        }
        if let open = context.periods.first(where: { $0.state != .published }) {
            throw InputError(Strings.periodStillOpen(open.name), status: .conflict)
        }
        let span = PeriodSpan(name: name)
        if let span, let last = context.latestPeriod?.startsOn, span.start.isoDay <= last {
            throw InputError(Strings.periodNotAfter(name, context.latestPeriod?.name ?? ""))
        }
        let programmeID = try context.programme.requireID()
        let previous = context.latestPeriod
        return try await database.transaction { db in
            let period = ReportingPeriod(programmeID: programmeID, slug: slug, name: name)
            period.startsOn = span?.start.isoDay
            period.endsOn = span?.end.isoDay
            try await period.save(on: db)
            let periodID = try period.requireID()
            var carried = 0
            if let previous {
                let projects = try await Project.query(on: db).filter(\.$programme.$id == programmeID).filter(
                    \.$archived == false
                ).all()
                let ids = Set(projects.compactMap(\.id))
                let statuses = try await ProjectStatus.query(on: db).filter(\.$period.$id == previous.requireID()).all()
                    .filter { ids.contains($0.$project.id) }
                let lights = try await StatusDimensionLight.query(on: db)
                    .filter(\.$status.$id ~~ statuses.compactMap(\.id)).all()
                let lightsByStatus = Dictionary(grouping: lights, by: \.$status.id)
                var newStatuses: [ProjectStatus] = []
                var newLights: [StatusDimensionLight] = []
                for old in statuses {
                    let status = ProjectStatus(projectID: old.$project.id, periodID: periodID)
                    status.id = UUID()
                    status.light = old.light
                    status.previousLight = old.light
                    status.lifecycle = old.lifecycle
                    status.remarks = old.remarks
                    status.plannedDelivery = old.plannedDelivery
                    status.forecastDelivery = old.forecastDelivery
                    status.plannedStart = old.plannedStart
                    status.forecastStart = old.forecastStart
                    status.plannedNext = nil
                    status.achieved = nil
                    status.cause = old.cause
                    status.consequence = old.consequence
                    status.measure = old.measure
                    status.carriedForward = true
                    newStatuses.append(status)
                    for light in old.id.flatMap({ lightsByStatus[$0] }) ?? [] {
                        newLights.append(
                            StatusDimensionLight(statusID: status.id!, dimension: light.dimension, light: light.light))
                    }
                }
                for chunk in stride(from: 0, to: newStatuses.count, by: 500) {
                    try await Array(newStatuses[chunk..<min(chunk + 500, newStatuses.count)]).create(on: db)
                }
                for chunk in stride(from: 0, to: newLights.count, by: 500) {
                    try await Array(newLights[chunk..<min(chunk + 500, newLights.count)]).create(on: db)
                }
                carried = newStatuses.count
                try await carrySectionsAndRisks(from: previous, to: periodID, on: db)
            }
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: .periodOpen, entity: "periode",
                        entityID: periodID.uuidString,
                        programmeID: programmeID, periodID: periodID, before: nil,
                        after: AuditRecord.json([
                            "naam": name, "overgenomen": String(carried), "vorige": previous?.name,
                        ]))
                ], on: db)
            return Result(period: period, carried: carried)
        }
    }
}

extension PeriodOpening {
    static func carrySectionsAndRisks(from previous: ReportingPeriod, to periodID: UUID, on db: any Database)
        async throws
    {
        let previousID = try previous.requireID()
        for old in try await ProgrammeSection.query(on: db).filter(\.$period.$id == previousID).all() {
            let section = ProgrammeSection(periodID: periodID, key: old.key, position: old.position)
            section.number = old.number
            section.title = old.title
            section.body = old.body
            try await section.save(on: db)
        }
        for old in try await Risk.query(on: db).filter(\.$period.$id == previousID).all() {
            let risk = Risk(periodID: periodID, position: old.position, description: old.description)
            risk.cause = old.cause
            risk.impact = old.impact
            risk.measures = old.measures
            risk.$owner.id = old.$owner.id
            try await risk.save(on: db)
        }
    }
}

/// Who has not yet updated their projects in a period: the projects still carrying last
/// period's status, or none, grouped by leader.
struct NotYetUpdated: Sendable {
    struct Entry: Sendable {
        var leader: String
        var projects: [(number: Int, name: String)]
    }

    var entries: [Entry]
    var count: Int

    static func load(_ context: ProgrammeContext, period: ReportingPeriod, on db: any Database) async throws
        -> NotYetUpdated
    {
        let rows = try await ProjectRow.load(context, period: period, on: db)
        let pending = try await ProjectStatus.query(on: db).filter(\.$period.$id == period.requireID()).all()
        let updated = Set(pending.filter { !$0.carriedForward }.map(\.$project.id))
        let projects = try await Project.query(on: db).filter(\.$programme.$id == context.programme.requireID()).all()
        let archived = Set(projects.filter(\.archived).map(\.number))
        let updatedNumbers = Set(projects.filter { $0.id.map(updated.contains) ?? false }.map(\.number))
        var byLeader: [String: [(Int, String)]] = [:]
        var count = 0
        for row in rows
        where !updatedNumbers.contains(row.number) && !archived.contains(row.number) && row.lifecycle != .delivered
            && row.lifecycle != .stopped
        {
            count += 1
            let leaders = row.leaders.isEmpty ? [Strings.noLeader] : row.leaders.map(\.name)
            for leader in leaders { byLeader[leader, default: []].append((row.number, row.name)) }
        }
        let entries = byLeader.keys.sorted().map {
            Entry(leader: $0, projects: byLeader[$0]!.map { (number: $0.0, name: $0.1) })
        }
        return NotYetUpdated(entries: entries, count: count)
    }
}
