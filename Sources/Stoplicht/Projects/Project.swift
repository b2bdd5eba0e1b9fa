import Fluent
import Foundation
import StoplichtCore

/// A project of a programme, known by its number within the programme.
final class Project: Model, @unchecked Sendable {
    static let schema = "projects"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "number") var number: Int
    @Field(key: "name") var name: String
    @Field(key: "lifecycle") var lifecycle: Lifecycle
    @OptionalField(key: "phase") var phase: Phase?
    @OptionalField(key: "risk_profile") var riskProfile: RiskProfile?
    @OptionalParent(key: "line_manager_id") var lineManager: Person?
    /// The division or group the imported report put the project under ("Spoorwegen").
    @OptionalField(key: "group_name") var groupName: String?
    /// An archived project is kept with its history but carried into no new period.
    @Field(key: "archived") var archived: Bool
    @Children(for: \.$project) var leaders: [ProjectLeader]
    @Children(for: \.$project) var items: [ProjectItem]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(programmeID: UUID, number: Int, name: String, lifecycle: Lifecycle) {
        self.$programme.id = programmeID
        self.number = number
        self.name = name
        self.lifecycle = lifecycle
        self.archived = false
    }
}

/// A project leader; a project may have several, in order.
final class ProjectLeader: Model, @unchecked Sendable {
    static let schema = "project_leaders"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Parent(key: "person_id") var person: Person
    @Field(key: "position") var position: Int

    init() {}

    init(projectID: UUID, personID: UUID, position: Int) {
        self.$project.id = projectID
        self.$person.id = personID
        self.position = position
    }
}

/// A sub-item or phase listed under a project's name.
final class ProjectItem: Model, @unchecked Sendable {
    static let schema = "project_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    /// A milestone's own dates (storage form of `PlanDate`) and whether it is done.
    @OptionalField(key: "planned") var planned: String?
    @OptionalField(key: "forecast") var forecast: String?
    @Field(key: "done") var done: Bool

    init() {}

    init(projectID: UUID, position: Int, title: String) {
        self.$project.id = projectID
        self.position = position
        self.title = title
        self.done = false
    }
}

struct CreateProject: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Project.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("name", .string, .required)
            .field("lifecycle", .string, .required)
            .field("phase", .string)
            .field("risk_profile", .string)
            .field("line_manager_id", .uuid, .references(Person.schema, "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "programme_id", "number")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Project.schema).delete()
    }
}

struct CreateProjectLeader: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ProjectLeader.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .unique(on: "project_id", "person_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ProjectLeader.schema).delete()
    }
}

struct CreateProjectItem: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ProjectItem.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("title", .string, .required)
            .unique(on: "project_id", "position")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ProjectItem.schema).delete()
    }
}

/// The group a report put a project under, and who gave a status's light where a report
/// has a column per assessor.
struct AddProjectGroupAndLightAssessor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Project.schema).field("group_name", .string).update()
        try await database.schema(ProjectStatus.schema).field("light_assessor", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProjectStatus.schema).deleteField("light_assessor").update()
        try await database.schema(Project.schema).deleteField("group_name").update()
    }
}
