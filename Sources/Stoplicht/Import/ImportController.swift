import Fluent
import Foundation
import StoplichtCore
import Vapor

/// The upload page: a programme manager uploads last period's report, sees what it would
/// create or change with every warning, adjusts the mapping where needed, and confirms.
/// Nothing is written before the confirmation.
enum ImportController {
    /// The upload form as sent (`ImportUploadField`).
    struct Upload {
        var file: File?
        var programme: String?
        var organisation: String?
        var period: String?
        var mapping: String?
    }

    /// The account context every import page shows and every import form carries: a
    /// beheerder, or a programme manager (of the programme, where one is chosen: by its id,
    /// as names are unique only within a municipality).
    static func account(_ req: Request, programme programmeID: UUID? = nil, newProgramme: Bool = false) async throws
        -> ImportAccount
    {
        let user = try await AccountSession.requireUser(req)
        // A beheerder may import anywhere: the programmes one may import into are asked only
        // for the others (reading every programme of a shared installation cost an upload 0.2 s).
        let allowed = user.isAdministrator ? [] : try await ImportPermission.programmes(for: user, on: req.db)
        let mayImport: Bool
        if user.isAdministrator {
            mayImport = true
        } else if let programmeID {
            mayImport = allowed.contains { $0.id == programmeID }
        } else {
            mayImport = !newProgramme && !allowed.isEmpty
        }
        guard mayImport else { throw InputError(Strings.forbidden, status: .forbidden) }
        return ImportAccount(
            name: user.name, email: user.email, csrf: CSRF.token(for: req), isAdministrator: user.isAdministrator,
            programmes: allowed.map(\.slug))
    }

    /// A pending upload's account: the programme it goes to decides, and only its uploader
    /// (or a beheerder) sees it.
    static func account(_ req: Request, for pending: PendingImport) async throws -> ImportAccount {
        let account = try await account(req, programme: pending.programmeID, newProgramme: pending.programmeID == nil)
        guard account.isAdministrator || pending.uploadedBy == account.email else {
            throw InputError(Strings.importNotFound, status: .notFound)
        }
        return account
    }

    static func form(_ req: Request) async throws -> Response {
        let account = try await account(req)
        let model = try await ImportFormModel.query(
            selected: req.query[String.self, at: "programma"], account: account, on: req.db)
        return ImportFormView.page(model, settings: req.settings).response()
    }

    /// Who may send an upload at all, asked before its body is read (`BodyAdmission`): one
    /// who may import somewhere. Where to, `upload` asks once the form is there.
    static func admit(_ req: Request) async throws {
        _ = try await account(req)
    }

