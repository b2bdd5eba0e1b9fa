import Fluent
import Foundation
import StoplichtCore
import Vapor

/// What a beheerder does with accounts, from the web and the command line alike: add an
/// account (linked to the person programmes name, so a project leader edits their own
/// projects), give or take a role in a programme. Every step is in the audit trail.
struct AccountAdministration {
    var actor: String
    var address: String?

    func add(
        email: String, name: String, password: String, administrator: Bool, person: String?,
        organisation: String? = nil,
        on database: any Database
    ) async throws -> User {
        let personID = try await Self.personID(named: person, organisation: organisation, on: database)
        return try await database.transaction { db in
            let user = try await User.create(
                email: email, name: name, password: password, administrator: administrator, on: db)
            user.personID = personID
            try await user.save(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: .accountAdd, entity: "account",
                        entityID: user.id?.uuidString,
                        before: nil,
                        after: AuditRecord.json([
                            "e-mail": user.email, "naam": user.name, "beheerder": String(administrator),
                            "persoon": person,
                        ]))
                ], on: db)
            return user
        }
    }

    /// Gives `role` in the programme, or with nil takes the user's role away.
    func setRole(_ role: ProgrammeRole?, for user: User, in programme: Programme, on database: any Database)
        async throws
    {
        guard role != .administrator else { throw InputError(Strings.administratorIsNoProgrammeRole) }
        if role == .projectLeader, let personID = user.personID,
            let person = try await Person.find(personID, on: database),
            person.$organisation.id != programme.$organisation.id
        {
            // A project leader edits the projects their person leads: people of one municipality.
            throw InputError(Strings.personOfAnotherMunicipality(person.name))
        }
        try await database.transaction { db in
            let programmeID = try programme.requireID()
            let existing = try await ProgrammeRoleAssignment.query(on: db)
                .filter(\.$user.$id == user.requireID()).filter(\.$programme.$id == programmeID).first()
            let before = existing?.role
            guard before != role else { return }
            if let role {
                try await ProgrammeRoleAssignment.grant(role, to: user, inProgramme: programmeID, on: db)
            } else {
                try await existing?.delete(on: db)
            }
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: .roleGrant, entity: "account",
                        entityID: user.id?.uuidString,
                        programmeID: programmeID, periodID: nil,
                        before: AuditRecord.json(["e-mail": user.email, "rol": before?.rawValue]),
                        after: AuditRecord.json(["e-mail": user.email, "rol": role?.rawValue]))
                ], on: db)
        }
    }

    /// The person with this name (in `organisation`, by its name, where one is given); nil for
    /// no name; an error for an unknown one, or for a name that more than one municipality
    /// knows while none is given: an account is linked within one municipality.
    static func personID(named name: String?, organisation: String? = nil, on db: any Database) async throws -> UUID? {
        guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        let within = organisation?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let people = try await Person.query(on: db).with(\.$organisation).all()
            .filter {
                $0.name.lowercased() == name.lowercased()
                    && (within.isEmpty || $0.organisation.name.lowercased() == within)
            }
        guard let person = people.first else {
            throw InputError(
                within.isEmpty
                    ? Strings.personNotFound(name) : Strings.personNotFoundIn(name, organisation: organisation ?? ""))
        }
        let municipalities = Set(people.map(\.organisation.name)).sorted()
        guard municipalities.count == 1 else {
            throw InputError(Strings.personInSeveralMunicipalities(name, municipalities))
        }
        return person.id
    }
}

/// The beheerder's page of accounts and roles: GET lists them, POSTs add an account or
/// change a role.
enum AccountAdminController {
    static func list(_ req: Request) async throws -> Response {
        let user = try await Access.requireAdministrator(req)
        return try await page(
            req, user: user, notice: req.query[String.self, at: "melding"].flatMap(Strings.deskNotice))
    }

