import Foundation

/// Reads a Word file (DOCX): headings by their style, list paragraphs, and tables with
/// merged cells (`gridSpan`, `vMerge`), from `word/document.xml`.
struct WordDocumentReader {
    var limits: ImportLimits

    func read(_ package: inout ZipPackage) throws(ReportFileError) -> ReportDocument {
        guard let body = try package.part("word/document.xml") else {
            throw ReportFileError("Dit ZIP-bestand is geen Word-document: het onderdeel word/document.xml ontbreekt.")
        }
        let styles =
            try package.part("word/styles.xml").map { data throws(ReportFileError) in
                try Self.paragraphStyles(data)
            } ?? ParagraphStyles()
        var builder = Builder(
            headingStyles: styles.headings, listStyles: styles.lists, limits: limits, budget: CellBudget(limits))
        try XMLPullParser.read(body, part: "word/document.xml") { event in try builder.handle(event) }
        return builder.document
    }

    struct ParagraphStyles {
        /// Style id → heading level.
        var headings: [String: Int] = [:]
        /// Style ids of list paragraphs ("List Bullet", "Lijstalinea", or with numbering).
        var lists: Set<String> = []
    }

    /// Heading levels and list styles, from the style names ("heading 1", "Kop 2",
    /// "Title", "List Bullet") and the numbering styles carry.
    static func paragraphStyles(_ data: Data) throws(ReportFileError) -> ParagraphStyles {
        var styles = ParagraphStyles()
        var levels: [String: Int] = [:]
        var styleID: String?
        try XMLPullParser.read(data, part: "word/styles.xml") { event in
            switch event {
            case .start("style", let attributes):
                styleID = attributes.first { $0.name == "styleId" }?.value
            case .start("numPr", _):
                if let id = styleID { styles.lists.insert(id) }
            case .start("name", let attributes):
                guard let id = styleID, let name = attributes.first(where: { $0.name == "val" })?.value else { return }
                if let level = headingLevel(styleName: name) { levels[id] = level }
                let lower = name.lowercased()
                if lower.hasPrefix("list bullet") || lower.hasPrefix("list number") || lower.hasPrefix("opsomming")
                    || lower.hasPrefix("lijst")
                {
                    styles.lists.insert(id)
                }
            case .start("outlineLvl", let attributes):
                if let id = styleID, levels[id] == nil,
                    let v = attributes.first(where: { $0.name == "val" }).flatMap({ Int($0.value) }), v < 9
                {
                    levels[id] = v + 1
                }
            case .end("style"):
                styleID = nil
            default: break
            }
        }
        styles.headings = levels
        styles.lists.subtract(levels.keys)
        return styles
    }

    static func headingLevel(styleName: String) -> Int? {
        let name = styleName.lowercased()
        if name == "title" || name == "titel" { return 1 }
        for prefix in ["heading ", "kop "] where name.hasPrefix(prefix) {
            if let level = Int(name.dropFirst(prefix.count)), (1...9).contains(level) { return level }
        }
        return nil
    }

    /// Wingdings and Symbol characters used as lamps and marks in lights columns.
    static let symbolCharacters: [UInt32: String] = [
        0xF06C: "●", 0xF0A1: "○", 0xF09F: "●", 0xF06D: "○", 0xF0FC: "✓", 0xF0FB: "✗", 0xF0FD: "✗", 0xF0FE: "✓",
        0xF0B7: "•",
    ]

    private struct Builder {
        let headingStyles: [String: Int]
        let listStyles: Set<String>
        let limits: ImportLimits
        var document = ReportDocument()

        // The paragraph being read.
        var text = ""
        var inParagraph = 0
        var paragraphStyle: String?
        var paragraphIsList = false
        var paragraphOutline: Int?
        var inText = false
        var inDeleted = 0
        var paragraphCount = 0

        // Tables, innermost last; a table inside a cell is read into that cell's text.
        var tables: [TableState] = []
        var tableCount = 0
        var rowCount = 0
        var budget: CellBudget

        struct TableState {
            var number: Int
            var rows: [DocumentRow] = []
            var headerRows = 0
            var row: [DocumentCell] = []
            var rowIsHeader = false
            var cell = DocumentCell()
            var span = 1
            var vMerge: String?  // "restart", "continue" or nil
            var fill: String?
            /// Per grid column, the cell a vertical merge started with.
            var mergeOrigins: [Int: DocumentCell] = [:]
        }

