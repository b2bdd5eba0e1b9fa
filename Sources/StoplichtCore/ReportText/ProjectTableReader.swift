import Foundation

/// One pipe table as it stands in the text: a page break in the original document starts
/// a new one, often without a header and with rows that continue the last project.
struct TableSegment {
    var header: [String]?
    var headerLine: Int?
    var rows: [(line: Int, cells: [String])]
}

/// Reads the annex's project tables into projects, merging rows continued across pages.
struct ProjectTableReader {
    private var drafts: [ProjectDraft] = []
    private var numbers: Set<Int> = []
    private var highest = 0
    private(set) var warnings: [ImportWarning] = []
    /// The roles named by the annex's first header, inherited by headerless continuations.
    private var annexRoles: [ColumnRole]?

    mutating func read(_ segment: TableSegment) {
        let rows = segment.rows.map(\.cells).filter { !ColumnLayout.isHeader($0) }
        guard let width = segment.rows.map(\.cells.count).max(), width > 0 else { return }
        let layout: ColumnLayout
        if let header = segment.header, ColumnLayout.isHeader(header) {
            let headerRoles = header.map { ColumnLayout.role(ofHeader: $0) ?? .other }
            annexRoles = headerRoles
            let fitted = ColumnLayout.fit(roles: headerRoles, width: width, rows: rows)
            layout = fitted.layout
            if fitted.droppedStatus || headerRoles.count != width {
                let lines = segment.rows.map(\.line)
                var message = "De kop van deze tabel (\(header.filter { !$0.isEmpty }.joined(separator: ", "))) past niet op de \(width) kolommen van de rijen; de indeling is uit de inhoud afgeleid"
                if fitted.droppedStatus, let first = lines.first, let last = lines.last {
                    message += ": de kolom Status ontbreekt, dus de projecten op regels \(first)–\(last) krijgen geen stoplicht"
                }
                warnings.append(ImportWarning(line: segment.headerLine ?? lines.first ?? 0, message: message + "."))
            }
        } else if let inherited = annexRoles {
            let fitted = ColumnLayout.fit(roles: inherited, width: width, rows: rows).layout
            layout = fitted.fits(rows) ? fitted : ColumnLayout.infer(width: width, rows: rows)
        } else {
            layout = ColumnLayout.infer(width: width, rows: rows)
        }
        if layout.index(of: .name) == nil {
            warnings.append(ImportWarning(line: segment.rows.first?.line ?? 0, message: "In deze tabel is geen kolom met projectnamen gevonden; de cellen zijn als toelichting bewaard."))
        }
        for row in segment.rows where !row.cells.allSatisfy(\.isEmpty) && !ColumnLayout.isHeader(row.cells) {
            read(row: row.cells, line: row.line, layout: layout)
        }
    }

    private mutating func read(row cells: [String], line: Int, layout: ColumnLayout) {
        func cell(_ role: ColumnRole) -> String {
            guard let i = layout.index(of: role), i < cells.count else { return "" }
            return cells[i]
        }
        let others = layout.roles.indices.filter { layout.roles[$0] == .other && $0 < cells.count && !cells[$0].isEmpty }.map { cells[$0] }
        let numberCell = cell(.number)
        let number = Int(numberCell.trimmingCharacters(in: .punctuationCharacters))

        if number == nil, numberCell.isEmpty, let last = drafts.indices.last {
            drafts[last].continueWith(name: cell(.name), leader: cell(.leader), status: cell(.status), remarks: cell(.remarks), others: others, line: line)
            warnings.append(ImportWarning(line: line, message: "Vervolgrij (over een paginagrens) samengevoegd met project \(drafts[last].number)."))
            return
        }
        if let number, let last = drafts.last, last.number == number {
            drafts[drafts.count - 1].continueWith(name: cell(.name), leader: cell(.leader), status: cell(.status), remarks: cell(.remarks), others: others, line: line)
            warnings.append(ImportWarning(line: line, message: "Project \(number) staat hier nogmaals; de rij is samengevoegd met de vorige."))
            return
        }
        let next = highest + 1
        var name = cell(.name)
        if number == nil {
            if !numberCell.isEmpty { name = numberCell + " " + name }
            warnings.append(ImportWarning(line: line, message: numberCell.isEmpty
                ? "Project zonder nummer; het krijgt nummer \(next)."
                : "‘\(numberCell)’ is geen projectnummer; het project krijgt nummer \(next) en de tekst staat in de naam."))
        } else if let number, numbers.contains(number) {
            warnings.append(ImportWarning(line: line, message: "Projectnummer \(number) komt al eerder voor; dit project krijgt nummer \(next)."))
        }
        let assigned = number.flatMap { numbers.contains($0) ? nil : $0 } ?? next
        numbers.insert(assigned)
        highest = max(highest, assigned)
        var draft = ProjectDraft(number: assigned, line: line)
        draft.continueWith(name: name, leader: cell(.leader), status: cell(.status), remarks: cell(.remarks), others: others, line: line)
        drafts.append(draft)
    }

