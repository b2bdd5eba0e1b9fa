import Fluent
import SQLKit

/// The columns the reporting cycle needs: a status's explanation of an orange or red
/// light, what was achieved and what is planned next, its revision (for detecting two
/// people saving the same status) and whether it is still last period's carried forward;
/// a project's archived flag; the person an account is; who may read a programme.
/// One column per ALTER, as SQLite wants.
struct AddReportingCycle: AsyncMigration {
    func prepare(on database: Database) async throws {
        for column in ["achieved", "planned_next", "cause", "consequence", "measure", "updated_by"] {
            try await database.schema(ProjectStatus.schema).field(FieldKey(stringLiteral: column), .string).update()
        }
        try await database.schema(ProjectStatus.schema).field("revision", .int, .required, .sql(.default(0))).update()
        try await database.schema(ProjectStatus.schema).field(
            "carried_forward", .bool, .required, .sql(.default(false))
        ).update()
        try await database.schema(Project.schema).field("archived", .bool, .required, .sql(.default(false))).update()
        try await database.schema(User.schema).field("person_id", .uuid).update()
        try await database.schema(Programme.schema).field(
            "access", .string, .required, .sql(.default(ProgrammeAccess.closed.rawValue))
        ).update()
    }

    func revert(on database: Database) async throws {
        for column in [
            "achieved", "planned_next", "cause", "consequence", "measure", "updated_by", "revision", "carried_forward",
        ] {
            try await database.schema(ProjectStatus.schema).deleteField(FieldKey(stringLiteral: column)).update()
        }
        try await database.schema(Project.schema).deleteField("archived").update()
        try await database.schema(User.schema).deleteField("person_id").update()
        try await database.schema(Programme.schema).deleteField("access").update()
    }
}
