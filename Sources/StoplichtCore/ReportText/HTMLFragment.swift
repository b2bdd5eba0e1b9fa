import Foundation

/// The HTML left in a converted report's table cells (`<p>`, `<ul>`, `<ol>`, "•" bullets),
/// read leniently into paragraphs and lists: the converter leaves tags unclosed and lists
/// without `<li>`.
struct HTMLFragment: Equatable {
    enum Block: Equatable {
        case paragraph(String)
        case list(ordered: Bool, items: [String])
    }

    var blocks: [Block]
    /// True when list items had to be found by capitals because the bullets were lost.
    var guessedItems = false
    /// Tags this reader does not know; their text is kept.
    var unknownTags: [String] = []

    init(_ source: String) {
        blocks = []
        var text = ""
        var listOrdered: Bool? = nil
        var items: [String] = []
        var sawItemTag = false

        func flushText() {
            let t = TextCleaning.clean(text)
            text = ""
            guard !t.isEmpty else { return }
            if listOrdered != nil { items.append(t) } else { blocks.append(.paragraph(t)) }
        }
        func closeList() {
            guard let ordered = listOrdered else { return }
            let t = TextCleaning.clean(text)
            text = ""
            var all = items
            if !t.isEmpty {
                let (split, guessed) = Self.splitItems(t, ordered: ordered, hasItemTags: sawItemTag)
                all += split
                if guessed { guessedItems = true }
            }
            if !all.isEmpty { blocks.append(.list(ordered: ordered, items: all)) }
            items = []
            listOrdered = nil
            sawItemTag = false
        }

        var rest = Substring(source)
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">"),
                let tag = Self.tagName(rest[rest.index(after: open)..<close])
            else {
                text += "<"
                rest = rest[rest.index(after: open)...]
                continue
            }
            rest = rest[rest.index(after: close)...]
            switch tag.name {
            case "p", "div", "br":
                if listOrdered != nil, !sawItemTag, tag.name == "p", !tag.closing {
                    closeList()  // the seed's `<ol>` runs on until the next `<p>`
                } else if listOrdered == nil {
                    flushText()
                } else if tag.name == "br" {
                    text += " "
                }
            case "ul", "ol":
                if tag.closing {
                    closeList()
                } else {
                    closeList()
                    flushText()
                    listOrdered = tag.name == "ol"
                }
            case "li":
                if listOrdered == nil {
                    flushText()
                    listOrdered = false
                }
                sawItemTag = true
                if tag.closing {
                    flushText()
                } else {
                    let pending = TextCleaning.clean(text)
                    text = ""
                    if !pending.isEmpty { items.append(pending) }
                }
            case "b", "strong", "i", "em", "u", "span", "font", "sup", "sub", "a", "small":
                break  // inline formatting: the text is kept, the styling is not
            default:
                unknownTags.append(tag.name)
            }
        }
        text += rest
        if listOrdered != nil { closeList() } else { flushText() }
        if source.utf8.contains(0x26) {
            blocks = blocks.map { block in
                switch block {
                case .paragraph(let text): .paragraph(HTMLEntities.decode(text))
                case .list(let ordered, let items): .list(ordered: ordered, items: items.map(HTMLEntities.decode))
                }
            }
        }
    }

    /// The text of every paragraph and list item, one a line.
    var plainLines: [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let text): [text]
            case .list(_, let items): items
            }
        }
    }

    private static func tagName(_ inner: Substring) -> (name: String, closing: Bool)? {
        var body = inner.trimmingCharacters(in: .whitespaces)
        let closing = body.hasPrefix("/")
        if closing { body.removeFirst() }
        let name = body.prefix { $0.isLetter || $0.isNumber }.lowercased()
        guard !name.isEmpty, name.first!.isLetter else { return nil }
        return (name, closing)
    }

    /// Items of a list whose `<li>` tags were lost: "•" bullets, "1." numbers, or, where
    /// even those are gone, a capitalised word after a lower-case one ("… voor het KCC In
    /// beeld brengen …"), which in Dutch starts a new item far more often than not.
    static func splitItems(_ text: String, ordered: Bool, hasItemTags: Bool) -> ([String], Bool) {
        if text.contains("•") {
            return (text.split(separator: "•").map { TextCleaning.clean($0) }.filter { !$0.isEmpty }, false)
        }
        if ordered, let numbered = splitNumbered(text), numbered.count > 1 {
            return (numbered, false)
        }
        if hasItemTags { return ([text], false) }
        let guessed = splitOnCapitals(text)
        return (guessed, guessed.count > 1)
    }

    private static let numberedItem = try! NSRegularExpression(pattern: #"(?:^|\s)(\d{1,2})\.\s"#)

    private static func splitNumbered(_ text: String) -> [String]? {
        let regex = numberedItem
        let ns = text as NSString
        let matches = regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard matches.count > 1 else { return nil }
        var expected = 1
        var starts: [Int] = []
        for m in matches where Int(ns.substring(with: m.range(at: 1))) == expected {
            starts.append(m.range(at: 1).location)
            expected += 1
        }
        guard starts.count > 1 else { return nil }
        let lead = TextCleaning.clean(ns.substring(to: starts[0]))
        var items = lead.isEmpty ? [] : [lead]
        for (i, start) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1] : ns.length
            var item = ns.substring(with: NSRange(location: start, length: end - start))
            item = item.replacingOccurrences(of: #"^\d{1,2}\.\s*"#, with: "", options: .regularExpression)
            items.append(TextCleaning.clean(item))
        }
        return items
    }

    static func splitOnCapitals(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        var items: [[String]] = [[]]
        for (i, word) in words.enumerated() {
            // Not after "startnotitie:" or "a," — there the capital continues the item.
            if i > 0, isTitleCase(word), let previous = items.last?.last,
                let end = previous.last, !":;,&+/".contains(end)
            {
                items.append([])
            }
            items[items.count - 1].append(word)
        }
        return items.map { $0.joined(separator: " ") }.filter { !$0.isEmpty }
    }

    /// "Opstellen" yes; "DigiD", "KCC", "5" no.
    private static func isTitleCase(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase, word.count > 1 else { return false }
        return word.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0 == "'" }
    }
}
