import Fluent
import StoplichtCore
import Vapor

/// Who is asking, and what they may do in one programme.
struct Viewer: Sendable {
    var user: User?
    var role: ProgrammeRole?
    /// The session's CSRF token, for the forms a page shows; nil for an anonymous reader.
    var csrf: String?

    var isLoggedIn: Bool { user != nil }

    func may(_ action: ProgrammeAction, leadsProject: Bool = false) -> Bool {
        Permissions.allows(role, action, leadsProject: leadsProject)
    }
}

/// The checks every page and form makes: login, the programme's access, the permission
/// matrix. A refusal is a 403 with a Dutch page; no login is a redirect to the login page.
enum Access {
    /// The viewer of a programme page: anyone where the programme is open, else a logged-in
    /// person with a role in it. `published` says the page is a published report, which a
    /// programme may open to everyone.
    static func reader(_ req: Request, programme: Programme, published: Bool = false) async throws -> Viewer {
        let viewer = try await viewer(req, programme: programme)
        if viewer.may(.read) { return viewer }
        switch programme.access {
        case .open: return viewer
        case .publishedReports where published: return viewer
        default: break
        }
        guard viewer.isLoggedIn else { throw NotLoggedIn(returnPath: req.url.string) }
        throw InputError(Strings.forbidden(.read, role: viewer.role), status: .forbidden)
    }

    /// A logged-in viewer allowed `action`; for a project's own edits, `project` decides
    /// whether the user leads it.
    static func require(_ action: ProgrammeAction, _ req: Request, programme: Programme, project: Project? = nil)
        async throws -> Viewer
    {
        let user = try await AccountSession.requireUser(req)
        let viewer = Viewer(
            user: user,
            role: try await ProgrammeRoleAssignment.role(of: user, inProgramme: programme.requireID(), on: req.db),
            csrf: CSRF.token(for: req))
        var leading = false
        if let project, action == .editOwnProject, viewer.role == .projectLeader {
            leading = try await Self.leads(user, project, on: req.db)
        }
        guard viewer.may(action, leadsProject: leading) || action == .editOwnProject && viewer.may(.editAnyProject)
        else {
            throw InputError(Strings.forbidden(action, role: viewer.role), status: .forbidden)
        }
        return viewer
    }

    /// Whoever is logged in (or nobody), with their role in the programme.
    static func viewer(_ req: Request, programme: Programme) async throws -> Viewer {
        guard let user = try await AccountSession.currentUser(req) else { return Viewer() }
        return Viewer(
            user: user,
            role: try await ProgrammeRoleAssignment.role(of: user, inProgramme: programme.requireID(), on: req.db),
            csrf: CSRF.token(for: req))
    }

    /// Whether the account's person is one of the project's leaders.
    static func leads(_ user: User, _ project: Project, on db: any Database) async throws -> Bool {
        guard let personID = user.personID else { return false }
        return try await ProjectLeader.query(on: db).filter(\.$project.$id == project.requireID())
            .filter(\.$person.$id == personID).first() != nil
    }

    /// A beheerder, or a 403.
    static func requireAdministrator(_ req: Request) async throws -> User {
        let user = try await AccountSession.requireUser(req)
        guard user.isAdministrator else { throw InputError(Strings.forbiddenAdministrator, status: .forbidden) }
        return user
    }
}
