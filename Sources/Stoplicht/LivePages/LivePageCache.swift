import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Rendered live pages (overview, report, project page, trend) kept under the database's
/// version (`DatabaseVersion`): a page is served again only while nothing at all has been
/// committed since it was made. A page kept at another version is no hit, and a new version
/// empties the cache. Bounded by bytes: the first kept goes first.
final class LivePageCache: Sendable {
    private struct State {
        var version: String?
        var pages: [String: ByteBuffer] = [:]
        var order: [String] = []
        var bytes = 0

        mutating func reset(to version: String) {
            self = State(version: version)
        }
    }

    private let state = NIOLockedValueBox(State())
    let maximumBytes: Int

    init(maximumBytes: Int = 32 * 1024 * 1024) {
        self.maximumBytes = maximumBytes
    }

    func page(_ key: String, version: String) -> ByteBuffer? {
        state.withLockedValue { state in
            guard state.version == version else {
                state.reset(to: version)
                return nil
            }
            return state.pages[key]
        }
    }

    func keep(_ page: ByteBuffer, key: String, version: String) {
        let size = page.readableBytes + key.utf8.count
        guard size <= maximumBytes else { return }
        state.withLockedValue { state in
            if state.version != version { state.reset(to: version) }
            guard state.pages[key] == nil else { return }
            while state.bytes + size > maximumBytes, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                state.bytes -= (state.pages.removeValue(forKey: oldest)?.readableBytes ?? 0) + oldest.utf8.count
            }
            state.pages[key] = page
            state.order.append(key)
            state.bytes += size
        }
    }

    var count: Int { state.withLockedValue { $0.pages.count } }
}
