import Foundation

/// The report's own codes in front of names in a table without a number column: "1 N381
/// Drachten-Drentse grens", "2 Spoorwegen", "2a Capaciteitsvergroting …". A code whose
/// sub-codes follow (2 → 2a, 2b) names a group, not a project.
struct RowCodes {
    /// The code and name of each row that has one, by the row's index in the table.
    private var byRow: [Int: (code: String, name: String)] = [:]
    private var groups: Set<String> = []

    init(rows: [[String]], nameColumn: Int?, hasNumbers: Bool) {
        guard let nameColumn, !hasNumbers else { return }
        var found: [Int: (String, String)] = [:]
        var filled = 0
        for (index, row) in rows.enumerated() where nameColumn < row.count && !row[nameColumn].isEmpty {
            filled += 1
            if let split = Self.split(MergedCell.strip(row[nameColumn]).text) { found[index] = split }
        }
        // Codes only where most names carry one; one name starting with a year is no code.
        guard found.count >= 2, found.count * 10 >= filled * 6 else { return }
        let all = Set(found.values.map(\.0))
        let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        for code in all where Int(code) != nil && letters.contains(where: { all.contains(code + $0) }) {
            groups.insert(code)
        }
        byRow = found
    }

    func code(at row: Int) -> String? { byRow[row]?.code }
    func name(at row: Int) -> String? { byRow[row]?.name }
    func isGroup(at row: Int) -> Bool { byRow[row].map { groups.contains($0.code) } ?? false }

    /// "2a Capaciteitsvergroting" → ("2a", "Capaciteitsvergroting"); a code is one to four
    /// digits, perhaps one letter, then the name. "2020 Cash Flow" is no code (a year).
    static func split(_ text: String) -> (String, String)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), digits.first != "0" else { return nil }
        var rest = text.dropFirst(digits.count)
        var code = String(digits)
        if let letter = rest.first, letter.isLowercase, letter.isASCII, rest.dropFirst().first == " " {
            code.append(letter)
            rest = rest.dropFirst()
        }
        if rest.first == "." { rest = rest.dropFirst() }
        guard rest.first == " " else { return nil }
        let name = TextCleaning.clean(rest)
        guard let first = name.first, first.isLetter else { return nil }
        return (code, name)
    }
}

/// Whether a table's first row, where no header was marked, is its header by content:
/// short words over columns whose cells are of another kind (numbers, dates, people,
/// lights, sentences).
enum TableHeaderGuess {
    static func isHeader(_ first: [String], below: [[String]], reading: LightReading) -> Bool {
        guard below.count >= 1, first.count >= 2 else { return false }
        let filled = first.filter { !$0.isEmpty }
        guard filled.count * 10 >= first.count * 6 else { return false }
        for cell in filled {
            guard cell.count <= 40, !TextCleaning.endsSentence(cell) || cell.hasSuffix(":") else { return false }
            switch ColumnContent.classify(cell, reading: reading) {
            case .shortText, .person: continue
            default: return false
            }
        }
        // Some column below holds something other than short words.
        for column in first.indices {
            switch ColumnContent(column: column, rows: below, reading: reading).kind {
            case .numbers, .dates, .amounts, .persons, .lights, .longText: return true
            default: continue
            }
        }
        return false
    }
}
