import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Rendered live pages (overview, report, project page, trend) kept under the database's
/// version (`DatabaseVersion`): a page is served again only while nothing at all has been
/// committed since it was made. A page kept at another version is no hit, and a new version
/// empties the cache. Bounded by bytes: the first kept goes first.
final class LivePageCache: Sendable {
    private struct State: Sendable {
        var version: String?
        var pages: BoundedStore<ByteBuffer>

        /// Empties the pages when `version` is not theirs.
        mutating func move(to version: String) {
            guard self.version != version else { return }
            self = State(version: version, pages: BoundedStore(maximumBytes: pages.maximumBytes))
        }
    }

    private let state: NIOLockedValueBox<State>

    init(maximumBytes: Int = 32 * 1024 * 1024) {
        state = NIOLockedValueBox(State(version: nil, pages: BoundedStore(maximumBytes: maximumBytes)))
    }

    func page(_ key: String, version: String) -> ByteBuffer? {
        state.withLockedValue { state in
            state.move(to: version)
            return state.pages[key]
        }
    }

    func keep(_ page: ByteBuffer, key: String, version: String) {
        state.withLockedValue { state in
            state.move(to: version)
            state.pages.keep(page, key: key, size: page.readableBytes + key.utf8.count)
        }
    }

    var count: Int { state.withLockedValue { $0.pages.count } }
}
