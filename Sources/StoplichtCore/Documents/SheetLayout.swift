import Foundation

/// A spreadsheet's rows as report blocks: the rows above the project table's header
/// ("Programma: Dienstverlening", "Periode | juni t/m oktober 2018") become cover lines,
/// the header and the rows below it one table.
enum SheetLayout {
    static func blocks(sheet: String, rows: [DocumentRow], vocabulary: HeaderVocabulary) -> [ReportDocument.Block] {
        let filled = rows.filter { !$0.cells.allSatisfy(\.paragraphs.isEmpty) }
        guard !filled.isEmpty else { return [] }
        let headerIndex = filled.prefix(25).firstIndex {
            ColumnLayout.isHeader($0.cells.map(\.plainText), vocabulary: vocabulary)
        }
        guard let headerIndex else {
            return [.sheet(name: sheet), .table(DocumentTable(rows: filled))]
        }
        var blocks: [ReportDocument.Block] = [.sheet(name: sheet)]
        for row in filled[..<headerIndex] {
            let texts = row.cells.map(\.plainText).filter { !$0.isEmpty }
            var text: String
            if texts.count == 2 {
                var label = texts[0]
                if label.hasSuffix(":") { label.removeLast() }
                text = label + ": " + texts[1]
            } else {
                text = texts.joined(separator: " — ")
            }
            blocks.append(.paragraph(DocumentParagraph(text: text, place: row.place)))
        }
        blocks.append(.table(DocumentTable(rows: Array(filled[headerIndex...]), headerRows: 1)))
        return blocks
    }
}

/// Dates in spreadsheets: Excel's serial day numbers and OpenDocument's ISO values,
/// written the Dutch way ("15-11-2018") for the planning reader.
enum SpreadsheetDates {
    /// Excel's day 0 is 30 December 1899 (its 1900 leap-year bug is absorbed by that).
    static func dutch(serial: Double) -> String? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let origin = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))!
        guard let date = calendar.date(byAdding: .day, value: days, to: origin) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(c.day!)-\(c.month!)-\(c.year!)"
    }

    /// "2018-11-15" or "2018-11-15T00:00:00" → "15-11-2018".
    static func dutch(isoDate: String) -> String {
        let parts = isoDate.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            return isoDate
        }
        return "\(d)-\(m)-\(y)"
    }
}
