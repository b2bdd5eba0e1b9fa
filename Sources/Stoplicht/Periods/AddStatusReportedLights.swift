import Fluent

/// A report may give, beside this period's light, the previous period's and the one
/// expected next period ("vorige / huidige / komende periode"); both are kept as reported.
struct AddStatusReportedLights: AsyncMigration {
    func prepare(on database: Database) async throws {
        // SQLite adds one column per statement.
        try await database.schema(ProjectStatus.schema).field("previous_light", .string).update()
        try await database.schema(ProjectStatus.schema).field("expected_light", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ProjectStatus.schema).deleteField("previous_light").update()
        try await database.schema(ProjectStatus.schema).deleteField("expected_light").update()
    }
}
