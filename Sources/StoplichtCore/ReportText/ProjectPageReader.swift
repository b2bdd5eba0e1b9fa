import Foundation

/// Finds projects that a report gives as pages of text rather than table rows: project
/// pages with a light per aspect ("G" above "Kwaliteit"), label → value fields ("Project:",
/// "Fase:", "Portefeuillehouder"), project sheets (two-column tables) and named lists of
/// projects. One pass over the lines; it invents nothing: running prose is no project.
struct ProjectPageReader {
    let reading: LightReading

    /// Finds project pages, project sheets and named project lists in a report's lines.
    func read(_ lines: [ReportLine]) -> ProjectPages {
        var scan = PageScan(lines: lines, reading: reading)
        scan.run()
        return scan.result()
    }
}

struct ProjectPages {
    var projects: [ParsedProject] = []  // in document order
    var warnings: [ImportWarning] = []  // Dutch, with line numbers
    var explanations: [PageExplanation] = []
    /// Lines of pipe tables this reader took as project sheets (label→value tables), so the table reader skips them.
    var tableLinesTaken: Set<Int> = []
}

/// Why a stretch of the report was read as a project page, a project sheet or a list of projects.
public struct PageExplanation: Sendable, Equatable {
    public var line: Int  // where the page/list starts
    public var kind: String  // "projectpagina", "projectblad", "projectenlijst"
    public var reason: String  // Dutch

    public init(line: Int, kind: String, reason: String) {
        self.line = line
        self.kind = kind
        self.reason = reason
    }
}

/// The state of one pass over a report's lines.
struct PageScan {
    let lines: [ReportLine]
    let reading: LightReading
    /// For each line, the index of the next line that is not blank (or `lines.count`).
    let nextFilled: [Int]

    var documentTitle: String?
    var documentProjectUsed = false
    /// The line that names projects the following pages stand under, and the heading
    /// level at or above which a heading ends it.
    var context: (text: String, endsAtLevel: Int)?
    var headingLevel = 0
    var page: PageDraft
    /// The aspect whose remark the text being read is.
    var remarkTarget: String?

    struct Found {
        var project: ParsedProject
        var number: Int?
    }
    var found: [Found] = []
    var warnings: [ImportWarning] = []
    var explanations: [PageExplanation] = []
    var taken: Set<Int> = []
    var derivedLights: [Int] = []

    init(lines: [ReportLine], reading: LightReading) {
        self.lines = lines
        self.reading = reading
        var next = [Int](repeating: lines.count, count: lines.count)
        var following = lines.count
        for i in lines.indices.reversed() {
            next[i] = following
            if lines[i].kind != .blank { following = i }
        }
        nextFilled = next
        page = PageDraft(origin: .start, line: lines.first?.number ?? 1)
    }

    func textLine(at i: Int) -> String? {
        guard i < lines.count, case .text(let text) = lines[i].kind else { return nil }
        return text
    }

    /// A line compared with a page's title: furniture off, lower case.
    static func key(_ text: String) -> String {
        var t = TextCleaning.clean(text.replacingOccurrences(of: "**", with: "")).lowercased()
        for prefix in ["pagina:", "page:"] where t.hasPrefix(prefix) {
            t = TextCleaning.clean(t.dropFirst(prefix.count))
        }
        return t
    }

    mutating func run() {
        var i = 0
        while i < lines.count {
            switch lines[i].kind {
            case .blank:
                i += 1
            case .sheetBoundary:
                closePage()
                context = nil
                page = PageDraft(origin: .start, line: lines[i].number)
                i += 1
            case .tableRow, .tableRule:
                i = readTable(from: i)
            case .text(let raw):
                i = readText(TextCleaning.repairSuperscripts(raw), at: i)
            }
        }
        closePage()
    }

    // MARK: Lines of text

