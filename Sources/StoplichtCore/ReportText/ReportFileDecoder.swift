import Foundation

/// Why a file cannot be read as a report at all. The message is Dutch and says what to do.
public struct ReportFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Where the columns of a table were not recognised: the cells of its first row, so a
    /// page can offer a choice of role for each.
    public var foundColumns: [String]?

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Turns the bytes of an uploaded or named file into text, refusing what is no report.
public enum ReportFileDecoder {
    /// Reports are a few hundred kilobytes; anything this large is not one.
    public static let maximumBytes = 5 * 1024 * 1024

    public struct Decoded: Sendable {
        public var text: String
        public var warnings: [ImportWarning]
    }

    public static func decode(_ data: Data, maximumBytes: Int = maximumBytes) throws(ReportFileError) -> Decoded {
        if data.isEmpty {
            throw ReportFileError("Het bestand is leeg: er staat geen rapportage in.")
        }
        if data.count > maximumBytes {
            throw ReportFileError(
                "Het bestand is \(megabytes(data.count)) groot; een rapportage mag hoogstens \(megabytes(maximumBytes)) zijn. Controleer of u het juiste bestand kiest."
            )
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw ReportFileError(
                "Dit is een Word-, OpenDocument- of Excel-bestand (ZIP). Sla de rapportage op als tekst of Markdown en importeer dat bestand."
            )
        }
        if data.starts(with: Array("%PDF".utf8)) {
            throw ReportFileError(
                "Dit is een PDF-bestand. Een PDF kan niet worden ingelezen; gebruik de tekst- of Markdownversie van de rapportage."
            )
        }
        // UTF-16 with a byte order mark, as Windows' Notepad saves "Unicode" text.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw ReportFileError("Het bestand begint als UTF-16-tekst maar is beschadigd.")
            }
            return Decoded(text: text, warnings: [])
        }
        var bytes = data
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = data.dropFirst(3) }
        if let line = firstBinaryLine(bytes) {
            throw ReportFileError(
                "Het bestand bevat binaire gegevens (vanaf regel \(line)) en is geen tekst. Kies de tekst- of Markdownversie van de rapportage."
            )
        }
        if let text = String(data: bytes, encoding: .utf8) {
            return Decoded(text: text, warnings: [])
        }
        // Older Windows tools write Windows-1252; every byte sequence decodes, so say so.
        let badLine = firstInvalidUTF8Line(bytes)
        guard let text = String(data: bytes, encoding: .windowsCP1252) else {
            throw ReportFileError(
                "De tekencodering van het bestand is onbekend (regel \(badLine) is geen UTF-8). Sla het bestand op als UTF-8."
            )
        }
        return Decoded(
            text: text,
            warnings: [
                ImportWarning(
                    line: badLine,
                    message:
                        "Het bestand is niet in UTF-8 gecodeerd; het is gelezen als Windows-1252. Controleer letters met accenten (ë, é) en het euroteken."
                )
            ])
    }

    private static func megabytes(_ count: Int) -> String {
        let mb = Double(count) / (1024 * 1024)
        return String(format: "%.1f MB", mb).replacingOccurrences(of: ".", with: ",")
    }

    /// A NUL byte, or many control characters, mean the file is not text.
    private static func firstBinaryLine(_ bytes: Data) -> Int? {
        var line = 1
        var controls = 0
        var inspected = 0
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            if byte == 0 { return line }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C {
                controls += 1
                if controls > 8, controls * 100 > inspected { return line }
            }
            inspected += 1
        }
        return nil
    }

    private static func firstInvalidUTF8Line(_ bytes: Data) -> Int {
        var line = 1
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            if String(data: bytes[start..<index], encoding: .utf8) == nil { return line }
            line += 1
            start = bytes.index(after: index)
        }
        return line
    }
}
