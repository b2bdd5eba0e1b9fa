import Fluent
import Vapor

/// The report route's use of the published-report cache (`PublishedReportCache`): a
/// published report is served exactly as it was published, from memory once read; who may
/// read it is asked again after every change (`CachedReadPermission`).
enum CachedPublishedReport {
    /// The route's first try, on the event loop (`Caching.publishedReport`): the report in
    /// memory once this reader's read permission is cached, else the cached live page.
    static func cached(_ req: Request) -> EventLoopFuture<Response?> {
        guard let slug = req.parameters.get("programme"), let periodSlug = req.parameters.get("period"),
            let page = req.application.publishedReports.page(programme: slug, period: periodSlug)
        else {
            return CachedPage.cached(req)
        }
        return CachedReadPermission.lookup(req, programme: slug, published: true).map { found in
            guard let (permission, _) = found, permission.programmeID == page.programmeID else { return nil }
            return serve(page, req)
        }
    }

    /// The report in memory, after asking the database who may read it (and caching the
    /// answer); nil when it is not in memory.
    static func respond(_ req: Request, programme slug: String, period periodSlug: String) async throws -> Response? {
        guard let page = req.application.publishedReports.page(programme: slug, period: periodSlug),
            let programme = try await Programme.query(on: req.db).filter(\.$slug == slug).first(),
            programme.id == page.programmeID
        else { return nil }
        let viewer = try await Access.reader(req, programme: programme, published: true)
        await CachedReadPermission.store(req, programme: programme, published: true, viewer: viewer)
        return serve(page, req)
    }

    /// Puts the published report's stored page in memory and serves it.
    static func store(_ req: Request, programme: Programme, period periodSlug: String, snapshot: PublishedReport) throws
        -> Response
    {
        let page = PublishedReportCache.Page(
            programmeID: try programme.requireID(), body: ByteBuffer(string: snapshot.html),
            sha256: snapshot.sha256, securityHeaders: SecurityHeadersMiddleware(settings: req.settings))
        req.application.publishedReports.insert(page, programme: programme.slug, period: periodSlug)
        return serve(page, req)
    }

    private static func serve(_ page: PublishedReportCache.Page, _ req: Request) -> Response {
        let answer = page.answer(ifNoneMatch: req.headers.first(name: .ifNoneMatch))
        return Response(
            status: answer.status, headers: answer.headers, body: answer.body.map { .init(buffer: $0) } ?? .empty)
    }
}
