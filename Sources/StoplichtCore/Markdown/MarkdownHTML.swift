/// Renders Markdown to HTML. Every character of the source is escaped; only the markup
/// this renderer itself writes reaches the page, so a `<script>` in a remark stays text.
public enum MarkdownHTML {
    /// - Parameter minimumHeadingLevel: headings are raised to at least this level, so a
    ///   `#` in a remark nested under the page's own `h2` cannot outrank it.
    public static func render(_ source: String, minimumHeadingLevel: Int = 3) -> String {
        render(MarkdownDocument(parsing: source), minimumHeadingLevel: minimumHeadingLevel)
    }

    public static func render(_ document: MarkdownDocument, minimumHeadingLevel: Int = 3) -> String {
        var html = ""
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                let h = min(max(level, minimumHeadingLevel), 6)
                html += "<h\(h)>\(MarkdownInline.html(text))</h\(h)>"
            case .paragraph(let text):
                html += "<p>\(MarkdownInline.html(text))</p>"
            case .bulletList(let items):
                html += "<ul>" + items.map { "<li>\(MarkdownInline.html($0))</li>" }.joined() + "</ul>"
            case .orderedList(let start, let items):
                let startAttribute = start == 1 ? "" : " start=\"\(start)\""
                html += "<ol\(startAttribute)>" + items.map { "<li>\(MarkdownInline.html($0))</li>" }.joined() + "</ol>"
            }
        }
        return html
    }
}

/// Inline Markdown: `**strong**`, `*em*`, `` `code` ``, `[text](https://…)`, backslash escapes.
public enum MarkdownInline {
    /// Escapes text for HTML content and attribute values. Text without any of the five
    /// characters, most of it, is returned as it is.
    public static func escape(_ text: some StringProtocol) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return String(text) }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text in which no character can start inline markup needs no parsing.
    static func hasMarkup(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "*")
            || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "[") }
    }

    public static func html(_ text: String) -> String {
        hasMarkup(text) ? render(Array(text), asHTML: true) : escape(text)
    }

    public static func plainText(_ text: String) -> String {
        hasMarkup(text) ? render(Array(text), asHTML: false) : text
    }

    private static func render(_ chars: [Character], asHTML: Bool) -> String {
        var out = ""
        var i = 0
        func emit(_ s: String) { out += asHTML ? escape(s) : s }
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "\\`*_[]()#+-.!".contains(chars[i + 1]) {
                emit(String(chars[i + 1])); i += 2; continue
            }
            if c == "`", let end = find("`", in: chars, from: i + 1) {
                let code = String(chars[(i + 1)..<end])
                out += asHTML ? "<code>\(escape(code))</code>" : code
                i = end + 1; continue
            }
            if c == "*" || c == "_" {
                let double = i + 1 < chars.count && chars[i + 1] == c
                let marker = double ? [c, c] : [c]
                let start = i + marker.count
                if start < chars.count, !chars[start].isWhitespace,
                   let end = find(marker, in: chars, from: start), end > start, !chars[end - 1].isWhitespace,
                   c == "*" || isWordBoundary(chars, before: i, after: end + marker.count) {
                    let inner = render(Array(chars[start..<end]), asHTML: asHTML)
                    let tag = double ? "strong" : "em"
                    out += asHTML ? "<\(tag)>\(inner)</\(tag)>" : inner
                    i = end + marker.count; continue
                }
            }
            if c == "[", let close = find("]", in: chars, from: i + 1),
               close + 1 < chars.count, chars[close + 1] == "(",
               let paren = find(")", in: chars, from: close + 2) {
                let label = render(Array(chars[(i + 1)..<close]), asHTML: asHTML)
                let url = String(chars[(close + 2)..<paren]).trimmingCharacters(in: .whitespaces)
                if isSafeURL(url) {
                    out += asHTML ? "<a href=\"\(escape(url))\">\(label)</a>" : label
                    i = paren + 1; continue
                }
            }
            emit(String(c))
            i += 1
        }
        return out
    }

    private static func find(_ marker: Character, in chars: [Character], from: Int) -> Int? {
        var j = from
        while j < chars.count {
            if chars[j] == marker { return j }
            j += 1
        }
        return nil
    }

    private static func find(_ marker: [Character], in chars: [Character], from: Int) -> Int? {
        var j = from
        while j + marker.count <= chars.count {
            if Array(chars[j..<(j + marker.count)]) == marker { return j }
            j += 1
        }
        return nil
    }

    /// `_` only emphasises at word boundaries, so snake_case_names stay as they are.
    private static func isWordBoundary(_ chars: [Character], before: Int, after: Int) -> Bool {
        let left = before == 0 || !(chars[before - 1].isLetter || chars[before - 1].isNumber)
        let right = after >= chars.count || !(chars[after].isLetter || chars[after].isNumber)
        return left && right
    }

    private static func isSafeURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")
            || (lower.hasPrefix("/") && !lower.hasPrefix("//"))
    }
}
