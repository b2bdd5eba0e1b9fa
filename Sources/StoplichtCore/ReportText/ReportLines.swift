import Foundation

/// A report's text cut into numbered lines of three kinds; the parser works on these.
struct ReportLine: Sendable {
    enum Kind: Sendable, Equatable {
        case blank
        case text(String)
        /// A row of a pipe table, its cells trimmed.
        case tableRow([String])
        /// A pipe table's `|---|---|` rule.
        case tableRule
        /// Between a workbook's sheets: what follows is no continuation of what came before.
        case sheetBoundary
    }

    var number: Int
    var kind: Kind

    static func split(_ text: String) -> [ReportLine] {
        var lines: [ReportLine] = []
        var number = 0
        text.enumerateLines { raw, _ in
            number += 1
            lines.append(ReportLine(number: number, kind: classify(raw)))
        }
        return lines
    }

    static func classify(_ raw: String) -> Kind {
        let line = TextCleaning.clean(raw)
        if line.isEmpty { return .blank }
        guard line.hasPrefix("|") else { return .text(line) }
        let cells = cells(of: line)
        if cells.allSatisfy({ $0.isEmpty || $0.allSatisfy { "-:".contains($0) } }),
            cells.contains(where: { !$0.isEmpty })
        {
            return .tableRule
        }
        return .tableRow(cells)
    }

    /// Columns a table row keeps; what lies beyond is joined into the last one. A report
    /// table has a few dozen columns; a wider row is someone's attempt at making work.
    static let maxColumns = 200

    static func capped(_ cells: [String]) -> [String] {
        guard cells.count > maxColumns else { return cells }
        return Array(cells.prefix(maxColumns - 1)) + [
            cells.dropFirst(maxColumns - 1).filter { !$0.isEmpty }.joined(separator: " | ")
        ]
    }

    /// "| a | b \| c |" → ["a", "b | c"].
    static func cells(of line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in line.dropFirst() {
            if escaped {
                current.append(ch)
                escaped = false
                continue
            }
            if ch == "\\" {
                escaped = true
                continue
            }
            if ch == "|" {
                cells.append(TextCleaning.clean(current))
                current = ""
                continue
            }
            current.append(ch)
        }
        let rest = TextCleaning.clean(current)
        if !rest.isEmpty { cells.append(rest) }  // a row missing its closing pipe
        return capped(cells)
    }
}

enum TextCleaning {
    /// Folds non-breaking and other odd spaces to plain ones, drops control characters
    /// (a NUL, say, which no database keeps and no reader sees) and trims.
    static func clean(_ text: some StringProtocol) -> String {
        // Most text is already clean: ASCII spaces only, single, not at the ends.
        let utf8 = text.utf8
        var previousSpace = true
        var clean = true
        for byte in utf8 {
            let space = byte == 0x20
            if byte < 0x20 || byte == 0xC2 || byte == 0xE2 || byte == 0xE3 || (space && previousSpace) {
                clean = false
                break
            }
            previousSpace = space
        }
        if clean, !previousSpace || utf8.isEmpty { return String(text) }
        var out = ""
        var space = false
        for ch in text {
            if ch.isWhitespace || ch == "\u{200B}" {
                space = true
            } else if ch.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                continue
            } else {
                if space, !out.isEmpty { out.append(" ") }
                space = false
                out.append(ch)
            }
        }
        return out
    }

    /// Conversion leftovers: "2^e helft" was a superscript "2e".
    static func repairSuperscripts(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "^")) else { return text }
        return text.replacingOccurrences(of: #"(\d)\^(e|ste|de)\b"#, with: "$1$2", options: .regularExpression)
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last(where: { !"\"'”’)".contains($0) }) else { return true }
        return ".!?:;".contains(last)
    }

    static func startsLowercase(_ text: String) -> Bool {
        text.first?.isLowercase ?? false
    }

    /// Whether `text` contains `needle` (lower-case ASCII), ignoring ASCII case; a byte
    /// scan, far cheaper than Foundation's search for the long remarks of a big import.
    static func containsIgnoringCase(_ text: String, _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard bytes.count >= pattern.count else { return false }
            var i = 0
            let last = bytes.count - pattern.count
            while i <= last {
                if bytes[i] | 0x20 == first {
                    var k = 1
                    while k < pattern.count,
                        bytes[i + k] | (pattern[k] >= 0x61 && pattern[k] <= 0x7A ? 0x20 : 0) == pattern[k]
                    { k += 1 }
                    if k == pattern.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Escapes what Markdown would read as markup, so imported text shows as written.
    static func markdownEscaped(_ text: String) -> String {
        // Most text has nothing to escape.
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 == 0x5C || $0 == 0x60 || $0 == 0x2A || $0 == 0x5F || $0 == 0x5B }),
            let first = utf8.first, first != 0x23, first != 0x2D, first != 0x2B, !(first >= 0x30 && first <= 0x39)
        {
            return text
        }
        var out = ""
        for ch in text {
            if "\\`*_[".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        if let first = out.first, "#-+".contains(first), out.dropFirst().first == " " { out = "\\" + out }
        if let dot = out.firstIndex(of: "."), out[..<dot].allSatisfy(\.isNumber), !out[..<dot].isEmpty,
            out[out.index(after: dot)...].first == " "
        {
            out.insert("\\", at: dot)
        }
        return out
    }
}
