import Foundation

/// The report as a Word document (Office Open XML): Title and Heading 1–3 styles, lists
/// as Word lists (each numbered list restarting at 1), the cover data and the annex as
/// tables — the annex's header row repeated on every page, a row never split, each
/// light's cell shaded in its colour and carrying its word — A4, programme and period in
/// the page header, the page number in the footer.
public enum DOCXExport {
    public static let mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    public static func data(_ report: ReportExport) throws -> Data {
        var writer = Writer()
        let body = writer.body(report)
        var media: [ZipWriter.Part] = []
        for (index, chart) in writer.charts.enumerated() {
            media.append(.init("word/media/grafiek\(index + 1).png", chart.png))
            media.append(.init("word/media/grafiek\(index + 1).svg", chart.svg))
        }
        return try ZipWriter.package(
            [
                .init("[Content_Types].xml", contentTypes),
                .init("_rels/.rels", rootRelationships),
                .init("docProps/core.xml", core(report)),
                .init("docProps/app.xml", app),
                .init("word/document.xml", document(body, landscapeEnd: writer.landscape)),
                .init("word/styles.xml", styles),
                .init("word/numbering.xml", numbering(numberedLists: writer.numberedLists)),
                .init("word/header1.xml", header(report)),
                .init("word/footer1.xml", footer),
                .init("word/_rels/document.xml.rels", documentRelationships(charts: writer.charts.count)),
            ] + media)
    }

    /// The text width of an A4 page with 2 cm margins, in twentieths of a point.
    static let textWidth = 9638

    struct Writer {
        /// Numbered lists written so far; each gets its own numbering instance (ids 2…).
        var numberedLists = 0
        /// Whether the pages are landscape from the annex on.
        var landscape = false
        /// The charts in order; chart n is media grafiekn.png (rId 10+2n) with its SVG (rId 11+2n).
        var charts: [ExportPicture] = []

        mutating func body(_ report: ReportExport) -> String {
            var xml = ""
            for block in report.blocks {
                switch block {
                case .landscapeStart:
                    // The portrait section ends here; the body's own section is the landscape one.
                    xml += "<w:p><w:pPr>\(DOCXExport.section(landscape: false))</w:pPr></w:p>"
                    landscape = true
                case .title(let text): xml += paragraph(text, style: "Title")
                case .subtitle(let text): xml += paragraph(text, style: "Subtitle")
                case .heading(let level, let text): xml += paragraph(text, style: "Heading\(level)")
                case .paragraph(let text): xml += paragraph(text, style: nil)
                case .note(let text): xml += paragraph(text, style: "Note")
                case .bullets(let items): xml += items.map { listItem($0, numID: 1) }.joined()
                case .numbered(let items):
                    numberedLists += 1
                    let id = 1 + numberedLists
                    xml += items.map { listItem($0, numID: id) }.joined()
                case .facts(let facts):
                    let rows = facts.map { [ExportTable.Cell([.strong($0.0)]), ExportTable.Cell.text($0.1)] }
                    xml += table(
                        ExportTable(caption: "", headers: [], widths: [2, 5], rows: rows), labelColumn: true,
                        width: textWidth)
                case .table(let documentTable):
                    xml += table(
                        documentTable, labelColumn: false, width: landscape ? DOCXExport.landscapeWidth : textWidth)
                case .picture(let chart):
                    charts.append(chart)
                    xml += DOCXExport.drawing(chart, number: charts.count)
                }
            }
            return xml
        }

        func paragraph(_ text: String, style: String?, bold: Bool = false, colour: String? = nil) -> String {
            let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
            return "<w:p>\(properties)\(runs(text, bold: bold, colour: colour))</w:p>"
        }

        /// A run per line, with breaks between.
        func runs(_ text: String, bold: Bool, colour: String?) -> String {
            var properties = ""
            if bold || colour != nil {
                properties =
                    "<w:rPr>" + (bold ? "<w:b/>" : "") + (colour.map { "<w:color w:val=\"\($0)\"/>" } ?? "")
                    + "</w:rPr>"
            }
            return LineEndings.lines(text).enumerated().map { index, line in
                "<w:r>\(properties)\(index > 0 ? "<w:br/>" : "")<w:t xml:space=\"preserve\">\(XMLText.escape(String(line)))</w:t></w:r>"
            }.joined()
        }

        func listItem(_ text: String, numID: Int, style: String = "ListParagraph") -> String {
            "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(numID)\"/></w:numPr></w:pPr>\(runs(text, bold: false, colour: nil))</w:p>"
        }

        func table(_ table: ExportTable, labelColumn: Bool, width: Int) -> String {
            let total = table.widths.reduce(0, +)
            let widths = table.widths.map { width * $0 / max(total, 1) }
            var xml =
                "<w:tbl><w:tblPr><w:tblStyle w:val=\"Tabelraster\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"
            xml +=
                "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"\(labelColumn ? 1 : 0)\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
            if !table.caption.isEmpty { xml += "<w:tblCaption w:val=\"\(XMLText.escape(table.caption))\"/>" }
            xml += "</w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
            if !table.headers.isEmpty {
                xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                for (index, header) in table.headers.enumerated() {
                    xml += cell([.strong(header)], width: widths[index], fill: "E8EEF4", light: nil)
                }
                xml += "</w:tr>"
            }
            for row in table.rows {
                xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                for (index, cell) in row.enumerated() {
                    let fill =
                        cell.light.map { LightColours.fill($0.tone) } ?? (labelColumn && index == 0 ? "E8EEF4" : nil)
                    xml += self.cell(
                        cell.content, width: widths[min(index, widths.count - 1)], fill: fill, light: cell.light)
                }
                xml += "</w:tr>"
            }
            return xml + "</w:tbl><w:p/>"
        }

