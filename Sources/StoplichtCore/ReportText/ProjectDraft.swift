import Foundation

/// One table row's cells by the role of their column.
struct RowCells {
    var line: Int
    var cells: [ColumnRole: String] = [:]
    /// Lights per dimension, in column order.
    var dimensions: [(label: String, text: String)] = []
    /// Columns without a field of their own, with their header where the table has one.
    var others: [(header: String, text: String)] = []
    /// Who gave the light, where the table has a column per assessor.
    var assessor: String?

    subscript(role: ColumnRole) -> String { cells[role] ?? "" }

    /// The row without the cells merged down from the row above (for a row that continues
    /// the same project), or with their mark removed (for a row that starts a new one).
    func resolvingMergedCells(continuing: Bool) -> RowCells {
        var row = self
        for (role, text) in cells {
            let (plain, isCopy) = MergedCell.strip(text)
            row.cells[role] = isCopy && continuing ? "" : plain
        }
        row.dimensions = dimensions.map { dimension in
            let (plain, isCopy) = MergedCell.strip(dimension.text)
            return (dimension.label, isCopy && continuing ? "" : plain)
        }
        row.others = others.compactMap { other in
            let (plain, isCopy) = MergedCell.strip(other.text)
            return isCopy && continuing ? nil : (other.header, plain)
        }
        return row
    }
}

/// A project being assembled from one or more table rows.
struct ProjectDraft {
    var number: Int
    var isNumbered: Bool
    var lines: [Int]
    var title = ""
    var items: [String] = []
    var leaderCells: [String] = []
    var statusCells: [(line: Int, text: String)] = []
    var dimensionCells: [(label: String, line: Int, text: String)] = []
    var previousCells: [(line: Int, text: String)] = []
    var expectedCells: [(line: Int, text: String)] = []
    var plannedCells: [(line: Int, text: String)] = []
    var forecastCells: [(line: Int, text: String)] = []
    var budgetCells: [(line: Int, text: String)] = []
    var phaseCells: [(line: Int, text: String)] = []
    var remarks: [HTMLFragment.Block] = []
    /// Text that has no field here, kept in the remarks under its header.
    var extraRemarks: [(line: Int, label: String, text: String)] = []
    var guessedItemsLine: Int?
    var unknownTags: [(line: Int, tag: String)] = []
    var group: String?
    var assessor: String?

    init(number: Int, isNumbered: Bool, line: Int) {
        self.number = number
        self.isNumbered = isNumbered
        self.lines = [line]
    }

