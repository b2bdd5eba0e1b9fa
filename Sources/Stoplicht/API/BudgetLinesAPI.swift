import Fluent
import Foundation
import StoplichtCore
import Vapor

/// A programme's budget lines, amounts in whole cents: the programme manager reads and
/// writes them all; a project leader reads those of the projects they lead; a reader sees
/// the summary on the finance page, not the lines (403), as on the web.
enum BudgetLinesAPI {
    static let lineParameter = APIOperation.Parameter(
        name: "line", location: "path", required: true, schema: ["type": "string", "format": "uuid"],
        description: "Het id van de begrotingsregel.")
    static let sources = FundingSource.allCases.map(\.rawValue)
    static let natures = BudgetNature.allCases.map(\.rawValue)
    /// Ten billion euros, in cents: no municipal budget line comes near it.
    static let maximumCents: Int64 = 1_000_000_000_000

    static let operations: [APIOperation] = [
        APIOperation(
            method: .GET, path: "/programmes/{programme}/budget-lines", operationID: "listBudgetLines",
            summary: "De begrotingsregels (de programmamanager: alle; een projectleider: die van zijn projecten)",
            parameters: [
                APIOperations.programmeParameter,
                .init(
                    name: "project", location: "query", required: false,
                    schema: ["type": "integer", "minimum": 0, "maximum": 1_000_000],
                    description: "Alleen de regels van dit project; 0 voor die van het programma zelf."),
                .init(
                    name: "year", location: "query", required: false,
                    schema: ["type": "integer", "minimum": 2000, "maximum": 2100],
                    description: "Alleen dit begrotingsjaar."),
                .init(
                    name: "source", location: "query", required: false, schema: ["type": "string", "enum": sources],
                    description: "Alleen deze financieringsbron."),
            ] + APIOperations.pageParameters,
            response: "BudgetLineList", handler: list),
        APIOperation(
            method: .POST, path: "/programmes/{programme}/budget-lines", operationID: "createBudgetLine",
            summary: "Een begrotingsregel toevoegen (de programmamanager)",
            parameters: [APIOperations.programmeParameter],
            response: "BudgetLine", handler: create, requestBody: "BudgetLineInput",
            otherResponses: APIOperations.writeResponses(
                "Een waarde klopt niet (bron, karakter, jaar, bedrag of project).", etag: false
            )
            .filter { $0.key != "409" },
            etag: true, success: .created),
        APIOperation(
            method: .GET, path: "/programmes/{programme}/budget-lines/{line}", operationID: "getBudgetLine",
            summary: "Eén begrotingsregel, met de ETag om hem te wijzigen",
            parameters: [APIOperations.programmeParameter, lineParameter],
            response: "BudgetLine", handler: show, etag: true),
        APIOperation(
            method: .PUT, path: "/programmes/{programme}/budget-lines/{line}", operationID: "putBudgetLine",
            summary: "Een begrotingsregel wijzigen (de programmamanager)",
            parameters: [
                APIOperations.programmeParameter, lineParameter,
                APIOperations.ifMatch("de begrotingsregel", example: "\"4f1c2a9b0d3e5f67\""),
            ],
            response: "BudgetLine", handler: update, requestBody: "BudgetLineInput",
            otherResponses: APIOperations.writeResponses(
                "Een waarde klopt niet (bron, karakter, jaar, bedrag of project)."
            ).filter { $0.key != "409" },
            etag: true),
    ]

    static var schemas: [String: Any] {
        let cents: [String: Any] = [
            "type": "integer", "format": "int64", "minimum": -maximumCents, "maximum": maximumCents,
        ]
        return [
            "BudgetLine": [
                "type": "object",
                "required": ["id", "source", "nature", "year", "description", "budgetCents", "commitmentCents"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"],
                    "project": [
                        "type": "integer", "nullable": true,
                        "description": "Het projectnummer; leeg voor het programma zelf.",
                    ],
                    "source": ["type": "string", "enum": sources], "nature": ["type": "string", "enum": natures],
                    "year": ["type": "integer"], "description": ["type": "string"],
                    "budgetCents": [
                        "type": "integer", "format": "int64", "description": "Het begrote bedrag in centen.",
                    ],
                    "commitmentCents": [
                        "type": "integer", "format": "int64", "description": "De verplichtingen in centen.",
                    ],
                ],
            ],
            "BudgetLineInput": [
                "type": "object", "required": ["source", "nature", "year", "budgetCents"],
                "additionalProperties": false,
                "properties": [
                    "project": ["type": "integer", "minimum": 1, "maximum": 1_000_000, "nullable": true],
                    "source": ["type": "string", "enum": sources], "nature": ["type": "string", "enum": natures],
                    "year": ["type": "integer", "minimum": 2000, "maximum": 2100],
                    "description": ["type": "string", "maxLength": 500, "nullable": true], "budgetCents": cents,
                    "commitmentCents": cents.merging(["nullable": true]) { a, _ in a },
                ],
            ],
            "BudgetLineList": [
                "type": "object", "required": ["budgetLines", "total", "_links"],
                "properties": [
                    "budgetLines": ["type": "array", "items": ["$ref": "#/components/schemas/BudgetLine"]],
                    "total": ["type": "integer"], "_links": OpenAPIDocument.links,
                ],
            ],
        ]
    }

