import Vapor

enum ProjectController {
    static func show(_ req: Request) async throws -> Response {
        try await CachedPage.programmePage(req) { context, viewer in try await page(context, viewer: viewer, req) }
    }

    private static func page(_ context: ProgrammeContext, viewer: Viewer, _ req: Request) async throws -> Layout {
        var model = try await ProjectShowModel.query(context, number: try req.parameters.require("number"), on: req.db)
        model.viewer = viewer
        if let user = viewer.user {
            if viewer.may(.editAnyProject) {
                model.mayEdit = true
            } else if viewer.role == .projectLeader {
                model.mayEdit = try await Access.leads(user, model.project, on: req.db)
            }
        }
        model.justSaved = req.query[String.self, at: "bijgewerkt"] != nil
        // The programme manager gets the form to add a first prerequisite; others see the plan where there are any.
        model.schedule =
            viewer.may(.manageProjects)
            ? try await ProgrammeSchedule.load(model.context, period: nil, on: req.db)
            : try await ProgrammeSchedule.loadIfLinked(model.context, period: nil, on: req.db)
        try await PlanningController.loadPostponements(&model, manages: viewer.may(.manageProjects), on: req.db)
        return ProjectShowView.page(model, settings: req.settings)
    }
}
