import Fluent
import Vapor

/// `/programmas/{p}/perioden/{periode}/download/{formaat}`: the report as a file, for
/// whoever may read the report. A published period's documents are served as stored
/// (`PublishedDocuments`); a live report's are made for the reader, and a live PDF is
/// stopped when its reader leaves.
enum ExportController {
    static func download(_ req: Request) async throws -> Response {
        let value = try req.parameters.require("format")
        guard let format = ExportFormat(rawValue: value.lowercased()) else {
            throw InputError(Strings.unknownFormat(value), status: .notFound)
        }
        let slug = try req.parameters.require("programme")
        let periodSlug = try req.parameters.require("period")
        // The programme and the period first: who may read is asked before the report is read.
        let programme = try await ProgrammeContext.programme(slug: slug, on: req.db)
        guard
            let period = try await ReportingPeriod.query(on: req.db)
                .filter(\.$programme.$id == programme.requireID()).filter(\.$slug == periodSlug).first()
        else {
            throw Abort(.notFound, reason: Strings.periodNotFound(periodSlug))
        }
        _ = try await Access.reader(req, programme: programme, published: period.state == .published)
        let filename = format.filename(programme: slug, period: period.slug, draft: period.state != .published)
        if period.state == .published, PublishedDocuments.formats.contains(format) {
            let document = try await PublishedDocuments.document(
                format, programme: slug, period: period, settings: req.settings,
                logger: req.logger, pdfSlots: req.application.pdfSlots, on: req.db)
            return PublishedDocuments.response(document, format: format, filename: filename, req)
        }
        let model = try await ReportPageModel.query(programme: slug, period: period.slug, on: req.db)
        let settings = req.settings
        let logger = req.logger
        let slots = req.application.pdfSlots
        let data = try await req.cancelledWhenClientLeaves {
            try await ReportDocuments.render(
                model, format: format, settings: settings, logger: logger, pdfSlots: slots,
                forReader: true)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: format.mediaType)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
