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
    /// 200, 201 for a creation (with Location), 204 for a removal (no body).
    var success: HTTPResponseStatus = .ok

    /// Vapor's path components: "{programme}" becomes ":programme".
    var components: [PathComponent] {
        ["api", "v1"]
            + path.split(separator: "/").map { part in
                part.hasPrefix("{")
                    ? PathComponent.parameter(String(part.dropFirst().dropLast()))
                    : PathComponent.constant(String(part))
            }
    }
}

enum APIOperations {
    static let programmeParameter = APIOperation.Parameter(
        name: "programme", location: "path", required: true,
        schema: ["type": "string", "example": "dienstverlening"],
        description: "Het programma, zoals in de adresbalk: dienstverlening.")
    static let numberParameter = APIOperation.Parameter(
        name: "number", location: "path", required: true,
        schema: ["type": "integer", "minimum": 1, "example": 2], description: "Het projectnummer.")
    static let periodParameter = APIOperation.Parameter(
        name: "period", location: "query", required: false, schema: ["type": "string"],
        description: "De periode (standaard de laatste), bijv. juni-t-m-oktober-2018.")
    static let pageParameters = [
        APIOperation.Parameter(
            name: "page", location: "query", required: false,
            schema: ["type": "integer", "minimum": 1, "maximum": 1_000_000, "default": 1],
            description: "De pagina, vanaf 1."),
        APIOperation.Parameter(
            name: "page-size", location: "query", required: false,
            schema: ["type": "integer", "minimum": 1, "maximum": APIPage.maximumSize, "default": 20],
            description: "Aantal per pagina."),
    ]

    static let periodPathParameter = APIOperation.Parameter(
        name: "period", location: "path", required: true,
        schema: ["type": "string", "example": "juni-t-m-oktober-2018"],
        description: "De periode, zoals in de adresbalk: juni-t-m-oktober-2018.")

    static func ifMatch(_ what: String, example: String = "\"3\"") -> APIOperation.Parameter {
        APIOperation.Parameter(
            name: "If-Match", location: "header", required: true, schema: ["type": "string", "example": example],
            description: "De ETag van \(what) zoals u hem ophaalde.")
    }

    /// A write's largest body. Any body its schema allows fits: a risk's four texts of
    /// 100,000 characters each, every one written as a six-byte \u escape, are 2.4 MB.
    static let maximumBodyBytes = 4 * 1024 * 1024
    static let maximumBody = "\(maximumBodyBytes / 1024 / 1024) MB"

    /// The refusals every write can give besides 400–404.
    static func writeResponses(_ invalid: String, conflict: String = "De periode is gepubliceerd.", etag: Bool = true)
        -> [String: String]
    {
        var responses = [
            "409": conflict, "413": "De inhoud is groter dan \(maximumBody).", "422": invalid,
            "503": "De database was even bezet; niets opgeslagen, probeer het opnieuw.",
        ]
        if etag {
            responses["412"] = "Het is intussen gewijzigd; de actuele ETag staat in de kop."
            responses["428"] = "If-Match ontbreekt."
        }
        return responses
    }

    /// Every operation: each capability declares its own.
    static let all: [APIOperation] =
        ProgrammesAPI.operations + ProjectsAPI.operations + StatusesAPI.operations + OrganisationsAPI.operations
        + PeriodsAPI.operations
        + SectionsAPI.operations + DecisionsAPI.operations + RisksAPI.operations + BudgetLinesAPI.operations + [
            APIOperation(
                method: .GET, path: "/openapi.json", operationID: "getOpenAPI", summary: "Dit document",
                parameters: [], response: "OpenAPI", handler: { req in OpenAPIDocument.response(req) })
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
                app.on(
                    operation.method, operation.components, bodyUpTo: maximumBodyBytes, admit: APIAccess.mayWrite,
                    use: operation.handler)
            } else if operation.method == .GET {
                app.get(operation.components, cached: .apiAnswer, use: operation.handler)
            } else {
                app.on(operation.method, operation.components, use: operation.handler)
            }
        }
    }
}
