import Foundation
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

/// Finds a NUL character (U+0000) in what a request carries as text. PostgreSQL refuses
/// text that holds one (the request failed with a server error) and SQLite cuts the text
/// off there (a leader "Jan\u{0}Smit" was stored as "Jan", and a second such name then
/// broke the unique index on people): neither keeps what was sent, so such a request is
/// refused before any route reads it, naming where the character is.
///
/// Looked at: the address (path and query), a URL-encoded form's fields, a JSON body's
/// strings and keys, and a multipart form's text fields and file names. A file's own bytes
/// are not text here: a spreadsheet holds NUL bytes, and the importers read what they hold.
enum NulCharacters {
    /// Where the character is: the address's path, a parameter of its query, or a field's
    /// name as the form or JSON has it ("naam", "leaders[0]").
    enum Place: Equatable, Sendable {
        case path
        case query(String)
        case field(String)
    }

    static func place(uri: String, contentType: HTTPMediaType?, body: ByteBuffer?) -> Place? {
        if containsEncodedNul(uri.utf8) {
            let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            if containsEncodedNul(parts[0].utf8) { return .path }
            return Array(parts[1].utf8).withUnsafeBytes { formField($0) }.map { .query($0) } ?? .query("")
        }
        guard let body, body.readableBytes > 0, let contentType else { return nil }
        return body.withUnsafeReadableBytes { bytes -> Place? in
            switch (contentType.type, contentType.subType) {
            case ("application", "x-www-form-urlencoded"):
                return formField(bytes).map { .field($0) }
            case ("application", let subType) where subType == "json" || subType.hasSuffix("+json"):
                return jsonField(bytes)
            case ("multipart", "form-data"):
                guard let boundary = contentType.parameters["boundary"], !boundary.isEmpty else { return nil }
                return multipartField(bytes, boundary: boundary)
            default:
                return nil
            }
        }
    }

    /// "%00" in percent-encoded text.
    static func containsEncodedNul<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var state = 0
        for byte in bytes {
            switch (state, byte) {
            case (_, UInt8(ascii: "%")): state = 1
            case (1, UInt8(ascii: "0")): state = 2
            case (2, UInt8(ascii: "0")): return true
            default: state = 0
            }
        }
        return false
    }

    /// The first field of `a=1&b=2` whose name or value holds "%00", by its decoded name.
    private static func formField(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard containsEncodedNul(bytes) else { return nil }
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true)
        where containsEncodedNul(pair) {
            let key =
                pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false).first ?? pair
            let name = String(decoding: key, as: UTF8.self).replacingOccurrences(of: "+", with: " ")
            return readable(name.removingPercentEncoding ?? name)
        }
        return nil
    }

    /// A JSON string holding `\u0000`. Only when the bytes hold that escape is the body
    /// parsed, to name the field; a body that does not parse is the decoder's to refuse.
    private static func jsonField(_ bytes: UnsafeRawBufferPointer) -> Place? {
        guard containsEscapedNul(bytes) else { return nil }
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
            return nil
        }
        return path(of: value, at: "").map { .field($0.isEmpty ? "de inhoud" : $0) }
    }

    /// `\u0000` after an odd run of backslashes (in an even run, each pair is one escaped
    /// backslash and the `u` is plain text).
    static func containsEscapedNul(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let rest = Array("u0000".utf8)
        var run = 0
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\\") {
                run += 1
                continue
            }
            if run % 2 == 1, index + rest.count <= bytes.count, bytes[index..<(index + rest.count)].elementsEqual(rest)
            {
                return true
            }
            run = 0
        }
        return false
    }

    private static func path(of value: Any, at path: String) -> String? {
        switch value {
        case let text as String:
            return text.unicodeScalars.contains("\u{0}") ? path : nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = self.path(of: element, at: "\(path)[\(index)]") { return found }
            }
            return nil
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                let name = path.isEmpty ? key : "\(path).\(key)"
                if key.unicodeScalars.contains("\u{0}") { return readable(name) }
                if let value = object[key], let found = self.path(of: value, at: name) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// A part whose name or file name holds a NUL byte, or a part without a file name (a
    /// form's text field) whose value holds one.
    private static func multipartField(_ bytes: UnsafeRawBufferPointer, boundary: String) -> Place? {
        guard bytes.contains(0) else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        var starts: [Int] = []
        var from = 0
        while let found = offset(of: delimiter, in: bytes, from: from) {
            starts.append(found + delimiter.count)
            from = found + delimiter.count
        }
        for (index, start) in starts.enumerated() where index + 1 < starts.count {
            let end = starts[index + 1] - delimiter.count
            guard let split = offset(of: headerEnd, in: bytes, from: start), split < end else { continue }
            let headers = bytes[start..<split]
            let text = String(decoding: headers, as: UTF8.self)
            let name = readable(parameter("name", in: text) ?? "bestand")
            if headers.contains(0) { return .field(name) }
            let valueStart = split + headerEnd.count
            if parameter("filename", in: text) == nil, valueStart < end, bytes[valueStart..<end].contains(0) {
                return .field(name)
            }
        }
        return nil
    }

    private static func parameter(_ name: String, in headers: String) -> String? {
        for line in headers.split(whereSeparator: \.isNewline) where line.lowercased().hasPrefix("content-disposition:")
        {
            for piece in line.split(separator: ";").dropFirst() {
                let parts = piece.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == name else {
                    continue
                }
                return parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                    in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// Where `pattern` first occurs at or after `start`: memchr for its first byte, as an
    /// upload is 64 MB at most (Glibc's memmem is not imported into Swift).
    private static func offset(of pattern: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, let first = pattern.first else { return nil }
        var from = start
        while from + pattern.count <= bytes.count {
            guard let hit = memchr(base + from, Int32(first), bytes.count - from) else { return nil }
            let at = base.distance(to: UnsafeRawPointer(hit))
            guard at + pattern.count <= bytes.count else { return nil }
            if bytes[at..<(at + pattern.count)].elementsEqual(pattern) { return at }
            from = at + 1
        }
        return nil
    }

    /// A name as the message shows it: without the character itself.
    private static func readable(_ name: String) -> String {
        name.replacingOccurrences(of: "\u{0}", with: "")
    }
}
