import Foundation
import NIOCore
import Vapor

/// A form posted as multipart/form-data to a `spooled` route: its text fields and its files,
/// read from the temporary file the server wrote the body to (`BodySpool`), a megabyte at a
/// time, or from the body in memory where there is no file (the tests' in-memory requests).
/// Each file's bytes are held once, as the route needs them; the body itself never is.
/// A body that is no multipart form gives an empty form (or the parts before what is no
/// longer one): the route then says that no file came.
struct UploadForm: Sendable {
    private(set) var fields: [String: String] = [:]
    private(set) var files: [String: File] = [:]

    func field(_ name: String) -> String? { fields[name] }
    func file(_ name: String) -> File? { files[name] }

    static let chunkBytes = 1024 * 1024

    static func read(_ req: Request) async throws -> UploadForm {
        guard let type = req.headers.contentType, type.type == "multipart", type.subType == "form-data",
            let boundary = type.parameters["boundary"], !boundary.isEmpty
        else { return UploadForm() }
        if let path = req.spooledBody {
            return try await req.application.threadPool.runIfActive { try parse(file: path, boundary: boundary) }
        }
        guard let body = req.body.data else { return UploadForm() }
        return (try? parse(boundary: boundary) { feed in try feed(body) }) ?? UploadForm()
    }

    static func parse(file path: String, boundary: String) throws -> UploadForm {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Abort(.internalServerError, reason: Strings.uploadSpoolGone)
        }
        defer { try? handle.close() }
        return
            (try? parse(boundary: boundary) { feed in
                while let data = try handle.read(upToCount: chunkBytes), !data.isEmpty {
                    try feed(ByteBuffer(data: data))
                }
            }) ?? UploadForm()
    }

    /// `source` hands the body to `feed` in pieces, in order.
    private static func parse(boundary: String, source: ((ByteBuffer) throws -> Void) throws -> Void) throws
        -> UploadForm
    {
        let parser = MultipartParser(boundary: boundary)
        var form = UploadForm()
        var headers = HTTPHeaders()
        var body = ByteBuffer()
        parser.onHeader = { name, value in headers.replaceOrAdd(name: name, value: value) }
        parser.onBody = { chunk in body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let part = MultipartPart(headers: headers, body: body)
            if let name = part.name {
                if let filename = part.filename {
                    form.files[name] = File(data: part.body, filename: filename)
                } else {
                    form.fields[name] = String(buffer: part.body)
                }
            }
            headers = [:]
            body = ByteBuffer()
        }
        try source { try parser.execute($0) }
        return form
    }
}
