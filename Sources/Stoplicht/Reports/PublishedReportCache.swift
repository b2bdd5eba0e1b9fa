import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The pages of published reports, kept in memory once read. A published report never
/// changes (the database refuses to update or delete it, and a published period cannot be
/// renamed), so a page kept here cannot go stale; who may read it is still asked of the
/// database on every request. Bounded by bytes: the first kept goes first.
final class PublishedReportCache: Sendable {
    struct Page: Sendable {
        /// Whose report it is: a hit for another programme under the same address is no hit.
        var programmeID: UUID
        var body: ByteBuffer
        var sha256: String
    }

    private struct State {
        var pages: [String: Page] = [:]
        var order: [String] = []
        var bytes = 0
    }

    private let state = NIOLockedValueBox(State())
    let maximumBytes: Int

    init(maximumBytes: Int = 64 * 1024 * 1024) {
        self.maximumBytes = maximumBytes
    }

    static func key(programme: String, period: String) -> String { programme + "/" + period }

    func page(programme: String, period: String) -> Page? {
        state.withLockedValue { $0.pages[Self.key(programme: programme, period: period)] }
    }

    func keep(_ page: Page, programme: String, period: String) {
        let key = Self.key(programme: programme, period: period)
        let size = page.body.readableBytes
        guard size <= maximumBytes else { return }
        state.withLockedValue { state in
            guard state.pages[key] == nil else { return }
            while state.bytes + size > maximumBytes, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                state.bytes -= state.pages.removeValue(forKey: oldest)?.body.readableBytes ?? 0
            }
            state.pages[key] = page
            state.order.append(key)
            state.bytes += size
        }
    }

    var count: Int { state.withLockedValue { $0.pages.count } }
}

struct PublishedReportCacheKey: StorageKey {
    typealias Value = PublishedReportCache
}

extension Application {
    /// Set once in `configure`, before any request.
    var publishedReports: PublishedReportCache { storage[PublishedReportCacheKey.self] ?? PublishedReportCache(maximumBytes: 0) }
}
