import Foundation

/// Reads a report's legend wherever it stands, so the document teaches its own words for
/// lights. The shapes, each seen in real reports:
///
/// - a colour leading its meaning: "Groen: uitvoering ligt op schema", "- Groen, loopt op
///   schema", "Groen = geen wijziging", an icon's alt text before the real label ("Green
///   Amber: … delayed": the label is the word right before the separator), or over three
///   lines ("Groen" / "=" / "Realisatie volgens begroting");
/// - symbols in a row with the status words around them ("On Track Ⓖ Ⓨ Ⓡ … Minor Delay …
///   Major Delay … Cancelled … Completed"): the coloured symbols are paired in order with
///   the status phrases whose colour agrees; the other phrases stand alone;
/// - symbols each followed by a phrase ("● op koers ● aandacht ● knelpunt"): a symbol's own
///   colour, else the phrase's, else green, orange, red in order;
/// - per dimension a question and its answers (Fryslân: "Tijd", "Verwacht je dat …?",
///   "• Ja, dit gaat zeker lukken" / "• Niet zeker …" / "• Nee, …": green, orange, red);
/// - a two-column legend table ("| green scope icon Within scope | Scope: … |"): the
///   caption is the label, the alt text gives colour and dimension.
///
/// Colour-led lines count only as a group of at least two with different lights, so one
/// remark that starts "Rood, …" is no legend. One pass over the lines; look-ahead is a few
/// lines; at most `maxEntries` entries, labels of at most `maxLabel` characters.
struct LegendReader {
    static let maxEntries = 300
    static let maxLabel = 200
    static let maxMeaning = 1000
    /// How far (in lines) a three-line entry or a question's answers may run on.
    static let lookAhead = 4
    static let maxAnswers = 6
    /// Rows of a table looked at for legend entries.
    static let legendTableRows = 60

    static func read(_ lines: [ReportLine]) -> [LegendEntry] {
        var reader = LegendReader(lines: lines)
        reader.run()
        return Array(reader.entries.prefix(maxEntries))
    }

    let lines: [ReportLine]
    var entries: [LegendEntry] = []
    /// Colour-led entries in a row, kept once the group proves to be a legend.
    var group: [LegendEntry] = []
    /// How the group's lines are written (their separator) and the colours it named.
    var groupForm: String?
    var groupLabels: Set<String> = []
    /// The text line just before the current one (blank lines between), for a question's heading.
    var previousText: String?

    mutating func run() {
        var i = 0
        while i < lines.count, entries.count < Self.maxEntries {
            switch lines[i].kind {
            case .blank:
                i += 1
                continue
            case .text(let text) where Self.isEmptyBullet(text):
                i += 1
                continue
            case .text(let text):
                // A row of symbols first: "● rood: gestopt ● groen: loopt" is no one colour-led line.
                let row = Self.symbolRow(text, line: lines[i].number)
                if row == nil, let (entry, last, form) = colourLed(at: i, text) {
                    // A legend names each colour once, all in one form: a colour repeated, or
                    // written another way, starts something else ("Rood, want …" after it).
                    let label = LightNotation.key(entry.label)
                    if form != groupForm || groupLabels.contains(label) { closeGroup() }
                    groupForm = form
                    groupLabels.insert(label)
                    if group.count < Self.maxEntries { group.append(entry) }
                    previousText = nil
                    i = last + 1
                    continue
                }
                closeGroup()
                if let row {
                    entries += row
                } else if let (found, last) = questionAnswers(at: i, text) {
                    entries += found
                    previousText = nil
                    i = last + 1
                    continue
                }
                previousText = text
            case .tableRow:
                closeGroup()
                i = legendTable(from: i)
                previousText = nil
                continue
            case .tableRule, .sheetBoundary:
                closeGroup()
                previousText = nil
            }
            i += 1
        }
        closeGroup()
    }

    mutating func closeGroup() {
        defer {
            group = []
            groupForm = nil
            groupLabels = []
        }
        if Self.isLegend(group) { entries += group }
    }

    /// At least two entries with different lights: a legend, not a stray remark.
    static func isLegend(_ found: [LegendEntry]) -> Bool {
        found.count >= 2 && Set(found.map(\.reading)).count >= 2
    }

    // MARK: Colour-led lines

