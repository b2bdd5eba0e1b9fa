import Foundation

/// The Markdown that remarks and sections are written in: headings, paragraphs, bulleted
/// and numbered lists, **strong**, *emphasis*, `code` and links. Deliberately small: it is
/// what the report documents (HTML, and later ODT/DOCX) can all express, and everything
/// else — raw HTML included — is shown as text, never interpreted.
public struct MarkdownDocument: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        case heading(level: Int, text: String)
        case paragraph(String)
        case bulletList([String])
        case orderedList(start: Int, items: [String])
    }

    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    public init(parsing source: String) {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var bullets: [String] = []
        var ordered: [String] = []
        var orderedStart = 1

        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))) }
            if !bullets.isEmpty { blocks.append(.bulletList(bullets)) }
            if !ordered.isEmpty { blocks.append(.orderedList(start: orderedStart, items: ordered)) }
            paragraph = []
            bullets = []
            ordered = []
        }

        for rawLine in LineEndings.lines(source) {
            let line = Self.trimmed(rawLine)
            if line.isEmpty {
                flush()
                continue
            }
            if let (level, text) = Self.heading(line) {
                flush()
                blocks.append(.heading(level: level, text: text))
            } else if let item = Self.bulletItem(line) {
                if bullets.isEmpty { flush() }
                bullets.append(item)
            } else if let (number, item) = Self.orderedItem(line) {
                if ordered.isEmpty {
                    flush()
                    orderedStart = number
                }
                ordered.append(item)
            } else if !bullets.isEmpty || !ordered.isEmpty, rawLine.first == " " {
                // An indented line continues the last list item.
                if !bullets.isEmpty {
                    bullets[bullets.count - 1] += " " + line
                } else {
                    ordered[ordered.count - 1] += " " + line
                }
            } else {
                if !bullets.isEmpty || !ordered.isEmpty { flush() }
                paragraph.append(line)
            }
        }
        flush()
        self.blocks = blocks
    }

    /// Spaces, tabs and a carriage return off both ends; Foundation's trimming is slow.
    static func trimmed(_ line: Substring) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = line.firstIndex(where: { !blank($0) }), let end = line.lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return String(line[start...end])
    }

    static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return (hashes, trimmed(line.dropFirst(hashes + 1)))
    }

    static func bulletItem(_ line: String) -> String? {
        guard let first = line.first, "-*•+".contains(first), line.dropFirst().first == " " else { return nil }
        return trimmed(line.dropFirst(2))
    }

    static func orderedItem(_ line: String) -> (Int, String)? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 4 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " ",
            let number = Int(digits)
        else { return nil }
        return (number, trimmed(rest.dropFirst(2)))
    }

    /// The text without markup, for excerpts and search.
    public var plainText: String {
        blocks.map { block in
            switch block {
            case .heading(_, let text), .paragraph(let text): MarkdownInline.plainText(text)
            case .bulletList(let items), .orderedList(_, let items):
                items.map(MarkdownInline.plainText).joined(separator: "; ")
            }
        }.joined(separator: " ")
    }
}

extension MarkdownDocument {
    /// Serialises blocks back to Markdown source, the form stored in the database.
    public var source: String {
        blocks.map { block in
            switch block {
            case .heading(let level, let text): String(repeating: "#", count: level) + " " + text
            case .paragraph(let text): text
            case .bulletList(let items): items.map { "- " + $0 }.joined(separator: "\n")
            case .orderedList(let start, let items):
                items.enumerated().map { "\(start + $0.offset). " + $0.element }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }
}
