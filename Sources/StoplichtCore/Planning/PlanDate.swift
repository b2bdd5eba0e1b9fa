import Foundation

/// A date at the precision people plan with: a day, a month, a quarter, a half year or a
/// year. "Q4 2018" is not the 1st of October, so it is never stored as one.
public struct PlanDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable {
        case day, month, quarter, half, year
    }

    public var year: Int
    public var precision: Precision
    /// Month (1–12) for day and month precision, quarter (1–4), half (1–2); 0 for a year.
    public var part: Int
    /// Day of the month for day precision.
    public var day: Int

    public init(year: Int, precision: Precision, part: Int = 0, day: Int = 0) {
        self.year = year
        self.precision = precision
        self.part = part
        self.day = day
    }

    public static func day(_ year: Int, _ month: Int, _ day: Int) -> PlanDate {
        PlanDate(year: year, precision: .day, part: month, day: day)
    }
    public static func month(_ year: Int, _ month: Int) -> PlanDate {
        PlanDate(year: year, precision: .month, part: month)
    }
    public static func quarter(_ year: Int, _ quarter: Int) -> PlanDate {
        PlanDate(year: year, precision: .quarter, part: quarter)
    }
    public static func half(_ year: Int, _ half: Int) -> PlanDate { PlanDate(year: year, precision: .half, part: half) }
    public static func year(_ year: Int) -> PlanDate { PlanDate(year: year, precision: .year) }

    /// The last month the date covers: "Q4 2018" is due by the end of December.
    public var lastMonth: Int {
        switch precision {
        case .day, .month: part
        case .quarter: part * 3
        case .half: part * 6
        case .year: 12
        }
    }

    public static func < (a: PlanDate, b: PlanDate) -> Bool {
        (a.year, a.lastMonth, a.day) < (b.year, b.lastMonth, b.day)
    }

    // MARK: Storage form: "2018", "2018-H2", "2018-Q4", "2018-11", "2018-11-05"

    public var storageValue: String {
        switch precision {
        case .year: String(format: "%04d", year)
        case .half: String(format: "%04d-H%d", year, part)
        case .quarter: String(format: "%04d-Q%d", year, part)
        case .month: String(format: "%04d-%02d", year, part)
        case .day: String(format: "%04d-%02d-%02d", year, part, day)
        }
    }

    public init?(storageValue: String) {
        let parts = storageValue.split(separator: "-")
        guard let first = parts.first, let year = Int(first), first.count == 4 else { return nil }
        switch parts.count {
        case 1: self = .year(year)
        case 2:
            let p = parts[1]
            if p.hasPrefix("H"), let h = Int(p.dropFirst()), (1...2).contains(h) {
                self = .half(year, h)
            } else if p.hasPrefix("Q"), let q = Int(p.dropFirst()), (1...4).contains(q) {
                self = .quarter(year, q)
            } else if let m = Int(p), (1...12).contains(m) {
                self = .month(year, m)
            } else {
                return nil
            }
        case 3:
            guard let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d) else {
                return nil
            }
            self = .day(year, m, d)
        default: return nil
        }
    }

    /// A cell holding only a short month and year, as spreadsheets write it: "Dec-20",
    /// "Sep-2018", "mrt 21", "Jun-2020". Two-digit years are of this century.
    static func shortMonth(_ text: String) -> PlanDate? {
        guard text.count <= 12 else { return nil }
        let parts = text.lowercased().split(whereSeparator: { $0 == "-" || $0 == " " || $0 == "/" || $0 == "." })
        guard parts.count == 2, parts[1].count == 2 || parts[1].count == 4, let year = Int(parts[1]) else { return nil }
        let abbreviations = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
        let english = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let word = String(parts[0].prefix(3))
        guard parts[0].count >= 3, parts[0].allSatisfy(\.isLetter),
            let month = abbreviations.firstIndex(of: word) ?? english.firstIndex(of: word)
        else { return nil }
        // "sept", "june", "march": a full or longer name must still start as the month's name.
        let names =
            monthNames + [
                "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december",
            ]
        guard parts[0].count == 3 || names.contains(where: { $0.hasPrefix(parts[0]) }) else { return nil }
        return .month(year < 100 ? 2000 + year : year, month + 1)
    }

    // MARK: Dutch

    public static let monthNames = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli",
        "augustus", "september", "oktober", "november", "december",
    ]

    /// "Q4 2018", "november 2018", "2e helft 2018", "5 november 2018", "2018".
    public var description: String {
        switch precision {
        case .year: "\(year)"
        case .half: "\(part)e helft \(year)"
        case .quarter: "Q\(part) \(year)"
        case .month: "\(Self.monthNames[part - 1]) \(year)"
        case .day: "\(day) \(Self.monthNames[part - 1]) \(year)"
        }
    }

    /// Every plan date written in a text, in order: "Q4 2018", "4e kwartaal 2018",
    /// "november 2018", "2e helft 2018", "1-1-2019", "eind 2018" is not a date.
    private static let datePattern: NSRegularExpression = {
        let months = monthNames.joined(separator: "|")
        let pattern =
            #"(?i)\b(?:Q([1-4])\s*(\d{4})|([1-4])e\s+kwartaal\s+(\d{4})|([12])e\s+helft\s+(\d{4})|(\d{1,2})-(\d{1,2})-(\d{4})|(?:(\d{1,2})\s+)?("#
            + months + #")\s+(\d{4}))\b"#
        return try! NSRegularExpression(pattern: pattern)
    }()

    public static func all(in text: String) -> [(range: Range<String.Index>, date: PlanDate)] {
        let regex = datePattern
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            func group(_ i: Int) -> String? {
                let r = m.range(at: i)
                return r.location == NSNotFound ? nil : ns.substring(with: r)
            }
            let date: PlanDate?
            if let q = group(1).flatMap(Int.init), let y = group(2).flatMap(Int.init) {
                date = .quarter(y, q)
            } else if let q = group(3).flatMap(Int.init), let y = group(4).flatMap(Int.init) {
                date = .quarter(y, q)
            } else if let h = group(5).flatMap(Int.init), let y = group(6).flatMap(Int.init) {
                date = .half(y, h)
            } else if let d = group(7).flatMap(Int.init), let mo = group(8).flatMap(Int.init),
                let y = group(9).flatMap(Int.init),
                (1...12).contains(mo), (1...31).contains(d)
            {
                date = .day(y, mo, d)
            } else if let name = group(11)?.lowercased(), let y = group(12).flatMap(Int.init),
                let mo = monthNames.firstIndex(of: name)
            {
                date = group(10).flatMap(Int.init).map { .day(y, mo + 1, $0) } ?? .month(y, mo + 1)
            } else {
                date = nil
            }
            guard let date, let range = Range(m.range, in: text) else { return nil }
            return (range, date)
        }
    }

    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let only = Self.all(in: trimmed).first, trimmed[only.range].count == trimmed.count {
            self = only.date
        } else if trimmed.count == 4, let y = Int(trimmed) {
            self = .year(y)
        } else if let month = Self.shortMonth(trimmed) {
            self = month
        } else {
            return nil
        }
    }
}

