import Fluent
import Foundation
import SQLKit
import Vapor

/// What every API write shares: the ETag of a resource and the If-Match it must come back
/// in, the body read against its schema, the row locked while the ETag is compared, and
/// the answers 201, 204 and 412.
enum APIWrite {
    /// A resource without a revision counter gets an ETag from its content: the first 16
    /// hex digits of the SHA-256 of its fields, each length-prefixed.
    static func etag(_ parts: [String?]) -> String {
        let joined = parts.map { part in part.map { "\($0.utf8.count):\($0)" } ?? "-" }.joined(separator: "|")
        return "\"" + SHA256.hash(data: Data(joined.utf8)).hex.prefix(16) + "\""
    }

    /// The If-Match the client sent; without one a write is refused (428). An empty one
    /// names no version, so it matches none (412).
    static func ifMatch(_ req: Request, what: String) throws -> String {
        guard let value = req.headers.first(name: .ifMatch) else {
            throw InputError(Strings.apiIfMatchMissing(what), status: .preconditionRequired)
        }
        return value
    }

    /// Whether an If-Match value names the current ETag (weak or strong, or `*`).
    static func matches(_ header: String, current: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == current || tag == "W/" + current
        }
    }

    /// The JSON body as its schema says, or a 400 naming the schema. A field the schema does
    /// not have is refused too: a misspelt field would otherwise be dropped without a word.
    static func decode<T: Decodable>(_ type: T.Type, _ req: Request, schema: String) throws -> T {
        let decoded: T
        do {
            decoded = try req.content.decode(T.self)
        } catch {
            throw InputError(Strings.apiBodyNotSchema(schema), status: .badRequest)
        }
        if let allowed = properties[schema], let data = req.body.data,
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: data)) as? [String: Any]
        {
            if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw InputError(Strings.apiUnknownField(unknown, schema), status: .badRequest)
            }
            if let (field, maximum) = tooLong(object, limits: maximumLengths[schema] ?? [:]) {
                throw InputError(Strings.apiTooLong(field, maximum), field: field)
            }
        }
        return decoded
    }

    /// The first string longer than its schema's `maxLength` (of a field, or of an array's
    /// items: "leaders[2]"), counted as JSON Schema counts, in code points, before anything
    /// is trimmed: what the document promises to refuse is refused.
    static func tooLong(_ object: [String: Any], limits: [String: Int]) -> (String, Int)? {
        for key in object.keys.sorted() {
            guard let maximum = limits[key] else { continue }
            if let text = object[key] as? String, text.unicodeScalars.count > maximum { return (key, maximum) }
            if let texts = object[key] as? [Any] {
                for (index, item) in texts.enumerated() {
                    if let text = item as? String, text.unicodeScalars.count > maximum {
                        return ("\(key)[\(index)]", maximum)
                    }
                }
            }
        }
        return nil
    }

    /// Each request body's `maxLength` per field (an array's: its items'), from the document.
    static let maximumLengths: [String: [String: Int]] = bodySchemas.mapValues { properties in
        properties.compactMapValues { value in
            let property = value as? [String: Any]
            return property?["maxLength"] as? Int ?? (property?["items"] as? [String: Any])?["maxLength"] as? Int
        }
    }

    /// The fields of each request body's schema, from the OpenAPI document.
    static let properties: [String: Set<String>] = bodySchemas.mapValues { Set($0.keys) }

    /// Each request body's schema's properties, by the schema's name.
    private static var bodySchemas: [String: [String: Any]] {
        let schemas = (OpenAPIDocument.document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        let bodies = Set(APIOperations.all.compactMap(\.requestBody))
        return schemas.reduce(into: [:]) { result, entry in
            guard bodies.contains(entry.key),
                let properties = (entry.value as? [String: Any])?["properties"] as? [String: Any]
            else { return }
            result[entry.key] = properties
        }
    }

    /// Runs a write; SQLite's "database is locked" becomes a 503 to retry, not a 500.
    static func run<T: Sendable>(_ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch let error where DatabaseBusy.matches(error) {
            throw InputError(Strings.databaseBusy, status: .serviceUnavailable)
        }
    }

    /// 412 with the current ETag: someone changed it since the client read it.
    static func preconditionFailed(_ req: Request, what: String, current: String) -> Response {
        let response = ErrorPageMiddleware().response(
            for: InputError(Strings.apiChangedMeanwhile(what), status: .preconditionFailed), request: req)
        response.headers.replaceOrAdd(name: .eTag, value: current)
        return response
    }

    /// A JSON answer with its ETag; 201 with Location for a creation.
    static func respond<T: Content>(
        _ body: T, etag: String?, status: HTTPResponseStatus = .ok, location: String? = nil,
        _ req: Request
    ) async throws -> Response {
        let response = try await body.encodeResponse(status: status, for: req)
        if let etag { response.headers.replaceOrAdd(name: .eTag, value: etag) }
        if let location { response.headers.replaceOrAdd(name: .location, value: location) }
        return response
    }

    static func noContent() -> Response { Response(status: .noContent) }

    /// A text field's check: required where it must be, and at most `maximum` characters.
    static func text(_ value: String, _ label: String, required: Bool = false, maximum: Int = 100_000) throws {
        if required && value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw InputError(Strings.apiFieldRequired(label))
        }
        if value.count > maximum { throw InputError(Strings.textTooLong(label, maximum)) }
    }
}
