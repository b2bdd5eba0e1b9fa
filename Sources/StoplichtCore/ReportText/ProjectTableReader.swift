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

    init(vocabulary: HeaderVocabulary = .standard, reading: LightReading = .standard) {
        self.vocabulary = vocabulary
        self.reading = reading
    }

    static let numberPunctuation = CharacterSet.punctuationCharacters.union(.whitespaces)

    /// The next table stands on its own (a new sheet): it inherits no header.
    mutating func startIndependentTable() {
        annexRoles = nil
        annexHeader = []
    }

    mutating func read(_ segment: TableSegment) {
        var segment = segment
        // A second header row under cells spanning columns ("Status" over "Vorige |
        // Huidige | Komende") names those columns; the two rows are read as one.
        if let header = segment.header, ColumnLayout.isHeader(header, vocabulary: vocabulary),
           let sub = segment.rows.first?.cells, ColumnLayout.isHeader(sub, vocabulary: vocabulary) {
            segment.header = (0..<max(header.count, sub.count)).map { i in
                let top = i < header.count ? header[i] : ""
                // A header cell spanning both rows repeats below; it names its column once.
                let below = i < sub.count && !MergedCell.strip(sub[i]).isCopy ? sub[i] : ""
                return top.isEmpty ? below : below.isEmpty ? top : "\(top) \(below)"
            }
            segment.rows.removeFirst()
        }
        let rows = segment.rows.map(\.cells).filter { !ColumnLayout.isHeader($0, vocabulary: vocabulary) }
        guard let width = segment.rows.map(\.cells.count).max(), width > 0 else { return }
        let layout: ColumnLayout
        var headerTexts: [String] = []
        if let header = segment.header, ColumnLayout.isHeader(header, vocabulary: vocabulary) {
            let headerRoles = ColumnLayout.roles(header: header, rows: rows, vocabulary: vocabulary, reading: reading)
            annexRoles = headerRoles
            annexHeader = header
            headerTexts = header
            let fitted = ColumnLayout.fit(roles: headerRoles, width: width, rows: rows, reading: reading)
            layout = fitted.layout
            if fitted.droppedStatus || headerRoles.count != width {
                let lines = segment.rows.map(\.line)
                var message = "De kop van deze tabel (\(header.filter { !$0.isEmpty }.joined(separator: ", "))) past niet op de \(width) kolommen van de rijen; de indeling is uit de inhoud afgeleid"
                if fitted.droppedStatus, let first = lines.first, let last = lines.last {
                    message += ": de kolom Status ontbreekt, dus de projecten op regels \(first)–\(last) krijgen geen stoplicht"
                }
                warnings.append(ImportWarning(line: segment.headerLine ?? lines.first ?? 0, message: message + "."))
            }
            // Headers shift when a number column is added in front of them.
            if layout.roles.count > header.count, layout.roles.first == .number, headerRoles.first != .number {
                headerTexts = [""] + header
            }
        } else if let inherited = annexRoles {
            let fitted = ColumnLayout.fit(roles: inherited, width: width, rows: rows, reading: reading).layout
            if fitted.fits(rows, reading: reading) {
                layout = fitted
                headerTexts = annexHeader.count == width ? annexHeader : []
            } else {
                layout = ColumnLayout.infer(width: width, rows: rows, reading: reading)
            }
        } else {
            layout = ColumnLayout.infer(width: width, rows: rows, reading: reading)
        }
        if layout.index(of: .name) == nil {
            warnings.append(ImportWarning(line: segment.rows.first?.line ?? 0, message: "In deze tabel is geen kolom met projectnamen gevonden; de cellen zijn als toelichting bewaard."))
            unrecognisedHeaders.append(segment.header ?? segment.rows.first?.cells ?? [])
        }
        // Columns without a field of their own: said once per table, kept in the remarks.
        let firstLine = segment.headerLine ?? segment.rows.first?.line ?? 0
        for (column, role) in layout.roles.enumerated() where role == .other && column < headerTexts.count && !headerTexts[column].isEmpty {
            guard rows.contains(where: { column < $0.count && !$0[column].isEmpty }) else { continue }
            warnings.append(ImportWarning(line: firstLine, message: "De kolom ‘\(headerTexts[column])’ heeft geen eigen veld; de inhoud staat per project in de toelichting."))
        }
        if layout.index(of: .budget) != nil {
            warnings.append(ImportWarning(line: firstLine, message: "De bedragen in de kolom budget hebben nog geen eigen veld; ze staan per project in de toelichting, exact overgenomen."))
        }
        for row in segment.rows where !row.cells.allSatisfy(\.isEmpty) && !ColumnLayout.isHeader(row.cells, vocabulary: vocabulary) {
            read(row: row.cells, line: row.line, layout: layout, headers: headerTexts)
        }
    }

    private mutating func read(row cells: [String], line: Int, layout: ColumnLayout, headers: [String]) {
        var row = RowCells(line: line)
        for (column, role) in layout.roles.enumerated() where column < cells.count && !cells[column].isEmpty {
            switch role {
            case .ignored: continue
            case .other: row.others.append((column < headers.count ? headers[column] : "", cells[column]))
            case .dimension(let label): row.dimensions.append((label, cells[column]))
            default: if row.cells[role] == nil { row.cells[role] = cells[column] }
            }
        }
        let numberCell = MergedCell.strip(row[.number]).text
        let number = Int(numberCell) ?? Int(numberCell.trimmingCharacters(in: Self.numberPunctuation))
        let continuesLast = number == nil && numberCell.isEmpty || number != nil && drafts.last?.number == number

        if continuesLast, let last = drafts.indices.last, number != nil || !startsNewProject(row) {
            drafts[last].continueWith(row.resolvingMergedCells(continuing: true))
            warnings.append(ImportWarning(line: line, message: number == nil
                ? "Vervolgrij (over een paginagrens) samengevoegd met project \(drafts[last].number)."
                : "Project \(number!) staat hier nogmaals; de rij is samengevoegd met de vorige."))
            return
        }
        let next = highest + 1
        var extraName = ""
        if number == nil {
            if !numberCell.isEmpty { extraName = numberCell }
            warnings.append(ImportWarning(line: line, message: numberCell.isEmpty
                ? "Project zonder nummer: het wordt op naam gekoppeld aan een bestaand project, of krijgt het eerstvolgende vrije nummer."
                : "‘\(numberCell)’ is geen projectnummer; het project krijgt nummer \(next) en de tekst staat in de naam."))
        } else if let number, numbers.contains(number) {
            warnings.append(ImportWarning(line: line, message: "Projectnummer \(number) komt al eerder voor; dit project krijgt nummer \(next)."))
        }
        let assigned = number.flatMap { numbers.contains($0) ? nil : $0 } ?? next
        numbers.insert(assigned)
        highest = max(highest, assigned)
        var draft = ProjectDraft(number: assigned, isNumbered: number != nil, line: line)
        var resolved = row.resolvingMergedCells(continuing: false)
        resolved.cells[.number] = nil
        draft.continueWith(resolved, extraName: extraName)
        drafts.append(draft)
    }

    /// In a table without numbers every row with a name of its own is a project; in one
    /// with numbers, a row without a number continues the one above.
    private func startsNewProject(_ row: RowCells) -> Bool {
        guard !drafts.isEmpty, drafts.allSatisfy({ !$0.isNumbered }) else { return false }
        let name = MergedCell.strip(row[.name])
        return !name.text.isEmpty && !name.isCopy
    }

    func projects() -> (projects: [ParsedProject], warnings: [ImportWarning]) {
        var warnings = self.warnings
        var projects: [ParsedProject] = []
        projects.reserveCapacity(drafts.count)
        var derived: [Int] = []
        for draft in drafts {
            var (project, projectWarnings) = draft.finish(reading: reading)
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
            let list = derived.count > 12 ? "\(derived.prefix(12).map(String.init).joined(separator: ", ")) en \(derived.count - 12) andere" : derived.map(String.init).joined(separator: ", ")
            warnings.append(ImportWarning(line: line, message: "De tabel geeft geen totaallicht, alleen lichten per dimensie; voor de projecten \(list) is het ernstigste licht van de dimensies als totaallicht genomen."))
        }
        return (projects, warnings.sorted { $0.line < $1.line })
    }
}
