import Fluent
import Foundation
import StoplichtCore
import Vapor

/// Read access to programmes and their projects with the status of a period.
enum ProgrammesAPI {
    static let operations: [APIOperation] = [
        APIOperation(
            method: .GET, path: "/programmes", operationID: "listProgrammes", summary: "De programma's die u mag lezen",
            parameters: APIOperations.pageParameters, response: "ProgrammeList", handler: list),
        APIOperation(
            method: .GET, path: "/programmes/{programme}", operationID: "getProgramme",
            summary: "Eén programma met zijn perioden",
            parameters: [APIOperations.programmeParameter], response: "Programme", handler: show),
        APIOperation(
            method: .GET, path: "/programmes/{programme}/projects", operationID: "listProjects",
            summary: "De projecten van een programma met hun status in een periode",
            parameters: [
                APIOperations.programmeParameter, APIOperations.periodParameter,
                .init(
                    name: "light", location: "query", required: false, schema: ["type": "string"],
                    description:
                        "Alleen projecten met dit stoplicht (de code uit de legenda, bijv. oranje), of ‘geen’; leeg is geen filter."
                ),
                .init(
                    name: "lifecycle", location: "query", required: false,
                    schema: ["type": "string", "enum": ProjectsAPI.lifecycles],
                    description: "Alleen projecten in deze levensfase."),
            ] + APIOperations.pageParameters,
            response: "ProjectList", handler: projects),
        APIOperation(
            method: .PUT, path: "/programmes/{programme}/access", operationID: "putProgrammeAccess",
            summary: "Wie het programma mag lezen: besloten, rapportages-openbaar of openbaar (een beheerder)",
            parameters: [APIOperations.programmeParameter], response: "Programme", handler: setAccess,
            requestBody: "ProgrammeAccess",
            otherResponses: APIOperations.writeResponses("Onbekende toegang.", etag: false).filter { $0.key != "409" }),
    ]

    static var schemas: [String: Any] {
        [
            "ProgrammeAccess": [
                "type": "object", "required": ["access"], "additionalProperties": false,
                "properties": ["access": ["type": "string", "enum": ProgrammeAccess.allCases.map(\.rawValue)]],
            ]
        ]
    }

    struct AccessBody: Content, Equatable { var access: String }

    static func setAccess(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let (_, client) = try await APIAccess.writer(req, .manageRoles, programme: context.programme)
        let input = try APIWrite.decode(AccessBody.self, req, schema: "ProgrammeAccess")
        guard let access = ProgrammeAccess(rawValue: input.access) else {
            throw InputError(Strings.apiUnknownValue("access", input.access, ProgrammeAccess.allCases.map(\.rawValue)))
        }
        try await APIWrite.run {
            try await PeriodController.setAccess(
                access, of: context.programme, actor: client.user.email, address: req.clientAddress, on: req.db)
        }
        return try await body(context).encodeResponse(for: req)
    }

    struct ProgrammeBody: Content {
        var slug: String
        var name: String
        var organisation: String
        var access: String
        var periods: [PeriodBody]
    }

    struct PeriodBody: Content {
        var slug: String
        var name: String
        var state: String
        var startsOn: String?
        var endsOn: String?
    }

    struct ProgrammeList: Content {
        var programmes: [ProgrammeBody]
        var total: Int
        var _links: APILinks
    }

    struct ProjectBody: Content {
        var number: Int
        var name: String
        var leaders: [String]
        var lifecycle: String
        var light: String?
        var plannedDelivery: String?
        var forecastDelivery: String?
        var remarks: String
    }

    struct ProjectList: Content {
        var programme: String
        var period: String?
        var projects: [ProjectBody]
        var total: Int
        var _links: APILinks
    }

    static func list(_ req: Request) async throws -> Response {
        let page = try APIPage(req)
        let total = try await APIAccess.readableProgrammes(req).count()
        // By name; the address decides between programmes of the same name.
        let shown = try await APIAccess.readableProgrammes(req).sort(\.$name).sort(\.$slug).range(page.rows).all()
        // The page's organisations and periods in two queries, however long the page.
        let organisations = try await Organisation.query(on: req.db).filter(\.$id ~~ Set(shown.map(\.$organisation.id)))
            .all()
        let names = Dictionary(
            organisations.compactMap { o in o.id.map { ($0, o.name) } }, uniquingKeysWith: { a, _ in a })
        let periods = Dictionary(
            grouping: try await ReportingPeriod.query(on: req.db).filter(\.$programme.$id ~~ shown.compactMap(\.id))
                .all(),
            by: \.$programme.id)
        let bodies = shown.map { programme in
            body(
                programme, organisation: names[programme.$organisation.id] ?? "",
                periods: ReportingPeriod.chronological(programme.id.flatMap { periods[$0] } ?? []))
        }
        return try await ProgrammeList(programmes: bodies, total: total, _links: page.links(req, total: total))
            .encodeResponse(for: req)
    }

    static func show(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        _ = try await APIAccess.reader(req, programme: context.programme)
        return try await body(context).encodeResponse(for: req)
    }

    /// `?period=…&light=oranje|geen&lifecycle=lopend` filter; paginated.
    static func projects(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        _ = try await APIAccess.reader(req, programme: context.programme)
        let page = try APIPage(req)
        // An empty filter is no filter.
        func filter(_ name: String) -> String? { req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        let period = try filter("period").map { try context.period(slug: $0) } ?? context.latestPeriod
        var wanted = APIProjectList.Filter(light: filter("light"))
        if let lifecycle = req.query[String.self, at: "lifecycle"] {
            guard let value = Lifecycle(rawValue: lifecycle) else {
                throw InputError(Strings.apiPageInvalid("lifecycle", lifecycle), status: .badRequest)
            }
            wanted.lifecycle = value
        }
        let (projects, total) = try await APIProjectList.load(
            context, period: period, filter: wanted, page: page, on: req.db)
        return try await ProjectList(
            programme: context.slug, period: period?.slug, projects: projects, total: total,
            _links: page.links(req, total: total)
        ).encodeResponse(for: req)
    }

    static func body(_ context: ProgrammeContext) -> ProgrammeBody {
        body(context.programme, organisation: context.organisation.name, periods: context.periods)
    }

    /// `periods` oldest first.
    static func body(_ programme: Programme, organisation: String, periods: [ReportingPeriod]) -> ProgrammeBody {
        ProgrammeBody(
            slug: programme.slug, name: programme.name, organisation: organisation, access: programme.access.rawValue,
            periods: periods.map(PeriodBody.init))
    }
}

/// From the stored data; in an extension, so the memberwise initialiser stays for the
/// OpenAPI schema test's samples.
extension ProgrammesAPI.PeriodBody {
    init(_ period: ReportingPeriod) {
        slug = period.slug
        name = period.name
        state = period.state.rawValue
        startsOn = period.startsOn
        endsOn = period.endsOn
    }
}
