import Foundation

/// What a table column's cells hold, counted over its first cells: the evidence by which
/// the cells decide a column's role, before and above what its header says.
struct ColumnContent: Equatable {
    /// What most of the cells are.
    enum Kind: String, Equatable {
        case empty
        /// Light words, phrases, letters or symbols ("Groen", "On Track", "Ⓖ", "G").
        case lights
        case dates
        case amounts
        /// Whole numbers, as a number column holds.
        case numbers
        /// People: "Jan de Vries", "A. Bakker/ P. Smit".
        case persons
        /// Short texts that differ per row: names of projects, divisions, places.
        case names
        /// Sentences: remarks.
        case longText
        case mixed
    }

    /// Cells looked at per column: enough to know a column, and a bound on the work a
    /// table of a million rows can cause.
    static let sample = 200

    var filled = 0
    var lights = 0
    /// Cells that deliberately hold no light ("n.v.t.", "NA", "-"): they fit a light column.
    var noLight = 0
    var dates = 0
    var amounts = 0
    var numbers = 0
    var persons = 0
    var longTexts = 0
    var shortTexts = 0
    var distinct = 0
    var averageLength = 0

    init(column: Int, rows: [[String]], reading: LightReading) {
        var seen = Set<String>()
        var totalLength = 0
        // Its first cells, among at most ten times as many rows (a column mostly empty).
        for row in rows.prefix(Self.sample * 10) where column < row.count {
            let text = MergedCell.strip(row[column]).text
            if text.isEmpty { continue }
            filled += 1
            totalLength += min(text.count, 1_000)
            if seen.count < Self.sample { seen.insert(text) }
            switch Self.classify(text, reading: reading) {
            case .light: lights += 1
            case .noLight: noLight += 1
            case .date: dates += 1
            case .amount: amounts += 1
            case .number: numbers += 1
            case .person:
                persons += 1
                shortTexts += 1
            case .shortText: shortTexts += 1
            case .longText: longTexts += 1
            }
            if filled >= Self.sample { break }
        }
        distinct = seen.count
        averageLength = filled == 0 ? 0 : totalLength / filled
    }

    /// The column's kind: the share a kind needs is high, so one odd cell does not turn a
    /// column, and a light column's unknown words are reported rather than lost.
    var kind: Kind {
        guard filled > 0 else { return .empty }
        func most(_ count: Int, _ share: Int = 70) -> Bool { count * 100 >= filled * share }
        if lights > 0, most(lights + noLight) { return .lights }
        if most(numbers, 80) { return .numbers }
        if most(dates + noLight / 2) && dates > 0 { return .dates }
        if most(amounts + numbers) && amounts > 0 { return .amounts }
        if most(longTexts, 50) { return .longText }
        if persons > 0, most(persons, 60) { return .persons }
        if most(shortTexts + persons + longTexts) { return shortTexts >= longTexts ? .names : .longText }
        return .mixed
    }

    /// Whether nearly every cell differs, as names of projects do.
    var mostlyDistinct: Bool { filled > 0 && distinct * 10 >= min(filled, Self.sample) * 8 }

    /// The share of cells that are people's names, in percent.
    var personShare: Int { filled == 0 ? 0 : persons * 100 / filled }

    /// The evidence in Dutch, for the explanation of the reading: "12 van 12 cellen zijn stoplichten".
    var evidence: String {
        let counts: [(Int, String)] = [
            (lights, "stoplichten"), (noLight, "zonder licht (n.v.t.)"), (dates, "datums"), (amounts, "bedragen"),
            (numbers, "getallen"), (persons, "namen van personen"), (shortTexts - persons, "korte teksten"),
            (longTexts, "lange teksten"),
        ]
        let parts = counts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return filled == 0 ? "geen gevulde cellen" : "\(filled) cellen: " + parts.joined(separator: ", ")
    }

    enum CellKind { case light, noLight, date, amount, number, person, shortText, longText }

    static func classify(_ text: String, reading: LightReading) -> CellKind {
        switch reading.read(text) {
        case .tone, .between, .finished, .code, .ambiguous, .allLampsOff: return .light
        case .notRated: return .noLight
        case .empty, .unknown: break
        }
        if text.utf8.count <= 12, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return .number }
        if PlanDate(parsing: text) != nil { return .date }
        if isAmount(text) { return .amount }
        if isPerson(text) { return .person }
        return text.count > 60 || text.split(separator: " ").count > 8 ? .longText : .shortText
    }

    /// "€ 1.250.000", "$104,344,510", "3,838", "51%", "(12,50)", "-".
    static func isAmount(_ text: String) -> Bool {
        guard text.utf8.count <= 40 else { return false }
        var plain = text
        for symbol in ["$", "£", "€", "¥"] { plain = plain.replacingOccurrences(of: symbol, with: "") }
        return ReportedAmount(parsing: plain) != nil
    }

    /// Words that join the parts of a Dutch or English surname.
    static let nameParticles: Set<String> = [
        "van", "de", "der", "den", "het", "ter", "te", "ten", "in", "'t", "’t", "op", "la", "le", "du",
        "da", "di", "von", "zu", "el", "al", "bin", "mc",
    ]

    /// A person or a few people: two to four capitalised words (initials allowed) joined by
    /// name particles, possibly several separated by "/" or ",". Never a light, date or amount
    /// (those are classified before this).
    static func isPerson(_ text: String) -> Bool {
        guard text.count <= 120, !text.contains(where: { $0.isNumber }) else { return false }
        let people = text.split(whereSeparator: { $0 == "/" || $0 == ";" || $0 == "," })
        guard !people.isEmpty, people.count <= 4 else { return false }
        for person in people {
            let words = person.split(separator: " ").filter { !$0.isEmpty }
            var capitalised = 0
            for word in words {
                let lower = word.lowercased()
                if nameParticles.contains(lower) { continue }
                guard let first = word.first, first.isUppercase, word.allSatisfy({ $0.isLetter || "-.'’".contains($0) })
                else { return false }
                capitalised += 1
            }
            // A single word is a first name or a surname only with an initial: "J. Jansen".
            guard (2...4).contains(capitalised) || capitalised == 1 && words.count >= 2 else {
                if people.count > 1, capitalised == 1 { continue }  // "Jan / Piet": first names
                return false
            }
        }
        return true
    }
}
