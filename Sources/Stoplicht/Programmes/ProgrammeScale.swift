import Fluent
import Foundation
import StoplichtCore

/// One light of a programme's own scale; see `LightDefinition`.
final class ProgrammeLight: Model, @unchecked Sendable {
    static let schema = "programme_lights"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "code") var code: String
    @Field(key: "label") var label: String
    @Field(key: "meaning") var meaning: String
    @Field(key: "tone") var tone: String
    @Field(key: "rank") var rank: Int
    @Field(key: "is_finished") var isFinished: Bool

    init() {}

    init(programmeID: UUID, definition: LightDefinition) {
        self.$programme.id = programmeID
        self.code = definition.code
        self.label = definition.label
        self.meaning = definition.meaning
        self.tone = definition.tone.rawValue
        self.rank = definition.rank
        self.isFinished = definition.isFinished
    }

    var definition: LightDefinition {
        LightDefinition(
            code: code, label: label, meaning: meaning, tone: LightDefinition.Tone(rawValue: tone) ?? .info,
            rank: rank, isFinished: isFinished)
    }
}

/// A dimension the programme gives separate lights for (GOTIK by default).
final class ProgrammeDimension: Model, @unchecked Sendable {
    static let schema = "programme_dimensions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "code") var code: String
    @Field(key: "label") var label: String
    @Field(key: "position") var position: Int

    init() {}

    init(programmeID: UUID, dimension: ReportingDimension, position: Int) {
        self.$programme.id = programmeID
        self.code = dimension.code
        self.label = dimension.label
        self.position = position
    }
}

struct CreateProgrammeLight: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ProgrammeLight.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("label", .string, .required)
            .field("meaning", .string, .required)
            .field("tone", .string, .required)
            .field("rank", .int, .required)
            .field("is_finished", .bool, .required)
            .unique(on: "programme_id", "code")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ProgrammeLight.schema).delete()
    }
}

struct CreateProgrammeDimension: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ProgrammeDimension.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("label", .string, .required)
            .field("position", .int, .required)
            .unique(on: "programme_id", "code")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ProgrammeDimension.schema).delete()
    }
}
