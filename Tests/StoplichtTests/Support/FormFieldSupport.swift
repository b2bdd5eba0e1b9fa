@testable import Stoplicht

extension FormField where Self: Hashable {
    /// A body to post, keyed by the form's field enum: `StatusField.form([.light: "groen"])`.
    static func form(_ values: [Self: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.name, $0.value) })
    }
}
