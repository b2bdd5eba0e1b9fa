import Fluent
import Foundation

/// New rows of a large import, written in multi-row INSERTs instead of one statement
/// each: a report of thousands of projects creates projects, leaders, sub-items, statuses
/// and their lights in a few hundred statements. Ids are given when a row is staged, so
/// later rows can refer to it; the batches are written parents first.
struct ImportBatches {
    /// Rows per INSERT: 500 rows of at most a dozen columns stays far below SQLite's and
    /// PostgreSQL's limits on bound values.
    static let rowsPerStatement = 500

    private var projects: [Project] = []
    private var items: [ProjectItem] = []
    private var leaders: [ProjectLeader] = []
    private var statuses: [ProjectStatus] = []
    private var dimensionLights: [StatusDimensionLight] = []

    var count: Int { projects.count + items.count + leaders.count + statuses.count + dimensionLights.count }

    /// Takes a new model of a batched kind, giving it its id; false for any other model.
    mutating func stage<M: Model>(_ model: M) -> Bool {
        switch model {
        case let project as Project:
            project.id = UUID()
            projects.append(project)
        case let item as ProjectItem:
            item.id = UUID()
            items.append(item)
        case let leader as ProjectLeader:
            leader.id = UUID()
            leaders.append(leader)
        case let status as ProjectStatus:
            status.id = UUID()
            statuses.append(status)
        case let light as StatusDimensionLight:
            light.id = UUID()
            dimensionLights.append(light)
        default: return false
        }
        return true
    }

    mutating func write(on db: any Database) async throws {
        try await Self.create(projects, on: db)
        try await Self.create(items, on: db)
        try await Self.create(leaders, on: db)
        try await Self.create(statuses, on: db)
        try await Self.create(dimensionLights, on: db)
        self = ImportBatches()
    }

    private static func create<M: Model>(_ models: [M], on db: any Database) async throws {
        var start = 0
        while start < models.count {
            let end = min(start + rowsPerStatement, models.count)
            try await Array(models[start..<end]).create(on: db)
            start = end
        }
    }
}