    /// "Groen: loopt op schema", or "Groen" / "=" / meaning over up to three lines; the
    /// entry, the index of its last line and its form (the separator, or "lines").
    func colourLed(at i: Int, _ text: String) -> (LegendEntry, Int, String)? {
        guard let head = Self.colourHead(Self.stripped(text)) else { return nil }
        let line = lines[i].number
        if !head.meaning.isEmpty {
            return (
                Self.entry(head.label, head.reading, meaning: head.meaning, line: line), i,
                head.separator.map(String.init) ?? "symbol"
            )
        }
        // The meaning on the next lines: "=" / meaning, "= meaning", or (after "Groen =") meaning.
        guard let (j, next) = nextText(after: i) else { return nil }
        let separators: Set<Character> = ["=", ":", "-", "–", "—"]
        if next.count == 1, let only = next.first, separators.contains(only) {
            guard let (k, meaning) = nextText(after: j), Self.colourHead(Self.stripped(meaning)) == nil else {
                return nil
            }
            return (Self.entry(head.label, head.reading, meaning: meaning, line: line), k, "lines")
        }
        if let first = next.first, separators.contains(first), next.dropFirst().first == " " {
            return (
                Self.entry(head.label, head.reading, meaning: TextCleaning.clean(next.dropFirst()), line: line), j,
                "lines"
            )
        }
        if head.separator != nil, Self.colourHead(Self.stripped(next)) == nil {
            return (Self.entry(head.label, head.reading, meaning: next, line: line), j, "lines")
        }
        return nil
    }

    /// The next text line within `lookAhead` lines, over blank ones.
    func nextText(after i: Int) -> (Int, String)? {
        var j = i + 1
        while j < lines.count, j <= i + Self.lookAhead {
            switch lines[j].kind {
            case .blank: j += 1
            case .text(let text): return (j, text)
            default: return nil
            }
        }
        return nil
    }

    struct Head {
        var label: String
        var reading: LightNotation.Reading
        var meaning: String
        /// The separator after the colour (":", "="), nil for none.
        var separator: Character?
    }

    /// The colour (word or symbol) leading a line and what follows its separator.
    static func colourHead(_ body: String) -> Head? {
        guard let first = body.first else { return nil }
        // "🟢 Op schema", "Ⓖ: op schema".
        if let reading = colouredSymbols[first] {
            var rest = TextCleaning.clean(body.dropFirst())
            if let separator = rest.first, "=:–—-".contains(separator) { rest = TextCleaning.clean(rest.dropFirst()) }
            return Head(label: String(first), reading: reading, meaning: rest, separator: nil)
        }
        guard let separator = separatorRange(body) else {
            // A lone colour: "Groen".
            guard body.split(separator: " ").count <= 3, let reading = colour(body) else { return nil }
            return Head(label: body, reading: reading, meaning: "", separator: nil)
        }
        let head = TextCleaning.clean(body[..<separator.lowerBound])
        let meaning = TextCleaning.clean(body[separator.upperBound...])
        let words = head.split(separator: " ")
        guard !words.isEmpty, words.count <= 4, head.count <= 40 else { return nil }
        var label = head
        var reading = colour(head)
        // "Green  Amber: …": an icon's alt text before the label; a label of a colour word,
        // not a letter ("Fase A: …" is no legend).
        if reading == nil, words.count > 1, let last = words.last, last.count >= 3,
            let lastReading = colour(String(last))
        {
            label = String(last)
            reading = lastReading
        }
        guard let reading else { return nil }
        return Head(label: label, reading: reading, meaning: capitalised(meaning), separator: body[separator].first)
    }