        func cell(_ content: [ExportTable.CellContent], width: Int, fill: String?, light: ReportExport.Light?) -> String
        {
            var xml = "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
            if let fill { xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>" }
            xml += "</w:tcPr>"
            if content.isEmpty { xml += "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>" }
            for part in content {
                switch part {
                case .paragraph(let text): xml += paragraph(text, style: "TableText")
                case .strong(let text):
                    xml += paragraph(
                        text, style: "TableText", bold: true, colour: light.map { LightColours.text($0.tone) })
                case .bullets(let items): xml += items.map { listItem($0, numID: 1, style: "TableList") }.joined()
                }
            }
            return xml + "</w:tc>"
        }
    }

    /// The text width of a landscape A4 page with 2 cm margins.
    static let landscapeWidth = 14570

    /// A chart inline in its own paragraph: the PNG, with the SVG as Word 2016's svgBlip
    /// extension, the title and description as the picture's alternative text.
    static func drawing(_ chart: ExportPicture, number: Int) -> String {
        let cx = 6_120_000  // 17 cm in EMU
        let cy = cx * chart.height / chart.width
        let png = "rId\(10 + 2 * number)"
        let svg = "rId\(11 + 2 * number)"
        let title = XMLText.escape(chart.title)
        let description = XMLText.escape(chart.description)
        return """
            <w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\(cx)" cy="\(cy)"/>\
            <wp:docPr id="\(number)" name="Grafiek \(number)" title="\(title)" descr="\(description)"/>\
            <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>\
            <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>\
            <pic:nvPicPr><pic:cNvPr id="\(number)" name="grafiek\(number).png" title="\(title)" descr="\(description)"/><pic:cNvPicPr/></pic:nvPicPr>\
            <pic:blipFill><a:blip r:embed="\(png)"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">\
            <asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="\(svg)"/></a:ext></a:extLst></a:blip>\
            <a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
            <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(cx)" cy="\(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>\
            </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
            """
    }

    static func section(landscape: Bool) -> String {
        let size =
            landscape
            ? "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>" : "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        return """
            <w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/>\
            \(size)<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>
            """
    }

    static func document(_ body: String, landscapeEnd: Bool) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">\
        <w:body>\(body)\(section(landscape: landscapeEnd))</w:body></w:document>
        """
    }

    static let styles: String = {
        func heading(_ level: Int, size: Int, before: Int) -> String {
            """
            <w:style w:type="paragraph" w:styleId="Heading\(level)"><w:name w:val="heading \(level)"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
            <w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="\(before)" w:after="120"/><w:outlineLvl w:val="\(level - 1)"/></w:pPr>\
            <w:rPr><w:b/><w:color w:val="00527A"/><w:sz w:val="\(size)"/></w:rPr></w:style>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans" w:eastAsia="Liberation Sans"/>\
            <w:sz w:val="20"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
            <w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="00527A"/><w:sz w:val="40"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
            <w:rPr><w:caps/><w:color w:val="555555"/><w:spacing w:val="10"/><w:sz w:val="18"/></w:rPr></w:style>\
            \(heading(1, size: 30, before: 360))\(heading(2, size: 25, before: 240))\(heading(3, size: 22, before: 200))\
            <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="555555"/><w:sz w:val="18"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="17"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="TableList"><w:name w:val="Table List"/><w:basedOn w:val="TableText"/><w:pPr><w:ind w:left="284" w:hanging="170"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="555555"/><w:sz w:val="16"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="right"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style>\
            <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\
            <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            <w:style w:type="table" w:styleId="Tabelraster"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>\
            <w:top w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/><w:left w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>\
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/><w:right w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>\
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/></w:tblBorders>\
            <w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            </w:styles>
            """
    }()

    /// Bullets are instance 1; every numbered list its own instance, restarting at 1.
    static func numbering(numberedLists: Int) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>\
            <w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>\
            <w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>\
            <w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """
        for list in 0..<numberedLists {
            xml +=
                "<w:num w:numId=\"\(2 + list)\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
        }
        return xml + "</w:numbering>"
    }

    static func header(_ report: ReportExport) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>\
        <w:r><w:t xml:space="preserve">\(XMLText.escape("\(report.organisation) — programma \(report.programme) — \(report.period)"))</w:t></w:r></w:p></w:hdr>
        """
    }

    static let footer = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>\
        <w:r><w:t xml:space="preserve">Pagina </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>
        """

    static func core(_ report: ReportExport) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>\(XMLText.escape("\(report.title) — \(report.period)"))</dc:title><dc:subject>\(XMLText.escape("Programma \(report.programme)"))</dc:subject>\
        <dc:creator>\(XMLText.escape(report.author))</dc:creator><dc:language>nl-NL</dc:language></cp:coreProperties>
        """
    }

    static let app = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Stoplicht</Application></Properties>
        """

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="png" ContentType="image/png"/>\
        <Default Extension="svg" ContentType="image/svg+xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
        <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    static func documentRelationships(charts: Int) -> String {
        let image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
        let media =
            charts == 0
            ? ""
            : (1...charts).map { n in
                "<Relationship Id=\"rId\(10 + 2 * n)\" Type=\"\(image)\" Target=\"media/grafiek\(n).png\"/>"
                    + "<Relationship Id=\"rId\(11 + 2 * n)\" Type=\"\(image)\" Target=\"media/grafiek\(n).svg\"/>"
            }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
            <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\(media)\
            </Relationships>
            """
    }
}
