import Foundation
import Vapor

/// The OpenAPI 3.0 document of the API, written from `APIOperations.all`.
enum OpenAPIDocument {
    static func response(_ req: Request) -> Response {
        Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: data))
    }

    static let data: Data =
        (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]))
        ?? Data()

    static var document: [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in APIOperations.all {
            let parameters: [[String: Any]] = operation.parameters.map {
                [
                    "name": $0.name, "in": $0.location, "required": $0.required, "schema": $0.schema,
                    "description": $0.description,
                ]
            }
            var okHeaders: [String: Any] = ["API-Version": ["$ref": "#/components/headers/API-Version"]]
            if operation.etag { okHeaders["ETag"] = ["$ref": "#/components/headers/ETag"] }
            var responses: [String: Any] = [:]
            switch operation.success {
            case .noContent:
                responses["204"] = ["description": "Verwijderd.", "headers": okHeaders]
            case .created:
                okHeaders["Location"] = ["$ref": "#/components/headers/Location"]
                responses["201"] = [
                    "description": "Aangemaakt.", "headers": okHeaders,
                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(operation.response)"]]],
                ]
            default:
                responses["200"] = [
                    "description": operation.method == .GET ? "Gevonden." : "Opgeslagen.", "headers": okHeaders,
                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(operation.response)"]]],
                ]
            }
            let problems =
                [
                    ("400", "De vraag klopt niet."), ("401", "Een API-token is nodig of ongeldig."),
                    ("403", "Geen toegang."),
                    ("404", "Niet gevonden."),
                ] + operation.otherResponses.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            for (code, meaning) in problems where operation.path != "/openapi.json" {
                responses[code] = [
                    "description": meaning, "headers": ["API-Version": ["$ref": "#/components/headers/API-Version"]],
                    "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
                ]
            }
            var entry: [String: Any] = [
                "operationId": operation.operationID, "summary": operation.summary, "parameters": parameters,
                "responses": responses,
                "security": operation.path == "/openapi.json"
                    ? [] : operation.requestBody == nil ? [[:], ["token": []]] : [["token": []]],
            ]
            if let body = operation.requestBody {
                entry["requestBody"] = [
                    "required": true,
                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(body)"]]],
                ]
            }
            paths[operation.path, default: [:]][operation.method.rawValue.lowercased()] = entry
        }
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "Stoplicht API", "version": APIVersionMiddleware.version,
                "description":
                    "Programma's, projecten en hun voortgang. Volgt de API Design Rules van het Kennisplatform API's (Logius).",
                "contact": ["name": "Stoplicht"],
            ],
            "servers": [["url": "/api/v1"]],
            "paths": paths,
            "components": [
                "securitySchemes": [
                    "token": ["type": "http", "scheme": "bearer", "description": "Een persoonlijke API-token (stl_…)."]
                ],
                "headers": [
                    "API-Version": [
                        "description": "De versie van de API.",
                        "schema": ["type": "string", "example": APIVersionMiddleware.version],
                    ],
                    "ETag": [
                        "description": "De versie van wat u ophaalde; terug te sturen in If-Match.",
                        "schema": ["type": "string"],
                    ],
                    "Location": ["description": "Het adres van wat is aangemaakt.", "schema": ["type": "string"]],
                ],
                "schemas": capabilitySchemas.reduce(schemas) { all, more in all.merging(more) { first, _ in first } },
            ],
        ]
    }

    /// The schemas each capability declares beside its operations.
    static var capabilitySchemas: [[String: Any]] {
        [
            ProgrammesAPI.schemas, ProjectsAPI.schemas, OrganisationsAPI.schemas, PeriodsAPI.schemas,
            SectionsAPI.schemas, DecisionsAPI.schemas,
            RisksAPI.schemas, BudgetLinesAPI.schemas,
        ]
    }

    static var link: [String: Any] {
        ["type": "object", "required": ["href"], "properties": ["href": ["type": "string"]]]
    }
    static var links: [String: Any] {
        [
            "type": "object", "required": ["self", "first", "last"],
            "properties": ["self": link, "next": link, "prev": link, "first": link, "last": link],
        ]
    }
    static var optionalString: [String: Any] { ["type": "string", "nullable": true] }

    static var schemas: [String: Any] {
        [
            "Problem": [
                "type": "object", "required": ["status", "title", "detail"],
                "properties": [
                    "status": ["type": "integer"], "title": ["type": "string"], "detail": ["type": "string"],
                ],
            ],
            "Period": [
                "type": "object", "required": ["slug", "name", "state"],
                "properties": [
                    "slug": ["type": "string"], "name": ["type": "string"],
                    "state": ["type": "string", "enum": ["open", "in-review", "gepubliceerd"]],
                    "startsOn": ["type": "string", "format": "date", "nullable": true],
                    "endsOn": ["type": "string", "format": "date", "nullable": true],
                ],
            ],
            "Programme": [
                "type": "object", "required": ["slug", "name", "organisation", "access", "periods"],
                "properties": [
                    "slug": ["type": "string"], "name": ["type": "string"], "organisation": ["type": "string"],
                    "access": ["type": "string", "enum": ["besloten", "rapportages-openbaar", "openbaar"]],
                    "periods": ["type": "array", "items": ["$ref": "#/components/schemas/Period"]],
                ],
            ],
            "ProgrammeList": [
                "type": "object", "required": ["programmes", "total", "_links"],
                "properties": [
                    "programmes": ["type": "array", "items": ["$ref": "#/components/schemas/Programme"]],
                    "total": ["type": "integer"], "_links": links,
                ],
            ],
            "Project": [
                "type": "object", "required": ["number", "name", "leaders", "lifecycle", "remarks"],
                "properties": [
                    "number": ["type": "integer"], "name": ["type": "string"],
                    "leaders": ["type": "array", "items": ["type": "string"]],
                    "lifecycle": ["type": "string"], "light": optionalString, "plannedDelivery": optionalString,
                    "forecastDelivery": optionalString, "remarks": ["type": "string"],
                ],
            ],
            "ProjectList": [
                "type": "object", "required": ["programme", "projects", "total", "_links"],
                "properties": [
                    "programme": ["type": "string"], "period": optionalString,
                    "projects": ["type": "array", "items": ["$ref": "#/components/schemas/Project"]],
                    "total": ["type": "integer"], "_links": links,
                ],
            ],
            "OpenAPI": ["type": "object"],
            "Status": [
                "type": "object", "additionalProperties": false,
                "required": [
                    "lifecycle", "remarks", "achieved", "plannedNext", "plannedStart", "forecastStart",
                    "plannedDelivery", "forecastDelivery",
                    "cause", "consequence", "measure", "dimensionLights",
                ],
                "properties": [
                    "light": optionalString,
                    "dimensionLights": ["type": "object", "additionalProperties": ["type": "string"]],
                    "lifecycle": ["type": "string", "enum": ProjectsAPI.lifecycles],
                    "remarks": ["type": "string", "maxLength": 20000],
                    "achieved": ["type": "string", "maxLength": 20000],
                    "plannedNext": ["type": "string", "maxLength": 20000], "plannedStart": ["type": "string"],
                    "forecastStart": ["type": "string"], "plannedDelivery": ["type": "string"],
                    "forecastDelivery": ["type": "string"],
                    "cause": ["type": "string", "maxLength": 20000],
                    "consequence": ["type": "string", "maxLength": 20000],
                    "measure": ["type": "string", "maxLength": 20000],
                ],
            ],
        ]
    }
}
