import Foundation
import ZIPFoundation

/// A file of actuals read a record at a time: CSV (`StreamingRecords`) or XLSX (`XLSXRecords`).
public protocol ActualsRecords {
    /// The next record's fields, or nil at the end.
    mutating func next() throws -> [String]?
    /// Where the record just read came from: its line (CSV) or row (XLSX), 1-based.
    var recordLine: Int { get }
    /// How far through the file, against `totalBytes`, for a progress indicator.
    var bytesRead: Int { get }
    var totalBytes: Int { get }
}

public enum ActualsFile {
    /// The reader for the file: XLSX by its ZIP signature, anything else as delimited text.
    public static func open(path: String) throws -> any ActualsRecords {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StreamingRecords.Failure.unreadable(path) }
        let signature = (try? handle.read(upToCount: 4)) ?? Data()
        try? handle.close()
        if signature == Data([0x50, 0x4B, 0x03, 0x04]) { return try XLSXRecords(path: path) }
        return try StreamingRecords(path: path)
    }
}

/// Reads the first sheet of an Excel workbook a row at a time. The sheet and its shared
/// strings are unpacked to temporary files; the sheet is read a chunk of whole rows at a
/// time and the strings looked up in their file as cells refer to them, so a workbook of a
/// million rows is read in bounded memory. Numbers come out as a Dutch reader writes them
/// ("1234,56"), dates as "15-11-2018".
public struct XLSXRecords: ActualsRecords {
    public enum Failure: Error, Equatable {
        case notAWorkbook(String)
        case rowTooLong(row: Int)
    }

    var rows: XMLElementChunks
    let strings: SharedStrings
    let styles: ExcelWorkbookReader.CellStyles
    var pending: [[String]] = []
    var pendingRows: [Int] = []
    var dates: [Int: String] = [:]
    public private(set) var recordLine = 0
    public var bytesRead: Int { rows.bytesRead }
    public let totalBytes: Int

    /// All parts of a workbook together, as they are unpacked: a ledger of a million lines
    /// as Excel saves it is some 350 MB of sheet and 60 MB of texts. The bytes are counted
    /// as they come out of the decompressor, not taken from the ZIP's directory, which can
    /// say anything; a workbook of a few MB that unpacks to gigabytes stops here.
    public static let maximumUnpackedBytes = 1 << 30

