import Fluent
import Foundation
import StoplichtCore

/// An uploaded report waiting for the programme manager's confirmation: the file is kept
/// (in the database, so any server instance can show and confirm it) until it is imported,
/// cancelled or a day old. Its random id is the address of its preview.
final class PendingImport: Model, @unchecked Sendable {
    static let schema = "pending_imports"

    /// How long an unconfirmed upload is kept.
    static let lifetime: TimeInterval = 24 * 60 * 60

    @ID(key: .id) var id: UUID?
    @Field(key: "filename") var filename: String
    @Field(key: "data") var data: Data
    @Field(key: "organisation") var organisation: String
    /// The chosen programme's name, for what the pages show; nil takes it from the report.
    @OptionalField(key: "programme") var programme: String?
    /// The chosen programme: it decides where the report goes and who may import it.
    @OptionalField(key: "programme_id") var programmeID: UUID?
    @OptionalField(key: "period") var period: String?
    /// Column and light mappings, in the mapping file's form.
    @Field(key: "mapping") var mapping: String
    /// The e-mail address of who uploaded it; only they (or a beheerder) see it.
    @Field(key: "uploaded_by") var uploadedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(
        filename: String, data: Data, organisation: String, programme: String?, programmeID: UUID?, period: String?,
        mapping: String, uploadedBy: String
    ) {
        self.filename = filename
        self.data = data
        self.organisation = organisation
        self.programme = programme
        self.programmeID = programmeID
        self.period = period
        self.mapping = mapping
        self.uploadedBy = uploadedBy
    }

    /// The import options its mapping text gives.
    func options() throws(ReportFileError) -> ImportOptions {
        var options = ImportOptions()
        try options.addMappingFile(mapping, name: "indeling")
        return options
    }

    /// Uploads nobody confirmed within a day are removed.
    static func removeExpired(on db: any Database, now: Date = Date()) async throws {
        try await PendingImport.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-lifetime)).delete()
    }
}

struct CreatePendingImport: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PendingImport.schema)
            .id()
            .field("filename", .string, .required)
            .field("data", .data, .required)
            .field("organisation", .string, .required)
            .field("programme", .string)
            .field("period", .string)
            .field("mapping", .string, .required)
            .field("uploaded_by", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(PendingImport.schema).delete()
    }
}

/// Pending uploads name their programme by id: its name is unique only within a municipality.
struct AddPendingImportProgrammeID: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PendingImport.schema).field("programme_id", .uuid).update()
        // Uploads waiting from before name their programme only; they go (at most a day's work).
        try await PendingImport.query(on: database).filter(\.$programme != nil).delete()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PendingImport.schema).deleteField("programme_id").update()
    }
}
