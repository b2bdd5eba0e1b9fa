import StoplichtCore
import Vapor

/// A form's field, named once: each form lists its fields as an enum (`StatusField`), used
/// by the view that writes the `name`, the input that reads it, the problems that point at
/// it and the tests that post it.
protocol FormField: Sendable {
    /// The name in the HTML and in the posted body.
    var name: String { get }
}

extension FormField where Self: RawRepresentable, RawValue == String {
    var name: String { rawValue }
}

/// A field whose name carries a code or a position (`dimensie-CODE`, `besluit-3-tekst`),
/// made by its form's enum (`StatusField.dimension(_:)`), never spelled out elsewhere.
struct NumberedField: FormField, Hashable {
    let name: String

    init(_ prefix: String, _ key: String, _ suffix: String? = nil) {
        name = [prefix, key, suffix].compactMap { $0 }.joined(separator: "-")
    }
}

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

    func text(_ field: some FormField) -> String {
        Self.cleaned(values[field.name] ?? "")
    }

    func has(_ field: some FormField) -> Bool { values[field.name] != nil }

    subscript(field: some FormField) -> String? { values[field.name] }

    /// A value as the form reads it: line ends normalised, white space around trimmed. The
    /// API cleans its text the same way, so a value means the same whichever way it came.
    static func cleaned(_ value: String) -> String {
        LineEndings.normalised(value).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension FieldProblem {
    init(field: some FormField, message: String) {
        self.init(field: field.name, message: message)
    }

    /// Whether the problem is about `field`.
    func concerns(_ field: some FormField) -> Bool { self.field == field.name }
}

/// A field of one of several forms on a page, named `FORM-SHORT` (`regel-bron`): the raw
/// value is the short name, the one a command's refusal names (`InputError.field`).
protocol PrefixedFormField: FormField, RawRepresentable where RawValue == String {
    /// The form's prefix: also its section's anchor and its notice (`?gedaan=regel#regel`).
    static var form: String { get }
}

extension PrefixedFormField {
    var name: String { "\(Self.form)-\(rawValue)" }
}
