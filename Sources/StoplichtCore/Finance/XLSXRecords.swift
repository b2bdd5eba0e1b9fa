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

/// Reads the first sheet of an Excel workbook a row at a time. The sheet is unpacked to a
/// temporary file and read in chunks of whole rows, so a sheet of a million rows is read
/// in bounded memory; only the workbook's shared strings (its distinct texts) are held.
/// Numbers come out as a Dutch reader writes them ("1234,56"), dates as "15-11-2018".
public struct XLSXRecords: ActualsRecords {
    public enum Failure: Error, Equatable {
        case notAWorkbook(String)
        case rowTooLong(row: Int)
    }

    static let chunkBytes = 1 << 18
    static let maximumRowBytes = 1 << 22

    let handle: FileHandle
    let sheetPath: URL
    let strings: [String]
    let styles: ExcelWorkbookReader.CellStyles
    var buffer: [UInt8] = []
    var atEnd = false
    var started = false
    var pending: [[String]] = []
    var pendingRows: [Int] = []
    var dates: [Int: String] = [:]
    public private(set) var recordLine = 0
    public private(set) var bytesRead = 0
    public let totalBytes: Int

    public init(path: String) throws {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw Failure.notAWorkbook("het ZIP-bestand kan niet worden geopend")
        }
        func part(_ name: String) throws -> Data? {
            guard let entry = archive[name] else { return nil }
            guard entry.uncompressedSize < 256 << 20 else { throw Failure.notAWorkbook("het onderdeel \(name) is te groot") }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else { throw Failure.notAWorkbook("xl/workbook.xml ontbreekt") }
        do {
            let sheets = try ExcelWorkbookReader.sheets(workbook, relationships: try part("xl/_rels/workbook.xml.rels"))
            guard let first = sheets.first, let entry = archive[first.path] else { throw Failure.notAWorkbook("de werkmap heeft geen blad") }
            strings = try part("xl/sharedStrings.xml").map { try ExcelWorkbookReader.sharedStrings($0) } ?? []
            styles = try part("xl/styles.xml").map { try ExcelWorkbookReader.CellStyles($0) } ?? ExcelWorkbookReader.CellStyles()
            sheetPath = FileManager.default.temporaryDirectory.appendingPathComponent("stoplicht-blad-\(UUID().uuidString).xml")
            _ = try archive.extract(entry, to: sheetPath, skipCRC32: false)
            totalBytes = Int(entry.uncompressedSize)
        } catch let error as ReportFileError {
            throw Failure.notAWorkbook(error.message)
        }
        guard let handle = FileHandle(forReadingAtPath: sheetPath.path) else { throw Failure.notAWorkbook("het blad kan niet worden gelezen") }
        self.handle = handle
        // The file is gone once nobody holds it open.
        try? FileManager.default.removeItem(at: sheetPath)
    }

    public mutating func next() throws -> [String]? {
        while pending.isEmpty {
            guard try readRows() else { return nil }
        }
        recordLine = pendingRows.removeFirst()
        return pending.removeFirst()
    }

    /// Parses the whole rows in the buffer, reading more until there is at least one.
    mutating func readRows() throws -> Bool {
        while true {
            if let end = Self.lastRowEnd(buffer) {
                var start = 0
                if !started {
                    guard let first = Self.firstRowStart(buffer) else { return false }
                    start = first
                    started = true
                }
                try parse(Array(buffer[start..<end]))
                buffer.removeFirst(end)
                if !pending.isEmpty { return true }
                continue
            }
            if atEnd {
                // A sheet ends with its sheetData closed; one cut off mid-row is refused, not half read.
                let rest = String(decoding: buffer.suffix(4096), as: UTF8.self)
                guard rest.contains("sheetData>") || rest.contains("<sheetData/>") || (!started && !rest.contains("row")) else {
                    throw Failure.notAWorkbook("het blad houdt op na rij \(recordLine) (het bestand is afgebroken)")
                }
                return false
            }
            if buffer.count > Self.maximumRowBytes { throw Failure.rowTooLong(row: recordLine + 1) }
            let chunk = try handle.read(upToCount: Self.chunkBytes) ?? Data()
            if chunk.isEmpty { atEnd = true } else {
                buffer.append(contentsOf: chunk)
                bytesRead += chunk.count
            }
        }
    }

    /// Just past the last "</row>" (any prefix) in the bytes.
    static func lastRowEnd(_ bytes: [UInt8]) -> Int? {
        let tail: [UInt8] = Array("row>".utf8)
        var i = bytes.count - tail.count
        while i > 1 {
            if bytes[i] == tail[0] && Array(bytes[i..<i + 4]) == tail {
                var j = i - 1
                if bytes[j] == UInt8(ascii: ":") {
                    j -= 1
                    while j > 0, (bytes[j] >= 0x61 && bytes[j] <= 0x7A) || (bytes[j] >= 0x41 && bytes[j] <= 0x5A) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) { j -= 1 }
                }
                if bytes[j] == UInt8(ascii: "/"), j > 0, bytes[j - 1] == UInt8(ascii: "<") { return i + 4 }
            }
            i -= 1
        }
        return nil
    }

    /// Where the first "<row" (any prefix) starts.
    static func firstRowStart(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count - 5 {
            if bytes[i] == UInt8(ascii: "<") {
                var j = i + 1
                while j < bytes.count, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: " "), bytes[j] != UInt8(ascii: ":") { j += 1 }
                let nameStart = j < bytes.count && bytes[j] == UInt8(ascii: ":") ? j + 1 : i + 1
                if nameStart + 3 <= bytes.count, Array(bytes[nameStart..<nameStart + 3]) == Array("row".utf8),
                   nameStart + 3 < bytes.count, [UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[nameStart + 3]) {
                    return i
                }
            }
            i += 1
        }
        return nil
    }

    /// Whole rows to records, the cells in their columns ("C7" is the third field).
    mutating func parse(_ fragment: [UInt8]) throws {
        var row = 0, column = 0, type = "n", style = 0, value = ""
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
                    row = a.first { $0.name == "r" }.flatMap { Int($0.value) } ?? row + 1
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
                    cells[column] = Self.text(type: type, value: value, style: style, strings: strings, styles: styles, dates: &dates)
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

    static func text(type: String, value: String, style: Int, strings: [String], styles: ExcelWorkbookReader.CellStyles,
                     dates: inout [Int: String]) -> String {
        switch type {
        case "s": return Int(value).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
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
