import Foundation

/// An amount as a report writes it: "€ 649 mln.", "1.234.567", "€ 21.750,-", "(12,50)",
/// "-12,5%". Money is kept exactly, in cents; a percentage in hundredths of a percent.
public enum ReportedAmount: Hashable, Sendable, CustomStringConvertible {
    case money(cents: Int64)
    case percentage(hundredths: Int64)

    public init?(parsing raw: String) {
        var text = raw.lowercased().replacingOccurrences(of: "\u{00A0}", with: " ")
        text = TextCleaning.clean(text)
        guard !text.isEmpty, text.count <= 60 else { return nil }
        var negative = false
        if text.hasPrefix("("), text.hasSuffix(")") {
            negative = true
            text = String(text.dropFirst().dropLast())
        }
        text = text.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: "eur", with: "")
        text = text.trimmingCharacters(in: .whitespaces)
        if let first = text.first, first == "-" || first == "−" || first == "–" {
            negative = true
            text.removeFirst()
        }
        let isPercentage = text.hasSuffix("%")
        if isPercentage { text.removeLast() }
        // A multiplier word: "649 mln.", "1,2 miljard", "750k".
        var multiplier: Decimal = 1
        let words: [(String, Decimal)] = [
            ("miljard", 1_000_000_000), ("mld", 1_000_000_000), ("miljoen", 1_000_000), ("mln", 1_000_000),
            ("mio", 1_000_000), ("duizend", 1_000), ("k", 1_000),
        ]
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        for (word, factor) in words where text.hasSuffix(word) {
            multiplier = factor
            text = String(text.dropLast(word.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        for suffix in [",--", ",-", ".-"] where text.hasSuffix(suffix) {  // "€ 21.750,-"
            text.removeLast(suffix.count)
            break
        }
        text = text.replacingOccurrences(of: " ", with: "")
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
            text.first!.isNumber
        else { return nil }
        guard let number = Self.decimal(text) else { return nil }
        var value = number * multiplier
        if negative { value = -value }
        if isPercentage {
            self = .percentage(hundredths: Self.rounded(value * 100))
        } else {
            self = .money(cents: Self.rounded(value * 100))
        }
    }

    /// "1.234.567,89", "1,234,567.89", "12,5", "12.5", "1.234": the last separator is the
    /// decimal one unless it is followed by exactly three digits and repeated or alone.
    static func decimal(_ text: String) -> Decimal? {
        let separators = text.filter { $0 == "." || $0 == "," }
        var integer = text
        var fraction = ""
        if let last = text.lastIndex(where: { $0 == "." || $0 == "," }) {
            let after = text[text.index(after: last)...]
            let kind = text[last]
            let sameKindCount = separators.filter { $0 == kind }.count
            let isThousands = after.count == 3 && (sameKindCount > 1 || separators.count == 1 && kind == ".")
            if !isThousands {
                integer = String(text[..<last])
                fraction = String(after)
            }
        }
        integer = integer.filter(\.isNumber)
        guard !integer.isEmpty || !fraction.isEmpty, fraction.allSatisfy(\.isNumber) else { return nil }
        return Decimal(
            string: (integer.isEmpty ? "0" : integer) + (fraction.isEmpty ? "" : "." + fraction),
            locale: Locale(identifier: "en_US_POSIX"))
    }

    static func rounded(_ value: Decimal) -> Int64 {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .bankers)
        return NSDecimalNumber(decimal: result).int64Value
    }

    /// "€ 21.750,00", "-12,5%": Dutch notation.
    public var description: String {
        switch self {
        case .money(let cents):
            let sign = cents < 0 ? "-" : ""
            let absolute = cents.magnitude
            return "\(sign)€ \(Self.grouped(absolute / 100)),\(String(format: "%02d", Int(absolute % 100)))"
        case .percentage(let hundredths):
            let sign = hundredths < 0 ? "-" : ""
            let absolute = hundredths.magnitude
            let fraction = absolute % 100
            let decimals =
                fraction == 0
                ? "" : fraction % 10 == 0 ? ",\(fraction / 10)" : "," + String(format: "%02d", Int(fraction))
            return "\(sign)\(absolute / 100)\(decimals)%"
        }
    }

    /// "1.234.567": a whole number with the Dutch thousands point.
    public static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(d)
        }
        return out
    }
}
