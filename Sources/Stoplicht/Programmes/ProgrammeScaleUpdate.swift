import Fluent
import StoplichtCore

/// Gives a programme a light scale of its own. A light still used by a status cannot be
/// removed: the report would lose its meaning.
enum ProgrammeScaleUpdate {
    static func apply(_ scale: LightScale, toProgramme slug: String, on db: any Database) async throws {
        try await db.transaction { db in
            let context = try await ProgrammeContext.load(slug: slug, on: db)
            let programmeID = try context.programme.requireID()
            let removed = Set(context.scale.lights.map(\.code)).subtracting(scale.lights.map(\.code))
            if !removed.isEmpty {
                let inUse = try await ProjectStatus.query(on: db)
                    .join(Project.self, on: \ProjectStatus.$project.$id == \Project.$id)
                    .filter(Project.self, \.$programme.$id == programmeID)
                    .filter(\.$light ~~ Array(removed))
                    .all()
                if !inUse.isEmpty {
                    let codes = Set(inUse.compactMap(\.light)).sorted().joined(separator: ", ")
                    throw InputError(
                        "De lichten \(codes) zijn nog in gebruik bij \(inUse.count) statussen; geef ze een ander licht of houd ze in de schaal."
                    )
                }
            }
            let existing = try await ProgrammeLight.query(on: db).filter(\.$programme.$id == programmeID).all()
            for light in existing where !scale.lights.contains(where: { $0.code == light.code }) {
                try await light.delete(on: db)
            }
            for definition in scale.lights {
                let light =
                    existing.first { $0.code == definition.code }
                    ?? ProgrammeLight(programmeID: programmeID, definition: definition)
                light.label = definition.label
                light.meaning = definition.meaning
                light.tone = definition.tone.rawValue
                light.rank = definition.rank
                light.isFinished = definition.isFinished
                if light.id == nil || light.hasChanges { try await light.save(on: db) }
            }
        }
    }
}
