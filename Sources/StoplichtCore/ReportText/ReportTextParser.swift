import Foundation

/// Reads a progress report saved as text or Markdown — the form of the seed — into its
/// cover data, legend, sections, decisions, risks and project table.
///
/// Nothing is dropped: text it cannot place stays in the nearest section and becomes a
/// warning with its line number.
public struct ReportTextParser {
    public var options: ImportOptions

    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    public func parse(_ text: String) throws(ReportFileError) -> ParsedReport {
        try parse(lines: ReportLine.split(text), places: nil)
    }

    public func parse(data: Data) throws(ReportFileError) -> ParsedReport {
        let decoded = try ReportFileDecoder.decode(data)
        var report = try parse(decoded.text)
        report.warnings = (decoded.warnings + report.warnings).sorted { $0.line < $1.line }
        return report
    }

    /// Reads lines made from another format; `places` names each line's place in that file.
    func parse(lines: [ReportLine], places: [String]?) throws(ReportFileError) -> ParsedReport {
        // The document teaches its own words: its legend, wherever it stands, is read first.
        let legend = LegendReader.read(lines)
        let reading = options.reading.learning(legend)
        // Projects given as pages of text, sheets and lists, beside those in tables.
        let pages = ProjectPageReader(reading: reading).read(lines)
        var state = ParseState(
            lines: lines, vocabulary: options.vocabulary, reading: reading, sheetLines: pages.tableLinesTaken)
        state.run()
        let sources = Array(Set(state.report.tables.map(\.line) + pages.explanations.map(\.line))).sorted()
        let merged = ProjectMerge.merge(
            pages.projects.isEmpty ? state.report.projects : state.report.projects + pages.projects, sources: sources)
        // Unknown words name the projects by the numbers they have now.
        if !state.report.unknownLightWords.isEmpty {
            var byLine: [Int: Int] = [:]
            for project in merged.projects { for line in project.lines { byLine[line] = project.number } }
            let before = Dictionary(
                state.report.projects.map { ($0.number, $0.lines.first ?? 0) }, uniquingKeysWith: { first, _ in first })
            for i in state.report.unknownLightWords.indices {
                state.report.unknownLightWords[i].projects = state.report.unknownLightWords[i].projects.map {
                    before[$0].flatMap { byLine[$0] } ?? $0
                }
            }
        }
        state.report.projects = merged.projects
        state.report.warnings = (state.report.warnings + pages.warnings + merged.warnings).sorted { $0.line < $1.line }
        state.report.tables = (state.report.tables + pages.explanations.map(TableExplanation.init)).sorted {
            $0.line < $1.line
        }
        let known = Set(state.report.legend.map { LightNotation.key($0.label) })
        state.report.legend += legend.filter { !known.contains(LightNotation.key($0.label)) }
        if state.report.projects.isEmpty, !(state.unrecognisedTables + state.tables.unrecognisedHeaders).isEmpty {
            throw ReportFileError.columnsNotRecognised(state.unrecognisedTables + state.tables.unrecognisedHeaders)
        }
        guard !state.report.projects.isEmpty || state.headingsFound > 0 else {
            throw ReportFileError(
                "In het bestand is geen rapportage herkend: geen genummerde paragrafen en geen projecttabel (een tabel met kolommen als Nr, Projectnaam, Projectleider, Status, Opmerkingen)."
            )
        }
        if let places {
            state.report.places = places
            state.report.warnings = state.report.locating(state.report.warnings)
        }
        return state.report
    }
}

private struct ParseState {
    let lines: [ReportLine]
    var report = ParsedReport()
    var index = 0

    /// The section being read, and its paragraphs so far.
    var current: (kind: SectionKind, number: Int?, title: String, line: Int)?
    var paragraphs: [Paragraph] = []
    /// Each section's place in the report's list, by key.
    var sectionIndex: [String: Int] = [:]
    var lastNumber = 0
    var tables: ProjectTableReader
    let vocabulary: HeaderVocabulary
    var inProjectTables = false
    /// Section headings recognised; text without any is no report.
    var headingsFound = 0
    /// The first rows of tables of three or more columns that were not read as project tables.
    var unrecognisedTables: [[String]] = []

