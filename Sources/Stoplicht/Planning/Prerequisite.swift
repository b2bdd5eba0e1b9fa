import Fluent
import Foundation

/// Project B needs project A — or one milestone of A — delivered first (randvoorwaardelijk).
final class Prerequisite: Model, @unchecked Sendable {
    static let schema = "prerequisites"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    /// The project that waits.
    @Parent(key: "project_id") var project: Project
    /// The project it needs.
    @Parent(key: "needs_project_id") var needs: Project
    /// A milestone of that project, where only that must be delivered.
    @OptionalParent(key: "needs_item_id") var milestone: ProjectItem?

    init() {}

    init(programmeID: UUID, projectID: UUID, needsProjectID: UUID, milestoneID: UUID?) {
        self.$programme.id = programmeID
        self.$project.id = projectID
        self.$needs.id = needsProjectID
        self.$milestone.id = milestoneID
    }
}

/// Prerequisites, start dates beside the delivery dates of a status, and milestones with
/// their own dates and done state. One column per statement: SQLite alters a table a
/// column at a time.
struct CreatePlanning: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Prerequisite.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("project_id", .uuid, .required, .references(Project.schema, "id", onDelete: .cascade))
            .field("needs_project_id", .uuid, .required, .references(Project.schema, "id", onDelete: .cascade))
            .field("needs_item_id", .uuid, .references(ProjectItem.schema, "id", onDelete: .cascade))
            .create()
        try await database.schema(ProjectStatus.schema).field("planned_start", .string).update()
        try await database.schema(ProjectStatus.schema).field("forecast_start", .string).update()
        try await database.schema(ProjectItem.schema).field("planned", .string).update()
        try await database.schema(ProjectItem.schema).field("forecast", .string).update()
        try await database.schema(ProjectItem.schema).field("done", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: Database) async throws {
        for field in ["planned", "forecast", "done"] {
            try await database.schema(ProjectItem.schema).deleteField(.string(field)).update()
        }
        for field in ["planned_start", "forecast_start"] {
            try await database.schema(ProjectStatus.schema).deleteField(.string(field)).update()
        }
        try await database.schema(Prerequisite.schema).delete()
    }
}
