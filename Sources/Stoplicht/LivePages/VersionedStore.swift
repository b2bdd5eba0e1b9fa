import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Values kept under the database's version (`DatabaseVersion`): a value is handed out
/// again only while nothing at all has been committed since it was read. A value kept at
/// another version is no hit, and a new version empties the store. Bounded by bytes: the
/// first kept goes first.
///
/// Four are kept (see `Application`): the rendered live pages (overview, report, project
/// page, trend), the sessions as read, what `Access` decided about a reader, and the API's
/// read answers (`KeptAnswers`).
final class VersionedStore<Value: Sendable>: Sendable {
    private struct State: Sendable {
        var version: String?
        var values: BoundedStore<Value>

        /// Empties the values when `version` is not theirs.
        mutating func move(to version: String) {
            guard self.version != version else { return }
            self = State(version: version, values: BoundedStore(maximumBytes: values.maximumBytes))
        }
    }

    private let state: NIOLockedValueBox<State>

    init(maximumBytes: Int) {
        state = NIOLockedValueBox(State(version: nil, values: BoundedStore(maximumBytes: maximumBytes)))
    }

    func value(_ key: String, version: String) -> Value? {
        state.withLockedValue { state in
            state.move(to: version)
            return state.values[key]
        }
    }

    /// Keeps `value` as `size` bytes (with its key).
    func keep(_ value: Value, key: String, version: String, size: Int) {
        state.withLockedValue { state in
            state.move(to: version)
            state.values.keep(value, key: key, size: size + key.utf8.count)
        }
    }

    var count: Int { state.withLockedValue { $0.values.count } }
}

/// The rendered live pages.
typealias LivePageCache = VersionedStore<ByteBuffer>
