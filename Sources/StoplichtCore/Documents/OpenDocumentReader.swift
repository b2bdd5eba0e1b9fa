import Foundation

/// Reads an OpenDocument text (ODT) or spreadsheet (ODS) from `content.xml`: headings
/// (`text:h`), lists, and tables with spanned and covered cells.
struct OpenDocumentReader {
    var limits: ImportLimits
    var vocabulary: HeaderVocabulary = .standard

    func read(_ package: inout ZipPackage, spreadsheet: Bool) throws(ReportFileError) -> ReportDocument {
        guard let content = try package.part("content.xml") else {
            throw ReportFileError("Dit ZIP-bestand is geen OpenDocument-bestand: het onderdeel content.xml ontbreekt.")
        }
        var builder = Builder(limits: limits, vocabulary: vocabulary, spreadsheet: spreadsheet)
        try XMLPullParser.read(content, part: "content.xml") { event in try builder.handle(event) }
        return builder.document
    }

    private struct Builder {
        let limits: ImportLimits
        let vocabulary: HeaderVocabulary
        let spreadsheet: Bool
        var document = ReportDocument()

        // Automatic cell styles with a fill: style name → colour.
        var fills: [String: String] = [:]
        var styleName: String?
        var titleStyles: Set<String> = ["Title"]

        var text = ""
        var paragraphDepth = 0
        var headingLevel: Int?
        var paragraphStyle: String?
        var listDepth = 0
        var paragraphCount = 0
        var rowCount = 0
        var budget: CellBudget

        var tables: [TableState] = []
        var tableCount = 0

        init(limits: ImportLimits, vocabulary: HeaderVocabulary, spreadsheet: Bool) {
            self.limits = limits
            self.vocabulary = vocabulary
            self.spreadsheet = spreadsheet
            budget = CellBudget(limits)
        }

        struct TableState {
            var number: Int
            var name: String
            var rows: [DocumentRow] = []
            var headerRows = 0
            var inHeader = false
            var row: [DocumentCell] = []
            /// Empty cells after the last cell made in this row: made only when a cell with
            /// something in it follows, so empty cells repeated to the sheet's edge cost nothing.
            var emptyCells = 0
            var rowRepeat = 1
            var cell = DocumentCell()
            var cellRepeat = 1
            var columnSpan = 1
            var rowSpan = 1
            var covered = false
            var fill: String?
            /// A date cell holds its value; the text it displays would repeat it.
            var hasValue = false
            /// Per column, the cell spanning down into later rows and how many rows remain.
            var spans: [Int: (cell: DocumentCell, rows: Int)] = [:]
        }

