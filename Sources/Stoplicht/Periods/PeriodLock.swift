import Fluent
import Foundation

extension ReportingPeriod {
    /// One write to a period's texts or state at a time: holds the period's row until the
    /// transaction ends (PostgreSQL: a row lock; SQLite: the write lock).
    static func lock(_ id: UUID, on db: any Database) async throws {
        try await db.lockRow(schema, column: "state", id: id)
    }
}

extension PeriodTexts {
    typealias Stored = (sections: [ProgrammeSection], decisions: [Decision], risks: [Risk])

    /// Runs `body` in a transaction with the period's row locked and its texts as stored
    /// now: the write command every save of a period's texts goes through, from the form
    /// and from the API.
    static func locked<T: Sendable>(
        _ period: ReportingPeriod, on database: any Database,
        _ body: @escaping @Sendable (any Database, PeriodTexts, Stored) async throws -> T
    ) async throws -> T {
        let periodID = try period.requireID()
        return try await database.transaction { db in
            try await ReportingPeriod.lock(periodID, on: db)
            let (current, sections, decisions, risks) = try await PeriodTexts.load(period: period, on: db)
            return try await body(db, current, (sections, decisions, risks))
        }
    }
}
