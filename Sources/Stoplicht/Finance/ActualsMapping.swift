import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Vapor

/// Cost centres to projects; mapping one also maps the lines already imported on it.
enum ActualsMapping {
    static func map(
        costCentre: String, toProject number: Int, in programme: Programme,
        actor: String = "stoplicht actuals (opdrachtregel)",
        address: String? = nil, on db: any Database
    ) async throws -> Int {
        let costCentre = costCentre.trimmingCharacters(in: .whitespaces)
        guard !costCentre.isEmpty else { throw InputError(Strings.costCentreRequired, field: "kostenplaats") }
        let programmeID = try programme.requireID()
        guard let project = try await Project.find(number: number, inProgramme: programmeID, on: db) else {
            throw InputError(Strings.projectNotFound(String(number)), field: "project")
        }
        return try await db.transaction { db in
            var before: String?
            if let existing = try await CostCentreMapping.query(on: db).filter(\.$programme.$id == programmeID).filter(
                \.$costCentre == costCentre
            )
            .with(\.$project).first() {
                before = "\(existing.project.number). \(existing.project.name)"
                existing.$project.id = try project.requireID()
                try await existing.save(on: db)
            } else {
                try await CostCentreMapping(
                    programmeID: programmeID, costCentre: costCentre, projectID: project.requireID()
                ).save(on: db)
            }
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: .costCentreMap, entity: "kostenplaats",
                        entityID: costCentre,
                        programmeID: programmeID, periodID: nil,
                        before: before.flatMap { AuditRecord.json(["project": $0]) },
                        after: AuditRecord.json([
                            "kostenplaats": costCentre, "project": "\(project.number). \(project.name)",
                        ]))
                ], on: db)
            let lines = try await ActualLine.query(on: db).filter(\.$programme.$id == programmeID).filter(
                \.$costCentre == costCentre
            ).count()
            try await ActualLine.query(on: db).filter(\.$programme.$id == programmeID).filter(
                \.$costCentre == costCentre
            )
            .set(\.$project.$id, to: project.requireID()).update()
            return lines
        }
    }
}
