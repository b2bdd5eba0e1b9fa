import Foundation

/// The formats a report can be imported from.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case text, markdown, html, csv, xlsx, docx, odt, ods

    /// "Word (DOCX)": how the format is named to a user.
    public var label: String {
        switch self {
        case .text: "tekst"
        case .markdown: "Markdown"
        case .html: "HTML"
        case .csv: "CSV"
        case .xlsx: "Excel (XLSX)"
        case .docx: "Word (DOCX)"
        case .odt: "OpenDocument-tekst (ODT)"
        case .ods: "OpenDocument-rekenblad (ODS)"
        }
    }

    /// The format by the file's content, with its name as a hint for text formats.
    public static func detect(_ data: Data, filename: String) throws(ReportFileError) -> ReportFormat {
        let ext = (filename as NSString).pathExtension.lowercased()
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ReportFileError(
                "Dit is een oud Word- of Excel-bestand (.doc of .xls). Open het en sla het op als .docx, .xlsx of .odt; dat formaat kan worden ingelezen."
            )
        }
        if data.starts(with: Array("%PDF".utf8)) {
            throw ReportFileError(
                "Dit is een PDF-bestand. Een PDF kan niet betrouwbaar worden ingelezen; gebruik het Word-, OpenDocument-, Excel- of tekstbestand waaruit de PDF is gemaakt."
            )
        }
        if data.starts(with: [0x50, 0x4B]) {
            switch ext {
            case "docx", "docm": return .docx
            case "xlsx", "xlsm": return .xlsx
            case "odt": return .odt
            case "ods": return .ods
            default: return .docx  // decided by its parts in `read`
            }
        }
        switch ext {
        case "csv", "tsv": return .csv
        case "htm", "html", "xhtml": return .html
        case "md", "markdown": return .markdown
        case "txt": return .text
        default:
            let head = String(decoding: data.prefix(1024), as: UTF8.self).lowercased()
            if head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") { return .html }
            return .markdown
        }
    }
}

/// Reads a report in any supported format into what the importer writes.
public struct ReportReader: Sendable {
    public var options: ImportOptions

    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    public struct Result: Sendable {
        public var format: ReportFormat
        public var report: ParsedReport
    }

    public func read(_ data: Data, filename: String) throws(ReportFileError) -> Result {
        let limits = options.limits
        if data.isEmpty {
            throw ReportFileError("Het bestand is leeg: er staat geen rapportage in.")
        }
        if data.count > limits.fileBytes {
            throw ReportFileError(
                "Het bestand is \(data.count / 1024 / 1024) MB groot; een rapportage mag hoogstens \(limits.fileBytes / 1024 / 1024) MB zijn. Controleer of u het juiste bestand kiest."
            )
        }
        var format = try ReportFormat.detect(data, filename: filename)
        let document: ReportDocument
        switch format {
        case .text, .markdown:
            var report = try ReportTextParser(options: options).parse(data: data)
            report.warnings.sort { $0.line < $1.line }
            return Result(format: format, report: report)
        case .csv:
            document = try DelimitedTextReader(limits: limits, vocabulary: options.vocabulary).read(data)
        case .html:
            let decoded = try ReportFileDecoder.decode(data, maximumBytes: limits.textBytes)
            var read = try HTMLDocumentReader(limits: limits).read(decoded.text)
            read.warnings += decoded.warnings
            document = read
        case .docx, .xlsx, .odt, .ods:
            var package = try ZipPackage(data, limits: limits)
            if package.contains("word/document.xml") {
                format = .docx
                document = try WordDocumentReader(limits: limits).read(&package)
            } else if package.contains("xl/workbook.xml") {
                format = .xlsx
                document = try ExcelWorkbookReader(limits: limits, vocabulary: options.vocabulary).read(&package)
            } else if package.contains("content.xml") {
                let mimetype = try package.part("mimetype").map { String(decoding: $0, as: UTF8.self) } ?? ""
                format = mimetype.contains("spreadsheet") || format == .ods ? .ods : .odt
                document = try OpenDocumentReader(limits: limits, vocabulary: options.vocabulary).read(
                    &package, spreadsheet: format == .ods)
            } else {
                throw ReportFileError(
                    "Dit ZIP-bestand is geen Word-, Excel- of OpenDocument-bestand. Kies het bestand van de rapportage zelf."
                )
            }
        }
        let (lines, places) = document.readerLines(vocabulary: options.vocabulary)
        var report = try ReportTextParser(options: options).parse(lines: lines, places: places)
        report.warnings = document.warnings + report.warnings
        return Result(format: format, report: report)
    }
}
