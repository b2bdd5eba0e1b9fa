import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A published period's documents, made once and served as stored (`PublishedDocument`): at
/// publication, or — for a period published before documents were stored, or whose PDF could
/// not be made then (WeasyPrint missing, busy or failing) — at the first request, once, and
/// stored then. Made at a request rather than in a migration: a migration runs where
/// WeasyPrint may be missing and must not fail or take minutes for it, and the first request
/// after a deploy makes only what is asked for.
enum PublishedDocuments {
    /// The formats stored; the HTML download is the report page itself.
    static let formats: [ExportFormat] = [.pdf, .odt, .docx, .xlsx, .csv]

    /// The documents of `model` (its period already marked published) that can be made now;
    /// a PDF that cannot is left for the first request, with a line in the log.
    static func render(_ model: ReportPageModel, settings: Settings, logger: Logger) async throws -> [(
        ExportFormat, Data
    )] {
        var documents: [(ExportFormat, Data)] = []
        for format in formats {
            do {
                documents.append(
                    (
                        format,
                        try await ReportDocuments.render(model, format: format, settings: settings, logger: logger)
                    ))
            } catch let error where format == .pdf {
                logger.warning(
                    "Publishing \(model.period.name): the PDF is not stored now but at its first request: \(String(describing: error))"
                )
            }
        }
        return documents
    }

    /// Stores `documents` of a period just published, inside its publication's transaction.
    static func store(_ documents: [(ExportFormat, Data)], periodID: UUID, at now: Date, on db: any Database)
        async throws
    {
        for (format, data) in documents {
            try await PublishedDocument(periodID: periodID, format: format, content: data, storedAt: now).create(on: db)
        }
    }

    static func stored(_ format: ExportFormat, periodID: UUID, on db: any Database) async throws -> PublishedDocument? {
        try await PublishedDocument.query(on: db).filter(\.$period.$id == periodID).filter(\.$format == format.rawValue)
            .first()
    }

    /// The stored document, or the one made and stored now when there is none yet. Readers who
    /// ask for it while it is being rendered wait for that one rendering.
    static func document(
        _ format: ExportFormat, programme: String, period: ReportingPeriod, settings: Settings,
        logger: Logger, pdfSlots: RenderSlots = PDFRenderer.slots, on db: any Database
    ) async throws -> PublishedDocument {
        let periodID = try period.requireID()
        if let document = try await stored(format, periodID: periodID, on: db) { return document }
        let key = "\(periodID.uuidString)/\(format.rawValue)"
        // A rendering that failed a moment ago is not tried again for every reader who asks: a
        // document WeasyPrint cannot make would otherwise cost a core for a minute each time.
        if let failed = failures.withLockedValue({ $0[key] }), Date().timeIntervalSince(failed) < retryAfterFailure {
            throw InputError(Strings.publishedDocumentFailedRecently, status: .serviceUnavailable)
        }
        let rendering: Task<PublishedDocument, any Error> = underway.withLockedValue { underway in
            if let task = underway[key] { return task }
            let task = Task<PublishedDocument, any Error> {
                defer { finished(key) }
                if let document = try await stored(format, periodID: periodID, on: db) { return document }
                let model = try await ReportPageModel.query(programme: programme, period: period.slug, on: db)
                let data = try await ReportDocuments.render(
                    model, format: format, settings: settings, logger: logger, pdfSlots: pdfSlots,
                    forReader: true)
                let document = PublishedDocument(periodID: periodID, format: format, content: data, storedAt: Date())
                do {
                    try await document.create(on: db)
                } catch {
                    // Another server stored it first: theirs is the one.
                    if let theirs = try await stored(format, periodID: periodID, on: db) { return theirs }
                    throw error
                }
                return document
            }
            underway[key] = task
            return task
        }
        do {
            let document = try await rendering.value
            failures.withLockedValue { $0[key] = nil }
            return document
        } catch let error as InputError where error.status == .serviceUnavailable && error.message == Strings.pdfBusy {
            throw error  // the queue was full: nothing failed
        } catch {
            failures.withLockedValue { failures in
                if failures.count > 1_000 { failures.removeAll() }
                failures[key] = Date()
            }
            throw error
        }
    }

    /// How long a rendering that failed keeps readers from starting another.
    static let retryAfterFailure: TimeInterval = 5 * 60

    /// When a rendering failed last, by period and format.
    private static let failures = NIOLockedValueBox<[String: Date]>([:])

    /// The renderings under way, by period and format: at most one for each.
    private static let underway = NIOLockedValueBox<[String: Task<PublishedDocument, any Error>]>([:])

    private static func finished(_ key: String) {
        underway.withLockedValue { _ = $0.removeValue(forKey: key) }
    }

    /// The stored document as a download: its SHA-256 as ETag and `X-Content-SHA256`, and 304
    /// for a reader whose copy is this one.
    static func response(_ document: PublishedDocument, format: ExportFormat, filename: String, _ req: Request)
        -> Response
    {
        let tag = "\"" + document.sha256 + "\""
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: format.mediaType)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        headers.replaceOrAdd(name: .eTag, value: tag)
        headers.replaceOrAdd(name: "X-Content-SHA256", value: document.sha256)
        if req.headers[.ifNoneMatch].flatMap({ $0.split(separator: ",") }).contains(where: {
            $0.trimmingCharacters(in: .whitespaces) == tag
        }) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(data: document.content))
    }
}
