import Foundation
import Vapor

/// Every API operation, declared once: the routes are registered from this list and the
/// OpenAPI document is written from it, so the two cannot drift apart (a test checks the
/// routes the application has against the document).
struct APIOperation: Sendable {
    struct Parameter: Sendable {
        var name: String
        var location: String  // "path" or "query"
        var required: Bool
        var schema: [String: any Sendable]
        var description: String
    }

    var method: HTTPMethod
    /// OpenAPI form: "/programmes/{programme}/projects".
    var path: String
    var operationID: String
    var summary: String
    var parameters: [Parameter]
    /// The schema name in components/schemas of the 200 answer.
    var response: String
    var handler: @Sendable (Request) async throws -> Response

    /// Vapor's path components: "{programme}" becomes ":programme".
    var components: [PathComponent] {
        ["api", "v1"] + path.split(separator: "/").map { part in
            part.hasPrefix("{") ? PathComponent.parameter(String(part.dropFirst().dropLast())) : PathComponent.constant(String(part))
        }
    }
}

enum APIOperations {
    static let programmeParameter = APIOperation.Parameter(name: "programme", location: "path", required: true,
                                                          schema: ["type": "string", "example": "dienstverlening"],
                                                          description: "Het programma, zoals in de adresbalk: dienstverlening.")
    static let pageParameters = [
        APIOperation.Parameter(name: "page", location: "query", required: false, schema: ["type": "integer", "minimum": 1, "maximum": 1_000_000, "default": 1],
                               description: "De pagina, vanaf 1."),
        APIOperation.Parameter(name: "page-size", location: "query", required: false,
                               schema: ["type": "integer", "minimum": 1, "maximum": APIPage.maximumSize, "default": 20], description: "Aantal per pagina."),
    ]

    static let all: [APIOperation] = [
        APIOperation(method: .GET, path: "/programmes", operationID: "listProgrammes", summary: "De programma's die u mag lezen",
                     parameters: pageParameters, response: "ProgrammeList", handler: ProgrammesAPI.list),
        APIOperation(method: .GET, path: "/programmes/{programme}", operationID: "getProgramme", summary: "Eén programma met zijn perioden",
                     parameters: [programmeParameter], response: "Programme", handler: ProgrammesAPI.show),
        APIOperation(method: .GET, path: "/programmes/{programme}/projects", operationID: "listProjects",
                     summary: "De projecten van een programma met hun status in een periode",
                     parameters: [programmeParameter,
                                  .init(name: "period", location: "query", required: false, schema: ["type": "string"],
                                        description: "De periode (standaard de laatste), bijv. juni-t-m-oktober-2018."),
                                  .init(name: "light", location: "query", required: false, schema: ["type": "string"],
                                        description: "Alleen projecten met dit stoplicht (de code uit de legenda, bijv. oranje), of ‘geen’; leeg is geen filter."),
                                  .init(name: "lifecycle", location: "query", required: false,
                                        schema: ["type": "string", "enum": ["niet-gestart", "lopend", "uitgesteld", "opgeleverd", "gestopt"]],
                                        description: "Alleen projecten in deze levensfase.")] + pageParameters,
                     response: "ProjectList", handler: ProgrammesAPI.projects),
        APIOperation(method: .GET, path: "/openapi.json", operationID: "getOpenAPI", summary: "Dit document",
                     parameters: [], response: "OpenAPI", handler: { req in OpenAPIDocument.response(req) }),
    ]

    /// The methods the API answers on a path ("/api/v1/programmes/x/projects"), by the operations' templates.
    static func methods(for path: String) -> [HTTPMethod] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return all.filter { operation in
            let template = operation.components
            guard template.count == parts.count else { return false }
            return zip(template, parts).allSatisfy { component, part in
                if case .constant(let text) = component { return text == part }
                return true
            }
        }.map(\.method)
    }

    static func register(_ app: Application) {
        for operation in all { app.on(operation.method, operation.components, use: operation.handler) }
    }
}
