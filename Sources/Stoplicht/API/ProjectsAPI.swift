import Fluent
import Foundation
import StoplichtCore
import Vapor

/// A project's own data — number, name, leaders, lifecycle, phase, sub-items, archived —
/// read by the programme's readers, added and changed by the programme manager with the
/// web form's checks and audit entries (`ProjectInput`, `ProjectWriter`).
enum ProjectsAPI {
    static let phases = Phase.allCases.map(\.rawValue)
    static let lifecycles = Lifecycle.allCases.map(\.rawValue)

    static let operations: [APIOperation] = [
        APIOperation(
            method: .POST, path: "/programmes/{programme}/projects", operationID: "createProject",
            summary: "Een project toevoegen (de programmamanager); het doet mee in de open periode",
            parameters: [APIOperations.programmeParameter], response: "ProjectDetail", handler: create,
            requestBody: "ProjectInput",
            otherResponses: APIOperations.writeResponses(
                "Het nummer is bezet of ongeldig, de naam ontbreekt, of de fase bestaat niet.", etag: false
            )
            .filter { $0.key != "409" },
            etag: true, success: .created),
        APIOperation(
            method: .GET, path: "/programmes/{programme}/projects/{number}", operationID: "getProject",
            summary: "Eén project: nummer, naam, projectleiders, levensfase, fase, onderdelen",
            parameters: [APIOperations.programmeParameter, APIOperations.numberParameter], response: "ProjectDetail",
            handler: show, etag: true),
        APIOperation(
            method: .PUT, path: "/programmes/{programme}/projects/{number}", operationID: "putProject",
            summary: "Een project wijzigen of archiveren (de programmamanager)",
            parameters: [
                APIOperations.programmeParameter, APIOperations.numberParameter,
                APIOperations.ifMatch("het project", example: "\"4f1c2a9b0d3e5f67\""),
            ],
            response: "ProjectDetail", handler: update, requestBody: "ProjectInput",
            otherResponses: APIOperations.writeResponses(
                "Het nummer is bezet of ongeldig, de naam ontbreekt, of de fase bestaat niet."
            )
            .filter { $0.key != "409" },
            etag: true),
    ]

    static var schemas: [String: Any] {
        let names: [String: Any] = ["type": "array", "items": ["type": "string", "maxLength": 200]]
        return [
            "ProjectDetail": [
                "type": "object", "required": ["number", "name", "leaders", "lifecycle", "items", "archived"],
                "properties": [
                    "number": ["type": "integer"], "name": ["type": "string"], "leaders": names,
                    "lifecycle": ["type": "string", "enum": lifecycles],
                    "phase": ["type": "string", "nullable": true, "enum": phases as [Any] + [NSNull()]],
                    "items": ["type": "array", "items": ["type": "string"]], "archived": ["type": "boolean"],
                ],
            ],
            "ProjectInput": [
                "type": "object", "required": ["name"], "additionalProperties": false,
                "properties": [
                    "number": [
                        "type": "integer", "minimum": 1, "maximum": 999_999, "nullable": true,
                        "description": "Leeg bij toevoegen: het volgende vrije nummer.",
                    ],
                    "name": ["type": "string", "minLength": 1, "maxLength": 500],
                    "leaders": names.merging(["nullable": true, "maxItems": 50]) { a, _ in a },
                    "lifecycle": ["type": "string", "enum": lifecycles as [Any] + [NSNull()], "nullable": true],
                    "phase": ["type": "string", "enum": phases as [Any] + [NSNull()], "nullable": true],
                    "items": [
                        "type": "array", "items": ["type": "string", "maxLength": 500], "maxItems": 500,
                        "nullable": true,
                    ],
                    "archived": ["type": "boolean", "nullable": true],
                ],
            ],
        ]
    }

    struct ProjectDetail: Content {
        var number: Int
        var name: String
        var leaders: [String]
        var lifecycle: String
        var phase: String?
        var items: [String]
        var archived: Bool
    }

    struct ProjectBody: Content, Equatable {
        var number: Int?
        var name: String
        var leaders: [String]?
        var lifecycle: String?
        var phase: String?
        var items: [String]?
        var archived: Bool?
    }

