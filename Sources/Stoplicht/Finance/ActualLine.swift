import Fluent
import Foundation
import StoplichtCore

/// A line of actuals (realisatie) from the financial system, kept as it was read: mapped to
/// a project through its cost centre, or not (yet) — a line is never dropped. `key` and
/// `occurrence` make it the same line when a file is imported again.
final class ActualLine: Model, @unchecked Sendable {
    static let schema = "actual_lines"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "line_key") var key: String
    /// The n-th line with this key in its file: two identical lines in one file are two lines.
    @Field(key: "occurrence") var occurrence: Int
    @Field(key: "source") var source: String
    @Field(key: "source_line") var sourceLine: Int
    @Field(key: "booked_on") var bookedOn: String
    @Field(key: "cost_centre") var costCentre: String
    @Field(key: "ledger") var ledger: String
    @Field(key: "description") var description: String
    @OptionalField(key: "amount_cents") var amountCents: Int64?
    @OptionalField(key: "problem") var problem: String?
    @OptionalParent(key: "project_id") var project: Project?

    init() {}

    /// The programme's lines without a project or that could not be read.
    static func unmapped(in programmeID: UUID, on db: any Database) -> QueryBuilder<ActualLine> {
        ActualLine.query(on: db).filter(\.$programme.$id == programmeID)
            .group(.or) { $0.filter(\.$project.$id == nil).filter(\.$problem != nil) }
    }
}

/// Which project a cost centre (kostenplaats) of the financial system books on.
final class CostCentreMapping: Model, @unchecked Sendable {
    static let schema = "cost_centre_mappings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "cost_centre") var costCentre: String
    @Parent(key: "project_id") var project: Project

    init() {}

    init(programmeID: UUID, costCentre: String, projectID: UUID) {
        self.$programme.id = programmeID
        self.costCentre = costCentre
        self.$project.id = projectID
    }
}

/// The programme's saved reading of its financial system's export: column → header.
final class ActualsColumnMapping: Model, @unchecked Sendable {
    static let schema = "actuals_column_mappings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "role") var column: String
    @Field(key: "header") var header: String

    init() {}

    init(programmeID: UUID, column: ActualsColumn, header: String) {
        self.$programme.id = programmeID
        self.column = column.rawValue
        self.header = header
    }
}

struct CreateActuals: AsyncMigration {
    func prepare(on database: Database) async throws {
        for table in [ActualLine.schema, "actual_staging"] {
            var schema = database.schema(table)
                .field("id", .int, .identifier(auto: true))
                .field(table == ActualLine.schema ? "programme_id" : "import_id", .uuid, .required)
                .field("line_key", .string, .required)
                .field(table == ActualLine.schema ? "occurrence" : "source_line", .int, .required)
            if table == ActualLine.schema {
                schema = schema.field("source", .string, .required).field("source_line", .int, .required)
                    .foreignKey("programme_id", references: Programme.schema, "id", onDelete: .cascade)
            }
            schema = schema.field("booked_on", .string, .required).field("cost_centre", .string, .required).field(
                "ledger", .string, .required
            )
            .field("description", .string, .required).field("amount_cents", .int64).field("problem", .string)
            if table == ActualLine.schema {
                schema = schema.field("project_id", .uuid, .references(Project.schema, "id", onDelete: .setNull))
                    .unique(on: "programme_id", "line_key", "occurrence")
            }
            try await schema.create()
        }
        try await database.schema(CostCentreMapping.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("cost_centre", .string, .required)
            .field("project_id", .uuid, .required, .references(Project.schema, "id", onDelete: .cascade))
            .unique(on: "programme_id", "cost_centre")
            .create()
        try await database.schema(ActualsColumnMapping.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("header", .string, .required)
            .unique(on: "programme_id", "role")
            .create()
    }

    func revert(on database: Database) async throws {
        for table in [ActualsColumnMapping.schema, CostCentreMapping.schema, "actual_staging", ActualLine.schema] {
            try await database.schema(table).delete()
        }
    }
}
