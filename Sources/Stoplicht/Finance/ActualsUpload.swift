import Foundation
import StoplichtCore
import Vapor

/// The finance page's upload of actuals (CSV or XLSX): written to a temporary file and read
/// by the same streaming importer as the command line; the page shows what was added.
/// Larger files go through `stoplicht actuals import` on the server.
enum ActualsUpload {
    static let maximumBytes = 64 * 1024 * 1024

    struct Form {
        var file: File?
        var columns: String?

        init(_ form: UploadForm) {
            file = form.file(ActualsField.file.name)
            columns = form.field(ActualsField.columns.name)
        }
    }

    /// Who may send an upload, asked before its body is read (`BodyAdmission`): one who may
    /// manage the programme's finances, as `upload` asks again.
    static func admit(_ req: Request) async throws {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        _ = try await Access.require(.manageFinances, req, programme: context.programme)
    }

    static func upload(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.require(.manageFinances, req, programme: context.programme)
        let uploaded = try await UploadForm.read(req)
        try CSRF.verify(req, form: uploaded)
        let form: Form? = Form(uploaded)
        var model: FinancePageModel
        do {
            guard let file = form?.file, file.data.readableBytes > 0 else {
                throw InputError(Strings.actualsNoFile, field: "bestand")
            }
            let columns = try ActualsImporter.columns(form?.columns ?? "")
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "stoplicht-realisatie-\(UUID().uuidString)"
            ).path
            // Readable by Stoplicht alone: it holds a municipality's ledger.
            guard
                FileManager.default.createFile(
                    atPath: path, contents: Data(buffer: file.data), attributes: [.posixPermissions: 0o600])
            else {
                throw Abort(.internalServerError, reason: Strings.uploadSpoolGone)
            }
            defer { try? FileManager.default.removeItem(atPath: path) }
            let name = file.filename.isEmpty ? "realisatie" : String(file.filename.prefix(200))
            let summary = try await ActualsImporter(database: req.db).run(
                path: path, source: name, programme: context.programme, columns: columns)
            model = try await FinancePageModel.load(context, viewer: viewer, on: req.db)
            model.notice = Strings.actualsImported(summary)
            return FinancePageView.page(model, settings: req.settings).response()
        } catch let error as InputError {
            model = try await FinancePageModel.load(context, viewer: viewer, on: req.db)
            model.problems = [
                FieldProblem(
                    field: NumberedField(ActualsField.form, error.field ?? ActualsField.file.rawValue),
                    message: error.message)
            ]
            model.entered = [ActualsField.columns.name: form?.columns ?? ""]
            return FinancePageView.page(model, settings: req.settings).response(status: error.status)
        }
    }
}