    static func page(
        _ req: Request, user: User, notice: String? = nil, problems: [FieldProblem] = [], form: [String: String] = [:],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let users = try await User.query(on: req.db).sort(\.$email).all()
        let programmes = try await Programme.query(on: req.db).sort(\.$name).all()
        let roles = try await ProgrammeRoleAssignment.query(on: req.db).all()
        let people = try await Person.query(on: req.db).all()
        let model = AccountAdminModel(
            viewer: Viewer(user: user, role: .administrator, csrf: CSRF.token(for: req)), users: users,
            programmes: programmes,
            roles: Dictionary(grouping: roles, by: \.$user.id),
            people: Dictionary(people.compactMap { p in p.id.map { ($0, p.name) } }, uniquingKeysWith: { a, _ in a }),
            notice: notice, problems: problems, form: form)
        return AccountAdminView.page(model, settings: req.settings).response(status: status)
    }

    static func add(_ req: Request) async throws -> Response {
        let admin = try await Access.requireAdministrator(req)
        try CSRF.verify(req)
        let fields = FormFields(req)
        do {
            typealias Field = AccountField
            _ = try await AccountAdministration(actor: admin.email, address: req.clientAddress).add(
                email: fields[Field.email] ?? "", name: fields[Field.name] ?? "",
                password: fields[Field.password] ?? "",
                administrator: fields.has(Field.administrator), person: fields[Field.person],
                organisation: fields[Field.personOrganisation],
                on: req.db)
        } catch let error as InputError {
            var form = fields.values
            form[AccountField.password.name] = nil  // never sent back
            return try await page(
                req, user: admin, problems: [FieldProblem(field: AccountField.email, message: error.message)],
                form: form,
                status: error.status)
        }
        return req.redirect(to: SiteURL.users.path + "?melding=account", redirectType: .normal)
    }

    /// `gebruiker` (id), `programma` (slug), `rol` (a role, or `geen`).
    static func role(_ req: Request) async throws -> Response {
        let admin = try await Access.requireAdministrator(req)
        try CSRF.verify(req)
        let fields = FormFields(req)
        guard let userID = fields[RoleField.user].flatMap(UUID.init(uuidString:)),
            let user = try await User.find(userID, on: req.db)
        else {
            return try await page(
                req, user: admin, problems: [FieldProblem(field: RoleField.user, message: Strings.chooseUser)],
                status: .unprocessableEntity)
        }
        guard let slug = fields[RoleField.programme],
            let programme = try await Programme.query(on: req.db).filter(\.$slug == slug).first()
        else {
            return try await page(
                req, user: admin,
                problems: [FieldProblem(field: RoleField.programme, message: Strings.chooseProgramme)],
                status: .unprocessableEntity)
        }
        let value = fields[RoleField.role] ?? ""
        guard value == "geen" || ProgrammeRole(rawValue: value) != nil, value != ProgrammeRole.administrator.rawValue
        else {
            return try await page(
                req, user: admin, problems: [FieldProblem(field: RoleField.role, message: Strings.chooseRole)],
                status: .unprocessableEntity)
        }
        try await AccountAdministration(actor: admin.email, address: req.clientAddress)
            .setRole(ProgrammeRole(rawValue: value), for: user, in: programme, on: req.db)
        return req.redirect(to: SiteURL.users.path + "?melding=rol", redirectType: .normal)
    }
}

/// The form that adds an account, by the names it posts.
enum AccountField: String, CaseIterable, FormField {
    case email
    case name = "naam"
    case password = "wachtwoord"
    case person = "persoon"
    case personOrganisation = "persoon-gemeente"
    /// A checkbox: present makes the account an administrator.
    case administrator = "beheerder"
}

/// The form that gives an account a role in a programme: the role, or `geen` for none.
enum RoleField: String, CaseIterable, FormField {
    case user = "gebruiker"
    case programme = "programma"
    case role = "rol"
}

struct AccountAdminModel: Sendable {
    var viewer: Viewer
    var users: [User]
    var programmes: [Programme]
    var roles: [UUID: [ProgrammeRoleAssignment]]
    var people: [UUID: String]
    var notice: String?
    var problems: [FieldProblem]
    var form: [String: String]
}
