import Fluent
import Foundation
import SQLKit
import Vapor

/// A published period's report as a document (PDF, ODT, DOCX, XLSX or CSV), byte for byte as
/// it was made once, with its SHA-256: served as stored, never made again for a reader. The
/// database lets a document in once (a published period's, one of each format) and refuses
/// every update and delete.
final class PublishedDocument: Model, @unchecked Sendable {
    static let schema = "published_documents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: ReportingPeriod
    /// `ExportFormat.rawValue`.
    @Field(key: "format") var format: String
    @Field(key: "content") var content: Data
    /// Hex SHA-256 of `content`.
    @Field(key: "sha256") var sha256: String
    @Field(key: "stored_at") var storedAt: Date

    init() {}

    init(periodID: UUID, format: ExportFormat, content: Data, storedAt: Date) {
        self.$period.id = periodID
        self.format = format.rawValue
        self.content = content
        self.sha256 = SHA256.hash(data: content).hex
        self.storedAt = storedAt
    }
}

/// The table of published documents, frozen as the published reports are: a row goes in only
/// for a published period (publication sets the state first, in the same transaction), the
/// unique key lets in one of each format, and updates and deletes are refused.
struct CreatePublishedDocument: AsyncMigration {
    static let message =
        "een gepubliceerd document kan alleen voor een gepubliceerde periode worden bewaard en daarna niet meer worden gewijzigd"

    func prepare(on database: Database) async throws {
        try await database.schema(PublishedDocument.schema)
            .id()
            .field("period_id", .uuid, .required, .references(ReportingPeriod.schema, "id"))
            .field("format", .string, .required)
            .field("content", .data, .required)
            .field("sha256", .string, .required)
            .field("stored_at", .datetime, .required)
            .unique(on: "period_id", "format")
            .create()
        let sql = try database.sqlDatabase()
        let published = ReportingPeriod.State.published.rawValue
        if sql.dialect.name == "sqlite" {
            let refuse = "BEGIN SELECT RAISE(ABORT, '\(Self.message)'); END"
            try await sql.raw(
                """
                CREATE TRIGGER published_documents_frozen_insert BEFORE INSERT ON published_documents \
                WHEN (SELECT state FROM reporting_periods WHERE id = NEW.period_id) IS NOT '\(unsafeRaw: published)' \(unsafeRaw: refuse)
                """
            ).run()
            try await sql.raw(
                "CREATE TRIGGER published_documents_frozen_update BEFORE UPDATE ON published_documents \(unsafeRaw: refuse)"
            ).run()
            try await sql.raw(
                "CREATE TRIGGER published_documents_frozen_delete BEFORE DELETE ON published_documents \(unsafeRaw: refuse)"
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION stoplicht_published_document() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP = 'INSERT' AND (SELECT state FROM reporting_periods WHERE id = NEW.period_id) IS NOT DISTINCT FROM '\(unsafeRaw: published)' THEN
                    RETURN NEW;
                  END IF;
                  RAISE EXCEPTION '\(unsafeRaw: Self.message)';
                END $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER published_documents_frozen BEFORE INSERT OR UPDATE OR DELETE ON published_documents \
                FOR EACH ROW EXECUTE FUNCTION stoplicht_published_document()
                """
            ).run()
        }
    }

    func revert(on database: Database) async throws {
        if !database.isSQLite {
            let sql = try database.sqlDatabase()
            try await sql.raw("DROP TRIGGER IF EXISTS published_documents_frozen ON published_documents").run()
            try await sql.raw("DROP FUNCTION IF EXISTS stoplicht_published_document()").run()
        }
        // SQLite drops a table's triggers with it.
        try await database.schema(PublishedDocument.schema).delete()
    }
}
