import Fluent
import Vapor

/// `/programmas/{p}/perioden/{periode}/download/{formaat}`: the report as a file, for
/// whoever may read the report.
enum ExportController {
    static func download(_ req: Request) async throws -> Response {
        let value = try req.parameters.require("format")
        guard let format = ExportFormat(rawValue: value.lowercased()) else { throw InputError(Strings.unknownFormat(value), status: .notFound) }
        let model = try await ReportPageModel.query(
            programme: try req.parameters.require("programme"), period: try req.parameters.require("period"), on: req.db)
        _ = try await Access.reader(req, programme: model.context.programme, published: model.period.state == .published)
        let data = try await ReportDocuments.render(model, format: format, settings: req.settings)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: format.mediaType)
        let filename = format.filename(programme: model.context.slug, period: model.period.slug)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
