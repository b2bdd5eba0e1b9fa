import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The pages of published reports, cached in memory once read. A published report never
/// changes (the database refuses to update or delete it, and a published period cannot be
/// renamed), so a page cached here cannot go stale; who may read it is asked of the database
/// again after every change to it (`ReadPermission`). Bounded by bytes: the first cached goes first.
final class PublishedReportCache: Sendable {
    struct Page: Sendable {
        /// Whose report it is: a hit for another programme under the same address is no hit.
        var programmeID: UUID
        var body: ByteBuffer
        var sha256: String
        /// The headers of its two answers, made once: the route's and the installation's
        /// security headers (`SecurityHeadersMiddleware`, which finds its own already there).
        private let found: HTTPHeaders
        private let unchanged: HTTPHeaders
        private let tag: String

        init(programmeID: UUID, body: ByteBuffer, sha256: String, securityHeaders: SecurityHeadersMiddleware) {
            self.programmeID = programmeID
            self.body = body
            self.sha256 = sha256
            let tag = "\"" + sha256 + "\""
            func headers(length: Int) -> HTTPHeaders {
                var headers = HTTPHeaders()
                headers.add(name: .contentType, value: "text/html; charset=utf-8")
                headers.add(name: .eTag, value: tag)
                headers.add(name: "X-Content-SHA256", value: sha256)
                headers.add(name: .contentLength, value: String(length))
                securityHeaders.apply(to: &headers)
                return headers
            }
            found = headers(length: body.readableBytes)
            unchanged = headers(length: 0)
            self.tag = tag
        }

        /// The page for a reader whose copy has the ETag `ifNoneMatch`: 304 when it is this one.
        func answer(ifNoneMatch: String?) -> FastPathResponse {
            ifNoneMatch == tag
                ? FastPathResponse(status: .notModified, headers: unchanged, body: nil)
                : FastPathResponse(status: .ok, headers: found, body: body)
        }
    }

    private let state: NIOLockedValueBox<BoundedCache<Page>>

    init(maximumBytes: Int = 64 * 1024 * 1024) {
        state = NIOLockedValueBox(BoundedCache(maximumBytes: maximumBytes))
    }

    static func key(programme: String, period: String) -> String { programme + "/" + period }

    func page(programme: String, period: String) -> Page? {
        state.withLockedValue { $0[Self.key(programme: programme, period: period)] }
    }

    func insert(_ page: Page, programme: String, period: String) {
        state.withLockedValue {
            $0.insert(page, key: Self.key(programme: programme, period: period), size: page.body.readableBytes)
        }
    }

    var count: Int { state.withLockedValue { $0.count } }
}
