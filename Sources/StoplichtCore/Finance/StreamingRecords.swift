import Foundation

/// Reads a delimited file (CSV with `;`, `,` or tabs) a record at a time, in chunks, so a
/// financial system's export of a million lines is read in bounded memory. Quotes as in
/// RFC 4180 (a quoted field may hold separators, quotes doubled, line breaks); a UTF-8
/// byte order mark is skipped; bytes that are not UTF-8 are read as Windows-1252.
public struct StreamingRecords: Sendable, ActualsRecords {
    public enum Failure: Error, Equatable {
        case unreadable(String)
        case recordTooLong(line: Int)
    }

    /// A record longer than this is refused (a missing closing quote would otherwise read on).
    public static let maximumRecordBytes = 1 << 20

    let handle: FileHandle
    var buffer: [UInt8] = []
    var position = 0
    var atEnd = false
    public private(set) var separator: UInt8 = UInt8(ascii: ";")
    /// The physical line the next record starts on (1-based).
    public private(set) var line = 1
    /// Bytes read so far, for a progress indicator.
    public private(set) var bytesRead: Int = 0
    public let totalBytes: Int
    /// The line the record last read started on.
    public private(set) var recordLine = 0

    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure.unreadable(path) }
        self.handle = handle
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        try fill()
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        separator = Self.detectSeparator(buffer[position...].prefix { $0 != 0x0A })
    }

    static func detectSeparator(_ headerLine: ArraySlice<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: ",")]
        return candidates.max { a, b in headerLine.filter { $0 == a }.count < headerLine.filter { $0 == b }.count }
            ?? UInt8(ascii: ";")
    }

    mutating func fill() throws {
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        guard !atEnd else { return }
        let chunk = try handle.read(upToCount: 1 << 16) ?? Data()
        if chunk.isEmpty {
            atEnd = true
        } else {
            buffer.append(contentsOf: chunk)
            bytesRead += chunk.count
        }
    }

    /// The next record's fields, or nil at the end of the file. Empty lines are skipped.
    public mutating func next() throws -> [String]? {
        while true {
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false
            var index = position
            let start = line
            var consumedAny = false
            while true {
                if index >= buffer.count {
                    if atEnd { break }
                    let offset = index - position
                    try fill()
                    index = position + offset
                    if index >= buffer.count && atEnd { break }
                    if index - position > Self.maximumRecordBytes { throw Failure.recordTooLong(line: start) }
                    continue
                }
                let byte = buffer[index]
                consumedAny = true
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if index + 1 >= buffer.count && !atEnd {
                            let offset = index - position
                            try fill()
                            index = position + offset
                            continue
                        }
                        if index + 1 < buffer.count && buffer[index + 1] == UInt8(ascii: "\"") {
                            field.append(byte)
                            index += 2
                        } else {
                            quoted = false
                            index += 1
                        }
                    } else {
                        if byte == 0x0A { line += 1 }
                        field.append(byte)
                        index += 1
                    }
                    continue
                }
                if byte == UInt8(ascii: "\"") && field.isEmpty {
                    quoted = true
                    index += 1
                } else if byte == separator {
                    fields.append(Self.text(field))
                    field.removeAll(keepingCapacity: true)
                    index += 1
                } else if byte == 0x0A {
                    index += 1
                    line += 1
                    break
                } else if byte == 0x0D {
                    index += 1
                } else {
                    field.append(byte)
                    index += 1
                }
            }
            position = index
            if !consumedAny { return nil }
            fields.append(Self.text(field))
            if fields.count == 1 && fields[0].isEmpty {
                if atEnd && position >= buffer.count { return nil }
                continue
            }
            recordLine = start
            return fields
        }
    }

    static func text(_ bytes: [UInt8]) -> String {
        // A NUL byte is no text: PostgreSQL refuses it and SQLite cuts the text off there.
        if bytes.contains(0) { return text(bytes.filter { $0 != 0 }) }
        if let text = String(validating: bytes, as: UTF8.self) { return text.trimmingCharacters(in: .whitespaces) }
        return String(bytes.map { Character(Unicode.Scalar(WindowsCodePage.scalar(for: $0)) ?? "?") })
            .trimmingCharacters(in: .whitespaces)
    }
}

/// Windows-1252, the code page of older Dutch exports: the bytes 0x80–0x9F that differ from Latin-1.
enum WindowsCodePage {
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
        0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
    }
}
