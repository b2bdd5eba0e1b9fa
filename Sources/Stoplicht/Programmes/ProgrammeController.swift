import Vapor

enum ProgrammeController {
    static func index(_ req: Request) async throws -> Response {
        let programmes = try await ProgrammeSummary.all(on: req.db)
        return ProgrammeIndexView.page(programmes, settings: req.settings).response()
    }

    static func show(_ req: Request) async throws -> Response {
        let slug = try req.parameters.require("programme")
        let model = try await ProgrammeOverviewModel.query(slug: slug, light: req.query[String.self, at: "licht"], on: req.db)
        return ProgrammeOverviewView.page(model, settings: req.settings).response()
    }

    static func trend(_ req: Request) async throws -> Response {
        let model = try await ProgrammeTrendModel.query(slug: try req.parameters.require("programme"), on: req.db)
        return ProgrammeTrendView.page(model, settings: req.settings).response()
    }
}