    public init(path: String, maximumUnpackedBytes: Int = XLSXRecords.maximumUnpackedBytes) throws {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw Failure.notAWorkbook("het ZIP-bestand kan niet worden geopend")
        }
        var unpacked = 0
        /// Hands each unpacked chunk of a part to `write`, refusing the workbook once the
        /// part passes `limit` or all parts together pass `maximumUnpackedBytes`.
        func extract(_ entry: Entry, limit: Int, _ write: (Data) throws -> Void) throws {
            var written = 0
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    written += chunk.count
                    if written > limit || unpacked + written > maximumUnpackedBytes { throw UnpackedTooLarge() }
                    try write(chunk)
                }
            } catch is UnpackedTooLarge {
                let (what, bytes) =
                    written > limit
                    ? ("het onderdeel ‘\(entry.path)’", limit)
                    : ("de werkmap (bij het onderdeel ‘\(entry.path)’)", maximumUnpackedBytes)
                throw Failure.notAWorkbook(
                    "\(what) is uitgepakt groter dan \(bytes >> 20) MB; zo groot is geen overzicht van de realisatie")
            }
            unpacked += written
        }
        /// A part read into memory: the workbook's list of sheets, its styles.
        func part(_ name: String) throws -> Data? {
            guard let entry = archive[name] else { return nil }
            var data = Data()
            try extract(entry, limit: 64 << 20) { data.append($0) }
            return data
        }
        func unpack(_ entry: Entry) throws -> URL {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                "stoplicht-xlsx-\(UUID().uuidString).xml")
            // Readable by Stoplicht alone: it holds a municipality's ledger.
            guard
                FileManager.default.createFile(
                    atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                let handle = FileHandle(forWritingAtPath: file.path)
            else { throw CocoaError(.fileWriteUnknown) }
            do {
                defer { try? handle.close() }
                try extract(entry, limit: .max) { try handle.write(contentsOf: $0) }
            } catch {
                try? FileManager.default.removeItem(at: file)
                throw error
            }
            return file
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw Failure.notAWorkbook("xl/workbook.xml ontbreekt")
        }
        do {
            let sheets = try ExcelWorkbookReader.sheets(workbook, relationships: try part("xl/_rels/workbook.xml.rels"))
            guard let first = sheets.first, let sheet = archive[first.path] else {
                throw Failure.notAWorkbook("de werkmap heeft geen blad")
            }
            strings = try archive["xl/sharedStrings.xml"].map { try SharedStrings(part: unpack($0)) } ?? SharedStrings()
            styles =
                try part("xl/styles.xml").map { try ExcelWorkbookReader.CellStyles($0) }
                ?? ExcelWorkbookReader.CellStyles()
            rows = try XMLElementChunks(temporaryFile: unpack(sheet), element: "row")
            totalBytes = Int(sheet.uncompressedSize)
        } catch let error as ReportFileError {
            throw Failure.notAWorkbook(error.message)
        } catch let failure as XMLPullParser.Failure {
            throw Failure.notAWorkbook("de gedeelde teksten zijn geen geldige XML: \(failure.message)")
        } catch is XMLElementChunks.ElementTooLong {
            throw Failure.notAWorkbook("een gedeelde tekst is langer dan 4 MB")
        }
    }

    private struct UnpackedTooLarge: Error {}

    public mutating func next() throws -> [String]? {
        while pending.isEmpty {
            var trailing = ""
            let chunk: [UInt8]?
            do {
                chunk = try rows.next(trailing: &trailing)
            } catch is XMLElementChunks.ElementTooLong {
                throw Failure.rowTooLong(row: recordLine + 1)
            }
            guard let chunk else {
                // A sheet ends with its sheetData closed; one cut off mid-row is refused, not half read.
                guard
                    trailing.contains("sheetData>") || trailing.contains("<sheetData/>")
                        || (recordLine == 0 && !trailing.contains("<row"))
                else {
                    throw Failure.notAWorkbook("het blad houdt op na rij \(recordLine) (het bestand is afgebroken)")
                }
                return nil
            }
            try parse(chunk)
        }
        recordLine = pendingRows.removeFirst()
        return pending.removeFirst()
    }

    /// Whole rows to records, the cells in their columns ("C7" is the third field).
    mutating func parse(_ fragment: [UInt8]) throws {
        var row = 0
        var column = 0
        var type = "n"
        var style = 0
        var value = ""
        var cells: [Int: String] = [:]
        var inValue = false
        let strings = self.strings
        var finished: [(Int, [String])] = []
        let styles = self.styles
        var dates = self.dates
        do {
            try XMLPullParser(Data(fragment)).parse { event in
                switch event {
                case .start("row", let a):
                    row = SpreadsheetRow.next(a.first { $0.name == "r" }?.value, after: row)
                    cells = [:]
                    column = 0
                case .start("c", let a):
                    let reference = a.first { $0.name == "r" }?.value
                    column = reference.flatMap { ExcelWorkbookReader.SheetReader.column(of: $0) } ?? column + 1
                    type = a.first { $0.name == "t" }?.value ?? "n"
                    style = a.first { $0.name == "s" }.flatMap { Int($0.value) } ?? 0
                    value = ""
                case .start("v", _), .start("t", _): inValue = true
                case .end("v"), .end("t"): inValue = false
                case .text(let text) where inValue: value += text
                case .end("c"):
                    cells[column] = Self.text(
                        type: type, value: value, style: style, strings: strings, styles: styles, dates: &dates)
                case .end("row"):
                    let last = cells.keys.max() ?? 0
                    finished.append((row, last == 0 ? [] : (1...min(last, 1024)).map { cells[$0] ?? "" }))
                default: break
                }
            }
        } catch let failure as XMLPullParser.Failure {
            throw Failure.notAWorkbook("het blad is geen geldige XML: \(failure.message)")
        }
        self.dates = dates.count > 10_000 ? [:] : dates
        for (number, record) in finished where !record.allSatisfy(\.isEmpty) {
            pending.append(record)
            pendingRows.append(number)
        }
    }

    static func text(
        type: String, value: String, style: Int, strings: SharedStrings, styles: ExcelWorkbookReader.CellStyles,
        dates: inout [Int: String]
    ) -> String {
        switch type {
        case "s": return Int(value).flatMap { strings.string($0) } ?? ""
        case "b": return value == "1" ? "ja" : "nee"
        case "e": return ""
        case "n":
            guard let number = Double(value) else { return value }
            if styles.dateStyles.contains(style) {
                let day = Int(number.rounded(.down))
                if let known = dates[day] { return known }
                let text = SpreadsheetDates.dutch(serial: number) ?? value
                dates[day] = text
                return text
            }
            return ExcelWorkbookReader.SheetReader.dutchNumber(number)
        default: return value  // "str", "inlineStr", "d"
        }
    }
}
