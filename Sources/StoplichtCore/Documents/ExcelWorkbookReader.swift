import Foundation

/// Reads an Excel workbook (XLSX): every sheet, shared and inline strings, numbers, dates
/// by their number format, fills used as lights, and merged cells.
struct ExcelWorkbookReader {
    var limits: ImportLimits
    var vocabulary: HeaderVocabulary = .standard

    func read(_ package: inout ZipPackage) throws(ReportFileError) -> ReportDocument {
        guard let workbook = try package.part("xl/workbook.xml") else {
            throw ReportFileError("Dit ZIP-bestand is geen Excel-werkmap: het onderdeel xl/workbook.xml ontbreekt.")
        }
        let sheets = try Self.sheets(workbook, relationships: package.part("xl/_rels/workbook.xml.rels"))
        let strings =
            try package.part("xl/sharedStrings.xml").map { data throws(ReportFileError) in try Self.sharedStrings(data)
            } ?? []
        let styles =
            try package.part("xl/styles.xml").map { data throws(ReportFileError) in try CellStyles(data) }
            ?? CellStyles()
        var document = ReportDocument()
        var rowsSoFar = 0
        var budget = CellBudget(limits)
        for sheet in sheets {
            guard let data = try package.part(sheet.path) else {
                document.warnings.append(
                    ImportWarning(
                        line: 0, message: "Het blad ‘\(sheet.name)’ ontbreekt in de werkmap; het is overgeslagen.",
                        place: "blad ‘\(sheet.name)’"))
                continue
            }
            var reader = SheetReader(
                name: sheet.name, strings: strings, styles: styles, limits: limits, rowsBefore: rowsSoFar)
            try XMLPullParser.read(data, part: sheet.path) { event in try reader.handle(event) }
            rowsSoFar += reader.rowCount
            document.blocks += SheetLayout.blocks(
                sheet: sheet.name, rows: try reader.rows(budget: &budget), vocabulary: vocabulary)
        }
        return document
    }

    struct Sheet {
        var name: String
        var path: String
    }

