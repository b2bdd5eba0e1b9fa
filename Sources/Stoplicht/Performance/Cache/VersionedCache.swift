import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A cache under the database's version (`DatabaseVersion`): a value is handed out again
/// only while nothing at all has been committed since it was read. A value cached at
/// another version is no hit, and a newer version empties the cache; an older one (a
/// request that read the version just before a commit and asks after it) is no hit either,
/// and what is rendered under it is not cached, so it cannot empty what was cached for the
/// newer one. Bounded by bytes: the oldest entry goes first.
///
/// There are four (`Performance`): the rendered live pages (overview, report, project
/// page, trend), the sessions as read, what `Access` allowed a reader, and the API's read
/// answers (`CachedAPIAnswers`).
final class VersionedCache<Value: Sendable>: Sendable {
    private struct State: Sendable {
        var version: String?
        var values: BoundedCache<Value>

        /// Empties the values when `version` is newer than theirs; false when it is older,
        /// and the values stay.
        mutating func move(to version: String, isOlder: (String, String) -> Bool) -> Bool {
            guard self.version != version else { return true }
            if let current = self.version, isOlder(version, current) { return false }
            self = State(version: version, values: BoundedCache(maximumBytes: values.maximumBytes))
            return true
        }
    }

    private let state: NIOLockedValueBox<State>
    private let isOlder: @Sendable (String, String) -> Bool

    /// `isOlder(a, b)`: whether version `a` is known to come before `b`
    /// (`DatabaseVersion.isOlder`); without it every other version counts as newer.
    init(maximumBytes: Int, isOlder: @escaping @Sendable (String, String) -> Bool = { _, _ in false }) {
        state = NIOLockedValueBox(State(version: nil, values: BoundedCache(maximumBytes: maximumBytes)))
        self.isOlder = isOlder
    }

    func value(_ key: String, version: String) -> Value? {
        state.withLockedValue { state in
            state.move(to: version, isOlder: isOlder) ? state.values[key] : nil
        }
    }

    /// Caches `value` as `size` bytes (with its key); not when a newer version is cached.
    func insert(_ value: Value, key: String, version: String, size: Int) {
        state.withLockedValue { state in
            guard state.move(to: version, isOlder: isOlder) else { return }
            state.values.insert(value, key: key, size: size + key.utf8.count)
        }
    }

    var count: Int { state.withLockedValue { $0.values.count } }
}

/// The rendered live pages.
typealias PageCache = VersionedCache<ByteBuffer>
