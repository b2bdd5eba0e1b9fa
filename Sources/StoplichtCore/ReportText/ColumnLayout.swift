import Foundation

/// The roles of a project table's columns, found from its header where the header can be
/// trusted and from the cells where it cannot.
struct ColumnLayout: Equatable {
    var roles: [ColumnRole]

    func index(of role: ColumnRole) -> Int? { roles.firstIndex(of: role) }

    /// A row of header words: most of its cells are recognised.
    static func isHeader(_ cells: [String], vocabulary: HeaderVocabulary) -> Bool {
        // A row that starts with a project number is data.
        if let first = cells.first, !first.isEmpty, first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return false }
        let filled = cells.filter { !$0.isEmpty && !MergedCell.strip($0).isCopy }
        guard !filled.isEmpty else { return false }
        return filled.filter { !vocabulary.candidates($0).isEmpty }.count * 2 > filled.count
    }

    /// The roles of a table's columns: the cells decide, the header is evidence. A column
    /// whose cells are lights is a light column whatever its header says; a leader is never
    /// a light, a date or an amount; a column with an unknown header gets the role its
    /// cells show. Then the reading that best explains the whole table: one name column,
    /// the column of people as leader, one status column.
    static func roles(header: [String], rows: [[String]], vocabulary: HeaderVocabulary, reading: LightReading)
        -> [ColumnRole]
    {
        decide(header: header, width: header.count, rows: rows, vocabulary: vocabulary, reading: reading).roles
    }

    /// The roles with the evidence for each, as the explanation of the reading shows it.
    static func decide(
        header: [String], width: Int, rows: [[String]], vocabulary: HeaderVocabulary,
        reading: LightReading
    ) -> (roles: [ColumnRole], evidence: [String]) {
        var roles: [ColumnRole] = []
        var evidence: [String] = []
        var contents: [ColumnContent] = []
        for column in 0..<width {
            let text = column < header.count ? header[column] : ""
            let content = ColumnContent(column: column, rows: rows, reading: reading)
            contents.append(content)
            let explicit = vocabulary.explicit[HeaderVocabulary.normalise(text)]
            var role = explicit ?? decideColumn(candidates: vocabulary.candidates(text), header: text, content: content)
            // One column per role: a second "Toelichting" is more text, not a new field.
            if role != .other, role != .ignored, roles.contains(role) {
                role = role == .status && content.kind == .lights ? .alternativeStatus : .other
            }
            roles.append(role)
            let why =
                explicit != nil
                ? "indeling van de gebruiker"
                : text.isEmpty ? "geen kop; \(content.evidence)" : "kop ‘\(text.prefix(40))’; \(content.evidence)"
            evidence.append(why)
        }
        explainWholeTable(&roles, contents: contents, header: header, vocabulary: vocabulary)
        // Two assessors' columns are alternatives only where a row fills one of them.
        if let status = roles.firstIndex(of: .status), let other = roles.firstIndex(of: .alternativeStatus) {
            var both = 0
            var either = 0
            // A cell counts when it holds a light: "Exempt under Section 43" gives none.
            func lit(_ row: [String], _ column: Int) -> Bool { column < row.count && reading.read(row[column]).isLight }
            for row in rows.prefix(ColumnContent.sample) {
                let a = lit(row, status)
                let b = lit(row, other)
                if a || b { either += 1 }
                if a && b { both += 1 }
            }
            if both * 10 > either { roles[other] = .other }
        }
        return (roles, evidence)
    }

    /// A column's role from its header's candidates and what its cells hold.
    static func decideColumn(candidates: [ColumnRole], header: String, content: ColumnContent) -> ColumnRole {
        let lightRoles = candidates.filter(\.holdsLights)
        switch content.kind {
        case .lights:
            if let light = lightRoles.first { return light }
            // Remarks that read as lights ("Op schema.") stay remarks, and one cell is thin
            // evidence; otherwise lights make a light column whatever the header says, and a
            // leader is never a light.
            if candidates.contains(.remarks) || content.filled < 2 && !candidates.contains(.leader),
                let first = candidates.first
            {
                return first
            }
            // Lights under a header that names something else (a rating column whose header
            // holds a leader word): the status. Under a header no vocabulary knows: a light
            // for the dimension the header names ("Beleid"), or the status.
            guard candidates.isEmpty else { return .status }
            return dimensionLabel(header).map { .dimension($0) } ?? .status
        case .dates:
            if let date = candidates.first(where: { $0 == .plannedDelivery || $0 == .forecastDelivery }) { return date }
            return candidates.isEmpty ? .plannedDelivery : .other
        case .amounts:
            if candidates.contains(.budget) { return .budget }
            return candidates.first == .number ? .number : .other
        case .numbers:
            if candidates.contains(.number) || candidates.isEmpty || candidates.first == .name { return .number }
            return candidates.contains(.budget) ? .budget : .other
        case .persons:
            if let first = candidates.first, first == .leader || first == .name { return first }
            return candidates.isEmpty ? .leader : .other
        case .longText:
            if candidates.isEmpty { return .remarks }
            if candidates.contains(.remarks) { return .remarks }
            if let first = candidates.first, !first.holdsLights { return first }
            return .other
        case .names, .mixed, .empty:
            guard let first = candidates.first else { return content.kind == .names ? .name : .other }
            // A cut-off or odd cell among amounts or dates, and no light: still amounts or dates.
            if content.lights == 0, content.amounts > 0, candidates.contains(.budget) { return .budget }
            if content.lights == 0, content.dates > 0,
                let date = candidates.first(where: { $0 == .plannedDelivery || $0 == .forecastDelivery })
            {
                return date
            }
            // Short words under a light header are light words to map ("Op stoom").
            if candidates == [.status, .remarks] { return content.kind == .names ? .status : .remarks }
            if first == .expectedLight, candidates.contains(.forecastDelivery) { return .forecastDelivery }
            if case .previousLight = first { return .other }
            if case .expectedLight = first { return .other }
            return first
        }
    }

    /// The whole table's reading: a name column where the header named none (the leftmost
    /// column of short texts that differ per row), the column of people as leader, and one
    /// light column as the status where several hold lights but none is called status.
    static func explainWholeTable(
        _ roles: inout [ColumnRole], contents: [ColumnContent], header: [String], vocabulary: HeaderVocabulary
    ) {
        func headerText(_ column: Int) -> String { column < header.count ? header[column] : "" }
        if !roles.contains(.name) {
            func unnamed(_ i: Int) -> Bool { vocabulary.candidates(headerText(i)).isEmpty }
            // Short texts that differ per row; else a column of what looked like people
            // ("Grand Total", "Communication Technology") where nothing else names projects.
            if let name = roles.indices.first(where: {
                (roles[$0] == .other || roles[$0] == .remarks && unnamed($0)) && contents[$0].kind == .names
                    && contents[$0].mostlyDistinct
            })
                ?? roles.indices.first(where: { roles[$0] == .leader && unnamed($0) && contents[$0].mostlyDistinct })
                ?? roles.indices.first(where: {
                    roles[$0] == .other && [.names, .mixed, .persons].contains(contents[$0].kind)
                })
            {
                roles[name] = .name
            }
        }
        if !roles.contains(.leader),
            let people = roles.indices.filter({ roles[$0] == .other && contents[$0].kind == .persons }).max(by: {
                contents[$0].personShare < contents[$1].personShare
            })
        {
            roles[people] = .leader
        }
        // A leader column that holds project names while a column of people stands beside it.
        if let leader = roles.firstIndex(of: .leader), contents[leader].kind == .names,
            let people = roles.indices.first(where: { roles[$0] == .name && contents[$0].kind == .persons })
        {
            roles.swapAt(leader, people)
        }
        if !roles.contains(.status) {
            // The only light column, under a header no vocabulary knows, is the status.
            let lightColumns = roles.indices.filter { roles[$0].holdsLights }
            if lightColumns.count == 1, let only = lightColumns.first, case .dimension = roles[only],
                vocabulary.candidates(headerText(only)).isEmpty
            {
                roles[only] = .status
            } else if let first = roles.firstIndex(of: .alternativeStatus) {
                roles[first] = .status
            }
        }
        // Remarks: the column of the longest texts where no header named one.
        if !roles.contains(.remarks),
            let long = roles.indices.filter({
                roles[$0] == .other && contents[$0].kind == .longText && vocabulary.candidates(headerText($0)).isEmpty
            })
            .max(by: { contents[$0].averageLength < contents[$1].averageLength })
        {
            roles[long] = .remarks
        }
    }

    /// The dimension a light column's header names, in the header's own word: "Beleid",
    /// "On Budget" → "Budget", "Schedule status" → "Planning"; nil for none.
    static func dimensionLabel(_ header: String) -> String? {
        let h = HeaderVocabulary.normalise(header)
        guard !h.isEmpty, h.count <= 40 else { return nil }
        if let label = HeaderVocabulary.dimensionWord(h) { return label }
        let statusWords: Set<String> = ["status", "rating", "rag", "score", "kleur", "colour", "color", "oordeel"]
        let words = h.split(separator: " ").map(String.init).filter { !statusWords.contains($0) }
        guard !words.isEmpty, words.count <= 3, !words.contains(where: { $0.contains(where: \.isNumber) }) else {
            return nil
        }
        let label = words.joined(separator: " ")
        return label.prefix(1).uppercased() + label.dropFirst()
    }

    /// The header laid over the columns as it best explains the cells: as written, or
    /// moved one column right where it left out the number column, without a "Status" that
    /// stands over no lights when the header is wider than the rows.
    static func align(
        header: [String], width: Int, rows: [[String]], vocabulary: HeaderVocabulary,
        reading: LightReading
    ) -> (header: [String], droppedStatus: Bool) {
        var variants = [header]
        if columnIsNumeric(0, rows), let first = header.first, !first.isEmpty,
            !vocabulary.candidates(first).contains(.number)
        {
            variants.append([""] + header)
        }
        let contents = (0..<width).map { ColumnContent(column: $0, rows: rows, reading: reading) }
        var best: (header: [String], droppedStatus: Bool, score: Int)?
        for variant in variants {
            var h = variant
            var dropped = false
            if h.count > width, let status = h.firstIndex(where: { vocabulary.candidates($0).first == .status }),
                !contents.contains(where: { $0.kind == .lights })
            {
                h.remove(at: status)
                dropped = true
            }
            var score = 0
            for column in 0..<min(h.count, width) {
                score += agreement(vocabulary.candidates(h[column]), contents[column].kind)
            }
            if best == nil || score > best!.score { best = (h, dropped, score) }
        }
        return (best!.header, best!.droppedStatus)
    }

    /// The roles a header names by its words alone, one column per role.
    static func headerRoles(_ header: [String], vocabulary: HeaderVocabulary) -> [ColumnRole] {
        var roles: [ColumnRole] = []
        for text in header {
            let role = vocabulary.candidates(text).first ?? .other
            roles.append(role != .other && roles.contains(role) ? .other : role)
        }
        return roles
    }

    /// How well a header's candidates fit what the cells hold: 1 agrees, -1 contradicts.
    static func agreement(_ candidates: [ColumnRole], _ kind: ColumnContent.Kind) -> Int {
        guard !candidates.isEmpty else { return 0 }
        let dates: Set<ColumnRole> = [.plannedDelivery, .forecastDelivery]
        switch kind {
        case .numbers: return candidates.contains(.number) || candidates.contains(.budget) ? 1 : -1
        case .lights: return candidates.contains(where: \.holdsLights) ? 1 : -1
        case .dates: return candidates.contains(where: dates.contains) ? 1 : -1
        case .amounts: return candidates.contains(.budget) ? 1 : -1
        case .persons: return candidates.contains(.leader) || candidates.contains(.name) ? 1 : -1
        case .longText:
            return candidates.contains(.remarks) || candidates.contains(.name) || candidates.contains(.other) ? 1 : -1
        case .names:
            return candidates.contains(.number) || candidates.contains(.budget) || candidates.allSatisfy(dates.contains)
                ? -1 : 0
        case .mixed, .empty: return 0
        }
    }

    /// Fits the roles a header (or the annex's first header) names onto a table of `width`
    /// columns, using the cells to decide where the header is off.
    static func fit(roles headerRoles: [ColumnRole], width: Int, rows: [[String]], reading: LightReading) -> (
        layout: ColumnLayout, droppedStatus: Bool
    ) {
        var roles = headerRoles
        let numeric = columnIsNumeric(0, rows)
        if numeric, !roles.contains(.number) {
            // An empty first header cell stands over the numbers; otherwise the header
            // left the number column out.
            if roles.first == .other, roles.count >= width { roles[0] = .number } else { roles.insert(.number, at: 0) }
        }
        var droppedStatus = false
        if roles.count > width, let status = roles.firstIndex(of: .status),
            !(0..<width).contains(where: { columnHasLights($0, rows, reading: reading) })
        {
            roles.remove(at: status)
            droppedStatus = true
        }
        while roles.count > width { roles.removeLast() }
        while roles.count < width { roles.append(.other) }
        return (ColumnLayout(roles: roles), droppedStatus)
    }

    /// A layout from the cells alone, for a table with no header and nothing to inherit.
    static func infer(width: Int, rows: [[String]], reading: LightReading) -> ColumnLayout {
        var roles = decide(header: [], width: width, rows: rows, vocabulary: .standard, reading: reading).roles
        // Without a header the first column of whole numbers is the number; others are figures.
        if let first = roles.firstIndex(of: .number) {
            for i in roles.indices where i != first && roles[i] == .number { roles[i] = .other }
        }
        return ColumnLayout(roles: roles)
    }

    static func columnIsNumeric(_ column: Int, _ rows: [[String]]) -> Bool {
        let cells = rows.compactMap { column < $0.count ? MergedCell.strip($0[column]).text : nil }.filter {
            !$0.isEmpty
        }
        guard !cells.isEmpty else { return false }
        return cells.filter { Int($0) != nil || Int($0.trimmingCharacters(in: .punctuationCharacters)) != nil }.count
            * 10 >= cells.count * 8
    }

    static func columnHasLights(_ column: Int, _ rows: [[String]], reading: LightReading) -> Bool {
        let cells = rows.compactMap { column < $0.count ? MergedCell.strip($0[column]).text : nil }.filter {
            !$0.isEmpty
        }
        guard !cells.isEmpty else { return false }
        var lights = 0
        for cell in cells {
            switch reading.read(cell) {
            case .unknown: continue
            case .notRated: break
            default: lights += 1
            }
        }
        // Most cells are lights; a few unknown words are reported row by row.
        return lights > 0 && lights * 10 >= cells.count * 7
    }

    /// Whether every cell of a column fits the role: a number column holds numbers, a status
    /// column lights or nothing.
    func fits(_ rows: [[String]], reading: LightReading) -> Bool {
        for (column, role) in roles.enumerated() {
            let cells = rows.compactMap { column < $0.count ? $0[column] : nil }.filter { !$0.isEmpty }
            switch role {
            case .number where !cells.isEmpty && !Self.columnIsNumeric(column, rows): return false
            case .status where !cells.isEmpty && !Self.columnHasLights(column, rows, reading: reading): return false
            default: continue
            }
        }
        return true
    }

    private static func averageLength(_ column: Int, _ rows: [[String]]) -> Int {
        let cells = rows.compactMap { column < $0.count ? $0[column] : nil }.filter { !$0.isEmpty }
        return cells.isEmpty ? 0 : cells.map(\.count).reduce(0, +) / cells.count
    }
}
