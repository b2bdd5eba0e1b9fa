import Fluent
import Foundation
import SQLKit

/// Appends to and checks the hash-chained audit trail.
enum AuditTrail {
    /// The hash before the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// Appends records in order, chained to the last entry. Call it inside the transaction
    /// of the change it records, so both are kept or neither.
    static func append(_ records: [AuditRecord], on db: any Database) async throws {
        guard !records.isEmpty else { return }
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
            let page = try await AuditEntry.query(on: db).filter(\.$sequence > after).sort(\.$sequence).limit(1000).all()
            if page.isEmpty { break }
            for entry in page {
                count += 1
                if entry.sequence != expectedSequence {
                    return Verification(entries: count, brokenAt: entry.sequence, problem: "regel \(expectedSequence) ontbreekt")
                }
                if entry.previousHash != previous {
                    return Verification(entries: count, brokenAt: entry.sequence, problem: "de verwijzing naar de vorige regel klopt niet")
                }
                if AuditEntry.hash(of: entry) != entry.hash {
                    return Verification(entries: count, brokenAt: entry.sequence, problem: "de inhoud is na het vastleggen gewijzigd")
                }
                previous = entry.hash
                expectedSequence += 1
                after = entry.sequence
            }
        }
        return Verification(entries: count, brokenAt: nil, problem: nil)
    }
}