    struct LineBody: Content {
        var id: UUID
        var project: Int?
        var source: String
        var nature: String
        var year: Int
        var description: String
        var budgetCents: Int64
        var commitmentCents: Int64
    }

    struct LineInput: Content, Equatable {
        var project: Int?
        var source: String
        var nature: String
        var year: Int
        var description: String?
        var budgetCents: Int64
        var commitmentCents: Int64?
    }

    struct LineList: Content {
        var budgetLines: [LineBody]
        var total: Int
        var _links: APILinks
    }

    static func etag(_ line: BudgetLine, project: Int?) -> String {
        APIWrite.etag([
            project.map(String.init), line.source.rawValue, line.nature.rawValue, String(line.year), line.description,
            String(line.budgetCents), String(line.commitmentCents),
        ])
    }

    static func body(_ line: BudgetLine, project: Int?) throws -> LineBody {
        LineBody(
            id: try line.requireID(), project: project, source: line.source.rawValue, nature: line.nature.rawValue,
            year: line.year,
            description: line.description, budgetCents: line.budgetCents, commitmentCents: line.commitmentCents)
    }

    /// The lines the caller may read, each with its project's number; nil numbers are the programme's own.
    static func readable(_ req: Request, _ context: ProgrammeContext) async throws -> [(BudgetLine, Int?)] {
        let viewer = try await APIAccess.reader(req, programme: context.programme)
        let programmeID = try context.programme.requireID()
        var led: Set<Int>? = nil
        if !viewer.may(.editAnyProject) {
            guard viewer.role == .projectLeader else {
                throw InputError(
                    viewer.user == nil ? Strings.apiLoginRequired : Strings.apiBudgetLinesBoard,
                    status: viewer.user == nil ? .unauthorized : .forbidden)
            }
            led = try await Project.numbers(ledBy: viewer.user?.personID, inProgramme: programmeID, on: req.db)
        }
        let lines = try await BudgetLine.query(on: req.db).filter(\.$programme.$id == programmeID).with(\.$project)
            .sort(\.$year).sort(\.$id).all()
        return lines.map { ($0, $0.project?.number) }.filter { _, number in
            led.map { set in number.map(set.contains) ?? false } ?? true
        }
    }

    static func list(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        var lines = try await readable(req, context)
        let page = try APIPage(req)
        if let text = req.query[String.self, at: "project"] {
            guard let number = Int(text), (0...1_000_000).contains(number) else {
                throw InputError(Strings.apiPageInvalid("project", text), status: .badRequest)
            }
            lines = lines.filter { number == 0 ? $0.1 == nil : $0.1 == number }
        }
        if let text = req.query[String.self, at: "year"] {
            guard let year = Int(text), (2000...2100).contains(year) else {
                throw InputError(Strings.apiPageInvalid("year", text), status: .badRequest)
            }
            lines = lines.filter { $0.0.year == year }
        }
        if let text = req.query[String.self, at: "source"] {
            guard let source = FundingSource(rawValue: text) else {
                throw InputError(Strings.apiPageInvalid("source", text), status: .badRequest)
            }
            lines = lines.filter { $0.0.source == source }
        }
        let bodies = try page.slice(lines).map { try body($0.0, project: $0.1) }
        return try await LineList(budgetLines: bodies, total: lines.count, _links: page.links(req, total: lines.count))
            .encodeResponse(for: req)
    }

    static func find(_ req: Request, in lines: [(BudgetLine, Int?)]) throws -> (BudgetLine, Int?) {
        let id = try req.parameters.require("line")
        guard let uuid = UUID(uuidString: id), let found = lines.first(where: { $0.0.id == uuid }) else {
            throw InputError(Strings.apiBudgetLineNotFound(id), status: .notFound)
        }
        return found
    }