    mutating func continueWith(_ row: RowCells, extraName: String = "") {
        let line = row.line
        if !lines.contains(line) { lines.append(line) }
        if assessor == nil { assessor = row.assessor }
        let name = extraName.isEmpty ? row[.name] : extraName + " " + row[.name]
        if !name.isEmpty { addName(TextCleaning.repairSuperscripts(name), line: line) }
        let leader = row[.leader]
        if !leader.isEmpty { leaderCells += HTMLFragment(leader).plainLines }
        func add(_ role: ColumnRole, to list: inout [(line: Int, text: String)]) {
            let text = HTMLFragment(row[role]).plainLines.joined(separator: " ")
            if !text.isEmpty { list.append((line, text)) }
        }
        add(.status, to: &statusCells)
        add(.previousLight, to: &previousCells)
        add(.expectedLight, to: &expectedCells)
        add(.plannedDelivery, to: &plannedCells)
        add(.forecastDelivery, to: &forecastCells)
        add(.budget, to: &budgetCells)
        add(.phase, to: &phaseCells)
        for (label, text) in row.dimensions {
            let plain = HTMLFragment(text).plainLines.joined(separator: " ")
            if !plain.isEmpty { dimensionCells.append((label, line, plain)) }
        }
        for text in [row[.remarks]] + row.others.filter({ $0.header.isEmpty }).map(\.text) where !text.isEmpty {
            let fragment = HTMLFragment(TextCleaning.repairSuperscripts(text))
            unknownTags += fragment.unknownTags.map { (line, $0) }
            Self.append(fragment.blocks, to: &remarks)
        }
        for other in row.others where !other.header.isEmpty && !other.text.isEmpty {
            extraRemarks.append((line, other.header, HTMLFragment(other.text).plainLines.joined(separator: " ")))
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
            !TextCleaning.endsSentence(previous), TextCleaning.startsLowercase(next)
        {
            existing[existing.count - 1] = .paragraph(previous + " " + next)
            blocks.removeFirst()
        }
        existing += blocks
    }

    /// A light word no vocabulary knew: where it stood and on which line.
    struct UnknownCell {
        var word: String
        var column: String
        var line: Int
    }

    func finish(reading: LightReading) -> (ParsedProject, [ImportWarning], [UnknownCell]) {
        var warnings: [ImportWarning] = []
        var unknowns: [UnknownCell] = []
        var name = title
        while let last = name.last, ":;,".contains(last) { name.removeLast() }
        let label = "Project \(number) (\((name.isEmpty ? "zonder naam" : name).prefix(40)))"
        var extra = extraRemarks
        let remarkText = remarks.map { block -> String in
            switch block {
            case .paragraph(let text): text
            case .list(_, let items): items.joined(separator: " ")
            }
        }.joined(separator: " ")
        let markers = LifecycleMarkers(remarkText)
        let statusText = statusCells.map(\.text).joined(separator: " ")
        var light = reading.read(statusText)
        if markers.finished {
            switch light {
            case .empty, .allLampsOff: light = .finished
            default: break
            }
        }
        var lifecycle: Lifecycle = markers.finished ? .delivered : markers.notStarted ? .notStarted : .running
        switch light {
        case .finished: lifecycle = .delivered
        case .notRated(notStarted: true): lifecycle = .notStarted
        default: break
        }
        let statusLine = statusCells.first?.line ?? lines[0]
        switch light {
        case .unknown(let text):
            unknowns.append(UnknownCell(word: text, column: "status", line: statusLine))
        case .ambiguous:
            warnings.append(
                ImportWarning(
                    line: statusLine, message: "\(label): meer dan één lamp brandt; het ernstigste licht is genomen."))
        case .allLampsOff:
            warnings.append(
                ImportWarning(
                    line: statusLine,
                    message:
                        "\(label): alle lampen zijn uit en de toelichting meldt niet dat het project is afgerond; het project krijgt geen status."
                ))
        default: break
        }

        func lightCell(_ cells: [(line: Int, text: String)], what: String) -> LightNotation.Reading? {
            guard let first = cells.first else { return nil }
            let text = cells.map(\.text).joined(separator: " ")
            let reading = reading.read(text)
            if case .unknown = reading {
                unknowns.append(UnknownCell(word: text, column: what, line: first.line))
                extra.append((first.line, what.prefix(1).uppercased() + what.dropFirst(), text))
                return nil
            }
            return reading
        }
        let previous = lightCell(previousCells, what: "stoplicht van de vorige periode")
        let expected = lightCell(expectedCells, what: "verwacht stoplicht")
        var dimensions: [DimensionReading] = []
        for (dimension, line, text) in dimensionCells {
            let r = reading.read(text)
            if case .unknown = r {
                unknowns.append(UnknownCell(word: text, column: dimension, line: line))
                extra.append((line, dimension, text))
            } else if let index = dimensions.firstIndex(where: { $0.label == dimension }) {
                dimensions[index].reading = r
            } else {
                dimensions.append(DimensionReading(label: dimension, reading: r))
            }
        }

        let delivery = DeliveryPhrases(remarkText)
        func planDate(_ cells: [(line: Int, text: String)], what: String) -> PlanDate? {
            guard let first = cells.first else { return nil }
            let text = cells.map(\.text).joined(separator: " ")
            if let date = PlanDate(parsing: text) { return date }
            warnings.append(
                ImportWarning(
                    line: first.line,
                    message:
                        "\(label): ‘\(text)’ als \(what) is geen datum, maand, kwartaal of halfjaar; de tekst staat in de toelichting."
                ))
            extra.append((first.line, what.prefix(1).uppercased() + what.dropFirst(), text))
            return nil
        }
        let planned = planDate(plannedCells, what: "planning") ?? delivery.planned
        let forecast = planDate(forecastCells, what: "prognose") ?? delivery.forecast

        var budget: ReportedAmount?
        if let first = budgetCells.first {
            let text = budgetCells.map(\.text).joined(separator: " ")
            budget = ReportedAmount(parsing: text)
            // Budgets get their own lines with the finances; until then the amount is kept
            // in the remarks, written exactly.
            extra.append((first.line, "Budget", budget?.description ?? text))
            if budget == nil, text.contains(where: { "$£¥".contains($0) }) {
                warnings.append(
                    ImportWarning(
                        line: first.line,
                        message:
                            "\(label): ‘\(text)’ is een bedrag in een andere munt dan de euro; het staat zoals geschreven in de toelichting."
                    ))
            } else if budget == nil {
                warnings.append(
                    ImportWarning(
                        line: first.line,
                        message: "\(label): ‘\(text)’ als budget is geen bedrag; de tekst staat in de toelichting."))
            }
        }
        var phase: Phase?
        if let first = phaseCells.first {
            let text = phaseCells.map(\.text).joined(separator: " ")
            phase = Phase(word: text)
            if phase == nil {
                warnings.append(
                    ImportWarning(
                        line: first.line,
                        message:
                            "\(label): ‘\(text)’ is geen bekende fase (initiatief, definitie, ontwerp, voorbereiding, realisatie, nazorg); de tekst staat in de toelichting."
                    ))
                extra.append((first.line, "Fase", text))
            }
        }
        var markdown = Self.markdown(remarks)
        let extraLines = extra.map {
            "**\(TextCleaning.markdownEscaped($0.label)):** \(TextCleaning.markdownEscaped($0.text))"
        }
        if !extraLines.isEmpty {
            markdown += (markdown.isEmpty ? "" : "\n\n") + extraLines.joined(separator: "  \n")
        }

        var project = ParsedProject(
            number: number,
            name: name.isEmpty ? "Project \(number)" : name,
            items: items,
            leaders: leaderCells.flatMap(LeaderNames.parse).reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            light: light,
            lifecycle: lifecycle,
            remarks: markdown,
            plannedDelivery: planned,
            forecastDelivery: forecast,
            lines: lines)
        project.isNumbered = isNumbered
        project.lightText = statusText
        project.dimensionLights = dimensions
        project.previousLight = previous
        project.expectedLight = expected
        project.budget = budget
        project.phase = phase
        // Names of a group and an assessor are short; a whole cell is kept in the remarks.
        project.group = group.map { String($0.prefix(200)) }
        project.assessor = assessor.map { String($0.prefix(200)) }

        let line = lines[0]
        if title.isEmpty { warnings.append(ImportWarning(line: line, message: "\(label) heeft geen naam.")) }
        if project.leaders.isEmpty {
            warnings.append(ImportWarning(line: line, message: "\(label) heeft geen projectleider."))
        }
        if let guessed = guessedItemsLine {
            warnings.append(
                ImportWarning(
                    line: guessed,
                    message:
                        "\(label): de onderdelen staan zonder opsommingstekens; ze zijn gesplitst waar een woord met een hoofdletter begint. Controleer de onderdelen."
                ))
        }
        for (tagLine, tag) in unknownTags {
            warnings.append(
                ImportWarning(
                    line: tagLine,
                    message: "\(label): de opmaak <\(tag)> is onbekend; de tekst is bewaard zonder die opmaak."))
        }
        return (project, warnings, unknowns)
    }

    static func markdown(_ blocks: [HTMLFragment.Block]) -> String {
        blocks.map { block in
            switch block {
            case .paragraph(let text): TextCleaning.markdownEscaped(text)
            case .list(let ordered, let items):
                items.enumerated().map {
                    (ordered ? "\($0.offset + 1). " : "- ") + TextCleaning.markdownEscaped($0.element)
                }
                .joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }
}

extension Phase {
    /// "Realisatie", "uitvoering", "Initiatieffase".
    init?(word: String) {
        let key = LightNotation.key(word).replacingOccurrences(of: "fase", with: "").trimmingCharacters(
            in: .whitespaces)
        let synonyms: [String: Phase] = [
            "initiatief": .initiative, "idee": .initiative, "verkenning": .initiative, "definitie": .definition,
            "ontwerp": .design, "voorbereiding": .preparation, "realisatie": .realisation, "uitvoering": .realisation,
            "implementatie": .realisation, "nazorg": .aftercare, "beheer": .aftercare, "afronding": .aftercare,
        ]
        guard let phase = synonyms[key] else { return nil }
        self = phase
    }
}
