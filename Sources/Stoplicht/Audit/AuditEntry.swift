import Fluent
import Foundation
import SQLKit
import Vapor

/// One line of the audit trail: who did what, when, from where, with the value before and
/// after. Entries are chained: each carries the hash of the one before it, so a changed or
/// removed entry breaks the chain (`stoplicht audit verify`); the database refuses updates
/// and deletes outright.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "sequence") var sequence: Int
    @Field(key: "at") var at: Date
    /// The user's e-mail address, or the command that acted.
    @Field(key: "actor") var actor: String
    /// The network address of the request; nil on the command line.
    @OptionalField(key: "address") var address: String?
    /// "import", "inloggen", "inloggen-mislukt", …
    @Field(key: "action") var action: String
    /// What was changed: "project", "status", "bestand".
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: String?
    @OptionalField(key: "programme_id") var programmeID: UUID?
    @OptionalField(key: "period_id") var periodID: UUID?
    /// JSON objects of the changed fields.
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    init(record: AuditRecord, sequence: Int, previousHash: String) {
        self.sequence = sequence
        // Whole milliseconds: what every database keeps exactly, so the hash survives storage.
        self.at = Date(timeIntervalSince1970: Double(Self.milliseconds(record.at)) / 1000)
        self.actor = record.actor
        self.address = record.address
        self.action = record.action.rawValue
        self.entity = record.entity
        self.entityID = record.entityID
        self.programmeID = record.programmeID
        self.periodID = record.periodID
        self.before = record.before
        self.after = record.after
        self.previousHash = previousHash
        self.hash = Self.hash(of: self)
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// SHA-256 over the previous hash and every field, each length-prefixed so no two
    /// different entries give the same input.
    static func hash(of entry: AuditEntry) -> String {
        let fields: [String] = [
            entry.previousHash, String(entry.sequence), String(milliseconds(entry.at)), entry.actor,
            entry.address ?? "", entry.action, entry.entity, entry.entityID ?? "", entry.programmeID?.uuidString ?? "",
            entry.periodID?.uuidString ?? "", entry.before ?? "", entry.after ?? "",
        ]
        var input = Data()
        for field in fields {
            let bytes = Data(field.utf8)
            input.append(contentsOf: Array(String(bytes.count).utf8) + [0x3A])
            input.append(bytes)
        }
        return SHA256.hash(data: input).hex
    }
}

/// What an action wants recorded; the trail gives it its place in the chain.
struct AuditRecord: Sendable {
    var at: Date
    var actor: String
    var address: String?
    var action: AuditAction
    var entity: String
    var entityID: String?
    var programmeID: UUID?
    var periodID: UUID?
    var before: String?
    var after: String?

    /// A JSON object of the fields, keys sorted, for `before` and `after`.
    static func json(_ fields: [String: String?]) -> String? {
        guard !fields.isEmpty else { return nil }
        let object = fields.mapValues { $0 ?? NSNull() as Any }
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

struct CreateAuditEntry: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("sequence", .int, .required)
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("address", .string)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("programme_id", .uuid)
            .field("period_id", .uuid)
            .field("before", .string)
            .field("after", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "sequence")
            .create()
        // Append-only in the database itself, whatever the application does.
        let sql = try database.sqlDatabase()
        if sql.dialect.name == "sqlite" {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_entries_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_entries
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
                    """
                ).run()
            }
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()
                """
            ).run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
        if !database.isSQLite {
            let sql = try database.sqlDatabase()
            try await sql.raw("DROP FUNCTION IF EXISTS audit_entries_append_only()").run()
        }
    }
}
