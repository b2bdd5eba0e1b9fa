import Foundation

/// The annex table as CSV the way Dutch Excel opens it: UTF-8 with a byte order mark,
/// semicolons, CRLF line ends, fields with a separator, quote or line break in quotes.
/// One row per project under one header row; the import reads it back.
public enum CSVExport {
    public static func data(_ report: ReportExport) -> Data {
        var lines = [line(report.tableHeaders)]
        for row in report.rows { lines.append(line(report.cells(row))) }
        return Data([0xEF, 0xBB, 0xBF]) + Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ";")
    }

    static func field(_ text: String) -> String {
        let text = CSVFormulaGuard.guarded(text.replacingOccurrences(of: "\r\n", with: "\n"))
        guard
            text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ")
                || text.hasSuffix(" ")
        else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
/// Excel and LibreOffice ("=HYPERLINK(…)" in a remark would run when the file is opened):
/// the export puts an apostrophe before it, which the spreadsheet shows as text, and the
/// import takes that apostrophe off again, so export and import give back the same text.
public enum CSVFormulaGuard {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func guarded(_ text: String) -> String {
        guard let first = text.first, formulaStarts.contains(first) || isGuarded(text) else { return text }
        return "'" + text
    }

    public static func unguarded(_ text: String) -> String {
        isGuarded(text) ? String(text.dropFirst()) : text
    }

    /// An apostrophe before a formula start (or before another such apostrophe, so that a
    /// text that itself starts with "'=" comes back as it was).
    private static func isGuarded(_ text: String) -> Bool {
        var rest = Substring(text)
        guard rest.first == "'" else { return false }
        while rest.first == "'" { rest = rest.dropFirst() }
        return rest.first.map { formulaStarts.contains($0) } ?? false
    }
}
