import Fluent
import Vapor

enum ReportController {
    static func show(_ req: Request) async throws -> Response {
        let slug = try req.parameters.require("programme")
        let periodSlug = try req.parameters.require("period")
        if let published = try await CachedPublishedReport.respond(req, programme: slug, period: periodSlug) {
            return published
        }
        // The programme and the period first: who may read is asked before the report is read.
        let programme = try await ProgrammeContext.programme(slug: slug, on: req.db)
        guard
            let period = try await ReportingPeriod.query(on: req.db)
                .filter(\.$programme.$id == programme.requireID()).filter(\.$slug == periodSlug).first()
        else {
            throw Abort(.notFound, reason: Strings.periodNotFound(periodSlug))
        }
        let viewer = try await Access.reader(req, programme: programme, published: period.state == .published)
        await CachedReadPermission.store(
            req, programme: programme, published: period.state == .published, viewer: viewer)
        if period.state == .published,
            let snapshot = try await PublishedReport.query(on: req.db).filter(\.$period.$id == period.requireID())
                .first()
        {
            return try CachedPublishedReport.store(req, programme: programme, period: periodSlug, snapshot: snapshot)
        }
        return try await CachedPage.respond(req, viewer: viewer) {
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
}