    func projects() -> (projects: [ParsedProject], warnings: [ImportWarning]) {
        var warnings = self.warnings
        let projects = drafts.map { draft in
            let project = draft.finish()
            warnings += draft.warnings(for: project)
            return project
        }
        return (projects, warnings.sorted { $0.line < $1.line })
    }
}

/// A project being assembled from one or more table rows.
struct ProjectDraft {
    var number: Int
    var lines: [Int]
    var title = ""
    var items: [String] = []
    var leaderCells: [String] = []
    var statusCells: [(line: Int, text: String)] = []
    var remarks: [HTMLFragment.Block] = []
    var guessedItemsLine: Int?
    var unknownTags: [(line: Int, tag: String)] = []

    init(number: Int, line: Int) {
        self.number = number
        self.lines = [line]
    }

    mutating func continueWith(name: String, leader: String, status: String, remarks cell: String, others: [String], line: Int) {
        if !lines.contains(line) { lines.append(line) }
        if !name.isEmpty { addName(TextCleaning.repairSuperscripts(name), line: line) }
        if !leader.isEmpty { leaderCells.append(leader) }
        if !status.isEmpty { statusCells.append((line, status)) }
        for text in [cell] + others where !text.isEmpty {
            let fragment = HTMLFragment(TextCleaning.repairSuperscripts(text))
            unknownTags += fragment.unknownTags.map { (line, $0) }
            Self.append(fragment.blocks, to: &remarks)
        }
    }

    private mutating func addName(_ cell: String, line: Int) {
        let fragment = HTMLFragment(cell)
        unknownTags += fragment.unknownTags.map { (line, $0) }
        if fragment.guessedItems, guessedItemsLine == nil { guessedItemsLine = line }
        for block in fragment.blocks {
            switch block {
            case .paragraph(let text):
                if title.isEmpty {
                    title = text
                } else if let last = items.indices.last {
                    if TextCleaning.endsSentence(items[last]) { items.append(text) } else { items[last] += " " + text }
                } else if !TextCleaning.endsSentence(title) && TextCleaning.startsLowercase(text) {
                    title += " " + text
                } else {
                    items.append(text)
                }
            case .list(_, let listItems):
                items += listItems
            }
        }
    }

    /// Text continued from the previous page joins the paragraph it breaks off.
    static func append(_ blocks: [HTMLFragment.Block], to existing: inout [HTMLFragment.Block]) {
        var blocks = blocks
        if case .paragraph(let previous)? = existing.last, case .paragraph(let next)? = blocks.first,
           !TextCleaning.endsSentence(previous), TextCleaning.startsLowercase(next) {
            existing[existing.count - 1] = .paragraph(previous + " " + next)
            blocks.removeFirst()
        }
        existing += blocks
    }

    func finish() -> ParsedProject {
        var name = title
        while let last = name.last, ":;,".contains(last) { name.removeLast() }
        let remarkText = remarks.map { block -> String in
            switch block {
            case .paragraph(let text): text
            case .list(_, let items): items.joined(separator: " ")
            }
        }.joined(separator: " ")
        let markers = LifecycleMarkers(remarkText)
        let statusText = statusCells.map(\.text).joined(separator: " ")
        var light = LightNotation.read(statusText)
        if markers.finished {
            switch light {
            case .empty, .allLampsOff: light = .finished
            default: break
            }
        }
        let lifecycle: Lifecycle = markers.finished ? .delivered : markers.notStarted ? .notStarted : .running
        let delivery = DeliveryPhrases(remarkText)
        return ParsedProject(
            number: number,
            name: name.isEmpty ? "Project \(number)" : name,
            items: items,
            leaders: leaderCells.flatMap(LeaderNames.parse).reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            light: light,
            lifecycle: lifecycle,
            remarks: Self.markdown(remarks),
            plannedDelivery: delivery.planned,
            forecastDelivery: delivery.forecast,
            lines: lines)
    }

