import Fluent
import Foundation

/// A login attempt, kept for throttling until a right password clears it: after `limit`
/// failures for one e-mail address from one network address, `emailLimit` for one e-mail
/// address from anywhere, or `addressLimit` from one network address, within `window`,
/// logging in is refused until the window has passed. Counted per address and network
/// address first, so whoever knows someone's e-mail address cannot lock them out from
/// elsewhere with five wrong passwords; a guess spread over many network addresses still
/// meets `emailLimit`. Kept in the database, so every server instance counts alike.
final class FailedLogin: Model, @unchecked Sendable {
    static let schema = "failed_logins"

    static let limit = 5
    static let emailLimit = 50
    static let addressLimit = 20
    static let window: TimeInterval = 15 * 60

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "at") var at: Date

    init() {}

    init(email: String, address: String, at: Date) {
        self.email = email
        self.address = address
        self.at = at
    }

    /// Reserves a login attempt before the password is checked: the attempt is written first
    /// and then the attempts in the window are counted, itself included, so however many
    /// attempts arrive at once no more than the limits get to the password check. Answers nil when the attempt is refused;
    /// otherwise the reservation stands as a failure until a right password clears it.
    static func reserve(email: String, address: String, now: Date, on db: any Database) async throws -> FailedLogin? {
        let attempt = FailedLogin(email: email, address: address, at: now)
        try await attempt.create(on: db)
        let since = now.addingTimeInterval(-window)
        let recent = FailedLogin.query(on: db).filter(\.$at > since)
        var refused = try await recent.copy().filter(\.$email == email).filter(\.$address == address).count() > limit
        if !refused { refused = try await recent.copy().filter(\.$address == address).count() > addressLimit }
        if !refused { refused = try await recent.copy().filter(\.$email == email).count() > emailLimit }
        guard !refused else {
            // A refused attempt is not a failure: the block ends a window after the last failure.
            try await attempt.delete(on: db)
            return nil
        }
        try await FailedLogin.query(on: db).filter(\.$at < since).delete()
        return attempt
    }

    static func clear(email: String, on db: any Database) async throws {
        try await FailedLogin.query(on: db).filter(\.$email == email).delete()
    }
}

struct CreateFailedLogin: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(FailedLogin.schema)
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(FailedLogin.schema).delete()
    }
}
