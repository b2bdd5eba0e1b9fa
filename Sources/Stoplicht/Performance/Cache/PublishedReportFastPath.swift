import NIOCore
import NIOHTTP1
import Vapor

/// A cached published report for a reader without a session, answered by the server's
/// connection (`HTTPConnection`) before any Vapor `Request` is made: the answer the route
/// and its middlewares give, without their cost (docs/performance-log.md, The ceiling).
///
/// It answers only what it can answer exactly as they would, and leaves the rest to them:
/// - a GET or HEAD of `/programmas/{programme}/perioden/{period}`, without a query, a body,
///   a session cookie or credentials, whose slugs are plain (letters, digits, `-`, `_`);
/// - whose report is cached (`PublishedReportCache`), once read by the route;
/// - and whose reader's read permission for it is cached under the database's version as read now
///   (`ReadPermission`): so a change to who may read it (a closed programme) is seen at once,
///   as the route would see it, and until the route has asked again nothing is answered here.
///
/// The headers are the route's and `SecurityHeadersMiddleware`'s, cached with the page; the
/// request is logged as `RouteLoggingMiddleware` would log it. `PublishedReportFastPathTests`
/// compares both ways.
struct PublishedReportFastPath: Sendable {
    private let reports: PublishedReportCache
    private let permissions: VersionedCache<ReadPermission>
    private let version: DatabaseVersion
    private let logger: Logger
    /// What depends on how the request came (Strict-Transport-Security) is added per answer.
    private let securityHeaders: SecurityHeadersMiddleware

    /// Nil where nothing is cached (`STOPLICHT_PAGE_CACHE=uit`, or a database without a version).
    init?(application: Application) {
        guard application.settings.cachesPages, let version = application.databaseVersion else { return nil }
        reports = application.publishedReports
        permissions = application.readPermissions
        self.version = version
        logger = application.logger
        securityHeaders = SecurityHeadersMiddleware(settings: application.settings)
    }

    /// Nil at once when this request is not one to answer here; else a future, on `loop`, of
    /// the answer, or of nil when the route has to answer after all.
    func answer(_ head: HTTPRequestHead, peer: String?, on loop: any EventLoop) -> EventLoopFuture<FastPathResponse?>? {
        guard head.method == .GET || head.method == .HEAD,
            let (programme, period) = Self.address(head.uri),
            !head.headers.contains(name: .contentLength), !head.headers.contains(name: .transferEncoding),
            !head.headers.contains(name: .authorization),
            SessionCookies.value(SessionCookies.session, in: head.headers) == nil,
            let page = reports.page(programme: programme, period: period)
        else { return nil }
        let key = CachedReadPermission.key(user: nil, programme: programme, published: true)
        let securityHeaders = securityHeaders
        return version.current(on: loop).recover { _ in nil }.hop(to: loop).map { version in
            guard let version, let permission = permissions.value(key, version: version),
                permission.programmeID == page.programmeID
            else { return nil }
            if logger.logLevel <= .info { logger.info("\(head.method) \(head.uri)") }
            var answer = page.answer(ifNoneMatch: head.headers.first(name: .ifNoneMatch))
            securityHeaders.applyTransport(to: &answer.headers, peer: peer, request: head.headers)
            return answer
        }
    }

    /// The programme's and the period's slug in `/programmas/{programme}/perioden/{period}`.
    static func address(_ uri: String) -> (programme: String, period: String)? {
        let parts = uri.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1].elementsEqual("programmas".utf8),
            parts[3].elementsEqual("perioden".utf8),
            isPlain(parts[2]), isPlain(parts[4])
        else { return nil }
        return (String(decoding: parts[2], as: UTF8.self), String(decoding: parts[4], as: UTF8.self))
    }

    private static func isPlain(_ slug: Substring.UTF8View) -> Bool {
        !slug.isEmpty
            && slug.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_")
            }
    }
}
