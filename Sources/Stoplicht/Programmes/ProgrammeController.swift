import Fluent
import Vapor

/// The reading pages of programmes. Each checks the programme's access before it renders.
enum ProgrammeController {
    static func index(_ req: Request) async throws -> Response {
        ProgrammeIndexView.page(try await ProgrammeIndexModel.query(req), settings: req.settings).response()
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