        mutating func handle(_ event: XMLPullParser.Event) throws {
            switch event {
            case .start(let name, let attributes):
                func attribute(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
                switch name {
                case "style":
                    styleName = attribute("name")
                    if let parent = attribute("parent-style-name"), titleStyles.contains(parent), let n = styleName {
                        titleStyles.insert(n)
                    }
                case "table-cell-properties":
                    if let n = styleName, let colour = attribute("background-color"), colour != "transparent" {
                        fills[n] = colour
                    }
                case "p", "h":
                    paragraphDepth += 1
                    if paragraphDepth == 1 {
                        text = ""
                        paragraphStyle = attribute("style-name")
                        headingLevel = name == "h" ? (attribute("outline-level").flatMap(Int.init) ?? 1) : nil
                    } else {
                        text += " "
                    }
                case "s":
                    text += String(repeating: " ", count: min(attribute("c").flatMap(Int.init) ?? 1, 8))
                case "tab":
                    text += " "
                case "line-break":
                    text += "\n"
                case "list":
                    listDepth += 1
                case "note", "annotation":
                    text += " "
                case "table":
                    tableCount += 1
                    tables.append(TableState(number: tableCount, name: attribute("name") ?? "Tabel\(tableCount)"))
                case "table-header-rows" where !tables.isEmpty:
                    tables[tables.count - 1].inHeader = true
                case "table-row" where !tables.isEmpty:
                    tables[tables.count - 1].row = []
                    tables[tables.count - 1].emptyCells = 0
                    tables[tables.count - 1].rowRepeat = max(
                        1, min(attribute("number-rows-repeated").flatMap(Int.init) ?? 1, 1 << 32))
                case "table-cell", "covered-table-cell":
                    guard !tables.isEmpty else { break }
                    var t = tables.removeLast()
                    t.cell = DocumentCell()
                    t.covered = name == "covered-table-cell"
                    t.cellRepeat = max(1, min(attribute("number-columns-repeated").flatMap(Int.init) ?? 1, 1 << 32))
                    t.columnSpan = max(1, min(attribute("number-columns-spanned").flatMap(Int.init) ?? 1, 64))
                    t.rowSpan = max(1, min(attribute("number-rows-spanned").flatMap(Int.init) ?? 1, 1 << 32))
                    t.fill = attribute("style-name").flatMap { fills[$0] }
                    t.hasValue = false
                    if let date = attribute("date-value") {
                        t.cell.paragraphs = [(SpreadsheetDates.dutch(isoDate: date), .paragraph)]
                        t.hasValue = true
                    }
                    tables.append(t)
                default: break
                }
            case .text(let string):
                if paragraphDepth > 0 {
                    text += string
                    if text.count > limits.cellCharacters { throw tooLong() }
                }
            case .end(let name):
                switch name {
                case "style": styleName = nil
                case "p", "h":
                    paragraphDepth -= 1
                    if paragraphDepth == 0 { finishParagraph() }
                case "list": listDepth -= 1
                case "table-header-rows" where !tables.isEmpty:
                    tables[tables.count - 1].inHeader = false
                case "table-cell", "covered-table-cell":
                    if !tables.isEmpty { try finishCell() }
                case "table-row" where !tables.isEmpty:
                    try finishRow()
                case "table" where !tables.isEmpty:
                    finishTable()
                default: break
                }
            }
        }

        func tooLong() -> ReportFileError {
            let place =
                tables.last.map { "\(placeName($0)), rij \($0.rows.count + 1)" } ?? "alinea \(paragraphCount + 1)"
            return limits.cellTooLong(at: place)
        }

        func placeName(_ table: TableState) -> String {
            Self.placeName(table, spreadsheet: spreadsheet)
        }

        static func placeName(_ table: TableState, spreadsheet: Bool) -> String {
            spreadsheet ? "blad ‘\(table.name)’" : "tabel \(table.number)"
        }

        mutating func finishParagraph() {
            let parts = text.split(separator: "\n").map { TextCleaning.clean($0) }.filter { !$0.isEmpty }
            text = ""
            guard !parts.isEmpty else { return }
            let isList = listDepth > 0
            if !tables.isEmpty {
                let index = tables.count - 1
                if tables[index].hasValue { return }
                for part in parts { tables[index].cell.paragraphs.append((part, isList ? .bullet : .paragraph)) }
                return
            }
            paragraphCount += 1
            let level = headingLevel ?? (paragraphStyle.map { titleStyles.contains($0) } == true ? 1 : nil)
            for part in parts {
                document.blocks.append(
                    .paragraph(
                        DocumentParagraph(
                            text: part, headingLevel: level, isListItem: isList && level == nil,
                            place: "alinea \(paragraphCount)")))
            }
        }

        mutating func finishCell() throws(ReportFileError) {
            var t = tables.removeLast()
            defer { tables.append(t) }
            var cell = t.cell
            if cell.paragraphs.isEmpty, let fill = t.fill, let word = CellColour.lightWord(hex: fill) {
                cell.paragraphs = [(word, .paragraph)]
            }
            // An empty cell is only counted; it is made if something follows it in the row.
            // (Attributes can say any number: beyond a sheet's 16,384 columns it is all one.)
            if t.covered ? t.spans.isEmpty : cell.paragraphs.isEmpty && t.rowSpan == 1 {
                t.emptyCells = min(t.emptyCells, 1 << 40) + min(t.cellRepeat, 1 << 32)
                return
            }
            // Attributes can say any number: bounded before anything is added to it.
            let repeats = min(t.cellRepeat, t.covered ? 1 << 32 : 1024)
            let spreadsheet = spreadsheet
            try budget.spend(
                t.emptyCells + repeats, at: "\(Self.placeName(t, spreadsheet: spreadsheet)), rij \(t.rows.count + 1)")
            t.row += repeatElement(DocumentCell(), count: t.emptyCells)
            t.emptyCells = 0
            for _ in 0..<repeats {
                let column = t.row.count
                if t.covered {
                    if let span = t.spans[column] {
                        var copy = span.cell
                        copy.isMergedCopy = true
                        t.row.append(copy)
                    } else {
                        t.row.append(DocumentCell())  // covered by a cell spanning columns
                    }
                    continue
                }
                t.row.append(cell)
                if t.rowSpan > 1 { t.spans[column] = (cell, t.rowSpan) }
            }
        }

        mutating func finishRow() throws {
            var t = tables.removeLast()
            defer { tables.append(t) }
            t.emptyCells = 0
            while let last = t.row.last, last.paragraphs.isEmpty { t.row.removeLast() }
            // Spans end after their last row.
            for (column, span) in t.spans {
                if span.rows <= 1 { t.spans[column] = nil } else { t.spans[column] = (span.cell, span.rows - 1) }
            }
            let repeats = t.row.isEmpty ? 1 : min(t.rowRepeat, limits.rows)
            // The row's cells are counted as they were made; each repeat makes them again.
            let spreadsheet = spreadsheet
            try budget.spend(
                (repeats - 1) * t.row.count,
                at: "\(Self.placeName(t, spreadsheet: spreadsheet)), rij \(t.rows.count + 1)")
            for _ in 0..<repeats {
                rowCount += 1
                if rowCount > limits.rows {
                    throw limits.tooManyRows()
                }
                t.rows.append(DocumentRow(cells: t.row, place: "\(placeName(t)), rij \(t.rows.count + 1)"))
                if t.inHeader { t.headerRows += 1 }
            }
            t.row = []
        }

        mutating func finishTable() {
            let t = tables.removeLast()
            if tables.isEmpty {
                if spreadsheet {
                    document.blocks += SheetLayout.blocks(sheet: t.name, rows: t.rows, vocabulary: vocabulary)
                } else {
                    document.blocks.append(.table(DocumentTable(rows: t.rows, headerRows: t.headerRows)))
                }
            } else {
                // A table inside a cell: its text joins the cell, row by row.
                tables[tables.count - 1].cell.paragraphs += DocumentTable(rows: t.rows).paragraphsForEnclosingCell
            }
        }
    }
}
