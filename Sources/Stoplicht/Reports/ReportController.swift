import Vapor

enum ReportController {
    static func show(_ req: Request) async throws -> Response {
        let model = try await ReportPageModel.query(
            programme: try req.parameters.require("programme"), period: try req.parameters.require("period"), on: req.db)
        return ReportPageView.page(model, settings: req.settings).response()
    }
}
