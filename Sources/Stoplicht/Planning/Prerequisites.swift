import Fluent
import Foundation
import StoplichtCore
import Vapor

/// Adding and removing prerequisites, in the audit trail; one that would close a cycle is
/// refused with the cycle named.
enum Prerequisites {
    static func add(
        project number: Int, needs needed: Int, milestone title: String?, in context: ProgrammeContext, actor: String,
        address: String? = nil, on db: any Database
    ) async throws -> Prerequisite {
        let programmeID = try context.programme.requireID()
        guard let project = try await Project.find(number: number, inProgramme: programmeID, on: db) else {
            throw InputError(Strings.projectNotFound(String(number)), field: "project")
        }
        guard let prerequisite = try await Project.find(number: needed, inProgramme: programmeID, on: db) else {
            throw InputError(Strings.projectNotFound(String(needed)), field: "nodig")
        }
        guard number != needed else { throw InputError(Strings.prerequisiteItself, field: "nodig") }
        var milestone: ProjectItem?
        let wanted = title?.trimmingCharacters(in: .whitespaces) ?? ""
        if !wanted.isEmpty {
            let items = try await ProjectItem.query(on: db).filter(\.$project.$id == prerequisite.requireID()).all()
            guard let item = items.first(where: { $0.title.caseInsensitiveCompare(wanted) == .orderedSame }) else {
                throw InputError(
                    Strings.milestoneNotFound(
                        wanted, of: "\(prerequisite.number). \(prerequisite.name)", known: items.map(\.title)),
                    field: "mijlpaal")
            }
            milestone = item
        }
        let existing = try await Prerequisite.query(on: db).filter(\.$project.$id == project.requireID())
            .filter(\.$needs.$id == prerequisite.requireID()).all()
        if existing.contains(where: { $0.$milestone.id == milestone?.id }) {
            throw InputError(Strings.prerequisiteExists, status: .conflict, field: "nodig")
        }

        // Would it close a cycle?
        let graph = try await ProgrammeSchedule.Graph.load(context, period: context.latestPeriod, on: db)
        if let dependent = graph.projects.firstIndex(where: { $0.number == number }),
            let target = graph.projects.firstIndex(where: { $0.number == needed })
        {
            let node =
                milestone.flatMap { item in
                    graph.milestones.indices.first {
                        graph.milestones[$0].project == target && graph.milestones[$0].title == item.title
                    }.map { $0 + graph.projects.count }
                } ?? target
            do {
                _ = try SlipPropagation.propagate(
                    graph.nodes, graph.edges + [SlipPropagation.Edge(dependent: dependent, needs: node)])
            } catch {
                throw InputError(Strings.prerequisiteCycle(error.path.map(graph.label)), field: "nodig")
            }
        }
        let link = Prerequisite(
            programmeID: programmeID, projectID: try project.requireID(), needsProjectID: try prerequisite.requireID(),
            milestoneID: milestone?.id)
        let needsText =
            "\(prerequisite.number). \(prerequisite.name)" + (milestone.map { " (mijlpaal \($0.title))" } ?? "")
        try await db.transaction { db in
            try await link.save(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: .prerequisiteAdd, entity: "project",
                        entityID: project.id?.uuidString,
                        programmeID: programmeID, periodID: nil, before: nil,
                        after: AuditRecord.json(["heeft nodig": needsText]))
                ],
                on: db)
        }
        return link
    }

    static func remove(
        _ id: UUID, in context: ProgrammeContext, actor: String, address: String? = nil, on db: any Database
    ) async throws {
        guard
            let link = try await Prerequisite.query(on: db).filter(\.$id == id).filter(
                \.$programme.$id == context.programme.requireID()
            )
            .with(\.$project).with(\.$needs).with(\.$milestone).first()
        else {
            throw InputError(Strings.prerequisiteGone, status: .notFound)
        }
        try await db.transaction { db in
            try await link.delete(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: .prerequisiteRemove, entity: "project",
                        entityID: link.project.id?.uuidString,
                        programmeID: link.$programme.id, periodID: nil,
                        before: AuditRecord.json([
                            "heeft nodig": "\(link.needs.number). \(link.needs.name)"
                                + (link.milestone.map { " (mijlpaal \($0.title))" } ?? "")
                        ]),
                        after: nil)
                ], on: db)
        }
    }
}
