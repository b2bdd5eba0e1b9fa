import Fluent
import StoplichtCore
import Vapor

/// Adding, changing and archiving projects: the programme manager's.
enum ProjectAdminController {
    static func newForm(_ req: Request) async throws -> Response {
        let (context, viewer) = try await programme(req)
        let numbers = try await takenNumbers(context, on: req.db)
        let model = ProjectFormModel(
            context: context, viewer: viewer, project: nil,
            input: ProjectInput(project: nil, leaders: [], items: [], nextNumber: (numbers.max() ?? 0) + 1))
        return ProjectFormView.page(model, settings: req.settings).response()
    }

    static func create(_ req: Request) async throws -> Response {
        let (context, viewer) = try await programme(req)
        try CSRF.verify(req)
        let input = ProjectInput(form: FormFields(req))
        let problems = input.problems(taken: try await takenNumbers(context, on: req.db))
        guard problems.isEmpty else {
            let model = ProjectFormModel(
                context: context, viewer: viewer, project: nil, input: input, problems: problems)
            return ProjectFormView.page(model, settings: req.settings).response(status: .unprocessableEntity)
        }
        let project = try await writer(context, viewer, req).write(input, over: nil, before: nil, on: req.db)
        return req.redirect(
            to: SiteURL.project(programme: context.slug, number: project.number).path, redirectType: .normal)
    }

    static func editForm(_ req: Request) async throws -> Response {
        let (context, viewer) = try await programme(req)
        let project = try await Project.find(req, in: context)
        let model = ProjectFormModel(
            context: context, viewer: viewer, project: project, input: try await current(project, on: req.db))
        return ProjectFormView.page(model, settings: req.settings).response()
    }

    static func update(_ req: Request) async throws -> Response {
        let (context, viewer) = try await programme(req)
        let project = try await Project.find(req, in: context)
        try CSRF.verify(req)
        let input = ProjectInput(form: FormFields(req))
        let problems = input.problems(taken: try await takenNumbers(context, on: req.db).subtracting([project.number]))
        guard problems.isEmpty else {
            let model = ProjectFormModel(
                context: context, viewer: viewer, project: project, input: input, problems: problems)
            return ProjectFormView.page(model, settings: req.settings).response(status: .unprocessableEntity)
        }
        let before = try await current(project, on: req.db)
        _ = try await writer(context, viewer, req).write(input, over: project, before: before, on: req.db)
        return req.redirect(
            to: SiteURL.project(programme: context.slug, number: project.number).path, redirectType: .normal)
    }

    /// `archief`: ja archives, nee takes the project out of the archive.
    static func archive(_ req: Request) async throws -> Response {
        let (context, viewer) = try await programme(req)
        let project = try await Project.find(req, in: context)
        try CSRF.verify(req)
        let archived = (try? req.content.get(String.self, at: ProjectArchiveField.archived.name)) != "nee"
        try await writer(context, viewer, req).setArchived(archived, project, on: req.db)
        return req.redirect(
            to: SiteURL.project(programme: context.slug, number: project.number).path, redirectType: .normal)
    }

    private static func programme(_ req: Request) async throws -> (ProgrammeContext, Viewer) {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        return (context, try await Access.require(.manageProjects, req, programme: context.programme))
    }

    private static func writer(_ context: ProgrammeContext, _ viewer: Viewer, _ req: Request) -> ProjectWriter {
        ProjectWriter(context: context, actor: viewer.user?.email ?? "", address: req.clientAddress)
    }

    static func takenNumbers(_ context: ProgrammeContext, on db: any Database) async throws -> Set<Int> {
        Set(try await Project.query(on: db).filter(\.$programme.$id == context.programme.requireID()).all(\.$number))
    }

    /// A project's own data as the form (and the API) shows it.
    static func current(_ project: Project, on db: any Database) async throws -> ProjectInput {
        let leaders = try await ProjectLeader.query(on: db).filter(\.$project.$id == project.requireID()).with(
            \.$person
        ).sort(\.$position).all()
        let items = try await ProjectItem.query(on: db).filter(\.$project.$id == project.requireID()).sort(\.$position)
            .all()
        return ProjectInput(
            project: project, leaders: leaders.map(\.person.name), items: items.map(\.title), nextNumber: 0)
    }
}

struct ProjectFormModel: Sendable {
    var context: ProgrammeContext
    var viewer: Viewer
    var project: Project?
    var input: ProjectInput
    var problems: [FieldProblem] = []
}
