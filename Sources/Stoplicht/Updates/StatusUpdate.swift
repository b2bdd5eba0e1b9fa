import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Vapor

/// Saves a checked `StatusInput` as a project's status in a period, with its lights per
/// dimension and an audit entry, or reports a conflict: someone saved the status after the
/// form was shown. The revision is claimed by one conditional UPDATE, so of two concurrent
/// saves exactly one wins, on SQLite and PostgreSQL alike.
struct StatusUpdate {
    var project: Project
    var period: ReportingPeriod
    var context: ProgrammeContext
    var actor: String
    var address: String?

    enum Outcome {
        case saved(ProjectStatus)
        /// The status as it is now, saved by someone else since the form's revision.
        case conflict(current: ProjectStatus, dimensionLights: [StatusDimensionLight])
    }

    struct Conflict: Error {}

    func save(_ input: StatusInput, on database: any Database) async throws -> Outcome {
        guard period.state != .published else {
            throw InputError(Strings.periodIsPublished(period.name), status: .conflict)
        }
        do {
            return try await database.transaction { db in
                try await db.writeFirst()
                let existing = try await Self.status(project: project, period: period, on: db)
                let status: ProjectStatus
                if let current = existing?.status {
                    status = current
                } else {
                    status = ProjectStatus(projectID: try project.requireID(), periodID: try period.requireID())
                }
                let before = StatusInput(status: existing?.status, dimensionLights: existing?.dimensionLights ?? [])
                if let current = existing?.status {
                    guard try await RevisionClaim.claim(status: current.requireID(), expected: input.revision, on: db)
                    else {
                        throw Conflict()
                    }
                } else if input.revision != 0 {
                    throw Conflict()  // the status the form showed is gone
                }
                apply(input, to: status)
                status.revision = input.revision + 1
                do {
                    try await status.save(on: db)
                } catch let error as any DatabaseError where error.isConstraintFailure && existing == nil {
                    throw Conflict()  // two first saves of the same status at once: the other one was first
                }
                try await writeDimensionLights(
                    input.dimensionLights, status: status, existing: existing?.dimensionLights ?? [], on: db)
                if project.lifecycle != input.lifecycle, period.id == context.latestPeriod?.id {
                    project.lifecycle = input.lifecycle
                    try await project.save(on: db)
                }
                try await AuditTrail.append([auditRecord(status, before: before, after: input)], on: db)
                return .saved(status)
            }
        } catch is Conflict {
            guard let current = try await Self.status(project: project, period: period, on: database) else {
                throw InputError(Strings.statusGone, status: .conflict)
            }
            return .conflict(current: current.status, dimensionLights: current.dimensionLights)
        }
    }

    private func apply(_ input: StatusInput, to status: ProjectStatus) {
        status.light = input.light
        status.lifecycle = input.lifecycle
        status.remarks = input.remarks
        status.achieved = input.achieved.isEmpty ? nil : input.achieved
        status.plannedNext = input.plannedNext.isEmpty ? nil : input.plannedNext
        status.plannedDelivery = input.plannedDate?.storageValue
        status.forecastDelivery = input.forecastDate?.storageValue
        status.plannedStart = input.plannedStartDate?.storageValue
        status.forecastStart = input.forecastStartDate?.storageValue
        status.cause = input.cause.isEmpty ? nil : input.cause
        status.consequence = input.consequence.isEmpty ? nil : input.consequence
        status.measure = input.measure.isEmpty ? nil : input.measure
        status.carriedForward = false
        status.updatedBy = actor
    }

    private func writeDimensionLights(
        _ wanted: [String: String], status: ProjectStatus, existing: [StatusDimensionLight],
        on db: any Database
    ) async throws {
        let statusID = try status.requireID()
        for light in existing where wanted[light.dimension] == nil { try await light.delete(on: db) }
        for (dimension, code) in wanted.sorted(by: { $0.key < $1.key }) {
            if let light = existing.first(where: { $0.dimension == dimension }) {
                if light.light != code {
                    light.light = code
                    try await light.save(on: db)
                }
            } else {
                try await StatusDimensionLight(statusID: statusID, dimension: dimension, light: code).save(on: db)
            }
        }
    }

    /// Only the fields that changed, before and after.
    private func auditRecord(_ status: ProjectStatus, before: StatusInput, after: StatusInput) -> AuditRecord {
        let old = before.described(scale: context.scale, dimensions: context.dimensions)
        let new = after.described(scale: context.scale, dimensions: context.dimensions)
        var beforeFields: [String: String?] = ["project": String(project.number)]
        var afterFields: [String: String?] = ["project": String(project.number)]
        for (o, n) in zip(old, new) where o.value != n.value {
            beforeFields[o.field] = o.value
            afterFields[n.field] = n.value
        }
        return AuditRecord(
            at: Date(), actor: actor, address: address, action: .update, entity: "status",
            entityID: status.id?.uuidString,
            programmeID: context.programme.id, periodID: period.id,
            before: AuditRecord.json(beforeFields), after: AuditRecord.json(afterFields))
    }

    /// A project's status in a period with its lights per dimension.
    static func status(project: Project, period: ReportingPeriod, on db: any Database) async throws
        -> (status: ProjectStatus, dimensionLights: [StatusDimensionLight])?
    {
        guard
            let status = try await ProjectStatus.query(on: db)
                .filter(\.$project.$id == project.requireID()).filter(\.$period.$id == period.requireID()).first()
        else { return nil }
        let lights = try await StatusDimensionLight.query(on: db).filter(\.$status.$id == status.requireID()).all()
        return (status, lights)
    }
}
