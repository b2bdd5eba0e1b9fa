import Fluent
import Vapor

/// The reading pages of programmes. Each checks the programme's access before it renders.
enum ProgrammeController {
    static func index(_ req: Request) async throws -> Response {
        let user = try await AccountSession.currentUser(req)
        var programmes = try await ProgrammeSummary.all(on: req.db)
        var readable: Set<UUID> = []
        if let user {
            if user.isAdministrator {
                readable = Set(programmes.compactMap(\.programme.id))
            } else {
                readable = Set(try await ProgrammeRoleAssignment.query(on: req.db).filter(\.$user.$id == user.requireID()).all().map(\.$programme.id))
            }
        }
        // Where one reads nothing but published reports, the card leads to the latest of them.
        programmes = programmes.compactMap { summary in
            var summary = summary
            if summary.programme.access == .open || summary.programme.id.map(readable.contains) == true { return summary }
            guard summary.programme.access == .publishedReports else { return nil }
            summary.publishedOnly = true
            return summary
        }
        let account = user.map { IndexAccount(name: $0.name, csrf: CSRF.token(for: req), isAdministrator: $0.isAdministrator) }
        return ProgrammeIndexView.page(programmes, account: account, settings: req.settings).response()
    }

    static func show(_ req: Request) async throws -> Response {
        let slug = try req.parameters.require("programme")
        var model = try await ProgrammeOverviewModel.query(slug: slug, light: req.query[String.self, at: "licht"], on: req.db)
        model.viewer = try await Access.reader(req, programme: model.context.programme)
        if model.viewer.role == .projectLeader {
            model.ownProjects = try await Project.numbers(ledBy: model.viewer.user?.personID, inProgramme: model.context.programme.requireID(), on: req.db)
        }
        return ProgrammeOverviewView.page(model, settings: req.settings).response()
    }

    static func trend(_ req: Request) async throws -> Response {
        let model = try await ProgrammeTrendModel.query(slug: try req.parameters.require("programme"), on: req.db)
        _ = try await Access.reader(req, programme: model.context.programme)
        return ProgrammeTrendView.page(model, settings: req.settings).response()
    }
}

/// Who is logged in on the start page.
struct IndexAccount: Sendable {
    var name: String
    var csrf: String
    var isAdministrator: Bool
}
