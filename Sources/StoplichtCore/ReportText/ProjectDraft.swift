import Foundation

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
