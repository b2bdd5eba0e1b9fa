import Fluent
import Vapor

enum ReportController {
    static func show(_ req: Request) async throws -> Response {
        let model = try await ReportPageModel.query(
            programme: try req.parameters.require("programme"), period: try req.parameters.require("period"), on: req.db)
        _ = try await Access.reader(req, programme: model.context.programme, published: model.period.state == .published)
        // A published report is served exactly as it was published.
        if model.period.state == .published,
           let snapshot = try await PublishedReport.query(on: req.db).filter(\.$period.$id == model.period.requireID()).first() {
            return serve(snapshot, req)
        }
        return ReportPageView.page(model, settings: req.settings).response()
    }

    private static func serve(_ snapshot: PublishedReport, _ req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        headers.replaceOrAdd(name: .eTag, value: "\"\(snapshot.sha256)\"")
        headers.replaceOrAdd(name: "X-Content-SHA256", value: snapshot.sha256)
        if req.headers.first(name: .ifNoneMatch) == "\"\(snapshot.sha256)\"" { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(string: snapshot.html))
    }
}
