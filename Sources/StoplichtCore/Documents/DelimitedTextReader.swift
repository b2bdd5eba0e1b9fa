import Foundation

/// Reads a CSV file as Dutch Excel writes it (semicolons) or as others do (commas, tabs):
/// quoted fields with separators, quotes and line breaks inside them.
struct DelimitedTextReader {
    var limits: ImportLimits
    var vocabulary: HeaderVocabulary = .standard

    func read(_ data: Data) throws(ReportFileError) -> ReportDocument {
        let decoded = try ReportFileDecoder.decode(data, maximumBytes: limits.fileBytes)
        var document = ReportDocument()
        document.warnings = decoded.warnings
        let bytes = Array(decoded.text.utf8)
        let separator = Self.separator(bytes)
        var rows: [DocumentRow] = []
        var cells: [DocumentCell] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var quoted = false
        var i = 0
        let n = bytes.count

        func endField() throws(ReportFileError) {
            // Bytes, not characters: a character takes at most four.
            if field.count > limits.cellCharacters * 4 {
                throw ReportFileError(
                    "Op regel \(recordLine) staat een veld van meer dan \(limits.cellCharacters) tekens; zo lang is geen toelichting. Controleer of er een aanhalingsteken niet gesloten is."
                )
            }
            let text = CSVFormulaGuard.unguarded(String(decoding: field, as: UTF8.self))
            let lines = text.split(whereSeparator: \.isNewline).map { TextCleaning.clean($0) }.filter { !$0.isEmpty }
            cells.append(DocumentCell(lines: lines))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() throws(ReportFileError) {
            try endField()
            if !cells.allSatisfy(\.paragraphs.isEmpty) {
                rows.append(DocumentRow(cells: cells, place: "regel \(recordLine)"))
                if rows.count > limits.rows {
                    throw limits.tooManyRows()
                }
            }
            cells.removeAll(keepingCapacity: true)
        }

        while i < n {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < n, bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 2
                        continue
                    }
                    quoted = false
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                    if field.count > limits.cellCharacters * 4 { try endField() }
                }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\"") where field.allSatisfy({ $0 == 0x20 }):
                field.removeAll()
                quoted = true
            case separator:
                try endField()
            case 0x0D:
                break
            case 0x0A:
                try endRecord()
                line += 1
                recordLine = line
            default:
                field.append(b)
            }
            i += 1
        }
        if quoted {
            throw ReportFileError(
                "Het aanhalingsteken van het veld op regel \(recordLine) wordt niet gesloten; het bestand is onvolledig of beschadigd."
            )
        }
        if !field.isEmpty || !cells.isEmpty { try endRecord() }
        guard !rows.isEmpty else {
            throw ReportFileError("Het CSV-bestand bevat geen rijen.")
        }
        document.blocks = SheetLayout.blocks(sheet: "CSV", rows: rows, vocabulary: vocabulary)
        return document
    }

    /// The separator that the first line uses most: ";" (Dutch Excel), "," or a tab.
    static func separator(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: ","): 0, 0x09: 0]
        var quoted = false
        for b in bytes.prefix(64 * 1024) {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, b == 0x0A { break }
            if !quoted, counts[b] != nil { counts[b]! += 1 }
        }
        let best = counts.max {
            ($0.value, $0.key == UInt8(ascii: ";") ? 1 : 0) < ($1.value, $1.key == UInt8(ascii: ";") ? 1 : 0)
        }!
        return best.value == 0 ? UInt8(ascii: ";") : best.key
    }
}