    /// The Markdown heading level that opens sections, once one is seen.
    var markdownSectionLevel: Int?

    struct Paragraph {
        var line: Int
        var text: String
        var isListItem: Bool
        var isHeading = false
    }

    /// Lines of the tables the page reader took as project sheets: kept as text here.
    let sheetLines: Set<Int>

    init(lines: [ReportLine], vocabulary: HeaderVocabulary, reading: LightReading, sheetLines: Set<Int> = []) {
        self.lines = lines
        self.sheetLines = sheetLines
        self.vocabulary = vocabulary
        self.tables = ProjectTableReader(vocabulary: vocabulary, reading: reading)
    }

    mutating func run() {
        while index < lines.count {
            let line = lines[index]
            switch line.kind {
            case .blank, .tableRule:
                index += 1
            case .sheetBoundary:
                // A new sheet's table is no continuation of the last sheet's.
                inProjectTables = false
                tables.startIndependentTable()
                index += 1
            case .tableRow:
                readTable()
            case .text(let text):
                readText(text, line: line.number)
                index += 1
            }
        }
        closeSection()
        let (projects, warnings, unknown) = tables.projects()
        report.projects = projects
        report.unknownLightWords = unknown
        report.warnings += warnings
        report.warnings.sort { $0.line < $1.line }
    }

    // MARK: Text

    mutating func readText(_ rawText: String, line: Int) {
        var text = TextCleaning.repairSuperscripts(rawText)
        // A Markdown heading: the first level used after the title opens sections, deeper
        // levels are sub-headings within them.
        if let (level, title) = MarkdownDocument.heading(text) {
            text = title.replacingOccurrences(of: "**", with: "")
            if current == nil, level == 1, report.title == nil || text.lowercased().hasPrefix("programma ") {
                if !readFrontMatter(text, line: line) { report.title = text }
                return
            }
            if current != nil, let sectionLevel = markdownSectionLevel, level > sectionLevel {
                paragraphs.append(Paragraph(line: line, text: text, isListItem: false, isHeading: true))
                return
            }
            if markdownSectionLevel == nil { markdownSectionLevel = level }
            openSection(sectionHeading(text) ?? numberedTitle(text) ?? (nil, text), line: line)
            return
        }
        if current == nil, readFrontMatter(text, line: line) { return }
        if let heading = sectionHeading(text) {
            openSection(heading, line: line)
            return
        }
        if isLegendHeading(text), readLegend(after: index) { return }
        if MarkdownDocument.bulletItem(text) != nil, let entry = legendEntry(text, line: line) {
            report.legend.append(entry)
            return
        }
        if current == nil {
            report.warnings.append(
                ImportWarning(line: line, message: "Tekst vóór de eerste paragraaf; bewaard in de inleiding."))
            current = (.introduction, nil, "Inleiding", line)
        }
        if ["-", "•", "*"].contains(text) { return }  // an empty list item
        if let item = MarkdownDocument.bulletItem(text) {
            paragraphs.append(Paragraph(line: line, text: item, isListItem: true))
        } else {
            paragraphs.append(Paragraph(line: line, text: text, isListItem: false))
        }
    }

    mutating func openSection(_ heading: (number: Int?, title: String), line: Int) {
        closeSection()
        headingsFound += 1
        current = (SectionKind(title: heading.title), heading.number, heading.title, line)
        if let n = heading.number { lastNumber = n }
        inProjectTables = false
    }

    /// "3. Financiën" under a Markdown heading, whatever its number.
    func numberedTitle(_ text: String) -> (number: Int?, title: String)? {
        let digits = text.prefix { $0.isNumber }
        guard let number = Int(digits) else { return nil }
        var rest = text.dropFirst(digits.count)
        if rest.first == "." || rest.first == ")" { rest = rest.dropFirst() }
        let title = TextCleaning.clean(rest)
        return title.isEmpty ? nil : (number, title)
    }

