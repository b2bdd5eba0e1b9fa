import Fluent
import Vapor

/// The reading pages of programmes. Each checks the programme's access before it renders.
enum ProgrammeController {
    /// The start page, kept like a live page: for its reader (their account and the
    /// session's form token) until the next commit, which may change what they see.
    static func index(_ req: Request) async throws -> Response {
        let user = AccountSession.sessionUser(req)
        let key = CachedPage.key(
            req, user: user, role: nil, csrf: user == nil ? nil : req.accountSession[AccountSession.csrfKey])
        return try await CachedPage.respond(req, key: key) {
            ProgrammeIndexView.page(try await ProgrammeIndexModel.query(req), settings: req.settings)
        }
    }

    static func show(_ req: Request) async throws -> Response {
        try await CachedPage.programmePage(req) { context, viewer in
            var model = try await ProgrammeOverviewModel.query(
                context, light: req.query[String.self, at: "licht"], on: req.db)
            model.viewer = viewer
            if viewer.role == .projectLeader {
                model.ownProjects = try await Project.numbers(
                    ledBy: viewer.user?.personID, inProgramme: context.programme.requireID(), on: req.db)
            }
            return ProgrammeOverviewView.page(model, settings: req.settings)
        }
    }

    static func trend(_ req: Request) async throws -> Response {
        try await CachedPage.programmePage(req) { context, viewer in
            ProgrammeTrendView.page(
                try await ProgrammeTrendModel.query(context, on: req.db), viewer: viewer, settings: req.settings)
        }
    }
}

/// Who is logged in on the start page.
struct IndexAccount: Sendable {
    var name: String
    var csrf: String
    var isAdministrator: Bool
}