    static func show(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let (line, project) = try find(req, in: try await readable(req, context))
        return try await APIWrite.respond(try body(line, project: project), etag: etag(line, project: project), req)
    }

    /// The body checked, its project looked up: (the fields to set, the project's id and number).
    static func input(_ req: Request, _ context: ProgrammeContext) async throws -> (
        LineInput, FundingSource, BudgetNature, UUID?
    ) {
        let input = try APIWrite.decode(LineInput.self, req, schema: "BudgetLineInput")
        guard let source = FundingSource(rawValue: input.source) else {
            throw InputError(Strings.apiUnknownValue("source", input.source, sources))
        }
        guard let nature = BudgetNature(rawValue: input.nature) else {
            throw InputError(Strings.apiUnknownValue("nature", input.nature, natures))
        }
        guard (2000...2100).contains(input.year) else { throw InputError(Strings.budgetYearRequired) }
        guard abs(input.budgetCents) <= maximumCents else { throw InputError(Strings.apiAmountInvalid("budgetCents")) }
        guard abs(input.commitmentCents ?? 0) <= maximumCents else {
            throw InputError(Strings.apiAmountInvalid("commitmentCents"))
        }
        try APIWrite.text(input.description ?? "", "De omschrijving", maximum: 500)
        var projectID: UUID?
        if let number = input.project {
            guard
                let project = try await Project.find(
                    number: number, inProgramme: context.programme.requireID(), on: req.db)
            else {
                throw InputError(Strings.projectNotFound(String(number)))
            }
            projectID = project.id
        }
        return (input, source, nature, projectID)
    }

    static func create(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let (_, client) = try await APIAccess.writer(req, .manageFinances, programme: context.programme)
        let (input, source, nature, projectID) = try await input(req, context)
        let line = BudgetLine(
            programmeID: try context.programme.requireID(), projectID: projectID, source: source, nature: nature,
            year: input.year,
            description: input.description ?? "", budgetCents: input.budgetCents,
            commitmentCents: input.commitmentCents ?? 0)
        try await APIWrite.run {
            try await BudgetLines.insert(
                line, projectNumber: input.project, actor: client.user.email, address: req.clientAddress, on: req.db)
        }
        return try await APIWrite.respond(
            try body(line, project: input.project), etag: etag(line, project: input.project), status: .created,
            location: "/api/v1/programmes/\(context.slug)/budget-lines/\(try line.requireID())", req)
    }

    static func update(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let (_, client) = try await APIAccess.writer(req, .manageFinances, programme: context.programme)
        let (found, _) = try find(req, in: try await readable(req, context))
        let match = try APIWrite.ifMatch(req, what: "de begrotingsregel")
        let (input, source, nature, projectID) = try await input(req, context)
        let id = try found.requireID()
        let result: Result<BudgetLine, StaleTag> = try await APIWrite.run {
            try await req.db.transaction { db in
                try await db.lockRow(BudgetLine.schema, column: "year", id: id)
                guard let current = try await BudgetLine.query(on: db).filter(\.$id == id).with(\.$project).first()
                else {
                    throw InputError(Strings.apiBudgetLineNotFound(id.uuidString), status: .notFound)
                }
                let number = current.project?.number
                guard APIWrite.matches(match, current: etag(current, project: number)) else {
                    return .failure(StaleTag(etag: etag(current, project: number)))
                }
                let before = BudgetLines.audited(current, projectNumber: number)
                current.$project.id = projectID
                current.source = source
                current.nature = nature
                current.year = input.year
                current.description = input.description ?? ""
                current.budgetCents = input.budgetCents
                current.commitmentCents = input.commitmentCents ?? 0
                guard current.hasChanges else { return .success(current) }
                try await current.save(on: db)
                try await AuditTrail.append(
                    [
                        AuditRecord(
                            at: Date(), actor: client.user.email, address: req.clientAddress, action: .budgetLineUpdate,
                            entity: "begrotingsregel",
                            entityID: id.uuidString, programmeID: current.$programme.id, periodID: nil,
                            before: AuditRecord.json(before),
                            after: AuditRecord.json(BudgetLines.audited(current, projectNumber: input.project)))
                    ], on: db)
                return .success(current)
            }
        }
        switch result {
        case .success(let line):
            return try await APIWrite.respond(
                try body(line, project: input.project), etag: etag(line, project: input.project), req)
        case .failure(let stale):
            return APIWrite.preconditionFailed(req, what: "de begrotingsregel", current: stale.etag)
        }
    }
}