    /// The first of ":", "=", ",", "–", "—" or " - " in a line.
    static func separatorRange(_ text: String) -> Range<String.Index>? {
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ":=,–—".contains(ch) { return i..<text.index(after: i) }
            if ch == "-", i > text.startIndex, text[text.index(before: i)] == " ",
                let after = text.index(i, offsetBy: 1, limitedBy: text.endIndex), after < text.endIndex,
                text[after] == " "
            {
                return i..<after
            }
            i = text.index(after: i)
        }
        return nil
    }

    /// The light a colour names ("Groen", "Amber/Green", "G"); nil for any other text, so
    /// a remark that starts "Vertraagd, …" or "Goed, …" is no legend line.
    static func colour(_ text: String) -> LightNotation.Reading? {
        let key = LightNotation.key(text)
        guard colourNames.contains(key) else { return nil }
        return LightNotation.words[key]
    }

    static let colourNames: Set<String> = {
        var names: Set<String> = [
            "groen", "green", "g", "oranje", "geel", "amber", "orange", "yellow", "o", "a", "rood", "red", "r",
            "grijs", "grey", "gray", "blauw", "blue",
        ]
        for (key, reading) in LightNotation.words { if case .between = reading { names.insert(key) } }
        return names
    }()

    /// The reading of the whole text from the vocabulary, without the reader's first-word
    /// fallback ("Groen loopt goed" is no colour).
    static func exactReading(_ text: String) -> LightNotation.Reading? {
        let key = LightNotation.key(text)
        return LightNotation.words[key] ?? LightPhrases.entry(key: key)?.reading
    }

    /// The line without its list marker, bold markup or a colourless bullet.
    static func stripped(_ text: String) -> String {
        var body = MarkdownDocument.bulletItem(text) ?? text
        if body.contains("**") { body = body.replacingOccurrences(of: "**", with: "") }
        if let first = body.first, colourless.contains(first), body.dropFirst().first == " " {
            body = String(body.dropFirst(2))
        }
        return TextCleaning.clean(body)
    }

    static func isEmptyBullet(_ text: String) -> Bool {
        text == "-" || text == "•" || text == "*"
    }

    // MARK: Symbols in a row

    /// Symbols that carry their colour (the circled letters of a PDF, coloured discs).
    static let colouredSymbols = LightPhrases.symbols
    /// Bullets whose colour the text lost.
    static let colourless: Set<Character> = ["●", "⬤", "◉", "■", "•"]

    /// "● op koers ● aandacht ● knelpunt" or "On Track Ⓖ Ⓨ Ⓡ … Minor Delay …": a line
    /// with two or more symbols.
    static func symbolRow(_ text: String, line: Int) -> [LegendEntry]? {
        // Symbols and the text after each; most lines have none, so count first.
        var symbolCount = 0
        for ch in text where colouredSymbols[ch] != nil || colourless.contains(ch) { symbolCount += 1 }
        // A row of hundreds of symbols is no legend.
        guard symbolCount >= 2, symbolCount <= maxEntries else { return nil }
        var prefix = ""
        var segments: [(symbol: Character, text: String)] = []
        for ch in text {
            if colouredSymbols[ch] != nil || colourless.contains(ch) {
                segments.append((ch, ""))
            } else if segments.isEmpty {
                prefix.append(ch)
            } else {
                segments[segments.count - 1].text.append(ch)
            }
        }
        segments = segments.map { ($0.symbol, TextCleaning.clean($0.text)) }
        let found: [LegendEntry]
        if prefix.split(separator: " ").count <= 6,
            segments.allSatisfy({ !$0.text.isEmpty && $0.text.split(separator: " ").count <= 8 })
        {
            found = symbolsWithPhrases(segments, line: line)
        } else {
            found = symbolsAmongPhrases(text, line: line)
        }
        return isLegend(found) ? found : nil
    }

    /// Each symbol followed by its phrase: the symbol's colour, the phrase's own (a colour
    /// it names, or a known phrase), else green, orange, red in order.
    static func symbolsWithPhrases(_ segments: [(symbol: Character, text: String)], line: Int) -> [LegendEntry] {
        var known: [LegendEntry?] = []
        for segment in segments {
            if let reading = colouredSymbols[segment.symbol] {
                known.append(entry(String(segment.symbol), reading, meaning: segment.text, line: line))
            } else if let head = colourHead(segment.text), !head.meaning.isEmpty {
                known.append(entry(head.label, head.reading, meaning: head.meaning, line: line))
            } else if let reading = lightOrNoLight(segment.text) {
                known.append(entry(segment.text, reading, meaning: segment.text, line: line))
            } else {
                known.append(nil)
            }
        }
        // A row with nothing known ("Home • Living • Projects") is no legend.
        guard known.contains(where: { $0 != nil }) else { return [] }
        let readings = inOrder(known.map { $0?.reading })
        return known.indices.compactMap { index in
            if let entry = known[index] { return entry }
            return readings[index].map { entry(segments[index].text, $0, meaning: segments[index].text, line: line) }
        }
    }

    /// The readings of a list of lights: what an item names, else by its place (three items
    /// green, orange, red; two green, red), but only where the items that name a light agree
    /// with that order.
    static func inOrder(_ known: [LightNotation.Reading?]) -> [LightNotation.Reading?] {
        let order: [LightNotation.Reading] =
            known.count == 3
            ? [.tone(.positive), .tone(.warning), .tone(.negative)]
            : known.count == 2 ? [.tone(.positive), .tone(.negative)] : []
        let holds =
            !order.isEmpty
            && known.indices.allSatisfy { index in
                guard let reading = known[index], case .tone = reading else { return true }
                return reading == order[index]
            }
        return known.indices.map { known[$0] ?? (holds ? order[$0] : nil) }
    }

    /// A flattened row ("On Track Ⓖ Ⓨ Ⓡ Major Capital Projects Minor Delay …"): the known
    /// status phrases near the symbols, the coloured symbols paired with them in order where
    /// their colours agree; a phrase without a symbol stands alone.
    static func symbolsAmongPhrases(_ text: String, line: Int) -> [LegendEntry] {
        var tokens: [String] = []
        for word in text.split(separator: " ") {
            // "Ⓖ" may touch a word in extracted text.
            var current = ""
            for ch in word {
                if colouredSymbols[ch] != nil || colourless.contains(ch) {
                    if !current.isEmpty {
                        tokens.append(current)
                        current = ""
                    }
                    tokens.append(String(ch))
                } else {
                    current.append(ch)
                }
            }
            if !current.isEmpty { tokens.append(current) }
        }
        guard let firstSymbol = tokens.firstIndex(where: { $0.count == 1 && colouredSymbols[$0.first!] != nil }) else {
            return []
        }
        let gap = 12
        var symbols: [(Character, LightNotation.Reading)] = []
        var phrases: [(String, LightNotation.Reading)] = []
        var p = max(0, firstSymbol - gap)
        var lastHit = firstSymbol
        while p < tokens.count {
            if p > lastHit + gap { break }
            if tokens[p].count == 1, let ch = tokens[p].first, let reading = colouredSymbols[ch] {
                symbols.append((ch, reading))
                lastHit = max(lastHit, p)
                p += 1
                continue
            }
            var matched = false
            for n in stride(from: min(5, tokens.count - p), through: 1, by: -1) {
                let phrase = tokens[p..<(p + n)].joined(separator: " ")
                if let reading = statusPhrase(phrase, words: n) {
                    phrases.append((TextCleaning.clean(phrase.trimmingCharacters(in: LightNotation.trimmed)), reading))
                    lastHit = max(lastHit, p + n - 1)
                    p += n
                    matched = true
                    break
                }
            }
            if !matched { p += 1 }
        }
        var found: [LegendEntry] = []
        var toned = phrases.indices.filter { if case .tone = phrases[$0].1 { true } else { false } }[...]
        var paired: Set<Int> = []
        for (symbol, reading) in symbols {
            guard let next = toned.first else { break }
            toned = toned.dropFirst()
            guard phrases[next].1 == reading else { continue }
            paired.insert(next)
            found.append(entry(String(symbol), reading, meaning: phrases[next].0, line: line))
        }
        for (index, phrase) in phrases.enumerated() where !paired.contains(index) {
            found.append(entry(phrase.0, phrase.1, meaning: phrase.0, line: line))
        }
        return found
    }

    /// A status phrase inside flattened text: any known phrase of two or more words, or one
    /// word that is a phrase of its own ("Cancelled") or a colour; never a letter or "geen".
    static func statusPhrase(_ phrase: String, words n: Int) -> LightNotation.Reading? {
        let key = LightNotation.key(phrase)
        guard key.count >= 3 else { return nil }
        let reading: LightNotation.Reading?
        if n == 1 {
            reading =
                LightPhrases.entry(key: key)?.reading
                ?? (LightDefinition.Tone(colourName: key) != nil ? LightNotation.words[key] : nil)
        } else {
            reading = LightNotation.words[key] ?? LightPhrases.entry(key: key)?.reading
        }
        guard let reading, LightPhrases.isIconPlaceholder(key: key) == false else { return nil }
        switch reading {
        case .tone, .between, .finished, .notRated: return reading
        default: return nil
        }
    }

    /// The reading of a phrase that names a light or deliberately none.
    static func lightOrNoLight(_ text: String) -> LightNotation.Reading? {
        guard let reading = exactReading(text) else { return nil }
        switch reading {
        case .tone, .between, .finished, .notRated: return reading
        default: return nil
        }
    }

    // MARK: Questions and answers

    /// "Tijd" / "Verwacht je dat …?" / two to six bullets, green to red in order.
    func questionAnswers(at i: Int, _ question: String) -> ([LegendEntry], Int)? {
        guard question.hasSuffix("?"), question.count <= 1000 else { return nil }
        var answers: [(Int, String)] = []
        var last = i
        var j = i + 1
        while j < lines.count, answers.count < Self.maxAnswers, j <= last + Self.lookAhead {
            if case .blank = lines[j].kind {
                j += 1
                continue
            }
            guard case .text(let text) = lines[j].kind, let answer = Self.answer(text) else { break }
            answers.append((lines[j].number, answer))
            last = j
            j += 1
        }
        guard answers.count >= 2 else { return nil }
        let dimension = Self.dimension(heading: previousText, question: question)
        let readings = Self.inOrder(answers.map { Self.lightOrNoLight($0.1) })
        var found: [LegendEntry] = []
        for ((line, answer), reading) in zip(answers, readings) {
            guard let reading else { continue }
            found.append(Self.entry(answer, reading, meaning: answer, line: line, dimension: dimension))
        }
        return found.isEmpty ? nil : (found, last)
    }

    /// A list item: "• Ja, dit gaat zeker lukken", "- Nee", "● Nee".
    static func answer(_ text: String) -> String? {
        if let item = MarkdownDocument.bulletItem(text) { return item.isEmpty ? nil : item }
        guard let first = text.first, colourless.contains(first) || colouredSymbols[first] != nil else { return nil }
        let item = TextCleaning.clean(text.dropFirst())
        return item.isEmpty ? nil : item
    }

    /// Dimension words a legend heading or question uses.
    static let dimensionWords: Set<String> = [
        "beleid", "tijd", "geld", "planning", "budget", "scope", "kwaliteit", "risico", "risico's", "inhoud",
        "financiën", "financien",
        "organisatie", "capaciteit", "informatie", "communicatie", "baten", "schedule", "cost", "costs", "quality",
        "risk", "time",
    ]

    /// The heading when it names a dimension ("Tijd"), else the first dimension word of the
    /// question ("… het beleid is vastgesteld" under "Gewenste resultaten"), else a short
    /// heading as written.
    static func dimension(heading: String?, question: String) -> String? {
        let heading = heading.map { TextCleaning.clean($0.trimmingCharacters(in: LightNotation.trimmed)) }
        if let heading, dimensionWords.contains(heading.lowercased()) { return capitalised(heading) }
        for word in question.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" })
        where dimensionWords.contains(String(word)) {
            return capitalised(String(word))
        }
        if let heading, !heading.isEmpty, heading.split(separator: " ").count <= 3, !TextCleaning.endsSentence(heading)
        {
            return heading
        }
        return nil
    }

    // MARK: Legend tables

    /// Reads the table starting at `start`; the index after it.
    mutating func legendTable(from start: Int) -> Int {
        var found: [LegendEntry] = []
        var i = start
        var rows = 0
        while i < lines.count {
            if case .tableRow(let cells) = lines[i].kind {
                // A legend table is short: past its first rows a table is only stepped over.
                rows += 1
                if rows <= Self.legendTableRows, found.count < Self.maxEntries,
                    let entry = Self.tableEntry(cells, line: lines[i].number)
                {
                    found.append(entry)
                }
            } else if lines[i].kind != .tableRule {
                break
            }
            i += 1
        }
        if Self.isLegend(found) { entries += found }
        return i
    }

    /// Words for an icon in alt text: "green scope icon Within scope".
    static let iconWords: Set<String> = ["icon", "icoon", "pictogram", "symbool", "symbol", "image", "afbeelding"]
    /// Dimension words in alt text, by the labels dimension lights get.
    static let altDimensions: [String: String] = [
        "scope": "Scope", "schedule": "Planning", "planning": "Planning", "time": "Planning", "tijd": "Planning",
        "budget": "Budget", "cost": "Budget", "costs": "Budget", "kosten": "Budget", "geld": "Budget",
        "financiën": "Budget",
        "quality": "Kwaliteit", "kwaliteit": "Kwaliteit", "risk": "Risico", "risico": "Risico",
    ]
    static let altColours = [
        "green", "groen", "yellow", "geel", "amber", "orange", "oranje", "red", "rood", "grey", "gray", "grijs", "blue",
        "blauw",
    ]

    /// A row of a two-column legend table: "| green scope icon Within scope | Scope: … |",
    /// "| Groen | Loopt op schema |", "| 🟢 | Op schema |".
    static func tableEntry(_ row: [String], line: Int) -> LegendEntry? {
        let cells = row.filter { !$0.isEmpty }
        guard cells.count == 2 else { return nil }
        let (first, meaning) = (cells[0], cells[1])
        if let reading = colour(first) {
            return entry(first, reading, meaning: meaning, line: line)
        }
        if first.count == 1, let symbol = first.first, let reading = colouredSymbols[symbol] {
            let short = meaning.split(separator: " ").count <= 8
            return entry(short ? meaning : first, reading, meaning: meaning, line: line)
        }
        let words = first.split(separator: " ").map(String.init)
        guard let icon = words.firstIndex(where: { iconWords.contains($0.lowercased()) }), icon > 0 else { return nil }
        let caption = words[(icon + 1)...].joined(separator: " ")
        guard !caption.isEmpty else { return nil }
        var tone: LightDefinition.Tone?
        var dimension: String?
        for word in words[..<icon] {
            let lower = word.lowercased()
            // "greybudget": alt text run together.
            if tone == nil, let name = altColours.first(where: { lower.hasPrefix($0) }) {
                tone = LightDefinition.Tone(colourName: name)
                if let rest = altDimensions[String(lower.dropFirst(name.count))] { dimension = rest }
            } else if dimension == nil, let named = altDimensions[lower] {
                dimension = named
            }
        }
        guard let tone else { return nil }
        let reading: LightNotation.Reading
        switch tone {
        case .positive, .warning, .negative: reading = .tone(tone)
        case .info: reading = .code("blauw")
        // Grey is "finished" in one report and "on hold" in another: the caption decides.
        case .neutral: reading = lightOrNoLight(caption) ?? .finished
        }
        return entry(caption, reading, meaning: meaning, line: line, dimension: dimension)
    }

    // MARK: Entries

    static func entry(
        _ label: String, _ reading: LightNotation.Reading, meaning: String, line: Int, dimension: String? = nil
    ) -> LegendEntry {
        LegendEntry(
            label: String(label.prefix(maxLabel)), reading: reading, meaning: String(meaning.prefix(maxMeaning)),
            line: line,
            dimension: dimension)
    }

    static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

