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

    /// The roles a header names, each decided with its column's cells where it is ambiguous.
    static func roles(header: [String], rows: [[String]], vocabulary: HeaderVocabulary, reading: LightReading) -> [ColumnRole] {
        var roles: [ColumnRole] = []
        for (column, text) in header.enumerated() {
            var role = vocabulary.role(header: text, column: column, rows: rows, reading: reading) ?? .other
            // One column per role: a second "Toelichting" is more text, not a new field.
            if role != .other, role != .ignored, roles.contains(role) { role = .other }
            roles.append(role)
        }
        return roles
    }

    /// Fits the roles a header (or the annex's first header) names onto a table of `width`
    /// columns, using the cells to decide where the header is off.
    static func fit(roles headerRoles: [ColumnRole], width: Int, rows: [[String]], reading: LightReading) -> (layout: ColumnLayout, droppedStatus: Bool) {
        var roles = headerRoles
        let numeric = columnIsNumeric(0, rows)
        if numeric, !roles.contains(.number) {
            // An empty first header cell stands over the numbers; otherwise the header
            // left the number column out.
            if roles.first == .other, roles.count >= width { roles[0] = .number } else { roles.insert(.number, at: 0) }
        }
        var droppedStatus = false
        if roles.count > width, let status = roles.firstIndex(of: .status),
           !(0..<width).contains(where: { columnHasLights($0, rows, reading: reading) }) {
            roles.remove(at: status)
            droppedStatus = true
        }
        while roles.count > width { roles.removeLast() }
        while roles.count < width { roles.append(.other) }
        return (ColumnLayout(roles: roles), droppedStatus)
    }

    /// A layout from the cells alone, for a table with no header and nothing to inherit.
    static func infer(width: Int, rows: [[String]], reading: LightReading) -> ColumnLayout {
        var roles = [ColumnRole](repeating: .other, count: width)
        var free = Array(0..<width)
        if let n = free.first(where: { columnIsNumeric($0, rows) }) { roles[n] = .number; free.removeAll { $0 == n } }
        if let s = free.first(where: { columnHasLights($0, rows, reading: reading) }) { roles[s] = .status; free.removeAll { $0 == s } }
        let filled = free.filter { column in rows.contains { column < $0.count && !$0[column].isEmpty } }
        if let name = filled.first { roles[name] = .name; free.removeAll { $0 == name } }
        if let remarks = free.filter({ c in filled.contains(c) }).max(by: { averageLength($0, rows) < averageLength($1, rows) }) {
            roles[remarks] = .remarks; free.removeAll { $0 == remarks }
        }
        if let leader = free.first(where: { filled.contains($0) }) { roles[leader] = .leader }
        return ColumnLayout(roles: roles)
    }

    static func columnIsNumeric(_ column: Int, _ rows: [[String]]) -> Bool {
        let cells = rows.compactMap { column < $0.count ? MergedCell.strip($0[column]).text : nil }.filter { !$0.isEmpty }
        guard !cells.isEmpty else { return false }
        return cells.filter { Int($0) != nil || Int($0.trimmingCharacters(in: .punctuationCharacters)) != nil }.count * 10 >= cells.count * 8
    }

    static func columnHasLights(_ column: Int, _ rows: [[String]], reading: LightReading) -> Bool {
        let cells = rows.compactMap { column < $0.count ? MergedCell.strip($0[column]).text : nil }.filter { !$0.isEmpty }
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