/// A reporting period's first and last day, read from its name: "juni t/m oktober 2018".
public struct PeriodSpan: Sendable, Equatable {
    public var start: PlanDate
    public var end: PlanDate

    public init?(name: String) {
        let months = PlanDate.monthNames.joined(separator: "|")
        let pattern =
            #"(?i)\b("# + months + #")(?:\s+(\d{4}))?\s*(?:t/m|tot en met|-|–|tot)\s*("# + months + #")\s+(\d{4})\b"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let m = regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name))
        else { return nil }
        let ns = name as NSString
        func group(_ i: Int) -> String? {
            let r = m.range(at: i)
            return r.location == NSNotFound ? nil : ns.substring(with: r).lowercased()
        }
        guard let firstName = group(1), let lastName = group(3), let endYear = group(4).flatMap(Int.init),
            let first = PlanDate.monthNames.firstIndex(of: firstName),
            let last = PlanDate.monthNames.firstIndex(of: lastName)
        else { return nil }
        let startYear = group(2).flatMap(Int.init) ?? (first <= last ? endYear : endYear - 1)
        let lastDay =
            Calendar(identifier: .gregorian)
            .range(
                of: .day, in: .month,
                for: DateComponents(calendar: Calendar(identifier: .gregorian), year: endYear, month: last + 1, day: 1)
                    .date!)?.count ?? 28
        start = .day(startYear, first + 1, 1)
        end = .day(endYear, last + 1, lastDay)
    }
}