extension LightReading {
    /// These words with a report's legend learned: each label (and a meaning of a few words,
    /// "knelpunt") read as its entry says. The user's own mapping wins; a word the legend
    /// gives two different lights is not learned.
    public func learning(_ legend: [LegendEntry]) -> LightReading {
        var taught: [String: LightNotation.Reading] = [:]
        var conflicting: Set<String> = []
        func teach(_ text: String, _ reading: LightNotation.Reading) {
            // A word, never a count, an amount or a date ("| Groen | 12 |" counts lights).
            guard text.count <= LegendReader.maxLabel, text.contains(where: \.isLetter), PlanDate(parsing: text) == nil
            else { return }
            let key = LightNotation.key(text)
            guard !key.isEmpty, custom[key] == nil else { return }
            if let earlier = taught[key], earlier != reading { conflicting.insert(key) } else { taught[key] = reading }
        }
        for entry in legend.prefix(LegendReader.maxEntries) {
            switch entry.reading {
            case .unknown, .empty: continue
            default: break
            }
            teach(entry.label, entry.reading)
            let words = entry.meaning.split(separator: " ")
            if entry.meaning != entry.label, !words.isEmpty, words.count <= 4, entry.meaning.count <= 60 {
                teach(entry.meaning, entry.reading)
            }
        }
        var learned = self
        for (key, reading) in taught where !conflicting.contains(key) { learned.custom[key] = reading }
        return learned
    }
}
