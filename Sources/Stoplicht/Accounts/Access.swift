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

/// What `Access.reader` allowed one session user (or an anonymous reader) in one
/// programme, kept under the database's version: while nothing is committed, the same
/// question gets the same answer, and a kept page is served without asking the database
/// for the programme, the account and the role again. Only a yes is kept.
struct ReaderPass: Sendable {
    var programmeID: UUID
    /// The account as found (nil: anonymous, or the session's account is gone).
    var userID: UUID?
    var role: ProgrammeRole?
    /// `userID` as text, made once for the keys of the pages the pass serves.
    let userKey: String?

    init(programmeID: UUID, userID: UUID?, role: ProgrammeRole?) {
        self.programmeID = programmeID
        self.userID = userID
        self.role = role
        userKey = userID?.uuidString
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

    /// The pass `reader` gave this request's reader for the programme `slug` under the
    /// database's version now, or nil when it has to be asked (again). The session's
    /// timeouts are applied first, as `reader` does.
    static func keptPass(_ req: Request, programme slug: String, published: Bool) -> EventLoopFuture<(pass: ReaderPass, version: String)?> {
        req.databaseVersion().map { version in
            guard let version else { return nil }
            return req.application.readerPasses.value(passKey(req, programme: slug, published: published), version: version).map { ($0, version) }
        }
    }

    /// Keeps what `reader` allowed `viewer` in `programme`, under the version the request read.
    static func keepPass(_ req: Request, programme: Programme, published: Bool, viewer: Viewer) async {
        guard let version = await req.databaseVersion(), let id = programme.id else { return }
        req.application.readerPasses.keep(ReaderPass(programmeID: id, userID: viewer.user?.id, role: viewer.role),
                                          key: passKey(req, programme: programme.slug, published: published), version: version, size: 96)
    }

    /// A pass is kept by the session's user (after its timeouts), the programme and whether
    /// a published report is read.
    private static func passKey(_ req: Request, programme slug: String, published: Bool) -> String {
        passKey(user: AccountSession.sessionUser(req), programme: slug, published: published)
    }

    /// `user`: the session's user as it holds it; nil for a reader without one.
    static func passKey(user: String?, programme slug: String, published: Bool) -> String {
        [user ?? "-", slug, published ? "gepubliceerd" : "live"].joined(separator: "\u{1F}")
    }

    /// A logged-in viewer allowed `action`; for a project's own edits, `project` decides
    /// whether the user leads it.
    static func require(_ action: ProgrammeAction, _ req: Request, programme: Programme, project: Project? = nil) async throws -> Viewer {
        let user = try await AccountSession.requireUser(req)
        let viewer = Viewer(user: user, role: try await ProgrammeRoleAssignment.role(of: user, inProgramme: programme.requireID(), on: req.db),
                            csrf: CSRF.token(for: req))
        var leading = false
        if let project, action == .editOwnProject, viewer.role == .projectLeader { leading = try await Self.leads(user, project, on: req.db) }
        guard viewer.may(action, leadsProject: leading) || action == .editOwnProject && viewer.may(.editAnyProject) else {
            throw InputError(Strings.forbidden(action, role: viewer.role), status: .forbidden)
        }
        return viewer
    }

    /// Whoever is logged in (or nobody), with their role in the programme.
    static func viewer(_ req: Request, programme: Programme) async throws -> Viewer {
        guard let user = try await AccountSession.currentUser(req) else { return Viewer() }
        return Viewer(user: user, role: try await ProgrammeRoleAssignment.role(of: user, inProgramme: programme.requireID(), on: req.db),
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