    mutating func readText(_ text: String, at i: Int) -> Int {
        let number = lines[i].number
        if let (level, heading) = MarkdownDocument.heading(text) {
            let title = heading.replacingOccurrences(of: "**", with: "")
            let isDocumentTitle = level == 1 && documentTitle == nil
            if isDocumentTitle { documentTitle = title }
            closePage()
            headingLevel = level
            if let c = context, level <= c.endsAtLevel { context = nil }
            startPage(.heading, line: number, title: title)
            // The document's title heads a page too (a Word report with a project per
            // Heading 1); where it quotes one project, that project is the page's name.
            if isDocumentTitle, title.utf8.count <= 1_000,
                let quoted = PageTitle.quotedProject(inDocumentTitle: title, reading: reading)
            {
                page.title = quoted
                page.isListPage = false
                page.namesDocumentProject = true
            }
            if page.isListPage {
                // The document's title names the whole report's subject, not a part of it.
                if !isDocumentTitle { context = (title, level) }
                return readList(headedAt: i) ?? i + 1
            }
            return i + 1
        }
        let key = Self.key(text)
        if key == page.titleKey {
            page.lines.append(number)  // the page's title printed again under its heading
            return i + 1
        }
        if Self.isChrome(text) { return i + 1 }
        if NamedList.isHead(text) {
            if let end = readList(headedAt: i) { return end }
            context = (text, headingLevel)
            return i + 1
        }
        if let end = readRepeatedTitle(text, key: key, at: i) { return end }
        if isNumberedTitle(text, at: i) {
            closePage()
            startPage(.numberedTitle, line: number, title: text)
            return i + 1
        }
        return readPageContent(text, at: i)
    }

    /// "Terug naar navigatie - …", "Meer", breadcrumbs, a source address.
    static func isChrome(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["meer", "terug", "menu", "on this page", "inhoud", "content", "home"].contains(lower)
            || lower.hasPrefix("terug naar navigatie") || lower.contains(" » ")
            || lower.hasPrefix("(http") || lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// A title: short, no sentence, not a list item.
    static func isTitleLike(_ text: String) -> Bool {
        text.utf8.count <= 600 && text.count <= 150 && text.split(separator: " ").count <= 20
            && !TextCleaning.endsSentence(text) && MarkdownDocument.bulletItem(text) == nil
            && text.contains(where: \.isLetter)
    }

    /// Prose: a sentence, or a line too long for a title.
    static func isProse(_ text: String) -> Bool {
        TextCleaning.endsSentence(text) || text.split(separator: " ").count >= 8
    }

    /// A title printed twice in a row starts a page, when what follows it is the page:
    /// "Terug naar navigatie", prose or a field (not a flattened table's repeated cells).
    mutating func readRepeatedTitle(_ text: String, key: String, at i: Int) -> Int? {
        guard Self.isTitleLike(text), AspectVocabulary.light(text, reading: reading) == nil else { return nil }
        let second = nextFilled[i]
        guard let again = textLine(at: second), Self.key(again) == key else { return nil }
        let after = nextFilled[second]
        var end = second + 1
        if let following = textLine(at: after) {
            if following.lowercased().hasPrefix("terug naar navigatie") {
                end = after + 1
            } else if !Self.isProse(following), PageField.parse(following) == nil,
                MarkdownDocument.heading(following) == nil
            {
                return nil
            }
        }
        closePage()
        startPage(.repeatedTitle, line: lines[i].number, title: text)
        page.lines.append(lines[second].number)
        return end
    }

    /// "7 Heerenveen, stad van Sport (Nieuw Thialf)", "1.1.1 Vastleggen …": a number, a
    /// name, and no numbered line after it (that would be a list).
    func isNumberedTitle(_ text: String, at i: Int) -> Bool {
        guard Self.isTitleLike(text), let match = text.firstMatch(of: /^(\d{1,4}(?:\.\d{1,3})*[a-z]?)\s+(\S.*)$/) else {
            return false
        }
        let code = String(match.1)
        if code.count == 4, let year = Int(code), (1900...2100).contains(year) { return false }
        guard let first = match.2.first, first.isUppercase || first.isNumber else { return false }
        if let next = textLine(at: nextFilled[i]), next.firstMatch(of: /^\d{1,4}(?:\.\d{1,3})*[a-z]?[.)]?\s/) != nil {
            return false
        }
        return true
    }

