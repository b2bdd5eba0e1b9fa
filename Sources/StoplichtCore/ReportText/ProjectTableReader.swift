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
