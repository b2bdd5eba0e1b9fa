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
    let vocabulary: HeaderVocabulary
    let reading: LightReading
    private var drafts: [ProjectDraft] = []
    private var numbers: Set<Int> = []
    private var highest = 0
    private(set) var warnings: [ImportWarning] = []
    /// The roles named by the annex's first header, inherited by headerless continuations.
    private var annexRoles: [ColumnRole]?
    private var annexHeader: [String] = []
    /// Headers of tables whose columns were not recognised, for the message that asks for a mapping.
    private(set) var unrecognisedHeaders: [[String]] = []
    /// The group the rows read now belong to, named by a group row above them.
    private var group: String?

    init(vocabulary: HeaderVocabulary = .standard, reading: LightReading = .standard) {
        self.vocabulary = vocabulary
        self.reading = reading
    }

    static let numberPunctuation = CharacterSet.punctuationCharacters.union(.whitespaces)
    /// The numbers a project may have.
    static let numbers = 1...999_999

    /// The next table stands on its own (a new sheet): it inherits no header.
    mutating func startIndependentTable() {
        annexRoles = nil
        annexHeader = []
        group = nil
    }

    /// Reads a table as projects when it is a project table, or a continuation of one, and
    /// says how it took it; nil when it is no project table (the caller keeps its text).
    mutating func read(_ segment: TableSegment, continuesProjects: Bool) -> TableExplanation? {
        var segment = segment
        // An empty header row (a page's table continued) is no header.
        if segment.header?.allSatisfy(\.isEmpty) == true { segment.header = nil }
        // A second header row under cells spanning columns ("Status" over "Vorige |
        // Huidige | Komende") names those columns; the two rows are read as one.
        if let header = segment.header, ColumnLayout.isHeader(header, vocabulary: vocabulary),
            let sub = segment.rows.first?.cells, ColumnLayout.isHeader(sub, vocabulary: vocabulary)
        {
            segment.header = (0..<max(header.count, sub.count)).map { i in
                let top = i < header.count ? header[i] : ""
                // A header cell spanning both rows repeats below; it names its column once.
                let below = i < sub.count && !MergedCell.strip(sub[i]).isCopy ? sub[i] : ""
                return top.isEmpty ? below : below.isEmpty ? top : "\(top) \(below)"
            }
            segment.rows.removeFirst()
        }
        // A first row of words over columns of another kind is a header, known words or not.
        if segment.header == nil, annexRoles == nil || !continuesProjects, let first = segment.rows.first,
            TableHeaderGuess.isHeader(first.cells, below: segment.rows.dropFirst().map(\.cells), reading: reading)
        {
            segment.header = first.cells
            segment.headerLine = first.line
            segment.rows.removeFirst()
        }
        let rows = segment.rows.map(\.cells).filter { !ColumnLayout.isHeader($0, vocabulary: vocabulary) }
        guard let width = segment.rows.map(\.cells.count).max(), width > 0 else { return nil }
        let firstLine = segment.headerLine ?? segment.rows.first?.line ?? 0
        var layout: ColumnLayout
        var headerTexts: [String] = []
        var evidence: [String] = []
        var kind = TableExplanation.Kind.projects
        var reason: String
        if let header = segment.header {
            let known = ColumnLayout.isHeader(header, vocabulary: vocabulary)
            let aligned = ColumnLayout.align(
                header: header, width: width, rows: rows, vocabulary: vocabulary, reading: reading)
            let decided = ColumnLayout.decide(
                header: aligned.header, width: width, rows: rows, vocabulary: vocabulary, reading: reading)
            layout = ColumnLayout(roles: decided.roles)
            evidence = decided.evidence
            headerTexts = aligned.header
            guard known || continuesProjects || Self.looksLikeProjects(layout) else { return nil }
            reason =
                known
                ? "de kop noemt kolommen van een projecttabel; de cellen bevestigen of beslissen elke kolom"
                : "de cellen wijzen de kolommen aan: een kolom met namen en \(Self.signals(layout))"
            // Continuations inherit what the header says, fitted to their own cells.
            annexRoles =
                aligned.header == header ? layout.roles : ColumnLayout.headerRoles(header, vocabulary: vocabulary)
            annexHeader = header
            if aligned.droppedStatus || header.count != width {
                let lines = segment.rows.map(\.line)
                var message =
                    "De kop van deze tabel (\(header.filter { !$0.isEmpty }.joined(separator: ", "))) past niet op de \(width) kolommen van de rijen; de indeling is uit de inhoud afgeleid"
                if aligned.droppedStatus, let first = lines.first, let last = lines.last {
                    message +=
                        ": de kolom Status ontbreekt, dus de projecten op regels \(first)–\(last) krijgen geen stoplicht"
                }
                warnings.append(ImportWarning(line: segment.headerLine ?? lines.first ?? 0, message: message + "."))
            }
        } else if let inherited = annexRoles, continuesProjects,
            case let fitted = ColumnLayout.fit(roles: inherited, width: width, rows: rows, reading: reading).layout,
            fitted.fits(rows, reading: reading)
        {
            layout = fitted
            headerTexts = annexHeader.count == width ? annexHeader : []
            kind = .continuation
            reason = "een tabel zonder kop direct na een projecttabel, met cellen die in haar kolommen passen"
        } else {
            let decided = ColumnLayout.decide(
                header: [], width: width, rows: rows, vocabulary: vocabulary, reading: reading)
            layout = ColumnLayout.infer(width: width, rows: rows, reading: reading)
            evidence = decided.evidence
            guard continuesProjects || Self.looksLikeProjects(layout) else { return nil }
            if continuesProjects, annexRoles != nil { kind = .continuation }
            reason = "een tabel zonder kop; de cellen wijzen de kolommen aan: \(Self.signals(layout))"
        }
        if layout.index(of: .name) == nil {
            warnings.append(
                ImportWarning(
                    line: segment.rows.first?.line ?? 0,
                    message:
                        "In deze tabel is geen kolom met projectnamen gevonden; de cellen zijn als toelichting bewaard."
                ))
            unrecognisedHeaders.append(segment.header ?? segment.rows.first?.cells ?? [])
        }
        // Columns without a field of their own: said once per table, kept in the remarks.
        for (column, role) in layout.roles.enumerated()
        where role == .other && column < headerTexts.count && !headerTexts[column].isEmpty {
            guard rows.contains(where: { column < $0.count && !$0[column].isEmpty }) else { continue }
            warnings.append(
                ImportWarning(
                    line: firstLine,
                    message:
                        "De kolom ‘\(headerTexts[column])’ heeft geen eigen veld; de inhoud staat per project in de toelichting."
                ))
        }
        if layout.index(of: .budget) != nil {
            warnings.append(
                ImportWarning(
                    line: firstLine,
                    message:
                        "De bedragen in de kolom budget hebben nog geen eigen veld; ze staan per project in de toelichting, exact overgenomen."
                ))
        }
        let dataRows = segment.rows.filter {
            !$0.cells.allSatisfy(\.isEmpty) && !ColumnLayout.isHeader($0.cells, vocabulary: vocabulary)
        }
        let codes = RowCodes(
            rows: dataRows.map(\.cells), nameColumn: layout.index(of: .name),
            hasNumbers: layout.index(of: .number) != nil)
        if kind == .projects { group = nil }
        for (index, row) in dataRows.enumerated() {
            let next = index + 1 < dataRows.count ? dataRows[index + 1].cells : nil
            read(
                row: row.cells, line: row.line, layout: layout, headers: headerTexts, codes: codes, index: index,
                next: next)
        }
        // The words of the document's own (its legend, the user's mapping) this table used.
        var taughtWords: [String: String] = [:]
        if !reading.custom.isEmpty {
            for row in dataRows.prefix(ColumnContent.sample) {
                for (column, role) in layout.roles.enumerated()
                where role.holdsLights && column < row.cells.count && !row.cells[column].isEmpty {
                    if let taught = reading.custom[LightNotation.key(row.cells[column])] {
                        taughtWords[row.cells[column]] = taught.text
                    }
                }
            }
        }
        var columns: [TableExplanation.Column] = []
        for (column, role) in layout.roles.enumerated() {
            columns.append(
                TableExplanation.Column(
                    header: column < headerTexts.count ? headerTexts[column] : "",
                    role: role.mappingName, evidence: column < evidence.count ? evidence[column] : ""))
        }
        return TableExplanation(line: firstLine, kind: kind, reason: reason, columns: columns, vocabulary: taughtWords)
    }

    /// A table read by its cells is a project table when it has a column of names and
    /// something a project table has beside it: lights, a leader or numbers.
    static func looksLikeProjects(_ layout: ColumnLayout) -> Bool {
        guard layout.index(of: .name) != nil else { return false }
        return layout.roles.contains(where: \.holdsLights) || layout.index(of: .leader) != nil
            || layout.index(of: .number) != nil
    }

    static func signals(_ layout: ColumnLayout) -> String {
        var found: [String] = []
        if layout.roles.contains(where: \.holdsLights) { found.append("stoplichten") }
        if layout.index(of: .leader) != nil { found.append("projectleiders") }
        if layout.index(of: .number) != nil { found.append("nummers") }
        return found.isEmpty ? "geen verdere kenmerken" : found.joined(separator: ", ")
    }

    private mutating func read(
        row cells: [String], line: Int, layout: ColumnLayout, headers: [String], codes: RowCodes, index: Int,
        next: [String]?
    ) {
        var row = RowCells(line: line)
        for (column, role) in layout.roles.enumerated() where column < cells.count && !cells[column].isEmpty {
            switch role {
            case .ignored: continue
            case .other: row.others.append((column < headers.count ? headers[column] : "", cells[column]))
            case .dimension(let label): row.dimensions.append((label, cells[column]))
            default:
                if row.cells[role] == nil { row.cells[role] = cells[column] }
            }
        }
        // Two assessors' columns: the one that is filled gives the light, and says who gave it.
        if let statusColumn = layout.index(of: .status), let otherColumn = layout.index(of: .alternativeStatus) {
            let own = reading.read(row[.status])
            if !own.isLight, let other = row.cells[.alternativeStatus], reading.read(other).isLight {
                // The other assessor's light; what the first column said stays in the remarks.
                if !row[.status].isEmpty {
                    row.others.append((statusColumn < headers.count ? headers[statusColumn] : "", row[.status]))
                }
                row.cells[.status] = other
                row.assessor = otherColumn < headers.count ? headers[otherColumn] : nil
            } else if own.isLight {
                row.assessor = statusColumn < headers.count ? headers[statusColumn] : nil
                if let other = row.cells[.alternativeStatus] {
                    row.others.append((otherColumn < headers.count ? headers[otherColumn] : "", other))
                }
            }
            if row.assessor?.isEmpty == true { row.assessor = nil }
            row.cells[.alternativeStatus] = nil
        }
        let name = MergedCell.strip(row[.name]).text
        // Totals are sums of the projects above, not a project: a "Totaal …" row with a
        // leader or a light is a project whose name starts so.
        if Self.isTotal(name), row[.leader].isEmpty, !reading.read(row[.status]).isLight {
            let figures = cells.filter { !$0.isEmpty }.joined(separator: " | ")
            warnings.append(
                ImportWarning(
                    line: line,
                    message:
                        "‘\(name.prefix(60))’ is een totaalrij, geen project; de rij is niet als project ingelezen: \(figures.prefix(300))."
                ))
            return
        }
        // A division or group: its name and nothing else, with the next rows under it.
        // A code with sub-codes under it ("2 Spoorwegen" over "2a …") is their group; it is
        // a project too where its row says more than its name (a light, a remark, a leader).
        let groupByCode = codes.isGroup(at: index)
        if groupByCode, !saysMore(row) { group = codes.name(at: index) }
        if groupByCode && !saysMore(row)
            || layout.index(of: .number) == nil && !name.isEmpty && !MergedCell.strip(row[.name]).isCopy
                && Self.onlyName(cells, layout: layout) && next.map({ !Self.onlyName($0, layout: layout) }) == true
        {
            group = codes.name(at: index) ?? name
            warnings.append(
                ImportWarning(
                    line: line, message: "‘\(group!.prefix(60))’ is een groep: de projecten eronder krijgen die groep.")
            )
            return
        }
        // "2a Capaciteitsvergroting …": the report's own code stands before the name.
        let code = codes.code(at: index)
        // A top-level code of its own ends the group above ("3 …" after "2a", "2b").
        if let code, Int(code) != nil { group = nil }
        if let code {
            row.cells[.name] = codes.name(at: index)
            if Int(code) != nil, row[.number].isEmpty { row.cells[.number] = code }
            if Int(code) == nil { row.others.append(("Nummer in de rapportage", code)) }
        }
        row.cells[.name] = Self.withoutNameLabel(row[.name])
        let numberCell = MergedCell.strip(row[.number]).text
        // A project number is at most six digits; a longer one is text, kept in the name.
        let number = (Int(numberCell) ?? Int(numberCell.trimmingCharacters(in: Self.numberPunctuation))).flatMap {
            Self.numbers.contains($0) ? $0 : nil
        }
        let continuesLast = number == nil && numberCell.isEmpty || number != nil && drafts.last?.number == number

        if continuesLast, code == nil, let last = drafts.indices.last, number != nil || !startsNewProject(row) {
            drafts[last].continueWith(row.resolvingMergedCells(continuing: true))
            warnings.append(
                ImportWarning(
                    line: line,
                    message: number == nil
                        ? "Vervolgrij (over een paginagrens) samengevoegd met project \(drafts[last].number)."
                        : "Project \(number!) staat hier nogmaals; de rij is samengevoegd met de vorige."))
            return
        }
        let next = highest + 1
        var extraName = ""
        if number == nil {
            if !numberCell.isEmpty { extraName = numberCell }
            warnings.append(
                ImportWarning(
                    line: line,
                    message: numberCell.isEmpty
                        ? "Project zonder nummer: het wordt op naam gekoppeld aan een bestaand project, of krijgt het eerstvolgende vrije nummer."
                        : "‘\(numberCell)’ is geen projectnummer; het project krijgt nummer \(next) en de tekst staat in de naam."
                ))
        } else if let number, numbers.contains(number) {
            warnings.append(
                ImportWarning(
                    line: line,
                    message: "Projectnummer \(number) komt al eerder voor; dit project krijgt nummer \(next)."))
        }
        let assigned = number.flatMap { numbers.contains($0) ? nil : $0 } ?? next
        numbers.insert(assigned)
        highest = max(highest, assigned)
        var draft = ProjectDraft(number: assigned, isNumbered: number != nil, line: line)
        draft.group = group
        if groupByCode { group = codes.name(at: index) }
        var resolved = row.resolvingMergedCells(continuing: false)
        resolved.cells[.number] = nil
        draft.continueWith(resolved, extraName: extraName)
        drafts.append(draft)
    }

    /// "Grand Total", "Totaal", "Subtotaal programma".
    static func isTotal(_ name: String) -> Bool {
        guard let first = name.utf8.first, "tTgGsSeE".utf8.contains(first) else { return false }
        let key = name.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        let words = [
            "total", "totaal", "totalen", "subtotaal", "subtotal", "grand total", "eindtotaal", "generaal totaal",
            "som", "sum",
        ]
        return words.contains { key == $0 || key.hasPrefix($0 + " ") }
    }

    /// A row that holds a light, a leader or text beside its name.
    func saysMore(_ row: RowCells) -> Bool {
        reading.read(row[.status]).isLight || !row[.leader].isEmpty || !row[.remarks].isEmpty
            || row.dimensions.contains { reading.read($0.text).isLight }
            // An icon without text or "n.v.t." says nothing more.
            || row.others.contains { !$0.text.isEmpty && !reading.read($0.text).isNotRated }
    }

    /// A row whose only filled cell is its name (and perhaps its number).
    static func onlyName(_ cells: [String], layout: ColumnLayout) -> Bool {
        for (column, role) in layout.roles.enumerated() where column < cells.count && !cells[column].isEmpty {
            if role != .name && role != .number && role != .ignored { return false }
        }
        return true
    }

    /// "Project Name: KIPLING ACRES SITE 2" → "KIPLING ACRES SITE 2".
    static func withoutNameLabel(_ cell: String) -> String {
        guard let colon = cell.firstIndex(of: ":"), cell.distance(from: cell.startIndex, to: colon) <= 14 else {
            return cell
        }
        let label = cell[..<colon].lowercased().trimmingCharacters(in: .whitespaces)
        guard ["project name", "projectnaam", "project", "naam", "name", "title", "titel"].contains(label) else {
            return cell
        }
        return cell[cell.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    /// In a table without numbers every row with a name of its own is a project; in one
    /// with numbers, a row without a number continues the one above.
    private func startsNewProject(_ row: RowCells) -> Bool {
        guard !drafts.isEmpty, drafts.allSatisfy({ !$0.isNumbered }) else { return false }
        let name = MergedCell.strip(row[.name])
        return !name.text.isEmpty && !name.isCopy
    }

    func projects() -> (projects: [ParsedProject], warnings: [ImportWarning], unknown: [UnknownLightWord]) {
        var warnings = self.warnings
        var projects: [ParsedProject] = []
        projects.reserveCapacity(drafts.count)
        var derived: [Int] = []
        var unknown = UnknownLightWords()
        for draft in drafts {
            var (project, projectWarnings, unknownCells) = draft.finish(reading: reading)
            for cell in unknownCells {
                unknown.add(cell.word, column: cell.column, project: project.number, line: cell.line)
            }
            // Lights per dimension without an overall light: the overall one is the worst.
            if project.light == .empty, let worst = LightNotation.worst(project.dimensionLights.map(\.reading)) {
                project.light = worst
                if worst == .finished { project.lifecycle = .delivered }
                derived.append(project.number)
            }
            projects.append(project)
            warnings += projectWarnings
        }
        if let first = derived.first, let line = projects.first(where: { $0.number == first })?.lines.first {
            let list =
                derived.count > 12
                ? "\(derived.prefix(12).map(String.init).joined(separator: ", ")) en \(derived.count - 12) andere"
                : derived.map(String.init).joined(separator: ", ")
            warnings.append(
                ImportWarning(
                    line: line,
                    message:
                        "De tabel geeft geen totaallicht, alleen lichten per dimensie; voor de projecten \(list) is het ernstigste licht van de dimensies als totaallicht genomen."
                ))
        }
        warnings += unknown.warnings
        return (projects, warnings.sorted { $0.line < $1.line }, unknown.words)
    }
}