    /// The cover: "PROGRAMMA DIENSTVERLENING" and "Label: value" lines.
    mutating func readFrontMatter(_ text: String, line: Int) -> Bool {
        let plain = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        if report.programmeName == nil, plain.lowercased().hasPrefix("programma "), !plain.contains(":") {
            let name = TextCleaning.clean(plain.dropFirst("programma ".count))
            // "PROGRAMMA DIENSTVERLENING" is shouted; "Programma Sociaal Domein" is not.
            report.programmeName =
                name == name.uppercased() ? name.prefix(1).uppercased() + name.dropFirst().lowercased() : name
            return true
        }
        guard let colon = plain.firstIndex(of: ":") else { return false }
        let label = TextCleaning.clean(plain[..<colon])
        let value = TextCleaning.clean(plain[plain.index(after: colon)...])
        guard !value.isEmpty, label.split(separator: " ").count <= 4 else { return false }
        return setCoverField(label: label, value: value, line: line)
    }

    @discardableResult
    mutating func setCoverField(label: String, value: String, line: Int) -> Bool {
        let key = label.lowercased()
        report.cover.append(CoverField(label: label, value: value, line: line))
        switch key {
        case "projectnaam", "titel", "rapportage", "title", "report": report.title = report.title ?? value
        case "programma", "programmanaam", "programme", "program", "portfolio":
            report.programmeName = report.programmeName ?? value
        case "doorlooptijd", "looptijd", "duration": report.duration = report.duration ?? value
        case "bestuurlijk opdrachtgever", "political sponsor": report.politicalSponsor = value
        case "ambtelijk opdrachtgever", "senior responsible owner", "sponsor": report.administrativeSponsor = value
        case "programmamanager", "programmanager", "programma manager", "programme manager", "program manager":
            report.programmeManager = value
        case "portefeuillehouder", "portefeuillehouders", "wethouder", "portfolio holder":
            report.portfolioHolders += value.split(whereSeparator: { ",/;".contains($0) }).map {
                TextCleaning.clean($0)
            }
        case "rapportageperiode", "periode", "verslagperiode", "period", "reporting period": report.periodName = value
        default:
            report.warnings.append(
                ImportWarning(
                    line: line,
                    message: "Het veld ‘\(label)’ op het voorblad is onbekend; het is bewaard bij de voorbladgegevens.")
            )
        }
        return true
    }

    /// "Inleiding", or "N. Title" where N follows the previous section's number.
    func sectionHeading(_ text: String) -> (number: Int?, title: String)? {
        let unnumbered = ["inleiding", "samenvatting", "voorwoord", "aanleiding"]
        if unnumbered.contains(text.lowercased().trimmingCharacters(in: .punctuationCharacters)) {
            return (nil, text.trimmingCharacters(in: .punctuationCharacters))
        }
        let digits = text.prefix { $0.isNumber }
        guard let number = Int(digits), number == lastNumber + 1 else { return nil }
        var rest = text.dropFirst(digits.count)
        if rest.first == "." || rest.first == ")" { rest = rest.dropFirst() }
        let title = TextCleaning.clean(rest)
        guard rest.first == " ", !title.isEmpty, title.count <= 60, title.first?.isUppercase == true,
            !TextCleaning.endsSentence(title)
        else { return nil }
        return (number, title)
    }

    // MARK: Legend

    func isLegendHeading(_ text: String) -> Bool {
        ["status", "legenda", "legenda stoplichten", "toelichting stoplichten"].contains(
            text.lowercased().trimmingCharacters(in: .punctuationCharacters))
    }

    /// Reads the list of lights under a "Status" heading; false if none follows.
    mutating func readLegend(after start: Int) -> Bool {
        var entries: [LegendEntry] = []
        var i = start + 1
        while i < lines.count {
            guard case .text(let text) = lines[i].kind else {
                if lines[i].kind == .blank {
                    i += 1
                    continue
                }
                break
            }
            if text == "-" || text == "•" {
                i += 1
                continue
            }
            guard let entry = legendEntry(text, line: lines[i].number) else { break }
            entries.append(entry)
            i += 1
        }
        guard !entries.isEmpty else { return false }
        report.legend += entries
        index = i - 1  // run() steps past the last line read
        return true
    }