        mutating func handle(_ event: XMLPullParser.Event) throws {
            switch event {
            case .start(let name, let attributes):
                switch name {
                case "p":
                    inParagraph += 1
                    if inParagraph == 1 {
                        text = ""
                        paragraphStyle = nil
                        paragraphIsList = false
                        paragraphOutline = nil
                    } else {
                        text += " "
                    }
                case "pStyle" where inParagraph == 1:
                    paragraphStyle = value(attributes)
                case "numPr" where inParagraph == 1:
                    paragraphIsList = true
                case "outlineLvl" where inParagraph == 1:
                    paragraphOutline = value(attributes).flatMap(Int.init)
                case "t", "delText", "instrText":
                    inText = name == "t" && inDeleted == 0
                case "del":
                    inDeleted += 1
                case "tab" where inParagraph > 0:
                    text += " "
                case "br", "cr":
                    if inParagraph > 0, attributes.first(where: { $0.name == "type" })?.value != "page" { text += "\n" }
                case "noBreakHyphen":
                    text += "-"
                case "sym":
                    if let code = attributes.first(where: { $0.name == "char" }).flatMap({ UInt32($0.value, radix: 16) }
                    ) {
                        let normalised = code < 0xF000 ? code + 0xF000 : code
                        text += WordDocumentReader.symbolCharacters[normalised] ?? ""
                    }
                case "tbl":
                    tableCount += 1
                    tables.append(TableState(number: tableCount))
                case "tr" where !tables.isEmpty:
                    tables[tables.count - 1].row = []
                    tables[tables.count - 1].rowIsHeader = false
                case "tblHeader" where !tables.isEmpty:
                    if value(attributes) != "0" && value(attributes) != "false" {
                        tables[tables.count - 1].rowIsHeader = true
                    }
                case "tc" where !tables.isEmpty:
                    tables[tables.count - 1].cell = DocumentCell()
                    tables[tables.count - 1].span = 1
                    tables[tables.count - 1].vMerge = nil
                    tables[tables.count - 1].fill = nil
                case "gridSpan" where !tables.isEmpty:
                    tables[tables.count - 1].span = max(1, min(value(attributes).flatMap(Int.init) ?? 1, 64))
                case "vMerge" where !tables.isEmpty:
                    tables[tables.count - 1].vMerge = value(attributes) == "restart" ? "restart" : "continue"
                case "shd" where !tables.isEmpty && inParagraph == 0:
                    tables[tables.count - 1].fill = attributes.first { $0.name == "fill" }?.value
                default: break
                }
            case .text(let string):
                if inText {
                    text += string
                    if text.count > limits.cellCharacters { throw tooLong() }
                }
            case .end(let name):
                switch name {
                case "t", "delText", "instrText": inText = false
                case "del": inDeleted -= 1
                case "p":
                    inParagraph -= 1
                    if inParagraph == 0 { finishParagraph() }
                case "tc" where !tables.isEmpty:
                    try finishCell()
                case "tr" where !tables.isEmpty:
                    try finishRow()
                case "tbl" where !tables.isEmpty:
                    finishTable()
                default: break
                }
            }
        }

        func value(_ attributes: [(name: Substring, value: String)]) -> String? {
            attributes.first { $0.name == "val" }?.value
        }

        func tooLong() -> ReportFileError {
            let place =
                tables.last.map { "tabel \($0.number), rij \($0.rows.count + 1)" } ?? "alinea \(paragraphCount + 1)"
            return limits.cellTooLong(at: place)
        }

        mutating func finishParagraph() {
            let parts = text.split(separator: "\n").map { TextCleaning.clean($0) }.filter { !$0.isEmpty }
            text = ""
            guard !parts.isEmpty else { return }
            if let style = paragraphStyle, listStyles.contains(style) { paragraphIsList = true }
            if !tables.isEmpty {
                let kind: DocumentCell.Kind = paragraphIsList ? .bullet : .paragraph
                for part in parts { tables[tables.count - 1].cell.paragraphs.append((part, kind)) }
                return
            }
            paragraphCount += 1
            let level = paragraphStyle.flatMap { headingStyles[$0] } ?? paragraphOutline.map { $0 + 1 }
            for part in parts {
                document.blocks.append(
                    .paragraph(
                        DocumentParagraph(
                            text: part, headingLevel: level, isListItem: paragraphIsList && level == nil,
                            place: "alinea \(paragraphCount)")))
            }
        }

        mutating func finishCell() throws(ReportFileError) {
            // A cell spanning grid columns makes an empty cell for each further column.
            try budget.spend(
                tables[tables.count - 1].span,
                at: "tabel \(tables[tables.count - 1].number), rij \(tables[tables.count - 1].rows.count + 1)")
            var table = tables.removeLast()
            let column = table.row.count
            var cell = table.cell
            if cell.paragraphs.isEmpty, let fill = table.fill, let word = CellColour.lightWord(hex: fill) {
                cell.paragraphs = [(word, .paragraph)]
            }
            switch table.vMerge {
            case "restart":
                table.mergeOrigins[column] = cell
            case "continue":
                if var origin = table.mergeOrigins[column] {
                    origin.isMergedCopy = true
                    cell = origin
                }
            default:
                table.mergeOrigins[column] = nil
            }
            table.row.append(cell)
            for _ in 1..<table.span { table.row.append(DocumentCell()) }
            tables.append(table)
        }

        mutating func finishRow() throws {
            rowCount += 1
            if rowCount > limits.rows {
                throw limits.tooManyRows()
            }
            let index = tables.count - 1
            let place = "tabel \(tables[index].number), rij \(tables[index].rows.count + 1)"
            tables[index].rows.append(DocumentRow(cells: tables[index].row, place: place))
            if tables[index].rowIsHeader, tables[index].headerRows == tables[index].rows.count - 1 {
                tables[index].headerRows += 1
            }
            tables[index].row = []
        }

        mutating func finishTable() {
            let table = tables.removeLast()
            let result = DocumentTable(rows: table.rows, headerRows: table.headerRows)
            if tables.isEmpty {
                document.blocks.append(.table(result))
            } else {
                // A table inside a cell: its text joins the cell, row by row.
                tables[tables.count - 1].cell.paragraphs += result.paragraphsForEnclosingCell
            }
        }
    }
}
