/// A spreadsheet's row numbers as a file gives them: the `r` of a `<row>` and the digits of a
/// cell reference ("B12"). A sheet has at most 1,048,576 rows; any other number (negative,
/// zero, beyond the sheet, beyond what an Int holds) is no row, so arithmetic on row numbers
/// can never overflow, whatever a hostile file says.
public enum SpreadsheetRow {
    public static let last = 1_048_576

    /// The row a number names, or nil.
    public static func number<S: StringProtocol>(_ text: S) -> Int? {
        guard let value = Int(text), value >= 1, value <= last else { return nil }
        return value
    }

    /// The row a `<row r="…">` starts: its `r`, or the one after `previous`.
    public static func next(_ r: String?, after previous: Int) -> Int {
        r.flatMap(number) ?? min(previous + 1, last)
    }
}