    /// "- Groen, loopt op schema …" → a legend entry.
    func legendEntry(_ text: String, line: Int) -> LegendEntry? {
        let body = MarkdownDocument.bulletItem(text) ?? text
        guard let separator = body.firstIndex(where: { ",:–-".contains($0) }) else { return nil }
        let word = TextCleaning.clean(body[..<separator])
        guard word.split(separator: " ").count == 1 else { return nil }
        let reading = LightNotation.read(word)
        switch reading {
        case .tone, .finished: break
        default: return nil
        }
        var meaning = TextCleaning.clean(body[body.index(after: separator)...])
        meaning = meaning.prefix(1).uppercased() + meaning.dropFirst()
        return LegendEntry(label: word, reading: reading, meaning: meaning, line: line)
    }

    // MARK: Tables

    mutating func readTable() {
        var segment = TableSegment(header: nil, headerLine: nil, rows: [])
        var first = true
        while index < lines.count {
            let line = lines[index]
            switch line.kind {
            case .tableRow(let cells):
                let followedByRule = index + 1 < lines.count && lines[index + 1].kind == .tableRule
                if first && followedByRule {
                    segment.header = cells
                    segment.headerLine = line.number
                } else {
                    segment.rows.append((line.number, cells))
                }
                first = false
            case .tableRule:
                break
            default:
                readSegment(segment)
                return
            }
            index += 1
        }
        readSegment(segment)
    }

    mutating func readSegment(_ segment: TableSegment) {
        let width = max(segment.header?.count ?? 0, segment.rows.map(\.cells.count).max() ?? 0)
        let continuesProjects =
            segment.header == nil && inProjectTables || current?.kind == .annexes && width >= 3 && inProjectTables
        let header = segment.header ?? segment.rows.first?.cells ?? []
        let isLegend = TableContentKind(rows: [header], reading: tables.reading).kind == .legend
        let isSheet =
            segment.rows.contains { sheetLines.contains($0.line) }
            || segment.headerLine.map(sheetLines.contains) == true
        if !isSheet, width >= 2, !isLegend, let explanation = tables.read(segment, continuesProjects: continuesProjects)
        {
            inProjectTables = true
            report.tables.append(explanation)
            return
        }
        let allRows =
            (segment.header.map { [(segment.headerLine ?? 0, $0)] } ?? []) + segment.rows.map { ($0.line, $0.cells) }
        let filled = allRows.filter { !$0.1.allSatisfy(\.isEmpty) }
        guard let firstLine = filled.first?.0 else { return }
        // A project sheet: its project comes from the page reader; its text stays here.
        if isSheet {
            keepAsText(filled)
            return
        }
        // A two-column table before the sections is cover data ("| Looptijd | 2018-2021 |").
        if width == 2, !isLegend, current == nil || current?.kind == .introduction && paragraphs.isEmpty {
            for (line, cells) in filled where cells.count == 2 {
                setCoverField(label: cells[0], value: cells[1], line: line)
            }
            report.tables.append(
                TableExplanation(
                    line: firstLine, kind: .sectionContent,
                    reason: "een tabel van twee kolommen vóór de eerste paragraaf: gegevens van het voorblad"))
            return
        }
        // Any other table: its text is kept in the section, row by row, and said what it is.
        let content = TableContentKind(rows: filled.map(\.1), reading: tables.reading)
        if width >= 3, content.kind == .notUnderstood, let first = filled.first?.1 { unrecognisedTables.append(first) }
        keepAsText(filled)
        report.tables.append(TableExplanation(line: firstLine, kind: content.kind, reason: content.reason))
        let message =
            content.kind == .notUnderstood
            ? "Een tabel die niet als projecttabel te lezen is (\(content.reason)); de inhoud is als opsomming in de paragraaf bewaard."
            : "Een tabel met \(content.reason), geen projecttabel; de inhoud is als opsomming in de paragraaf bewaard."
        report.warnings.append(ImportWarning(line: firstLine, message: message))
    }

