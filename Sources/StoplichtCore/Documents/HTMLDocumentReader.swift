import Foundation

/// Reads a report saved as a web page (by Word, LibreOffice or a browser): headings,
/// paragraphs, lists and tables with `colspan`/`rowspan`, leniently, as real HTML is
/// rarely well formed. Scripts, styles and the head are skipped.
struct HTMLDocumentReader {
    var limits: ImportLimits

    func read(_ text: String) throws(ReportFileError) -> ReportDocument {
        var builder = Builder(limits: limits)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            try builder.addText(rest[..<open])
            let afterOpen = rest.index(after: open)
            if rest[afterOpen...].hasPrefix("!--") {
                guard let end = rest[afterOpen...].range(of: "-->") else {
                    rest = ""
                    break
                }
                rest = rest[end.upperBound...]
                continue
            }
            guard let close = rest[afterOpen...].firstIndex(of: ">") else {
                try builder.addText(rest[open...])
                rest = ""
                break
            }
            let tag = Tag(rest[afterOpen..<close])
            rest = rest[rest.index(after: close)...]
            guard let tag else { continue }
            if !tag.closing, ["script", "style", "head", "title", "xml"].contains(tag.name) {
                // Skip to the element's end; its content is no report text.
                if let end = rest.range(of: "</\(tag.name)", options: .caseInsensitive) {
                    rest = rest[end.upperBound...]
                    if let gt = rest.firstIndex(of: ">") { rest = rest[rest.index(after: gt)...] }
                } else {
                    rest = ""
                }
                continue
            }
            try builder.handle(tag)
        }
        try builder.addText(rest)
        try builder.finish()
        return builder.document
    }

    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [String: String]

        init?(_ inner: Substring) {
            var body = inner.trimmingCharacters(in: .whitespacesAndNewlines)
            closing = body.hasPrefix("/")
            if closing { body.removeFirst() }
            let name = body.prefix { $0.isLetter || $0.isNumber || $0 == ":" }.lowercased()
            guard let first = name.first, first.isLetter else { return nil }
            self.name = name.split(separator: ":").last.map(String.init) ?? name
            attributes = [:]
            var rest = Substring(body.dropFirst(name.count))
            while let eq = rest.firstIndex(of: "=") {
                let key =
                    rest[..<eq].trimmingCharacters(in: .whitespaces).lowercased().split(separator: " ").last.map(
                        String.init) ?? ""
                var after = rest[rest.index(after: eq)...].drop { $0 == " " }
                var value: Substring
                if let quote = after.first, quote == "\"" || quote == "'" {
                    after = after.dropFirst()
                    let end = after.firstIndex(of: quote) ?? after.endIndex
                    value = after[..<end]
                    rest = end < after.endIndex ? after[after.index(after: end)...] : ""
                } else {
                    let end = after.firstIndex(where: { $0 == " " || $0 == "/" }) ?? after.endIndex
                    value = after[..<end]
                    rest = after[end...]
                }
                attributes[key] = HTMLEntities.decode(String(value))
            }
        }
    }

    private struct Builder {
        let limits: ImportLimits
        var document = ReportDocument()
        var text = ""
        var headingLevel: Int?
        var listDepth = 0
        var inListItem = false
        var paragraphCount = 0
        var tables: [TableState] = []
        var tableCount = 0
        var rowCount = 0

        struct TableState {
            var number: Int
            var rows: [DocumentRow] = []
            var headerRows = 0
            var inHead = false
            var row: [DocumentCell]? = nil
            var rowIsHeader = false
            var cell: DocumentCell? = nil
            var colspan = 1
            var rowspan = 1
            var fill: String?
            var spans: [Int: (cell: DocumentCell, rows: Int)] = [:]
        }

        var budget: CellBudget

        init(limits: ImportLimits) {
            self.limits = limits
            budget = CellBudget(limits)
        }

        mutating func addText(_ raw: Substring) throws(ReportFileError) {
            guard !raw.isEmpty else { return }
            text += HTMLEntities.decode(String(raw))
            if text.count > limits.cellCharacters {
                throw limits.cellTooLong(
                    at: tables.last.map { "tabel \($0.number), rij \($0.rows.count + 1)" }
                        ?? "alinea \(paragraphCount + 1)")
            }
        }

        mutating func handle(_ tag: Tag) throws(ReportFileError) {
            switch tag.name {
            case "h1", "h2", "h3", "h4", "h5", "h6":
                flush()
                headingLevel = tag.closing ? nil : Int(tag.name.dropFirst())
            case "p", "div", "br", "blockquote", "section", "article", "header", "footer", "caption", "dt", "dd":
                flush()
            case "ul", "ol":
                flush()
                listDepth += tag.closing ? -1 : 1
                listDepth = max(0, listDepth)
            case "li":
                flush()
                inListItem = !tag.closing
            case "table":
                flush()
                if tag.closing {
                    try finishTable()
                } else {
                    tableCount += 1
                    tables.append(TableState(number: tableCount))
                }
            case "thead" where !tables.isEmpty:
                tables[tables.count - 1].inHead = !tag.closing
            case "tr" where !tables.isEmpty:
                flush()
                try finishCell()
                try finishRow()
                if !tag.closing {
                    tables[tables.count - 1].row = []
                    tables[tables.count - 1].rowIsHeader = tables[tables.count - 1].inHead
                }
            case "td", "th":
                guard !tables.isEmpty else {
                    flush()
                    break
                }
                flush()
                try finishCell()
                if !tag.closing {
                    let i = tables.count - 1
                    if tables[i].row == nil { tables[i].row = [] }
                    tables[i].cell = DocumentCell()
                    tables[i].colspan = max(1, min(tag.attributes["colspan"].flatMap(Int.init) ?? 1, 64))
                    tables[i].rowspan = max(1, min(tag.attributes["rowspan"].flatMap(Int.init) ?? 1, 10_000))
                    tables[i].fill = tag.attributes["bgcolor"] ?? Self.background(tag.attributes["style"])
                    if tag.name == "th", tables[i].rows.isEmpty { tables[i].rowIsHeader = true }
                }
            default:
                break  // inline elements: their text is kept
            }
        }

        static func background(_ style: String?) -> String? {
            guard let style else { return nil }
            for declaration in style.split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let key = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
                if key == "background" || key == "background-color" {
                    return parts[1].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init)
                }
            }
            return nil
        }

        mutating func flush() {
            let parts = text.split(whereSeparator: \.isNewline).map { TextCleaning.clean($0) }
            let joined = TextCleaning.clean(parts.joined(separator: " "))
            text = ""
            guard !joined.isEmpty else { return }
            if let i = tables.indices.last, tables[i].cell != nil {
                tables[i].cell!.paragraphs.append((joined, inListItem ? .bullet : .paragraph))
                return
            }
            paragraphCount += 1
            document.blocks.append(
                .paragraph(
                    DocumentParagraph(
                        text: joined, headingLevel: headingLevel, isListItem: inListItem && headingLevel == nil,
                        place: "alinea \(paragraphCount)")))
        }

        mutating func finishCell() throws(ReportFileError) {
            guard let i = tables.indices.last, var cell = tables[i].cell, tables[i].row != nil else { return }
            var t = tables[i]
            // Columns spanned, and cells spanning down from above, make cells of their own.
            var above = 0
            while t.spans[t.row!.count + above] != nil { above += 1 }
            try budget.spend(above + t.colspan, at: "tabel \(t.number), rij \(t.rows.count + 1)")
            if cell.paragraphs.isEmpty, let fill = t.fill, let word = CellColour.lightWord(hex: fill) {
                cell.paragraphs = [(word, .paragraph)]
            }
            // Columns covered by cells spanning down from rows above come first.
            while let span = t.spans[t.row!.count] {
                var copy = span.cell
                copy.isMergedCopy = true
                t.row!.append(copy)
            }
            let column = t.row!.count
            t.row!.append(cell)
            for _ in 1..<t.colspan { t.row!.append(DocumentCell()) }
            if t.rowspan > 1 { t.spans[column] = (cell, t.rowspan) }
            t.cell = nil
            tables[i] = t
        }

        mutating func finishRow() throws(ReportFileError) {
            guard let i = tables.indices.last, var row = tables[i].row else { return }
            var t = tables[i]
            var made = 0
            while t.spans[row.count + made] != nil { made += 1 }
            try budget.spend(made, at: "tabel \(t.number), rij \(t.rows.count + 1)")
            while let span = t.spans[row.count] {
                var copy = span.cell
                copy.isMergedCopy = true
                row.append(copy)
            }
            for (column, span) in t.spans {
                // A span started in this row counts this row; one from above, this one too.
                if span.rows <= 1 { t.spans[column] = nil } else { t.spans[column] = (span.cell, span.rows - 1) }
            }
            rowCount += 1
            if rowCount > limits.rows {
                throw limits.tooManyRows()
            }
            t.rows.append(DocumentRow(cells: row, place: "tabel \(t.number), rij \(t.rows.count + 1)"))
            if t.rowIsHeader, t.headerRows == t.rows.count - 1 { t.headerRows += 1 }
            t.row = nil
            tables[i] = t
        }

        mutating func finishTable() throws(ReportFileError) {
            try finishCell()
            try finishRow()
            guard let t = tables.popLast() else { return }
            let table = DocumentTable(rows: t.rows, headerRows: t.headerRows)
            if tables.isEmpty {
                document.blocks.append(.table(table))
            } else if let i = tables.indices.last, tables[i].cell != nil {
                tables[i].cell!.paragraphs += table.paragraphsForEnclosingCell
            }
        }

        mutating func finish() throws(ReportFileError) {
            flush()
            while !tables.isEmpty { try finishTable() }
        }
    }
}

/// HTML's character references: the common named ones and numeric ones.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "euro": "€",
        "eacute": "é", "euml": "ë", "egrave": "è", "ecirc": "ê", "iuml": "ï", "ouml": "ö", "uuml": "ü", "auml": "ä",
        "aacute": "á", "oacute": "ó", "ccedil": "ç", "ndash": "–", "mdash": "—", "hellip": "…", "bull": "•",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "middot": "·", "copy": "©", "deg": "°", "times": "×",
        "check": "✓", "cross": "✗", "cir": "○", "squ": "□",
    ]

    static func decode(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(10).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let entity = String(after[..<semi])
            var replacement: String?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map {
                    String(Character($0))
                }
            } else if entity.hasPrefix("#") {
                replacement = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                replacement = named[entity] ?? named[entity.lowercased()]
            }
            if let replacement {
                out += replacement
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}
