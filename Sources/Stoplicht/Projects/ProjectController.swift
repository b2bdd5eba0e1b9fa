import Vapor

enum ProjectController {
    static func show(_ req: Request) async throws -> Response {
        let model = try await ProjectShowModel.query(
            slug: try req.parameters.require("programme"), number: try req.parameters.require("number"), on: req.db)
        return ProjectShowView.page(model, settings: req.settings).response()
    }
}
