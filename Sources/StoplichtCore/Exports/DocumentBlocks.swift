import Foundation

/// The report as a sequence of document blocks — what the ODT and DOCX writers both lay
/// out, each in its own XML — so the two documents say the same.
public enum ExportBlock: Sendable {
    case title(String)
    case subtitle(String)
    case heading(level: Int, text: String)
    case paragraph(String)
    /// Small print under an item: a decision's state.
    case note(String)
    case bullets([String])
    case numbered([String])
    /// Label–value rows: the cover, a risk's details.
    case facts([(String, String)])
    case table(ExportTable)
    /// A picture with its title and description: the finance chart, the roadmap.
    case picture(ExportPicture)
    /// From here on the pages are landscape: the annex table is wide.
    case landscapeStart
}

public struct ExportTable: Sendable {
    public struct Cell: Sendable {
        /// Paragraphs and lists inside the cell.
        public var content: [CellContent]
        /// A light's cell is filled with its colour and carries its word.
        public var light: ReportExport.Light?

        public init(_ content: [CellContent], light: ReportExport.Light? = nil) {
            self.content = content
            self.light = light
        }

        public static func text(_ text: String) -> Cell { Cell(text.isEmpty ? [] : [.paragraph(text)]) }
    }

    public enum CellContent: Sendable {
        case paragraph(String)
        case strong(String)
        case bullets([String])
    }

    public var caption: String
    public var headers: [String]
    /// Relative widths of the columns.
    public var widths: [Int]
    public var rows: [[Cell]]
}

extension ReportExport {
    /// The whole report in reading order: cover, legend, sections, annex table.
    public var blocks: [ExportBlock] {
        var blocks: [ExportBlock] = [
            .subtitle("\(organisation) — programma \(programme)"), .title(title), .facts(cover),
        ]
        blocks.append(.heading(level: 1, text: "Legenda"))
        blocks.append(
            .table(
                ExportTable(
                    caption: "Legenda", headers: ["Stoplicht", "Betekenis"], widths: [1, 4],
                    rows: legend.map {
                        [ExportTable.Cell([.strong($0.light.label)], light: $0.light), .text($0.meaning)]
                    })))
        for section in sections {
            if section.isAnnex { blocks.append(.landscapeStart) }
            blocks.append(.heading(level: 1, text: section.heading))
            blocks += Self.markdownBlocks(section.body)
            if let finance = section.finance { blocks += Self.financeBlocks(finance) }
            if let roadmap = section.roadmap { blocks += [.picture(roadmap.picture), .note(roadmap.description)] }
            if let replans = section.replans {
                blocks += [.heading(level: 2, text: replans.title), .bullets(replans.lines)]
            }
            if !section.decisions.isEmpty {
                blocks.append(
                    .numbered(section.decisions.map { "\(MarkdownDocument(parsing: $0.text).plainText) (\($0.state))" })
                )
            }
            for risk in section.risks {
                blocks.append(.bullets([MarkdownDocument(parsing: risk.text).plainText]))
                if !risk.details.isEmpty { blocks.append(.facts(risk.details)) }
            }
            if section.isAnnex { blocks.append(.table(annexTable)) }
        }
        if !sections.contains(where: \.isAnnex) {
            blocks.append(.landscapeStart)
            blocks.append(.heading(level: 1, text: annexTitle))
            blocks.append(.table(annexTable))
        }
        return blocks
    }

    /// The annex: one row per project, lights as filled cells with their word.
    public var annexTable: ExportTable {
        let rows: [[ExportTable.Cell]] = rows.map { row in
            var remarks: [ExportTable.CellContent] = Self.cellContent(row.remarks)
            for part in row.explanation {
                remarks.append(.strong(part.label))
                remarks += Self.cellContent(part.text)
            }
            var name: [ExportTable.CellContent] = [.strong(row.name)]
            if !row.items.isEmpty { name.append(.bullets(row.items)) }
            return [
                ExportTable.Cell.text(String(row.number)), ExportTable.Cell(name),
                ExportTable.Cell(row.leaders.map { .paragraph($0) }),
                ExportTable.Cell(
                    [.strong(row.light?.label ?? "Geen status")]
                        + (row.lifecycle.isEmpty ? [] : [.paragraph(row.lifecycle)]), light: row.light),
            ]
                + row.dimensionLights.map { light in ExportTable.Cell([.strong(light?.label ?? "—")], light: light) }
                + [
                    ExportTable.Cell.text(row.planned), ExportTable.Cell.text(row.forecast),
                    ExportTable.Cell(remarks.isEmpty ? [.paragraph("Geen toelichting.")] : remarks),
                ]
        }
        let widths = [3, 14, 9, 7] + dimensions.map { _ in 6 } + [7, 7, 30]
        return ExportTable(
            caption: "Projectplanning, status en toelichting — \(period)", headers: tableHeaders, widths: widths,
            rows: rows)
    }

    /// The chart, its caption, and the tables it is drawn from.
    static func financeBlocks(_ finance: FinanceReport) -> [ExportBlock] {
        let chart = FinanceChart(finance)
        var blocks: [ExportBlock] = [.picture(chart.picture), .note(chart.description)]
        blocks.append(
            .table(
                ExportTable(
                    caption: finance.caption, headers: FinanceReport.positionHeaders, widths: [6, 3, 3, 3, 3, 3],
                    rows: finance.positionRows.map { $0.map(ExportTable.Cell.text) })))
        if !finance.bySource.isEmpty {
            blocks.append(
                .table(
                    ExportTable(
                        caption: finance.sourceCaption, headers: FinanceReport.sourceHeaders, widths: [1, 2, 2, 2, 2],
                        rows: finance.sourceRows.map { $0.map(ExportTable.Cell.text) })))
        }
        return blocks
    }

    static func markdownBlocks(_ markdown: String) -> [ExportBlock] {
        MarkdownDocument(parsing: markdown).blocks.map { block in
            switch block {
            case .heading(let level, let text): .heading(level: min(level + 1, 3), text: MarkdownInline.plainText(text))
            case .paragraph(let text): .paragraph(MarkdownInline.plainText(text))
            case .bulletList(let items): .bullets(items.map(MarkdownInline.plainText))
            case .orderedList(_, let items): .numbered(items.map(MarkdownInline.plainText))
            }
        }
    }

    static func cellContent(_ markdown: String) -> [ExportTable.CellContent] {
        MarkdownDocument(parsing: markdown).blocks.map { block in
            switch block {
            case .heading(_, let text): .strong(MarkdownInline.plainText(text))
            case .paragraph(let text): .paragraph(MarkdownInline.plainText(text))
            case .bulletList(let items), .orderedList(_, let items): .bullets(items.map(MarkdownInline.plainText))
            }
        }
    }
}

/// A picture in a document: SVG, a PNG of it for readers without SVG, and the title and
/// description that say what it shows.
public struct ExportPicture: Sendable {
    public var title: String
    public var description: String
    public var svg: String
    public var png: Data
    public var width: Int
    public var height: Int
}

extension FinanceChart {
    public var picture: ExportPicture {
        ExportPicture(
            title: title, description: description, svg: svgDocument, png: png, width: FinanceChart.width,
            height: height)
    }
}

extension Roadmap {
    public var picture: ExportPicture {
        ExportPicture(title: title, description: description, svg: svgDocument, png: png, width: width, height: height)
    }
}
