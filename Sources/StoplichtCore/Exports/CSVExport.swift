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
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ") else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
