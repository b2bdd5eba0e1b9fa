import Foundation
import ZIPFoundation

/// Writes a ZIP container (the ODF and Office Open XML packages) in memory.
public enum ZipWriter {
    public struct Part: Sendable {
        public var path: String
        public var data: Data
        /// ODF's `mimetype` must be stored, not compressed.
        public var compressed: Bool

        public init(_ path: String, _ data: Data, compressed: Bool = true) {
            self.path = path
            self.data = data
            self.compressed = compressed
        }

        public init(_ path: String, _ text: String, compressed: Bool = true) {
            self.init(path, Data(text.utf8), compressed: compressed)
        }
    }

    /// The parts in order, with a fixed modification date so the same document gives the same bytes.
    public static func package(_ parts: [Part], date: Date = Date(timeIntervalSince1970: 1_577_836_800)) throws -> Data
    {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = part.data
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                compressionMethod: part.compressed ? .deflate : .none
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}

/// Text for XML: the five characters escaped, and characters XML 1.0 forbids dropped.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value)
                    || (0xD800...0xDFFF).contains(scalar.value)
                {
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