    static func sheets(_ workbook: Data, relationships: Data?) throws(ReportFileError) -> [Sheet] {
        var targets: [String: String] = [:]
        if let relationships {
            try XMLPullParser.read(relationships, part: "xl/_rels/workbook.xml.rels") { event in
                guard case .start("Relationship", let attributes) = event,
                    let id = attributes.first(where: { $0.name == "Id" })?.value,
                    let target = attributes.first(where: { $0.name == "Target" })?.value
                else { return }
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        var sheets: [Sheet] = []
        try XMLPullParser.read(workbook, part: "xl/workbook.xml") { event in
            guard case .start("sheet", let attributes) = event else { return }
            let name = attributes.first { $0.name == "name" }?.value ?? "Blad\(sheets.count + 1)"
            let id = attributes.first { $0.name == "id" }?.value
            let path = id.flatMap { targets[$0] } ?? "xl/worksheets/sheet\(sheets.count + 1).xml"
            sheets.append(Sheet(name: name, path: path))
        }
        return sheets
    }

    static func sharedStrings(_ data: Data) throws(ReportFileError) -> [String] {
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        try XMLPullParser.read(data, part: "xl/sharedStrings.xml") { event in
            switch event {
            case .start("si", _): current = ""
            case .start("rPh", _): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .start("t", _): inText = !inPhonetic
            case .end("t"): inText = false
            case .text(let text) where inText: current += text
            case .end("si"): strings.append(current)
            default: break
            }
        }
        return strings
    }

    /// Which cell formats show dates or percentages, and which fill a light colour.
    struct CellStyles {
        var dateStyles: Set<Int> = []
        var percentStyles: Set<Int> = []
        var fillWords: [Int: String] = [:]

        init() {}

        init(_ data: Data) throws(ReportFileError) {
            var formats: [Int: String] = [:]
            var fills: [String?] = []
            var xfs: [(format: Int, fill: Int)] = []
            var inCellXfs = false
            var inFill = false
            var fillColour: String?
            try XMLPullParser.read(data, part: "xl/styles.xml") { event in
                switch event {
                case .start("numFmt", let a):
                    if let id = a.first(where: { $0.name == "numFmtId" }).flatMap({ Int($0.value) }),
                        let code = a.first(where: { $0.name == "formatCode" })?.value
                    {
                        formats[id] = code
                    }
                case .start("fill", _):
                    inFill = true
                    fillColour = nil
                case .start("fgColor", let a) where inFill:
                    fillColour = a.first { $0.name == "rgb" }?.value
                case .end("fill"):
                    inFill = false
                    fills.append(fillColour)
                case .start("cellXfs", _): inCellXfs = true
                case .end("cellXfs"): inCellXfs = false
                case .start("xf", let a) where inCellXfs:
                    let format = a.first { $0.name == "numFmtId" }.flatMap { Int($0.value) } ?? 0
                    let fill = a.first { $0.name == "fillId" }.flatMap { Int($0.value) } ?? 0
                    xfs.append((format, fill))
                default: break
                }
            }
            for (index, xf) in xfs.enumerated() {
                if Self.isDateFormat(xf.format, code: formats[xf.format]) { dateStyles.insert(index) }
                if xf.format == 9 || xf.format == 10 || formats[xf.format]?.contains("%") == true {
                    percentStyles.insert(index)
                }
                if xf.fill < fills.count, let colour = fills[xf.fill], let word = CellColour.lightWord(hex: colour) {
                    fillWords[index] = word
                }
            }
        }

        static func isDateFormat(_ id: Int, code: String?) -> Bool {
            if (14...22).contains(id) || (45...47).contains(id) { return true }
            guard let code else { return false }
            // Letters outside quotes and brackets: d, m, y make a date ("[$€-413]" does not).
            var inQuote = false
            var inBracket = false
            for ch in code.lowercased() {
                if ch == "\"" {
                    inQuote.toggle()
                    continue
                }
                if ch == "[" {
                    inBracket = true
                    continue
                }
                if ch == "]" {
                    inBracket = false
                    continue
                }
                if !inQuote, !inBracket, "dy".contains(ch) { return true }
            }
            return false
        }
    }

    struct SheetReader {
        let name: String
        let strings: [String]
        let styles: CellStyles
        let limits: ImportLimits
        let rowsBefore: Int

        var cells: [Int: [Int: DocumentCell]] = [:]
        var rowNumbers: [Int] = []
        var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []
        var rowCount = 0

        var row = 0
        var column = 0
        var type = "n"
        var style = 0
        var value = ""
        var inValue = false
        var nextColumn = 1

        init(name: String, strings: [String], styles: CellStyles, limits: ImportLimits, rowsBefore: Int) {
            self.name = name
            self.strings = strings
            self.styles = styles
            self.limits = limits
            self.rowsBefore = rowsBefore
        }

        mutating func handle(_ event: XMLPullParser.Event) throws {
            switch event {
            case .start("row", let a):
                row = SpreadsheetRow.next(a.first { $0.name == "r" }?.value, after: row)
                nextColumn = 1
                rowCount += 1
                if rowsBefore + rowCount > limits.rows {
                    throw limits.tooManyRows()
                }
            case .start("c", let a):
                let reference = a.first { $0.name == "r" }?.value
                column = reference.flatMap { Self.column(of: $0) } ?? nextColumn
                nextColumn = column + 1
                type = a.first { $0.name == "t" }?.value ?? "n"
                style = a.first { $0.name == "s" }.flatMap { Int($0.value) } ?? 0
                value = ""
            case .start("v", _), .start("t", _):
                inValue = true
            case .end("v"), .end("t"):
                inValue = false
            case .text(let text) where inValue:
                value += text
                if value.count > limits.cellCharacters {
                    throw limits.cellTooLong(at: "blad ‘\(name)’, rij \(row)")
                }
            case .end("c"):
                finishCell()
            case .start("mergeCell", let a):
                if let ref = a.first(where: { $0.name == "ref" })?.value, let range = Self.range(ref) {
                    merges.append(range)
                }
            default: break
            }
        }

        mutating func finishCell() {
            var text: String
            switch type {
            case "s": text = Int(value).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
            case "b": text = value == "1" ? "ja" : "nee"
            case "e": text = ""
            case "n":
                text = value
                if let number = Double(value) {
                    if styles.dateStyles.contains(style), let date = SpreadsheetDates.dutch(serial: number) {
                        text = date
                    } else if styles.percentStyles.contains(style) {
                        text = Self.dutchNumber(number * 100) + "%"
                    } else {
                        text = Self.dutchNumber(number)
                    }
                }
            default: text = value  // "str", "inlineStr", "d"
            }
            if text.isEmpty, let word = styles.fillWords[style] { text = word }
            let lines = text.split(whereSeparator: \.isNewline).map { TextCleaning.clean($0) }.filter { !$0.isEmpty }
            guard !lines.isEmpty, column >= 1, column <= 16_384 else { return }
            if cells[row] == nil { rowNumbers.append(row) }
            cells[row, default: [:]][column] = DocumentCell(lines: lines)
        }

        /// "1234567", "-12,5": a spreadsheet number as a Dutch reader writes it.
        static func dutchNumber(_ number: Double) -> String {
            if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
            var text = String(format: "%.10g", number)
            text = text.replacingOccurrences(of: ".", with: ",")
            return text
        }

        /// The rows with merged cells resolved, in sheet order. Every cell made counts in
        /// `budget`: each row's cells up to its last, the empty ones before it included (a
        /// cell in column 1,000 makes 1,000); and before a merge is copied down, the rows it
        /// makes, each at least as wide as the merge's column, so a sheet of merges far to
        /// the right and far down is refused before any of it is made.
        func rows(budget: inout CellBudget) throws(ReportFileError) -> [DocumentRow] {
            var grid = cells
            for merge in merges where merge.bottom - merge.top < 10_000 && merge.right - merge.left < 256 {
                guard let origin = grid[merge.top]?[merge.left] else { continue }
                try budget.spend(
                    (merge.bottom - merge.top) * min(merge.left, 1024), at: "blad ‘\(name)’, rij \(merge.top)")
                var copy = origin
                copy.isMergedCopy = true
                for r in merge.top...merge.bottom where r > merge.top {
                    if grid[r] == nil { grid[r] = [:] }
                    grid[r]![merge.left] = copy
                }
            }
            let numbers = Set(rowNumbers).union(grid.keys).sorted()
            var rows: [DocumentRow] = []
            for r in numbers {
                guard let row = grid[r], let last = row.keys.max() else { continue }
                try budget.spend(min(last, 1024), at: "blad ‘\(name)’, rij \(r)")
                let cells = (1...min(last, 1024)).map { row[$0] ?? DocumentCell() }
                rows.append(DocumentRow(cells: cells, place: "blad ‘\(name)’, rij \(r)"))
            }
            return rows
        }

        /// "AB12" → 28.
        static func column(of reference: String) -> Int? {
            var column = 0
            for byte in reference.utf8 {
                guard byte >= 65 && byte <= 90 else { break }
                column = column * 26 + Int(byte - 64)
                if column > 16_384 { return nil }
            }
            return column == 0 ? nil : column
        }

        static func row(of reference: Substring) -> Int? {
            SpreadsheetRow.number(reference.drop { $0.isLetter })
        }

        static func range(_ ref: String) -> (top: Int, left: Int, bottom: Int, right: Int)? {
            let parts = ref.split(separator: ":")
            guard parts.count == 2, let l = column(of: String(parts[0])), let t = row(of: parts[0]),
                let r = column(of: String(parts[1])), let b = row(of: parts[1]), b >= t, r >= l
            else { return nil }
            return (t, l, b, r)
        }
    }
}
