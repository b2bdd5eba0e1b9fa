import Fluent
import Foundation
import Vapor

/// A person who logs in. Passwords are stored as bcrypt hashes only.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    /// Shorter passwords are refused (the issue's and the BIO's minimum).
    static let minimumPasswordLength = 12

    @ID(key: .id) var id: UUID?
    /// Lower case; the login name.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    /// A beheerder (application administrator) may do everything everywhere.
    @Field(key: "is_administrator") var isAdministrator: Bool
    /// The person this account is, as programmes name them: a project leader edits the
    /// projects that person leads.
    @OptionalField(key: "person_id") var personID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(email: String, name: String, passwordHash: String, isAdministrator: Bool) {
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.isAdministrator = isAdministrator
    }

    /// Creates an account, checking what a person can get wrong.
    static func create(email rawEmail: String, name: String, password: String, administrator: Bool, on db: any Database)
        async throws -> User
    {
        let email = rawEmail.trimmingCharacters(in: .whitespaces).lowercased()
        guard email.contains("@"), email.count <= 254, !email.contains(" ") else {
            throw InputError("‘\(rawEmail)’ is geen e-mailadres.")
        }
        guard password.count >= minimumPasswordLength else {
            throw InputError("Een wachtwoord heeft ten minste \(minimumPasswordLength) tekens.")
        }
        let trimmedName = name.trimmingCharacters(in: .whitespaces)
        guard !trimmedName.isEmpty else { throw InputError("Geef de naam van de gebruiker op.") }
        if try await User.query(on: db).filter(\.$email == email).first() != nil {
            throw InputError("Er is al een account voor \(email).", status: .conflict)
        }
        let user = User(
            email: email, name: trimmedName, passwordHash: try Bcrypt.hash(password), isAdministrator: administrator)
        try await user.save(on: db)
        return user
    }
}

struct CreateUser: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("is_administrator", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(User.schema).delete()
    }
}

extension User {
    /// Accounts' names by e-mail address, asked in chunks (a file of 10,000 rows may
    /// overwrite as many updates); addresses without an account are left out.
    static func names(of emails: Set<String>, on db: any Database) async throws -> [String: String] {
        var names: [String: String] = [:]
        let all = emails.sorted()
        for start in stride(from: 0, to: all.count, by: 500) {
            for user in try await User.query(on: db).filter(\.$email ~~ Array(all[start..<min(start + 500, all.count)]))
                .all()
            {
                names[user.email] = user.name
            }
        }
        return names
    }

    /// The name of the account with this e-mail address, for pages that say who saved
    /// something; what was stored as is where it names no account (the command line).
    static func displayName(_ email: String?, on db: any Database) async throws -> String? {
        guard let email, !email.isEmpty else { return email }
        return try await names(of: [email], on: db)[email] ?? email
    }
}
