import Foundation

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
        guard
            utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                    || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
            })
        else { return String(text) }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text in which no character can start inline markup needs no parsing.
    static func hasMarkup(_ text: String) -> Bool {
        text.utf8.contains {
            $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "*")
                || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "[")
        }
    }

    public static func html(_ text: String) -> String {
        hasMarkup(text) ? InlineRenderer(text).render(asHTML: true) : escape(text)
    }

    public static func plainText(_ text: String) -> String {
        hasMarkup(text) ? InlineRenderer(text).render(asHTML: false) : text
    }
}

/// One run over the text. A marker is matched with the first closing marker after it, as
/// the rules have always been; where that closing marker is comes from tables made in one
/// pass from the end, so an opener that finds none, or a link whose target is refused,
/// costs a lookup instead of a scan to the end of the text (and, for a link, rendering
/// its label): `"[" × 3000 + "](x)"` took 20 s. Text is only rendered as the inside of
/// a span once that span is taken, and what is inside is skipped by the caller, so each
/// level of nesting reads each character once; a span cannot hold a span of its own kind
/// (it ends at the first closing marker), which keeps the nesting a handful of levels deep.
struct InlineRenderer {
    let text: String
    /// Where each character starts, and the end of the text: character `k` is
    /// `text[bounds[k]]`, and a run of plain text is copied as one slice.
    private let bounds: [String.Index]
    /// Each character's ASCII code, 0 for any other character: markers are all ASCII.
    private let codes: [UInt8]
    /// For every position, where the next such marker starts (the count of characters if none).
    private let nextBacktick, nextStar, nextDoubleStar, nextUnderscore, nextDoubleUnderscore,
        nextCloseBracket, nextCloseParenthesis, nextNonBlank: [Int]

