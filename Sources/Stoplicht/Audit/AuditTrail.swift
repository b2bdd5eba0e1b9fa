import Fluent
import Foundation
import SQLKit

/// Appends to and checks the hash-chained audit trail.
enum AuditTrail {
    /// The hash before the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// Appends records in order, chained to the last entry. Call it inside the transaction
    /// of the change it records, so both are kept or neither. Appends take turns: on
    /// PostgreSQL a transaction-scoped advisory lock holds the chain's end until commit, so
    /// two saves at once never claim the same sequence number; SQLite writes one at a time.
    static func append(_ records: [AuditRecord], on database: any Database) async throws {
        guard !records.isEmpty else { return }
        try await database.transaction { db in
            if db.isSQLite {
                try await db.writeFirst()
            } else {
                try await db.sqlDatabase().raw("SELECT pg_advisory_xact_lock(\(literal: chainLock))").run()
            }
            try await appendInTurn(records, on: db)
        }
    }

    /// The advisory lock's key: "STOPLICHT" folded into a 64-bit number.
    static let chainLock: Int64 = 0x5354_4F50_4C49_4348

    private static func appendInTurn(_ records: [AuditRecord], on db: any Database) async throws {
        let last = try await AuditEntry.query(on: db).sort(\.$sequence, .descending).first()
        var sequence = last?.sequence ?? 0
        var previous = last?.hash ?? genesis
        var entries: [AuditEntry] = []
        entries.reserveCapacity(min(records.count, 500))
        for record in records {
            sequence += 1
            let entry = AuditEntry(record: record, sequence: sequence, previousHash: previous)
            previous = entry.hash
            entries.append(entry)
            if entries.count == 500 {
                try await entries.create(on: db)
                entries.removeAll(keepingCapacity: true)
            }
        }
        try await entries.create(on: db)
    }

    struct Verification: Sendable {
        var entries: Int
        /// The first entry whose hash or link does not match, if any.
        var brokenAt: Int?
        var problem: String?
    }

    /// Recomputes every hash and link, in sequence order, a page at a time.
    static func verify(on db: any Database) async throws -> Verification {
        var previous = genesis
        var expectedSequence = 1
        var count = 0
        var after = 0
        while true {
            let page = try await AuditEntry.query(on: db).filter(\.$sequence > after).sort(\.$sequence).limit(1000)
                .all()
            if page.isEmpty { break }
            for entry in page {
                count += 1
                if entry.sequence != expectedSequence {
                    return Verification(
                        entries: count, brokenAt: entry.sequence, problem: "regel \(expectedSequence) ontbreekt")
                }
                if entry.previousHash != previous {
                    return Verification(
                        entries: count, brokenAt: entry.sequence,
                        problem: "de verwijzing naar de vorige regel klopt niet")
                }
                if AuditEntry.hash(of: entry) != entry.hash {
                    return Verification(
                        entries: count, brokenAt: entry.sequence, problem: "de inhoud is na het vastleggen gewijzigd")
                }
                previous = entry.hash
                expectedSequence += 1
                after = entry.sequence
            }
        }
        return Verification(entries: count, brokenAt: nil, problem: nil)
    }
}
