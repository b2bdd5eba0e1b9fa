import Foundation

/// Project names listed under a line that names projects ("Overige projecten", "Current
/// Tier 1 projects", "… gaat het om de volgende projecten:"): one name per list item or
/// numbered line. A number with sub-numbers under it (2 → 2a, 2b) is a group.
struct NamedList {
    struct Entry: Equatable {
        var line: Int
        /// "3", "2a", or nil for a bullet.
        var code: String?
        var name: String
        var group: String?
        var isGroup = false

        var number: Int? { code.flatMap { Int($0) } }
    }

    var head: String
    var headLine: Int
    var entries: [Entry]
    /// The list runs into a cut-off marker ("[… afgebroken]"): its last name may be incomplete.
    var isCutOff = false

    var lines: [Int] { [headLine] + entries.map(\.line) }
    var projects: [Entry] { entries.filter { !$0.isGroup } }

    static let maximumName = 100

    /// A short line that names projects and opens a list: not a question, not a sentence
    /// unless it ends in a colon.
    static func isHead(_ text: String) -> Bool {
        guard text.utf8.count <= 4 * maximumName, text.count <= maximumName, MarkdownDocument.bulletItem(text) == nil,
            let last = text.last, last != "?"
        else { return false }
        return PageTitle.namesProjects(text) && (last == ":" || !TextCleaning.endsSentence(text))
    }

    /// "- Baker District Redevelopment", "3   Heerenveen, stad van Sport", "2a Capaciteit…",
    /// "1. Naam": the code and the name; nil for a line that is no short name.
    static func item(_ text: String, reading: LightReading) -> (code: String?, name: String)? {
        guard text.utf8.count <= 4 * maximumName else { return nil }
        var code: String?
        var name: String
        if let bullet = MarkdownDocument.bulletItem(text) {
            name = bullet
        } else if let match = text.firstMatch(of: /^(\d{1,4}[a-z]?)[.)]?\s+(\S.*)$/) {
            code = String(match.1)
            name = String(match.2)
        } else {
            return nil
        }
        name = TextCleaning.clean(name.replacingOccurrences(of: "**", with: ""))
        guard name.count <= maximumName, !TextCleaning.endsSentence(name), PageTitle.isName(name, reading: reading),
            let first = name.first, first.isLetter || first.isNumber
        else { return nil }
        return (code, name)
    }

    /// The list whose head stands at `start`, and the index after its last item; nil where
    /// fewer than two names follow. Blank lines between the items are allowed, and one
    /// line in parentheses under the head ("(MIRT fase)").
    static func read(_ lines: [ReportLine], head start: Int, nextFilled: [Int], reading: LightReading) -> (
        NamedList, end: Int
    )? {
        guard case .text(let head) = lines[start].kind else { return nil }
        var i = nextFilled[start]
        if i < lines.count, case .text(let text) = lines[i].kind, text.hasPrefix("("), text.hasSuffix(")"),
            text.count <= maximumName
        {
            i = nextFilled[i]
        }
        var entries: [Entry] = []
        var end = i
        while i < lines.count, case .text(let text) = lines[i].kind, let (code, name) = item(text, reading: reading) {
            entries.append(Entry(line: lines[i].number, code: code, name: name))
            end = i + 1
            i = nextFilled[i]
        }
        guard entries.count >= 2 else { return nil }
        let headText = MarkdownDocument.heading(head)?.1 ?? head
        var list = NamedList(
            head: TextCleaning.clean(headText.replacingOccurrences(of: "**", with: "")), headLine: lines[start].number,
            entries: entries)
        if i < lines.count, case .text(let text) = lines[i].kind, text.hasPrefix("[…") || text.hasPrefix("[...") {
            list.isCutOff = true
        }
        list.markGroups()
        return (list, end)
    }

    /// "2 Spoorprojecten" followed by "2a …", "2b …": 2 is the group of 2a and 2b.
    mutating func markGroups() {
        var group: (code: String, name: String)?
        for index in entries.indices {
            let entry = entries[index]
            if let code = entry.code, let g = group, code.hasPrefix(g.code), code.count == g.code.count + 1,
                code.last?.isLetter == true
            {
                entries[index].group = g.name
                continue
            }
            group = nil
            guard let code = entry.code, Int(code) != nil, index + 1 < entries.count,
                let nextCode = entries[index + 1].code, nextCode.hasPrefix(code), nextCode.count == code.count + 1,
                nextCode.last?.isLetter == true
            else { continue }
            entries[index].isGroup = true
            group = (code, entry.name)
        }
    }
}