    func warnings(for project: ParsedProject) -> [ImportWarning] {
        let line = lines[0]
        var warnings: [ImportWarning] = []
        let label = "Project \(number) (\(project.name.prefix(40)))"
        if title.isEmpty { warnings.append(ImportWarning(line: line, message: "\(label) heeft geen naam.")) }
        if project.leaders.isEmpty { warnings.append(ImportWarning(line: line, message: "\(label) heeft geen projectleider.")) }
        switch project.light {
        case .unknown(let text):
            warnings.append(ImportWarning(line: statusCells.first?.line ?? line, message: "\(label): ‘\(text)’ is geen bekend stoplicht; het project krijgt geen status."))
        case .ambiguous:
            warnings.append(ImportWarning(line: statusCells.first?.line ?? line, message: "\(label): meer dan één lamp brandt; het ernstigste licht is genomen."))
        case .allLampsOff:
            warnings.append(ImportWarning(line: statusCells.first?.line ?? line, message: "\(label): alle lampen zijn uit en de toelichting meldt niet dat het project is afgerond; het project krijgt geen status."))
        default: break
        }
        if let guessed = guessedItemsLine {
            warnings.append(ImportWarning(line: guessed, message: "\(label): de onderdelen staan zonder opsommingstekens; ze zijn gesplitst waar een woord met een hoofdletter begint. Controleer de onderdelen."))
        }
        for (tagLine, tag) in unknownTags {
            warnings.append(ImportWarning(line: tagLine, message: "\(label): de opmaak <\(tag)> is onbekend; de tekst is bewaard zonder die opmaak."))
        }
        return warnings
    }

    static func markdown(_ blocks: [HTMLFragment.Block]) -> String {
        blocks.map { block in
            switch block {
            case .paragraph(let text): TextCleaning.markdownEscaped(text)
            case .list(let ordered, let items):
                items.enumerated().map { (ordered ? "\($0.offset + 1). " : "- ") + TextCleaning.markdownEscaped($0.element) }
                    .joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }
}

/// The seed writes a project's state in capitals in its remarks: "OPGELEVERD.",
/// "AFGEROND.", "NOG NIET GESTART." A lower-case "bijna afgerond" says nothing of the kind.
struct LifecycleMarkers {
    var finished: Bool
    var notStarted: Bool

    private static func sentence(_ words: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: #"(^|[.!?]\s+)("# + words + #")\s*([.!]|$)"#, options: [.caseInsensitive])
    }
    private static let finishedSentence = sentence("opgeleverd|afgerond|gereed")
    private static let notStartedSentence = sentence("nog niet gestart|niet gestart")

    init(_ remarks: String) {
        func marked(_ capitals: [String], _ sentence: NSRegularExpression) -> Bool {
            capitals.contains { remarks.contains($0) }
                || sentence.firstMatch(in: remarks, range: NSRange(remarks.startIndex..., in: remarks)) != nil
        }
        finished = marked(["OPGELEVERD", "AFGEROND", "GEREED"], Self.finishedSentence)
        notStarted = marked(["NIET GESTART"], Self.notStartedSentence)
    }
}

/// "Oplevering voorzien in november 2018", "vermoedelijk in Q1 2019 (ipv Q4 2018)
/// opgeleverd": the sentence about delivery gives the forecast, an "ipv" the plan.
struct DeliveryPhrases {
    var forecast: PlanDate?
    var planned: PlanDate?

    init(_ remarks: String) {
        let sentences = remarks.split(whereSeparator: { ".!?".contains($0) }).map(String.init)
        for sentence in sentences where sentence.lowercased().contains("oplever") || sentence.lowercased().contains("opgeleverd") {
            let dates = PlanDate.all(in: sentence)
            guard let first = dates.first else { continue }
            for (range, date) in dates {
                let before = sentence[..<range.lowerBound].lowercased()
                if before.hasSuffix("ipv ") || before.hasSuffix("i.p.v. ") || before.hasSuffix("in plaats van ") {
                    planned = planned ?? date
                } else if forecast == nil {
                    forecast = date
                }
            }
            if forecast == nil { forecast = first.date }
            break
        }
    }
}
