import Fluent
import StoplichtCore

/// Gives a programme its own set of dimensions to report lights on (GOTIK by default;
/// "Planning, Budget, Risico" elsewhere). A dimension with lights cannot be removed.
enum ProgrammeDimensionsUpdate {
    static func apply(labels: [String], toProgramme slug: String, on db: any Database) async throws {
        let dimensions = labels.map { ReportingDimension(code: Slug.make($0), label: $0) }
        guard !dimensions.isEmpty else { throw InputError("Geef ten minste één dimensie op.") }
        guard Set(dimensions.map(\.code)).count == dimensions.count else {
            throw InputError("Twee dimensies hebben dezelfde naam: \(labels.joined(separator: ", ")).")
        }
        try await db.transaction { db in
            let context = try await ProgrammeContext.load(slug: slug, on: db)
            let removed = context.dimensions.filter { old in !dimensions.contains { $0.code == old.code } }
            if !removed.isEmpty {
                let used = try await StatusDimensionLight.query(on: db)
                    .join(ProjectStatus.self, on: \StatusDimensionLight.$status.$id == \ProjectStatus.$id)
                    .join(Project.self, on: \ProjectStatus.$project.$id == \Project.$id)
                    .filter(Project.self, \.$programme.$id == context.programme.requireID())
                    .filter(\.$dimension ~~ removed.map(\.code))
                    .count()
                if used > 0 {
                    throw InputError(
                        "De dimensies \(removed.map(\.label).joined(separator: ", ")) hebben al \(used) lichten; die kunnen niet worden verwijderd."
                    )
                }
            }
            for old in removed { try await old.delete(on: db) }
            for (position, dimension) in dimensions.enumerated() {
                let programmeID = try context.programme.requireID()
                let model =
                    context.dimensions.first { $0.code == dimension.code }
                    ?? ProgrammeDimension(programmeID: programmeID, dimension: dimension, position: position)
                if model.id != nil {
                    if model.label != dimension.label { model.label = dimension.label }
                    if model.position != position { model.position = position }
                }
                if model.id == nil || model.hasChanges { try await model.save(on: db) }
            }
        }
    }
}
