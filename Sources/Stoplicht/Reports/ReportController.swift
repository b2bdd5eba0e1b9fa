import Fluent
import Vapor

enum ReportController {
    static func show(_ req: Request) async throws -> Response {
        let slug = try req.parameters.require("programme"), periodSlug = try req.parameters.require("period")
        // A published report is served exactly as it was published, from memory once read;
        // who may read it is asked again after every change (the reader's pass; see `kept`).
        let cache = req.application.publishedReports
        if let page = cache.page(programme: slug, period: periodSlug) {
            if let programme = try await Programme.query(on: req.db).filter(\.$slug == slug).first(), programme.id == page.programmeID {
                let viewer = try await Access.reader(req, programme: programme, published: true)
                await Access.keepPass(req, programme: programme, published: true, viewer: viewer)
                return serve(page, req)
            }
        }
        // The programme and the period first: who may read is asked before the report is read.
        let programme = try await ProgrammeContext.programme(slug: slug, on: req.db)
        guard let period = try await ReportingPeriod.query(on: req.db)
            .filter(\.$programme.$id == programme.requireID()).filter(\.$slug == periodSlug).first() else {
            throw Abort(.notFound, reason: Strings.periodNotFound(periodSlug))
        }
        let viewer = try await Access.reader(req, programme: programme, published: period.state == .published)
        await Access.keepPass(req, programme: programme, published: period.state == .published, viewer: viewer)
        if period.state == .published,
           let snapshot = try await PublishedReport.query(on: req.db).filter(\.$period.$id == period.requireID()).first() {
            let page = PublishedReportCache.Page(programmeID: try programme.requireID(), body: ByteBuffer(string: snapshot.html),
                                                 sha256: snapshot.sha256, securityHeaders: SecurityHeadersMiddleware(settings: req.settings))
            cache.keep(page, programme: slug, period: periodSlug)
            return serve(page, req)
        }
        return try await LivePage.respond(req, viewer: viewer) {
            let context = try await ProgrammeContext.load(programme, on: req.db)
            let period = try context.period(slug: periodSlug)
            var model = try await ReportPageModel.query(context, period: period, on: req.db)
            if viewer.may(.editSections) && period.state != .published {
                model.editTexts = SiteURL.periodTexts(programme: slug, period: period.slug).path
                model.textsSaved = req.query[String.self, at: "opgeslagen"] != nil
            }
            return ReportPageView.page(model, settings: req.settings)
        }
    }

    /// What is kept for this reader (its route is a `LivePage.route`): a published report
    /// in memory once their pass for the programme is kept, or the kept live report.
    static func kept(_ req: Request) -> EventLoopFuture<Response?> {
        guard let slug = req.parameters.get("programme"), let periodSlug = req.parameters.get("period"),
              let page = req.application.publishedReports.page(programme: slug, period: periodSlug) else { return LivePage.kept(req) }
        return Access.keptPass(req, programme: slug, published: true).map { found in
            guard let (pass, _) = found, pass.programmeID == page.programmeID else { return nil }
            return serve(page, req)
        }
    }

    private static func serve(_ page: PublishedReportCache.Page, _ req: Request) -> Response {
        let answer = page.answer(ifNoneMatch: req.headers.first(name: .ifNoneMatch))
        return Response(status: answer.status, headers: answer.headers, body: answer.body.map { .init(buffer: $0) } ?? .empty)
    }
}