    static func upload(_ req: Request) async throws -> Response {
        let uploader = try await account(req)
        let form = try await UploadForm.read(req)
        try CSRF.verify(req, form: form)
        typealias Field = ImportUploadField
        let upload = Upload(
            file: form.file(Field.file.name), programme: form.field(Field.programme.name),
            organisation: form.field(Field.organisation.name), period: form.field(Field.period.name),
            mapping: form.field(Field.mapping.name))
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await formError(req, Strings.importNoFile, upload: upload)
        }
        // The organisation is the chosen programme's, or the one named, or the only one.
        var organisation = upload.organisation?.trimmingCharacters(in: .whitespaces) ?? ""
        var chosen: Programme?
        if let slug = upload.programme, !slug.isEmpty {
            guard
                let programme = try await Programme.query(on: req.db).filter(\.$slug == slug).with(\.$organisation)
                    .first()
            else {
                return try await formError(req, Strings.programmeNotFound(slug), upload: upload)
            }
            organisation = programme.organisation.name
            chosen = programme
        }
        // Only a beheerder starts a new programme; a programme manager imports into their own.
        _ = try await account(req, programme: chosen?.id, newProgramme: chosen == nil)
        if organisation.isEmpty {
            let municipalities = try await Organisation.query(on: req.db).filter(\.$kind == .municipality).all()
            guard municipalities.count == 1 else {
                return try await formError(req, Strings.importNeedsOrganisation, upload: upload)
            }
            organisation = municipalities[0].name
        }
        let period = upload.period?.trimmingCharacters(in: .whitespaces)
        let pending = PendingImport(
            filename: file.filename.isEmpty ? "rapportage" : file.filename, data: Data(buffer: file.data),
            organisation: organisation,
            programme: chosen?.name, programmeID: chosen?.id, period: period?.isEmpty == false ? period : nil,
            mapping: upload.mapping ?? "",
            uploadedBy: uploader.email)
        try await PendingImport.removeExpired(on: req.db)
        try await pending.save(on: req.db)
        return req.redirect(to: SiteURL.importPreview(try pending.requireID()).path, redirectType: .normal)
    }

    private static func formError(_ req: Request, _ message: String, upload: Upload?) async throws -> Response {
        var model = try await ImportFormModel.query(
            selected: upload?.programme, account: try await account(req), on: req.db)
        model.error = message
        if let upload {
            model.organisation = upload.organisation ?? model.organisation
            model.period = upload.period ?? ""
            model.mapping = upload.mapping ?? ""
        }
        return ImportFormView.page(model, settings: req.settings).response(status: .unprocessableEntity)
    }

    static func preview(_ req: Request) async throws -> Response {
        let pending = try await find(req)
        let account = try await account(req, for: pending)
        let model = try await ImportPreviewModel.query(pending, account: account, on: req.db)
        return ImportPreviewView.page(model, settings: req.settings).response(
            status: model.isReadable ? .ok : .unprocessableEntity)
    }

    /// The choices on the preview — period, mapping text, a role per unrecognised column,
    /// a light per unknown word — become the upload's mapping; then the preview again.
    static func remap(_ req: Request) async throws -> Response {
        let pending = try await find(req)
        let account = try await account(req, for: pending)
        try CSRF.verify(req)
        let fields = FormFields(req)
        typealias Field = ImportMappingField
        var lines = LineEndings.lines(fields[Field.mapping] ?? pending.mapping).map(String.init)
        for index in 0..<256 {
            if let header = fields[Field.header(index)], let role = fields[Field.column(index)], !role.isEmpty {
                lines.append("kolom \(header) = \(role)")
            }
            if let word = fields[Field.word(index)], let light = fields[Field.light(index)], !light.isEmpty {
                lines.append("licht \(word) = \(light)")
            }
        }
        pending.mapping = lines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .joined(separator: "\n")
        do {
            _ = try pending.options()
        } catch {
            return try await previewRefused(req, pending, account: account, message: error.message)
        }
        if let period = fields[Field.period]?.trimmingCharacters(in: .whitespaces) {
            pending.period = period.isEmpty ? nil : period
        }
        try await pending.save(on: req.db)
        return req.redirect(to: SiteURL.importPreview(try pending.requireID()).path, redirectType: .normal)
    }

    static func confirm(_ req: Request) async throws -> Response {
        let pending = try await find(req)
        let account = try await account(req, for: pending)
        try CSRF.verify(req)
        // The rows ticked "Niet overnemen", by their keys (a project's id, or a new one's row).
        // A form that cannot be read is refused: read as empty, it would overwrite what was left out.
        guard let fields = try? req.content.decode([String: String].self) else {
            throw InputError(Strings.importFormUnreadable, status: .badRequest)
        }
        let leaveOut = Set(
            fields.compactMap { name, value in
                ImportConfirmField.leftOutKey(name).flatMap { value.isEmpty ? nil : $0 }
            })
        do {
            let result = try ReportReader(options: pending.options()).read(pending.data, filename: pending.filename)
            let summary = try await req.db.transaction { db in
                var target = ImportPreviewModel.target(pending)
                target.actor = account.email
                target.address = req.clientAddress
                target.source = pending.filename
                target.leaveOut = leaveOut
                let summary = try await ReportImporter(database: db).run(result.report, into: target)
                try await pending.delete(on: db)
                return summary
            }
            // Rows left out are said on a page of their own; else the programme shows the result.
            guard summary.leftOut.isEmpty else {
                return ImportResultView.page(summary, account: account, settings: req.settings).response()
            }
            return req.redirect(to: SiteURL.programme(summary.programmeSlug).path, redirectType: .normal)
        } catch is ReportFileError {
            // The preview says why; nothing was written.
            return try await preview(req)
        } catch let error as InputError {
            return try await previewRefused(req, pending, account: account, message: error.message)
        }
    }

    /// The preview again, with why the last step was refused; nothing was saved.
    private static func previewRefused(
        _ req: Request, _ pending: PendingImport, account: ImportAccount, message: String
    ) async throws -> Response {
        let model = try await ImportPreviewModel.query(pending, account: account, mappingError: message, on: req.db)
        return ImportPreviewView.page(model, settings: req.settings).response(status: .unprocessableEntity)
    }

    static func cancel(_ req: Request) async throws -> Response {
        let pending = try await find(req)
        _ = try await account(req, for: pending)
        try CSRF.verify(req)
        try await pending.delete(on: req.db)
        return req.redirect(to: SiteURL.home.path, redirectType: .normal)
    }

    private static func find(_ req: Request) async throws -> PendingImport {
        guard let id = req.parameters.get("upload").flatMap(UUID.init(uuidString:)),
            let pending = try await PendingImport.find(id, on: req.db)
        else {
            throw InputError(Strings.importNotFound, status: .notFound)
        }
        return pending
    }
}

/// The upload form of a report, by the names it posts (multipart).
enum ImportUploadField: String, CaseIterable, FormField {
    case file = "bestand"
    case programme = "programma"
    case organisation = "gemeente"
    case period = "periode"
    case mapping = "indeling"
}

/// The preview's mapping form: period, mapping text, a role per unrecognised column
/// (`kolom-N`, its header hidden in `kop-N`) and a light per unknown word (`licht-N`, `woord-N`).
enum ImportMappingField: String, CaseIterable, FormField {
    case period = "periode"
    case mapping = "indeling"

    static func column(_ index: Int) -> NumberedField { NumberedField("kolom", String(index)) }
    static func header(_ index: Int) -> NumberedField { NumberedField("kop", String(index)) }
    static func light(_ index: Int) -> NumberedField { NumberedField("licht", String(index)) }
    static func word(_ index: Int) -> NumberedField { NumberedField("woord", String(index)) }
}

/// The preview's confirming form: a "Niet overnemen" box per row, `weglaten-KEY`.
enum ImportConfirmField {
    static let leaveOutPrefix = "weglaten"

    static func leaveOut(_ key: String) -> NumberedField { NumberedField(leaveOutPrefix, key) }

    /// The row key of a posted field name, if it is a leave-out box.
    static func leftOutKey(_ name: String) -> String? {
        name.hasPrefix(leaveOutPrefix + "-") ? String(name.dropFirst(leaveOutPrefix.count + 1)) : nil
    }
}