    mutating func readList(headedAt i: Int) -> Int? {
        guard let (list, end) = NamedList.read(lines, head: i, nextFilled: nextFilled, reading: reading) else {
            return nil
        }
        page.lists.append(list)
        return end
    }

    /// Aspect lights, status phrases, fields and remarks of the page being read.
    mutating func readPageContent(_ text: String, at i: Int) -> Int {
        let number = lines[i].number
        let aspectLine = AspectVocabulary.line(text)
        // "Kwaliteit (indicator)" / "Inhoudelijke kleurscore", then the light.
        if case .lightLabel(let aspect)? = aspectLine, let next = textLine(at: nextFilled[i]),
            let light = AspectVocabulary.light(next, reading: reading)
        {
            page.lines.append(number)
            page.addDimension(aspect, light, text: next, line: lines[nextFilled[i]].number)
            page.evidence.insert(.aspectLabels)
            remarkTarget = aspect
            return nextFilled[i] + 1
        }
        // "G", then "Kwaliteit".
        if let light = AspectVocabulary.light(text, reading: reading), let next = textLine(at: nextFilled[i]),
            case .name(let aspect)? = AspectVocabulary.line(next)
        {
            page.lines.append(lines[nextFilled[i]].number)
            page.addDimension(aspect, light, text: text, line: number)
            page.evidence.insert(.aspectLights)
            remarkTarget = aspect
            return nextFilled[i] + 1
        }
        if case .remarkLabel(let aspect)? = aspectLine {
            page.lines.append(number)
            remarkTarget = aspect
            return i + 1
        }
        if AspectVocabulary.isStatusHeading(text), let end = readStatusPhrases(after: i) {
            page.lines.append(number)
            return end
        }
        let body = MarkdownDocument.bulletItem(text) ?? text
        if let field = PageField.parse(body) {
            page.apply(field, line: number, reading: reading)
            return i + 1
        }
        if let kind = PageField.listLabel(text) {
            return readNamesBelow(label: text, kind: kind, at: i)
        }
        addRemarkLine(text, at: i)
        return i + 1
    }

    /// "Within scope" / "On schedule" / "Within budget" under a status heading.
    mutating func readStatusPhrases(after i: Int) -> Int? {
        var phrases: [(DimensionReading, text: String, line: Int)] = []
        var j = nextFilled[i]
        // A status block names a few dimensions; a dozen lines at most are looked at.
        while phrases.count < 12, let text = textLine(at: j),
            let phrase = AspectVocabulary.statusPhrase(text, reading: reading)
        {
            phrases.append((phrase, text, lines[j].number))
            j = nextFilled[j]
        }
        guard phrases.contains(where: { $0.0.reading.isLight || $0.0.reading.isNotRated }) else { return nil }
        for (phrase, text, line) in phrases {
            page.addDimension(phrase.label, phrase.reading, text: text, line: line)
        }
        page.evidence.insert(.statusPhrases)
        remarkTarget = nil
        return j
    }

    /// "Portefeuillehouder" with a name on each line below it.
    mutating func readNamesBelow(label: String, kind: PageField.Kind, at i: Int) -> Int {
        var j = nextFilled[i]
        var names: [String] = []
        var end = i + 1
        while let text = textLine(at: j), PageField.isPerson(text, reading: reading), names.count < 20 {
            names.append(text)
            page.lines.append(lines[j].number)
            end = j + 1
            // The names stand on consecutive lines; a blank line ends them.
            guard j + 1 < lines.count, lines[j + 1].kind != .blank else { break }
            j += 1
        }
        page.lines.append(lines[i].number)
        if !names.isEmpty {
            page.apply(
                PageField(kind: kind, label: label, value: names.joined(separator: ", ")), line: lines[i].number,
                reading: reading)
        }
        return end
    }

