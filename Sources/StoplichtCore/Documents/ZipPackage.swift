import Foundation
import ZIPFoundation

/// How much an import may read. A real report is far below each; a file above one is
/// refused with a message, so a crafted file cannot exhaust the server's memory.
public struct ImportLimits: Sendable {
    /// The file as uploaded or named (a spreadsheet of 100,000 rows is about 10 MB).
    public var fileBytes = 64 * 1024 * 1024
    /// A text, Markdown or HTML report: prose, not rows.
    public var textBytes = ReportFileDecoder.maximumBytes
    /// One part of a Word, OpenDocument or Excel file, unpacked (a ZIP bomb stops here).
    public var partBytes = 256 * 1024 * 1024
    /// All parts read from one file, unpacked.
    public var unpackedBytes = 512 * 1024 * 1024
    /// Rows in all tables together.
    public var rows = 250_000
    /// Characters in one cell; Excel itself stops at 32,767.
    public var cellCharacters = 100_000
    /// Cells in all tables together, as repeats, spans and merges expand them (CellBudget);
    /// a report of 50,000 rows of 30 columns stays below it.
    public var cells = 2_000_000

    public init() {}

    public static let standard = ImportLimits()
}

extension ImportLimits {
    /// The file has more rows than `rows`: refused whole, never read halfway.
    func tooManyRows() -> ReportFileError {
        ReportFileError(
            "Het bestand heeft meer dan \(rows) rijen; zo groot is geen rapportage. Het bestand is geweigerd.")
    }

    /// A cell or paragraph at `place` is longer than `cellCharacters`.
    func cellTooLong(at place: String) -> ReportFileError {
        ReportFileError(
            "In \(place) staat een cel of alinea van meer dan \(cellCharacters) tekens; zo lang is geen toelichting. Het bestand is geweigerd."
        )
    }
}

extension DocumentTable {
    /// A table inside a table cell, as paragraphs of that cell: a row a paragraph.
    var paragraphsForEnclosingCell: [(text: String, kind: DocumentCell.Kind)] {
        rows.compactMap { row in
            let text = row.cells.map(\.plainText).filter { !$0.isEmpty }.joined(separator: " — ")
            return text.isEmpty ? nil : (text, .paragraph)
        }
    }
}

/// The parts of a Word, OpenDocument or Excel file, read with limits.
struct ZipPackage {
    private let archive: Archive
    private let limits: ImportLimits
    private var unpacked = 0

    init(_ data: Data, limits: ImportLimits) throws(ReportFileError) {
        // Read from a file, not from memory: ZIPFoundation's in-memory reader traps on an
        // entry whose offset lies past the end of a damaged archive; a file just reads short.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stoplicht-import-\(UUID().uuidString).zip")
        do {
            try data.write(to: url)
        } catch {
            throw ReportFileError(
                "Het bestand kan niet tijdelijk worden opgeslagen om het uit te pakken; probeer het later opnieuw.")
        }
        // The open archive keeps the file readable after its name is gone.
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ReportFileError(
                "Het bestand is een beschadigd of onvolledig ZIP-archief (Word, OpenDocument of Excel); het kan niet worden geopend. Sla het opnieuw op en probeer het nog eens."
            )
        }
        self.limits = limits
    }

    var paths: [String] { archive.map(\.path) }

    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The unpacked bytes of a part; nil if the file has no such part.
    mutating func part(_ path: String) throws(ReportFileError) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        let partLimit = limits.partBytes
        let budget = limits.unpackedBytes - unpacked
        do {
            let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > partLimit || data.count > budget { throw PartTooLarge() }
            }
            if checksum != entry.checksum { throw ChecksumMismatch() }
        } catch is PartTooLarge {
            throw ReportFileError(
                "Het onderdeel ‘\(path)’ van het bestand is uitgepakt groter dan \(partLimit / 1024 / 1024) MB; zo groot is geen rapportage. Het bestand is geweigerd."
            )
        } catch {
            throw ReportFileError(
                "Het onderdeel ‘\(path)’ van het bestand is beschadigd en kan niet worden gelezen. Sla het bestand opnieuw op en probeer het nog eens."
            )
        }
        unpacked += data.count
        return data
    }

    private struct PartTooLarge: Error {}
    private struct ChecksumMismatch: Error {}
}

extension XMLPullParser {
    /// Parses a part, turning malformed XML into a Dutch message naming the part.
    static func read(_ data: Data, part: String, _ handle: (Event) throws -> Void) throws(ReportFileError) {
        do {
            try XMLPullParser(data).parse(handle)
        } catch let failure as XMLPullParser.Failure {
            throw ReportFileError(
                "Het onderdeel ‘\(part)’ van het bestand is geen geldige XML: \(failure.message). Sla het bestand opnieuw op en probeer het nog eens."
            )
        } catch let error as ReportFileError {
            throw error
        } catch {
            throw ReportFileError("Het onderdeel ‘\(part)’ van het bestand kan niet worden gelezen.")
        }
    }
}