    init(_ text: String) {
        self.text = text
        var bounds: [String.Index] = []
        var codes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            bounds.append(index)
            // "\r\n" is one character; it is no marker, so it gets 0 like any non-ASCII one.
            codes.append(text.utf8.distance(from: index, to: next) == 1 ? text.utf8[index] : 0)
            index = next
        }
        bounds.append(text.endIndex)
        let count = codes.count
        let whitespace = CharacterSet.whitespaces
        var backtick = [Int](repeating: count, count: count + 1)
        var star = backtick
        var doubleStar = backtick
        var underscore = backtick
        var doubleUnderscore = backtick
        var closeBracket = backtick
        var closeParenthesis = backtick
        var nonBlank = backtick
        var position = count - 1
        while position >= 0 {
            let code = codes[position]
            let following = position + 1
            let doubled = following < count && codes[following] == code
            backtick[position] = code == UInt8(ascii: "`") ? position : backtick[following]
            star[position] = code == UInt8(ascii: "*") ? position : star[following]
            underscore[position] = code == UInt8(ascii: "_") ? position : underscore[following]
            doubleStar[position] = code == UInt8(ascii: "*") && doubled ? position : doubleStar[following]
            doubleUnderscore[position] = code == UInt8(ascii: "_") && doubled ? position : doubleUnderscore[following]
            closeBracket[position] = code == UInt8(ascii: "]") ? position : closeBracket[following]
            closeParenthesis[position] = code == UInt8(ascii: ")") ? position : closeParenthesis[following]
            // Blank as Foundation's trimming sees it: every scalar of the character is one.
            let blank =
                code == 0
                ? text[bounds[position]].unicodeScalars.allSatisfy(whitespace.contains)
                : code == UInt8(ascii: " ") || code == UInt8(ascii: "\t")
            nonBlank[position] = blank ? nonBlank[following] : position
            position -= 1
        }
        self.codes = codes
        self.bounds = bounds
        (
            nextBacktick, nextStar, nextDoubleStar, nextUnderscore, nextDoubleUnderscore, nextCloseBracket,
            nextCloseParenthesis, nextNonBlank
        ) = (backtick, star, doubleStar, underscore, doubleUnderscore, closeBracket, closeParenthesis, nonBlank)
    }

    func render(asHTML: Bool) -> String {
        render(0..<codes.count, asHTML: asHTML)
    }

    /// Renders characters `range` as if it were the whole text: markers outside it are not seen.
    private func render(_ range: Range<Int>, asHTML: Bool) -> String {
        let end = range.upperBound
        var out = ""
        var plainStart = range.lowerBound
        var i = range.lowerBound
        func emitPlain(upTo position: Int) {
            guard plainStart < position else { return }
            let plain = slice(plainStart..<position)
            out += asHTML ? MarkdownInline.escape(plain) : String(plain)
        }
        func take(_ html: String, resumingAt position: Int) {
            emitPlain(upTo: i)
            out += html
            i = position
            plainStart = position
        }
        while i < end {
            let c = codes[i]
            if c == UInt8(ascii: "\\"), i + 1 < end, Self.escapable.contains(codes[i + 1]) {
                emitPlain(upTo: i)
                plainStart = i + 1
                i += 2
                continue
            }
            if c == UInt8(ascii: "`"), let close = first(nextBacktick, from: i + 1, length: 1, before: end) {
                let code = String(slice((i + 1)..<close))
                take(asHTML ? "<code>\(MarkdownInline.escape(code))</code>" : code, resumingAt: close + 1)
                continue
            }
            if c == UInt8(ascii: "*") || c == UInt8(ascii: "_") {
                let double = i + 1 < end && codes[i + 1] == c
                let length = double ? 2 : 1
                let table =
                    c == UInt8(ascii: "*")
                    ? (double ? nextDoubleStar : nextStar) : (double ? nextDoubleUnderscore : nextUnderscore)
                let start = i + length
                if start < end, !character(start).isWhitespace,
                    let close = first(table, from: start, length: length, before: end), close > start,
                    !character(close - 1).isWhitespace,
                    c == UInt8(ascii: "*") || isWordBoundary(before: i, after: close + length, in: range)
                {
                    let inner = render(start..<close, asHTML: asHTML)
                    let tag = double ? "strong" : "em"
                    take(asHTML ? "<\(tag)>\(inner)</\(tag)>" : inner, resumingAt: close + length)
                    continue
                }
            }
            if c == UInt8(ascii: "["), let close = first(nextCloseBracket, from: i + 1, length: 1, before: end),
                close + 1 < end, codes[close + 1] == UInt8(ascii: "("),
                let parenthesis = first(nextCloseParenthesis, from: close + 2, length: 1, before: end),
                isSafeURL(close + 2..<parenthesis)
            {
                // The target is checked before the label is rendered: a refused link is text.
                let label = render((i + 1)..<close, asHTML: asHTML)
                let url = slice((close + 2)..<parenthesis).trimmingCharacters(in: .whitespaces)
                take(
                    asHTML ? "<a href=\"\(MarkdownInline.escape(url))\">\(label)</a>" : label,
                    resumingAt: parenthesis + 1)
                continue
            }
            i += 1
        }
        emitPlain(upTo: end)
        return out
    }

    private func character(_ position: Int) -> Character { text[bounds[position]] }

    private func slice(_ range: Range<Int>) -> Substring { text[bounds[range.lowerBound]..<bounds[range.upperBound]] }

    /// Where the first marker of `length` characters at or after `from` starts, if it
    /// ends before `before`.
    private func first(_ table: [Int], from: Int, length: Int, before: Int) -> Int? {
        let found = table[from]
        return found + length <= before ? found : nil
    }

    /// `_` only emphasises at word boundaries, so snake_case_names stay as they are.
    private func isWordBoundary(before: Int, after: Int, in range: Range<Int>) -> Bool {
        let left = before == range.lowerBound || !(character(before - 1).isLetter || character(before - 1).isNumber)
        let right = after >= range.upperBound || !(character(after).isLetter || character(after).isNumber)
        return left && right
    }

    private static let escapable = Set("\\`*_[]()#+-.!".utf8)

    /// Only web, mail and same-site links: the target, without the blanks around it, starts
    /// with `https://`, `http://` or `mailto:` in any case, or with one `/`. Only those first
    /// characters are read, so a refused target costs the same however long it is. A
    /// character that is not plain ASCII (an accented letter, a letter with a combining
    /// mark, a blank with a mark on it) never lowercases to one of these, so it ends a match.
    private func isSafeURL(_ range: Range<Int>) -> Bool {
        let start = nextNonBlank[range.lowerBound]
        func starts(with prefix: String) -> Bool {
            var position = start
            for expected in prefix.utf8 {
                guard position < range.upperBound else { return false }
                let code = codes[position]
                let lower = code >= UInt8(ascii: "A") && code <= UInt8(ascii: "Z") ? code + 32 : code
                guard lower == expected else { return false }
                position += 1
            }
            return true
        }
        return starts(with: "https://") || starts(with: "http://") || starts(with: "mailto:")
            || (starts(with: "/") && !starts(with: "//"))
    }
}