    /// Prose and list items go into the remarks; a short line only where it heads prose.
    mutating func addRemarkLine(_ text: String, at i: Int) {
        page.lines.append(lines[i].number)
        if PageTitle.isGeneric(text), text.split(separator: " ").count <= 4 {
            if AspectVocabulary.aspect(text) == nil { remarkTarget = nil }
            return
        }
        if MarkdownDocument.bulletItem(text) != nil || MarkdownDocument.orderedItem(text) != nil || Self.isProse(text) {
            page.addRemark(remarkTarget, text)
        } else if let next = textLine(at: nextFilled[i]), MarkdownDocument.heading(next) == nil,
            Self.isProse(next) || MarkdownDocument.bulletItem(next) != nil || MarkdownDocument.orderedItem(next) != nil
        {
            page.addRemark(remarkTarget, text)
        }
    }

    // MARK: Tables

    /// A project sheet or an aspect table has a row per field or aspect: a table longer
    /// than this lists projects, and is only stepped over here.
    static let sheetRows = 40

    mutating func readTable(from start: Int) -> Int {
        var rows: [(line: Int, cells: [String])] = []
        var header: [String]?
        var i = start
        var long = false
        while i < lines.count {
            switch lines[i].kind {
            case .tableRow(let cells):
                if rows.isEmpty, header == nil, i + 1 < lines.count, lines[i + 1].kind == .tableRule {
                    header = cells
                }
                if rows.count < Self.sheetRows { rows.append((lines[i].number, cells)) } else { long = true }
            case .tableRule:
                break
            default:
                return long ? i : readTable(rows: rows, header: header, lines: start..<i)
            }
            i += 1
        }
        return long ? i : readTable(rows: rows, header: header, lines: start..<i)
    }

    mutating func readTable(rows: [(line: Int, cells: [String])], header: [String]?, lines range: Range<Int>) -> Int {
        let numbers = range.map { lines[$0].number }
        // "| Project | Projectleider |" over rows is a table of projects, not one project's sheet.
        let headsColumns = header.map { $0.count > 1 && !HeaderVocabulary.standard.candidates($0[1]).isEmpty } ?? false
        if !headsColumns, let sheet = ProjectSheets.sheet(rows, reading: reading) {
            taken.formUnion(numbers)
            emit(sheet)
        } else if let table = ProjectSheets.aspectTable(
            header: header, rows: header == nil ? rows : Array(rows.dropFirst()), reading: reading)
        {
            taken.formUnion(numbers)
            page.lines += numbers
            for dimension in table.dimensions {
                page.addDimension(dimension.label, dimension.reading, text: dimension.text, line: dimension.line)
            }
            page.previousLight = LightNotation.worst(table.previous) ?? table.previous.first
            page.expectedLight = LightNotation.worst(table.expected) ?? table.expected.first
            for remark in table.remarks { page.addRemark(remark.label, remark.text) }
            page.evidence.insert(.aspectTable)
        }
        return range.upperBound
    }

    // MARK: Pages

    mutating func startPage(_ origin: PageDraft.Origin, line: Int, title: String) {
        page = PageDraft(origin: origin, line: line)
        page.lines = [line]
        page.titleKey = Self.key(title)
        page.title = PageTitle.parse(title, reading: reading)
        page.isListPage = PageTitle.namesProjects(title)
        page.context = context?.text
        remarkTarget = nil
    }

    mutating func closePage() {
        defer {
            page = PageDraft(origin: .start, line: page.line)
            remarkTarget = nil
        }
        if page.isProject {
            for list in page.lists {
                page.items += list.projects.map(\.name)
                page.lines += list.lines
            }
            emit(page)
        } else {
            for list in page.lists { emit(list) }
        }
    }
}
