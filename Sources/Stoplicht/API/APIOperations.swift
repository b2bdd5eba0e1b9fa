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
    /// The schema name of the request body, for a write.
    var requestBody: String? = nil
    /// Answers beyond 200, 400, 401, 403 and 404: code → meaning.
    var otherResponses: [String: String] = [:]
    /// The answer carries an ETag (and a write wants it back in If-Match).
    var etag = false

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
    static let numberParameter = APIOperation.Parameter(name: "number", location: "path", required: true,
                                                       schema: ["type": "integer", "minimum": 1, "example": 2], description: "Het projectnummer.")
    static let periodParameter = APIOperation.Parameter(name: "period", location: "query", required: false, schema: ["type": "string"],
                                                       description: "De periode (standaard de laatste), bijv. juni-t-m-oktober-2018.")
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
        APIOperation(method: .GET, path: "/programmes/{programme}/projects/{number}/status", operationID: "getStatus",
                     summary: "De status van een project in een periode, met de ETag om hem te wijzigen",
                     parameters: [programmeParameter, numberParameter, periodParameter], response: "Status", handler: StatusesAPI.show, etag: true),
        APIOperation(method: .PUT, path: "/programmes/{programme}/projects/{number}/status", operationID: "putStatus",
                     summary: "De status van een project bijwerken (de projectleider of de programmamanager; een token met lezen-schrijven)",
                     parameters: [programmeParameter, numberParameter, periodParameter,
                                  .init(name: "If-Match", location: "header", required: true, schema: ["type": "string", "example": "\"3\""],
                                        description: "De ETag van de status zoals u hem ophaalde.")],
                     response: "Status", handler: StatusesAPI.update, requestBody: "Status",
                     otherResponses: ["409": "De periode is gepubliceerd of in review.", "412": "De status is intussen gewijzigd; de actuele ETag staat in de kop.",
                                      "413": "De inhoud is groter dan 1 MB.", "422": "De status klopt niet (bijv. oranje zonder toelichting).",
                                      "428": "If-Match ontbreekt.", "503": "De database was even bezet; niets opgeslagen, probeer het opnieuw."],
                     etag: true),
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
        for operation in all {
            if operation.requestBody != nil {
                // A status with its texts at their longest fits well within 1 MB; more is a 413.
                app.on(operation.method, operation.components, body: .collect(maxSize: "1mb"), use: operation.handler)
            } else {
                app.on(operation.method, operation.components, use: operation.handler)
            }
        }
    }
}