    /// A table's filled rows as a list in the section being read (the introduction before any).
    mutating func keepAsText(_ rows: [(line: Int, cells: [String])]) {
        if current == nil, let first = rows.first { current = (.introduction, nil, "Inleiding", first.line) }
        for (line, cells) in rows {
            paragraphs.append(
                Paragraph(line: line, text: cells.filter { !$0.isEmpty }.joined(separator: " — "), isListItem: true))
        }
    }

    // MARK: Sections

    mutating func closeSection() {
        defer { paragraphs = [] }
        guard let section = current else { return }
        let joined = Self.joinBrokenParagraphs(paragraphs)
        var markdown: [String] = []
        switch section.kind {
        case .decisions:
            report.decisions += joined.filter { !$0.isHeading }.map {
                ParsedItem(markdown: TextCleaning.markdownEscaped($0.text), line: $0.line)
            }
        case .risks:
            report.risks += joined.filter { !$0.isHeading }.map {
                ParsedItem(markdown: TextCleaning.markdownEscaped($0.text), line: $0.line)
            }
        default:
            break
        }
        // Decisions and risks become records of their own; the section keeps no copy.
        let paragraphsInBody = section.kind == .decisions || section.kind == .risks ? [] : joined
        for (i, paragraph) in paragraphsInBody.enumerated() {
            let text = TextCleaning.markdownEscaped(paragraph.text)
            if paragraph.isListItem {
                let continuesList = i > 0 && joined[i - 1].isListItem
                markdown.append((continuesList ? "" : "\n") + "- " + text)
            } else if paragraph.isHeading || Self.isSubheading(joined, at: i) {
                markdown.append("\n### " + text)
            } else {
                markdown.append("\n" + text)
            }
        }
        let body = markdown.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        // A period holds one section per key: a second "Inleiding" (a page printed twice, a
        // legend page added) joins the first, under its own title as a sub-heading.
        if let same = sectionIndex[section.kind.key] {
            let addition =
                (section.title == report.sections[same].title
                    ? "" : "### " + TextCleaning.markdownEscaped(section.title) + "\n\n") + body
            if !addition.isEmpty {
                report.sections[same].markdown += (report.sections[same].markdown.isEmpty ? "" : "\n\n") + addition
            }
            report.warnings.append(
                ImportWarning(
                    line: section.line,
                    message:
                        "De paragraaf ‘\(section.title.prefix(60))’ staat al eerder in de rapportage; de tekst is bij de eerste gevoegd."
                ))
        } else {
            sectionIndex[section.kind.key] = report.sections.count
            report.sections.append(
                ParsedSection(
                    kind: section.kind, number: section.number, title: section.title, markdown: body, line: section.line
                ))
        }
        current = nil
    }

    /// A page break or a floating legend splits a sentence over two paragraphs; one that
    /// ends mid-sentence and a next one that starts in lower case are one paragraph.
    static func joinBrokenParagraphs(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var joined: [Paragraph] = []
        for paragraph in paragraphs {
            if let last = joined.last, !last.isListItem, !paragraph.isListItem, !last.isHeading, !paragraph.isHeading,
                !TextCleaning.endsSentence(last.text), TextCleaning.startsLowercase(paragraph.text)
            {
                joined[joined.count - 1].text += " " + paragraph.text
            } else {
                joined.append(paragraph)
            }
        }
        return joined
    }

    /// A short line without closing punctuation, followed by a paragraph: "PIP-pagina".
    static func isSubheading(_ paragraphs: [Paragraph], at i: Int) -> Bool {
        let p = paragraphs[i]
        guard !p.isListItem, i + 1 < paragraphs.count, !paragraphs[i + 1].isListItem,
            p.text.split(separator: " ").count <= 8,
            let end = p.text.last, !".!?:;,".contains(end),
            let first = p.text.first, first.isUppercase || first == "("
        else { return false }
        return i == 0 || TextCleaning.endsSentence(paragraphs[i - 1].text)
    }
}
