import Foundation

/// Reads a large XML part (a sheet, a table of shared strings) a chunk of whole elements at
/// a time: each chunk runs from the start of one `element` to the end of the last complete
/// one read so far, so it parses on its own and memory stays bounded by the chunk size.
struct XMLElementChunks {
    struct ElementTooLong: Error {}

    static let chunkBytes = 1 << 18

    let handle: FileHandle
    let name: [UInt8]
    let maximumElementBytes: Int
    var buffer: [UInt8] = []
    var atEnd = false
    var started = false
    private(set) var bytesRead = 0

    /// Opens the file and unlinks it: it is gone once read.
    init(temporaryFile: URL, element: String, maximumElementBytes: Int = 1 << 22) throws {
        guard let handle = FileHandle(forReadingAtPath: temporaryFile.path) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        try? FileManager.default.removeItem(at: temporaryFile)
        self.handle = handle
        self.name = Array(element.utf8)
        self.maximumElementBytes = maximumElementBytes
    }

    /// The next chunk of whole elements, or nil at the end; `trailing` then holds what
    /// followed the last element (the closing tags a complete part ends with).
    mutating func next(trailing: inout String) throws -> [UInt8]? {
        while true {
            if let end = lastEnd() {
                var start = 0
                if !started {
                    guard let first = firstStart() else { return nil }
                    start = first
                    started = true
                }
                let chunk = Array(buffer[start..<end])
                buffer.removeFirst(end)
                return chunk
            }
            if atEnd {
                trailing = String(decoding: buffer.suffix(4096), as: UTF8.self)
                return nil
            }
            if buffer.count > maximumElementBytes { throw ElementTooLong() }
            let chunk = try handle.read(upToCount: Self.chunkBytes) ?? Data()
            if chunk.isEmpty {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk)
                bytesRead += chunk.count
            }
        }
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    /// Just past the last "</name>" or "</prefix:name>" in the buffer.
    func lastEnd() -> Int? {
        let tail = name + [UInt8(ascii: ">")]
        var i = buffer.count - tail.count
        while i > 1 {
            if buffer[i] == tail[0] && buffer[i..<i + tail.count].elementsEqual(tail) {
                var j = i - 1
                if buffer[j] == UInt8(ascii: ":") {
                    j -= 1
                    while j > 0, Self.isNameByte(buffer[j]) { j -= 1 }
                }
                if buffer[j] == UInt8(ascii: "/"), j > 0, buffer[j - 1] == UInt8(ascii: "<") { return i + tail.count }
            }
            i -= 1
        }
        return nil
    }

    /// Where the first "<name" or "<prefix:name" starts.
    func firstStart() -> Int? {
        var i = 0
        let after: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/"), 0x0A, 0x0D, 0x09]
        while i < buffer.count - name.count - 1 {
            if buffer[i] == UInt8(ascii: "<") {
                var j = i + 1
                while j < buffer.count, Self.isNameByte(buffer[j]) { j += 1 }
                let nameStart = j < buffer.count && buffer[j] == UInt8(ascii: ":") ? j + 1 : i + 1
                let nameEnd = nameStart + name.count
                if nameEnd < buffer.count, buffer[nameStart..<nameEnd].elementsEqual(name),
                    after.contains(buffer[nameEnd])
                {
                    return i
                }
            }
            i += 1
        }
        return nil
    }
}

/// An Excel workbook's shared strings (its distinct texts), kept in a temporary file with
/// only their offsets in memory, read back as cells refer to them; the most used are cached.
final class SharedStrings {
    private var handle: FileHandle?
    private var offsets: [UInt64] = [0]
    private var cache: [Int: String] = [:]

    var count: Int { offsets.count - 1 }

    init() {}

    /// Unpacks `xl/sharedStrings.xml` (already extracted to `part`) into the strings file.
    init(part: URL) throws {
        var chunks = try XMLElementChunks(temporaryFile: part, element: "si")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stoplicht-teksten-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: file.path, contents: nil),
            let writer = FileHandle(forWritingAtPath: file.path)
        else { throw CocoaError(.fileWriteUnknown) }
        var trailing = ""
        var position: UInt64 = 0
        while let chunk = try chunks.next(trailing: &trailing) {
            var current = [UInt8]()
            var inText = false
            var inPhonetic = false
            var out = Data()
            var ends: [UInt64] = []
            try XMLPullParser(Data(chunk)).parse { event in
                switch event {
                case .start("si", _): current.removeAll(keepingCapacity: true)
                case .start("rPh", _): inPhonetic = true
                case .end("rPh"): inPhonetic = false
                case .start("t", _): inText = !inPhonetic
                case .end("t"): inText = false
                case .text(let text) where inText: current += Array(text.utf8)
                case .end("si"):
                    out.append(contentsOf: current)
                    position += UInt64(current.count)
                    ends.append(position)
                default: break
                }
            }
            writer.write(out)
            offsets += ends
        }
        try writer.close()
        handle = FileHandle(forReadingAtPath: file.path)
        try? FileManager.default.removeItem(at: file)
    }

    func string(_ index: Int) -> String? {
        guard index >= 0, index < count else { return nil }
        if let cached = cache[index] { return cached }
        guard let handle else { return nil }
        let start = offsets[index]
        let length = Int(offsets[index + 1] - start)
        let data: Data
        do {
            try handle.seek(toOffset: start)
            data = try handle.read(upToCount: length) ?? Data()
        } catch {
            return nil
        }
        let text = String(decoding: data, as: UTF8.self)
        if cache.count >= 4096 { cache.removeAll(keepingCapacity: true) }
        cache[index] = text
        return text
    }
}
