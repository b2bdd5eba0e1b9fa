/// The cells one imported document may make, counted as they are made: a cell repeated,
/// spanned or merged into many counts as many. A few hundred bytes of ODS saying "this row
/// a million times, this cell a thousand times" would otherwise fill the server's memory.
/// Empty cells at the end of a row are never made, so the sheet-wide repeats LibreOffice
/// writes after every sheet's last column and row cost nothing.
struct CellBudget {
    let limit: Int
    private(set) var left: Int

    init(_ limits: ImportLimits) {
        limit = limits.cells
        left = limits.cells
    }

    /// Takes `cells` from the budget before they are made; `place` says where, for the message.
    mutating func spend(_ cells: Int, at place: @autoclosure () -> String) throws(ReportFileError) {
        guard cells <= left else {
            left = 0
            throw ReportFileError(
                "Het bestand maakt bij \(place()) meer dan \(limit) cellen (herhaalde, overspannende en samengevoegde cellen meegeteld); zo groot is geen rapportage. Het bestand is geweigerd."
            )
        }
        left -= cells
    }
}
