import Foundation

/// A report as a format reader found it: paragraphs and tables in document order, each with
/// the place in the file a person can find it by ("tabel 2, rij 5", "blad Projecten, rij 12").
///
/// Every format ends up here, and from here in the one report reader, so Word, OpenDocument,
/// Excel, CSV, HTML and Markdown are understood by the same rules.
public struct ReportDocument: Sendable {
    public enum Block: Sendable {
        case paragraph(DocumentParagraph)
        case table(DocumentTable)
        /// The start of a spreadsheet's sheet.
        case sheet(name: String)
    }

    public var blocks: [Block] = []
    /// What the format reader itself noticed (an unusual encoding, a sheet without rows).
    public var warnings: [ImportWarning] = []

    public init() {}
}

public struct DocumentParagraph: Sendable {
    public var text: String
    /// 1 for a title or "Kop 1", 2 for "Kop 2", …; nil for body text.
    public var headingLevel: Int?
    public var isListItem: Bool
    public var place: String

    public init(text: String, headingLevel: Int? = nil, isListItem: Bool = false, place: String) {
        self.text = text
        self.headingLevel = headingLevel
        self.isListItem = isListItem
        self.place = place
    }
}

/// A table with merged cells already resolved into a plain grid: a cell spanning columns
/// stands in its first column with empty cells after it, a cell spanning rows is repeated
/// in each row it covers (marked, so a row that continues a project does not repeat it).
public struct DocumentTable: Sendable {
    public var rows: [DocumentRow]
    /// Rows the document itself marks as header rows (Word's "herhalen als koprij").
    public var headerRows: Int

    public init(rows: [DocumentRow], headerRows: Int = 0) {
        self.rows = rows
        self.headerRows = headerRows
    }
}

public struct DocumentRow: Sendable {
    public var cells: [DocumentCell]
    public var place: String

    public init(cells: [DocumentCell], place: String) {
        self.cells = cells
        self.place = place
    }
}

public struct DocumentCell: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case paragraph
        case bullet
        case numbered
    }

    public var paragraphs: [(text: String, kind: Kind)]
    /// True where this cell repeats a cell merged down from the row above.
    public var isMergedCopy = false

    public init(paragraphs: [(text: String, kind: Kind)] = [], isMergedCopy: Bool = false) {
        self.paragraphs = paragraphs
        self.isMergedCopy = isMergedCopy
    }

    /// A spreadsheet cell's lines: in a cell of several lines, "- item" (or •, *) is a
    /// bullet and "1. item" a numbered item, as people type lists in Excel.
    init(lines: [String]) {
        guard lines.count > 1 else {
            self.init(paragraphs: lines.map { ($0, .paragraph) })
            return
        }
        self.init(paragraphs: lines.map(Self.listLine))
    }

    static func listLine(_ line: String) -> (text: String, kind: Kind) {
        for marker in ["- ", "• ", "* ", "– "] where line.hasPrefix(marker) {
            let item = line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
            if !item.isEmpty { return (item, .bullet) }
        }
        if let dot = line.firstIndex(where: { $0 == "." || $0 == ")" }), line[..<dot].count <= 3, !line[..<dot].isEmpty,
            line[..<dot].allSatisfy(\.isNumber), line[line.index(after: dot)...].hasPrefix(" ")
        {
            let item = line[line.index(after: dot)...].trimmingCharacters(in: .whitespaces)
            if !item.isEmpty { return (item, .numbered) }
        }
        return (line, .paragraph)
    }

    public init(text: String) {
        let cleaned = TextCleaning.clean(text)
        self.paragraphs = cleaned.isEmpty ? [] : [(cleaned, .paragraph)]
    }

    public static func == (a: DocumentCell, b: DocumentCell) -> Bool {
        a.isMergedCopy == b.isMergedCopy && a.paragraphs.map(\.text) == b.paragraphs.map(\.text)
            && a.paragraphs.map(\.kind) == b.paragraphs.map(\.kind)
    }

    public var plainText: String { paragraphs.map(\.text).joined(separator: " ") }

    /// The cell as the report reader takes it: plain text, or the small HTML of paragraphs
    /// and lists that converted reports carry in their cells.
    var readerText: String {
        let marker = isMergedCopy ? MergedCell.marker : ""
        if paragraphs.isEmpty { return "" }
        if paragraphs.count == 1, paragraphs[0].kind == .paragraph {
            let text = paragraphs[0].text
            return marker + (text.utf8.contains(0x3C) ? HTMLText.escape(text) : text)
        }
        var html = ""
        var openList: Kind?
        for (text, kind) in paragraphs {
            if openList != nil, openList != kind {
                html += openList == .numbered ? "</ol>" : "</ul>"
                openList = nil
            }
            switch kind {
            case .paragraph:
                html += "<p>" + HTMLText.escape(text) + "</p> "
            case .bullet, .numbered:
                if openList == nil {
                    html += kind == .numbered ? "<ol>" : "<ul>"
                    openList = kind
                }
                html += "<li>" + HTMLText.escape(text) + "</li>"
            }
        }
        if let openList { html += openList == .numbered ? "</ol>" : "</ul>" }
        return marker + html
    }
}

/// Marks a cell that repeats the cell merged down into it from the row above.
enum MergedCell {
    static let marker = "\u{E000}"

    static func strip(_ text: String) -> (text: String, isCopy: Bool) {
        text.hasPrefix(marker) ? (String(text.dropFirst()), true) : (text, false)
    }
}

enum HTMLText {
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "<" || $0 == "&" || $0 == ">" }) else { return text }
        var out = ""
        for ch in text {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(ch)
            }
        }
        return out
    }
}

extension ReportDocument {
    /// The document as the numbered lines the report reader works on, and for each line
    /// number the place in the original file.
    func readerLines(vocabulary: HeaderVocabulary) -> (lines: [ReportLine], places: [String]) {
        var lines: [ReportLine] = []
        var places: [String] = [""]  // line numbers start at 1
        lines.reserveCapacity(blocks.count * 2)
        func add(_ kind: ReportLine.Kind, _ place: String) {
            places.append(place)
            lines.append(ReportLine(number: places.count - 1, kind: kind))
        }
        for block in blocks {
            switch block {
            case .paragraph(let p):
                let text = TextCleaning.clean(p.text)
                guard !text.isEmpty else { continue }
                if let level = p.headingLevel {
                    add(.text(String(repeating: "#", count: min(level, 6)) + " " + text), p.place)
                } else if p.isListItem {
                    add(.text("- " + text), p.place)
                } else {
                    add(.text(text), p.place)
                }
            case .sheet(let name):
                add(.sheetBoundary, "blad ‘\(name)’")
            case .table(let table):
                let rows = table.rows.filter { !$0.cells.allSatisfy(\.paragraphs.isEmpty) }
                guard !rows.isEmpty else { continue }
                add(.blank, rows[0].place)
                for (index, row) in rows.enumerated() {
                    let cells = ReportLine.capped(row.cells.map(\.readerText))
                    add(.tableRow(cells), row.place)
                    let isHeader =
                        index < table.headerRows || index == 0 && ColumnLayout.isHeader(cells, vocabulary: vocabulary)
                    if index == 0, isHeader { add(.tableRule, row.place) }
                }
                add(.blank, rows[rows.count - 1].place)
            }
        }
        return (lines, places)
    }
}