    static func etag(_ input: ProjectInput, archived: Bool) -> String {
        APIWrite.etag(
            input.described.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value ?? "")" } + [String(archived)])
    }

    static func show(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        _ = try await APIAccess.reader(req, programme: context.programme)
        let project = try await Project.find(req, in: context)
        let input = try await ProjectAdminController.current(project, on: req.db)
        return try await APIWrite.respond(
            ProjectDetail(input, archived: project.archived), etag: etag(input, archived: project.archived), req)
    }

    /// The body as the web form's input, checked as the form is: 422 with the first problem.
    static func input(_ req: Request, number: Int, taken: Set<Int>) throws -> (ProjectInput, Bool?) {
        let body = try APIWrite.decode(ProjectBody.self, req, schema: "ProjectInput")
        let lifecycle = try body.lifecycle.map { text in
            guard let lifecycle = Lifecycle(rawValue: text) else {
                throw InputError(Strings.apiUnknownValue("lifecycle", text, lifecycles))
            }
            return lifecycle
        }
        let input = ProjectInput(api: body, number: number, lifecycle: lifecycle)
        if let problem = input.problems(taken: taken).first { throw InputError(problem.message) }
        return (input, body.archived)
    }

    static func create(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let (_, client) = try await APIAccess.writer(req, .manageProjects, programme: context.programme)
        let taken = try await ProjectAdminController.takenNumbers(context, on: req.db)
        let (input, archived) = try input(req, number: (taken.max() ?? 0) + 1, taken: taken)
        let writer = ProjectWriter(context: context, actor: client.user.email, address: req.clientAddress)
        let project = try await APIWrite.run {
            let project = try await writer.write(input, over: nil, before: nil, on: req.db)
            if archived == true { try await writer.setArchived(true, project, on: req.db) }
            return project
        }
        return try await APIWrite.respond(
            ProjectDetail(input, archived: project.archived), etag: etag(input, archived: project.archived),
            status: .created, location: "/api/v1/programmes/\(context.slug)/projects/\(project.number)", req)
    }

    static func update(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let (_, client) = try await APIAccess.writer(req, .manageProjects, programme: context.programme)
        let project = try await Project.find(req, in: context)
        let match = try APIWrite.ifMatch(req, what: "het project")
        let taken = try await ProjectAdminController.takenNumbers(context, on: req.db).subtracting([project.number])
        let (input, archived) = try input(req, number: project.number, taken: taken)
        let writer = ProjectWriter(context: context, actor: client.user.email, address: req.clientAddress)
        let projectID = try project.requireID()
        let stale: String? = try await APIWrite.run {
            try await req.db.transaction { db in
                try await db.lockRow(Project.schema, column: "name", id: projectID)
                guard let current = try await Project.find(projectID, on: db) else {
                    throw InputError(Strings.projectNotFound(String(project.number)), status: .notFound)
                }
                let before = try await ProjectAdminController.current(current, on: db)
                guard APIWrite.matches(match, current: etag(before, archived: current.archived)) else {
                    return etag(before, archived: current.archived)
                }
                if input.described != before.described {
                    _ = try await writer.write(input, over: current, before: before, on: db)
                }
                if let archived { try await writer.setArchived(archived, current, on: db) }
                project.archived = current.archived
                return nil
            }
        }
        if let stale { return APIWrite.preconditionFailed(req, what: "het project", current: stale) }
        return try await APIWrite.respond(
            ProjectDetail(input, archived: project.archived), etag: etag(input, archived: project.archived), req)
    }
}

/// From the stored data; in an extension, so the memberwise initialiser stays for the
/// OpenAPI schema test's samples.
extension ProjectsAPI.ProjectDetail {
    init(_ input: ProjectInput, archived: Bool) {
        number = Int(input.number) ?? 0
        name = input.name
        leaders = input.leaderNames
        lifecycle = input.lifecycle.rawValue
        phase = input.phase.isEmpty ? nil : input.phase
        items = input.itemTitles
        self.archived = archived
    }
}
