import Foundation

/// What a table that holds no projects is, so it is kept as text in its section and said
/// why: a legend, counts per colour, indicators, sources, or not understood.
struct TableContentKind {
    var kind: TableExplanation.Kind
    var reason: String

    init(rows: [[String]], reading: LightReading) {
        let header = rows.first ?? []
        let words = header.map { $0.lowercased() }
        let wordSet = Set(words.flatMap { $0.split(whereSeparator: { !$0.isLetter }).map(String.init) })
        func headerHas(_ fragments: String...) -> Bool { words.contains { w in fragments.contains { w.contains($0) } } }
        func headerWord(_ list: String...) -> Bool { list.contains { wordSet.contains($0) } }
        // A table with columns a project table has (number, status, leader) is no legend.
        let projectColumns = header.contains { cell in
            let roles = HeaderVocabulary.standard.candidates(cell)
            return roles.contains(.number) || roles.contains(.leader) || roles.first == .status
        }
        let colourWords = header.filter { cell in
            if case .tone = LightNotation.read(cell) { return cell.count <= 12 }
            return false
        }
        let width = rows.map(\.count).max() ?? 0
        let firstColumn = ColumnContent(column: 0, rows: Array(rows.dropFirst()), reading: reading)
        if !projectColumns,
            headerWord(
                "legenda", "legend", "pictogram", "betekenis", "meaning", "icoon", "icon", "kleurcode", "kleurcodes")
                || width == 2 && firstColumn.kind == .lights
        {
            kind = .legend
            reason = "een legenda: lichten en wat ze betekenen"
        } else if colourWords.count >= 2 {
            kind = .sectionContent
            reason = "aantallen per kleur"
        } else if headerHas("indicator", "kpi", "prestatie-indicator", "streefwaarde", "target")
            || header.filter({ Int($0) != nil && $0.count == 4 }).count >= 2
        {
            kind = .sectionContent
            reason = "indicatoren"
        } else if headerHas("bron", "source", "referentie", "reference", "document")
            || rows.contains(where: { $0.contains { $0.contains("http://") || $0.contains("https://") } })
        {
            kind = .sectionContent
            reason = "een lijst van bronnen"
        } else if width <= 2 {
            kind = .sectionContent
            reason = "labels en waarden"
        } else {
            kind = .notUnderstood
            reason = "geen kolom met namen naast stoplichten, projectleiders of nummers"
        }
    }
}
