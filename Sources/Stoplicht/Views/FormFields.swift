import StoplichtCore
import Vapor

/// A posted form's fields, read as people type them: line ends normalised, white space
/// around trimmed, a missing field empty.
struct FormFields: Sendable {
    var values: [String: String]

    init(_ values: [String: String]) {
        self.values = values
    }

    /// The URL-encoded or multipart fields of a request; an unreadable body is no fields.
    init(_ req: Request) {
        values = (try? req.content.decode([String: String].self)) ?? [:]
    }

    func text(_ key: String) -> String {
        LineEndings.normalised(values[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    subscript(key: String) -> String? { values[key] }
}
