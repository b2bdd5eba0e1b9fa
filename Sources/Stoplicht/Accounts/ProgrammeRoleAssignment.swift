import Fluent
import FluentSQL
import Foundation
import StoplichtCore

/// A user's role in one programme.
final class ProgrammeRoleAssignment: Model, @unchecked Sendable {
    static let schema = "programme_roles"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "role") var role: ProgrammeRole

    init() {}

    init(userID: UUID, programmeID: UUID, role: ProgrammeRole) {
        self.$user.id = userID
        self.$programme.id = programmeID
        self.role = role
    }

    /// A programme query's filter: the programmes where the user has a role, asked of the
    /// database in the same query (a user may have roles in hundreds).
    static func programmes(of userID: UUID) -> DatabaseQuery.Filter {
        .sql(
            embed: """
                \(ident: Programme.schema).\(ident: "id") IN (SELECT \(ident: "programme_id") FROM \(ident: Self.schema) \
                WHERE \(ident: "user_id") = \(bind: userID))
                """)
    }

    /// The user's role in the programme: beheerder for an administrator account.
    static func role(of user: User, inProgramme programmeID: UUID, on db: any Database) async throws -> ProgrammeRole? {
        if user.isAdministrator { return .administrator }
        return try await ProgrammeRoleAssignment.query(on: db)
            .filter(\.$user.$id == user.requireID()).filter(\.$programme.$id == programmeID).first()?.role
    }

    /// Gives (or changes) a user's role in a programme.
    static func grant(_ role: ProgrammeRole, to user: User, inProgramme programmeID: UUID, on db: any Database)
        async throws
    {
        if let existing = try await ProgrammeRoleAssignment.query(on: db)
            .filter(\.$user.$id == user.requireID()).filter(\.$programme.$id == programmeID).first()
        {
            existing.role = role
            try await existing.save(on: db)
        } else {
            try await ProgrammeRoleAssignment(userID: user.requireID(), programmeID: programmeID, role: role).save(
                on: db)
        }
    }
}

struct CreateProgrammeRoleAssignment: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ProgrammeRoleAssignment.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "user_id", "programme_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ProgrammeRoleAssignment.schema).delete()
    }
}
