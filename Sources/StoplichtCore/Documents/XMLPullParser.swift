import Foundation

/// A small, strict XML reader for the parts of Word, OpenDocument and Excel files.
///
/// Those parts never declare a DTD, so one that does is refused: entity expansion ("billion
/// laughs") and external entities cannot happen. Only the five predefined entities and
/// character references are decoded. Names are reported without their namespace prefix
/// ("w:p" is "p"), which is how the readers match them.
struct XMLPullParser {
    enum Event {
        case start(name: Substring, attributes: [(name: Substring, value: String)])
        case end(name: Substring)
        case text(String)
    }

    struct Failure: Error {
        var message: String
    }

    /// Deeper nesting than this is no office document.
    static let maximumDepth = 512

    private let bytes: [UInt8]

    init(_ data: Data) {
        bytes = [UInt8](data)
    }

    /// Walks the document, handing each event to `handle`; throws `Failure` on malformed XML.
    func parse(_ handle: (Event) throws -> Void) throws {
        var i = 0
        var depth = 0
        let n = bytes.count
        var textStart = 0
        func flushText(upTo end: Int) throws {
            guard end > textStart else { return }
            try handle(.text(decode(textStart, end)))
        }
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            try flushText(upTo: i)
            guard i + 1 < n else { throw Failure(message: "onverwacht einde") }
            switch bytes[i + 1] {
            case UInt8(ascii: "?"):
                i = try skip(past: Array("?>".utf8), from: i + 2)
            case UInt8(ascii: "!"):
                if matches("<!--", at: i) {
                    i = try skip(past: Array("-->".utf8), from: i + 4)
                } else if matches("<![CDATA[", at: i) {
                    let end = try find(Array("]]>".utf8), from: i + 9)
                    try handle(.text(String(decoding: bytes[(i + 9)..<end], as: UTF8.self)))
                    i = end + 3
                } else {
                    throw Failure(
                        message:
                            "een DOCTYPE- of ENTITY-declaratie (die komt in een echt document niet voor en wordt om veiligheidsredenen geweigerd)"
                    )
                }
            case UInt8(ascii: "/"):
                let close = try find([UInt8(ascii: ">")], from: i + 2)
                let name = localName(i + 2, trimmedEnd(i + 2, close))
                depth -= 1
                if depth < 0 { throw Failure(message: "een sluitlabel zonder openingslabel") }
                try handle(.end(name: name))
                i = close + 1
            default:
                let (event, selfClosing, next) = try startTag(at: i)
                depth += 1
                if depth > Self.maximumDepth {
                    throw Failure(message: "meer dan \(Self.maximumDepth) geneste elementen")
                }
                try handle(event)
                if selfClosing, case .start(let name, _) = event {
                    depth -= 1
                    try handle(.end(name: name))
                }
                i = next
            }
            textStart = i
        }
        try flushText(upTo: n)
        if depth != 0 { throw Failure(message: "het document houdt midden in een element op") }
    }

    private func matches(_ literal: String, at i: Int) -> Bool {
        let l = Array(literal.utf8)
        guard i + l.count <= bytes.count else { return false }
        for k in 0..<l.count where bytes[i + k] != l[k] { return false }
        return true
    }

    private func find(_ needle: [UInt8], from start: Int) throws -> Int {
        var i = start
        let n = bytes.count - needle.count
        while i <= n {
            if bytes[i] == needle[0] {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        throw Failure(message: "onverwacht einde")
    }

    private func skip(past needle: [UInt8], from start: Int) throws -> Int {
        try find(needle, from: start) + needle.count
    }

    private func trimmedEnd(_ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start, isSpace(bytes[e - 1]) { e -= 1 }
        return e
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private func localName(_ start: Int, _ end: Int) -> Substring {
        var s = start
        for k in start..<end where bytes[k] == UInt8(ascii: ":") { s = k + 1 }
        return Substring(decoding: bytes[s..<end], as: UTF8.self)
    }

    private func startTag(at open: Int) throws -> (Event, Bool, Int) {
        var i = open + 1
        let n = bytes.count
        let nameStart = i
        while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
        guard i < n, i > nameStart else { throw Failure(message: "een onvolledig label") }
        let name = localName(nameStart, i)
        var attributes: [(name: Substring, value: String)] = []
        while true {
            while i < n, isSpace(bytes[i]) { i += 1 }
            guard i < n else { throw Failure(message: "onverwacht einde") }
            if bytes[i] == UInt8(ascii: ">") { return (.start(name: name, attributes: attributes), false, i + 1) }
            if bytes[i] == UInt8(ascii: "/") {
                guard i + 1 < n, bytes[i + 1] == UInt8(ascii: ">") else {
                    throw Failure(message: "een onvolledig label")
                }
                return (.start(name: name, attributes: attributes), true, i + 2)
            }
            let attributeStart = i
            while i < n, bytes[i] != UInt8(ascii: "="), !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
            let attributeName = localName(attributeStart, i)
            while i < n, isSpace(bytes[i]) { i += 1 }
            guard i < n, bytes[i] == UInt8(ascii: "=") else { throw Failure(message: "een attribuut zonder waarde") }
            i += 1
            while i < n, isSpace(bytes[i]) { i += 1 }
            guard i < n, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
                throw Failure(message: "een attribuut zonder aanhalingstekens")
            }
            let quote = bytes[i]
            let valueEnd = try find([quote], from: i + 1)
            attributes.append((attributeName, decode(i + 1, valueEnd)))
            i = valueEnd + 1
        }
    }

    /// Text between `start` and `end`, with entity and character references decoded.
    private func decode(_ start: Int, _ end: Int) -> String {
        var hasEntity = false
        for k in start..<end where bytes[k] == UInt8(ascii: "&") {
            hasEntity = true
            break
        }
        if !hasEntity { return String(decoding: bytes[start..<end], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var k = start
        while k < end {
            let b = bytes[k]
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                k += 1
                continue
            }
            var semi = k + 1
            while semi < end, semi - k < 12, bytes[semi] != UInt8(ascii: ";") { semi += 1 }
            guard semi < end, bytes[semi] == UInt8(ascii: ";") else {
                out.append(b)
                k += 1
                continue
            }
            let entity = String(decoding: bytes[(k + 1)..<semi], as: UTF8.self)
            var replacement: String?
            switch entity {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                let code =
                    entity.hasPrefix("#x") || entity.hasPrefix("#X")
                    ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                // "&#0;" is no character in XML, and no database keeps a NUL: it reads as nothing.
                if code == 0 {
                    replacement = ""
                } else if let code, let u = Unicode.Scalar(code) {
                    replacement = String(Character(u))
                }
            }
            if let replacement {
                out += Array(replacement.utf8)
                k = semi + 1
            } else {
                out.append(b)
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
