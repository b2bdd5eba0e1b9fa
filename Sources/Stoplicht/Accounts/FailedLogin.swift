import Fluent
import Foundation

/// A failed login, kept for throttling: after `limit` failures for one e-mail address (or
/// `addressLimit` from one network address) within `window`, logging in is refused until
/// the window has passed. Kept in the database, so every server instance counts alike.
final class FailedLogin: Model, @unchecked Sendable {
    static let schema = "failed_logins"

    static let limit = 5
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

    /// Whether logins for this address or from this network address are blocked now.
    static func isThrottled(email: String, address: String, now: Date, on db: any Database) async throws -> Bool {
        let since = now.addingTimeInterval(-window)
        let byEmail = try await FailedLogin.query(on: db).filter(\.$email == email).filter(\.$at > since).count()
        if byEmail >= limit { return true }
        return try await FailedLogin.query(on: db).filter(\.$address == address).filter(\.$at > since).count() >= addressLimit
    }

    static func record(email: String, address: String, now: Date, on db: any Database) async throws {
        try await FailedLogin(email: email, address: address, at: now).save(on: db)
        try await FailedLogin.query(on: db).filter(\.$at < now.addingTimeInterval(-window)).delete()
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
