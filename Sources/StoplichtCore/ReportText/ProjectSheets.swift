import Foundation

/// Tables that describe one project rather than list many: a project sheet of two
/// columns, label → value ("| Naam Project | Verder met de vesting Muiden |"), and an
/// aspect table (a row per aspect, a column per period: previous, current, next).
enum ProjectSheets {
    /// A two-column table with a project-name label, read as one project; nil for any other table.
    static func sheet(_ rows: [(line: Int, cells: [String])], reading: LightReading) -> PageDraft? {
        guard let first = rows.first, rows.allSatisfy({ $0.cells.count <= 2 }),
            rows.contains(where: {
                $0.cells.count == 2 && PageField.kind(ofLabel: $0.cells[0]) == .name && !$0.cells[1].isEmpty
            })
        else { return nil }
        var draft = PageDraft(origin: .sheet, line: first.line)
        draft.evidence.insert(.sheet)
        for (line, cells) in rows {
            draft.lines.append(line)
            guard cells.count == 2 else {
                if let only = cells.first, !only.isEmpty { draft.addRemark(nil, only) }
                continue
            }
            let label = cells[0]
            let value = cells[1]
            guard !value.isEmpty else { continue }  // a caption row ("Algemene info")
            if label.isEmpty {
                draft.addRemark(nil, value)
                continue
            }
            let kind = PageField.kind(ofLabel: label)
            if kind == .name, draft.title == nil, let title = PageTitle.parse(value, reading: reading) {
                draft.title = title
                continue
            }
            if kind == .other, case .name(let aspect)? = AspectVocabulary.line(label),
                let light = AspectVocabulary.light(value, reading: reading)
            {
                draft.addDimension(aspect, light, text: value, line: line)
                continue
            }
            draft.apply(PageField(kind: kind, label: label, value: value), line: line, reading: reading)
        }
        guard draft.title != nil else { return nil }
        draft.evidence.remove(.nameField)
        return draft
    }

    /// What a column of an aspect table holds.
    enum PeriodColumn: Equatable {
        case previous, current, expected, remarks
        /// A reporting moment ("Q1 2024", "maart"): the last one with lights is current.
        case moment
    }

    static func periodColumn(_ header: String) -> PeriodColumn {
        let words = Set(header.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        if !words.isDisjoint(with: [
            "toelichting", "opmerking", "opmerkingen", "remarks", "comments", "commentaar", "explanation", "uitleg",
        ]) {
            return .remarks
        }
        if !words.isDisjoint(with: ["vorige", "vorig", "previous", "last", "eerdere", "eerder", "prior"]) {
            return .previous
        }
        if !words.isDisjoint(with: [
            "komende", "volgende", "next", "verwacht", "verwachting", "prognose", "expected", "forecast",
        ]) {
            return .expected
        }
        if !words.isDisjoint(with: ["huidige", "huidig", "current", "nu", "deze", "this", "actueel"]) {
            return .current
        }
        return .moment
    }

    struct AspectTable {
        var dimensions: [(label: String, reading: LightNotation.Reading, text: String, line: Int)] = []
        var previous: [LightNotation.Reading] = []
        var expected: [LightNotation.Reading] = []
        var remarks: [(label: String, text: String)] = []
    }

    /// A table whose rows are aspects (Kwaliteit, Tijd, Geld …) and whose columns are
    /// periods; nil for any other table.
    static func aspectTable(header: [String]?, rows: [(line: Int, cells: [String])], reading: LightReading)
        -> AspectTable?
    {
        let filled = rows.filter { !$0.cells.allSatisfy(\.isEmpty) }
        let aspectRows = filled.compactMap { row -> (line: Int, aspect: String, cells: [String])? in
            guard let first = row.cells.first else { return nil }
            switch AspectVocabulary.line(first) {
            case .name(let aspect)?, .lightLabel(let aspect)?: return (row.line, aspect, Array(row.cells.dropFirst()))
            default: return nil
            }
        }
        guard let header, header.count >= 2, aspectRows.count >= 2, aspectRows.count * 2 >= filled.count else {
            return nil
        }
        var columns = header.dropFirst().map(periodColumn)
        if !columns.contains(.current) {
            // Reporting moments: the last one that holds lights is the current one, the one before it the previous.
            let moments = columns.indices.filter { columns[$0] == .moment }
            let lit = moments.filter { column in
                aspectRows.contains {
                    column < $0.cells.count && AspectVocabulary.light($0.cells[column], reading: reading) != nil
                }
            }
            guard let current = lit.last else { return nil }
            columns[current] = .current
            if let previous = lit.dropLast().last { columns[previous] = .previous }
        }
        var table = AspectTable()
        for row in aspectRows {
            for (column, role) in columns.enumerated() where column < row.cells.count && !row.cells[column].isEmpty {
                let text = row.cells[column]
                let light = AspectVocabulary.light(text, reading: reading)
                switch role {
                case .current: table.dimensions.append((row.aspect, light ?? .unknown(text), text, row.line))
                case .previous: if let light, light.isLight || light.isNotRated { table.previous.append(light) }
                case .expected: if let light, light.isLight || light.isNotRated { table.expected.append(light) }
                case .remarks: table.remarks.append((row.aspect, text))
                case .moment: break
                }
            }
        }
        return table.dimensions.isEmpty ? nil : table
    }
}
