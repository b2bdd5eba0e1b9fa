import Foundation

/// What each column of a project table holds, found from its header where the header
/// can be trusted and from the cells where it cannot.
enum ColumnRole: Equatable {
    case number, name, leader, status, remarks, other
}

struct ColumnLayout: Equatable {
    var roles: [ColumnRole]

    func index(of role: ColumnRole) -> Int? { roles.firstIndex(of: role) }

    private static let punctuationAndSpace = CharacterSet.punctuationCharacters.union(.whitespaces)

    /// Header words, by meaning (Dutch and English).
    static func role(ofHeader header: String) -> ColumnRole? {
        // Header words are short; a long cell that mentions "project" is data.
        guard header.utf8.count <= 40 else { return nil }
        let h = header.lowercased().trimmingCharacters(in: punctuationAndSpace)
        if h.isEmpty || h.count > 30 || h.split(separator: " ").count > 3 { return nil }
        if ["nr", "nr.", "nummer", "#", "no", "no."].contains(h) { return .number }
        if h.contains("leider") || h.contains("trekker") || h.contains("eigenaar") || h.contains("leader") || h == "owner" { return .leader }
        if h.contains("opmerking") || h.contains("toelichting") || h.contains("remark") || h.contains("comment") { return .remarks }
        if h == "status" || h.contains("licht") || h.contains("beoordeling") || h == "rating" { return .status }
        if h.contains("project") || h == "naam" || h == "onderwerp" || h == "name" { return .name }
        return nil
    }

    /// A row of header words: most of its cells are recognised.
    static func isHeader(_ cells: [String]) -> Bool {
        // A row that starts with a project number is data.
        if let first = cells.first, !first.isEmpty, first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return false }
        let filled = cells.filter { !$0.isEmpty }
        guard !filled.isEmpty else { return false }
        return filled.filter { role(ofHeader: $0) != nil }.count * 2 > filled.count
    }

    /// Fits the roles a header (or the annex's first header) names onto a table of `width`
    /// columns, using the cells to decide where the header is off.
    static func fit(roles headerRoles: [ColumnRole], width: Int, rows: [[String]]) -> (layout: ColumnLayout, droppedStatus: Bool) {
        var roles = headerRoles
        let numeric = columnIsNumeric(0, rows)
        if numeric, !roles.contains(.number) {
            // An empty first header cell stands over the numbers; otherwise the header
            // left the number column out.
            if roles.first == .other, roles.count >= width { roles[0] = .number } else { roles.insert(.number, at: 0) }
        }
        var droppedStatus = false
        if roles.count > width, let status = roles.firstIndex(of: .status),
           !(0..<width).contains(where: { columnHasLights($0, rows) }) {
            roles.remove(at: status)
            droppedStatus = true
        }
        while roles.count > width { roles.removeLast() }
        while roles.count < width { roles.append(.other) }
        return (ColumnLayout(roles: roles), droppedStatus)
    }

    /// A layout from the cells alone, for a table with no header and nothing to inherit.
    static func infer(width: Int, rows: [[String]]) -> ColumnLayout {
        var roles = [ColumnRole](repeating: .other, count: width)
        var free = Array(0..<width)
        if let n = free.first(where: { columnIsNumeric($0, rows) }) { roles[n] = .number; free.removeAll { $0 == n } }
        if let s = free.first(where: { columnHasLights($0, rows) }) { roles[s] = .status; free.removeAll { $0 == s } }
        let filled = free.filter { column in rows.contains { column < $0.count && !$0[column].isEmpty } }
        if let name = filled.first { roles[name] = .name; free.removeAll { $0 == name } }
        if let remarks = free.filter({ c in filled.contains(c) }).max(by: { averageLength($0, rows) < averageLength($1, rows) }) {
            roles[remarks] = .remarks; free.removeAll { $0 == remarks }
        }
        if let leader = free.first(where: { filled.contains($0) }) { roles[leader] = .leader }
        return ColumnLayout(roles: roles)
    }

    static func columnIsNumeric(_ column: Int, _ rows: [[String]]) -> Bool {
        let cells = rows.compactMap { column < $0.count ? $0[column] : nil }.filter { !$0.isEmpty }
        guard !cells.isEmpty else { return false }
        return cells.filter { Int($0.trimmingCharacters(in: .punctuationCharacters)) != nil }.count * 10 >= cells.count * 8
    }

    static func columnHasLights(_ column: Int, _ rows: [[String]]) -> Bool {
        let cells = rows.compactMap { column < $0.count ? $0[column] : nil }.filter { !$0.isEmpty }
        guard !cells.isEmpty else { return false }
        return cells.allSatisfy {
            if case .unknown = LightNotation.read($0) { return false }
            return true
        }
    }

    /// Whether every cell of a column fits the role: a number column holds numbers, a status
    /// column lights or nothing.
    func fits(_ rows: [[String]]) -> Bool {
        for (column, role) in roles.enumerated() {
            let cells = rows.compactMap { column < $0.count ? $0[column] : nil }.filter { !$0.isEmpty }
            switch role {
            case .number where !cells.isEmpty && !Self.columnIsNumeric(column, rows): return false
            case .status where !cells.isEmpty && !Self.columnHasLights(column, rows): return false
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
