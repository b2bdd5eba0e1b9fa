import Fluent
import Foundation
import SQLKit

/// The optimistic lock on a project's status: every write of a status raises its revision
/// in the same statement that checks it, so of two saves from the same form one wins and the
/// other is told someone else saved in between.
enum RevisionClaim {
    /// Raises the status's revision if it is still `expected` (nil: whatever it is now) and
    /// sets `forecast` (the expected start and delivery, as stored) with it when given.
    /// False when the revision had moved on, or the status is gone.
    static func claim(
        status id: UUID, expected: Int?, forecast: (start: String?, delivery: String?)? = nil,
        on db: any Database
    ) async throws -> Bool {
        var update = try db.sqlDatabase().update(ProjectStatus.schema).set("revision", to: SQLRaw("revision + 1"))
        if let forecast {
            update = update.set("forecast_start", to: forecast.start).set("forecast_delivery", to: forecast.delivery)
        }
        update = update.where("id", .equal, id)
        if let expected { update = update.where("revision", .equal, expected) }
        return try await update.returning("id").all().count == 1
    }
}
