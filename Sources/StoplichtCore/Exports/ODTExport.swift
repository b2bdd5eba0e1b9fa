import Foundation

/// The report as an OpenDocument text (ODF 1.3), the Dutch government's open standard:
/// real heading, list and table styles, the cover data and the annex as tables (the
/// annex's header row repeated on every page, a row kept on one page), each light's cell
/// filled in its colour and carrying its word; A4, programme and period in the page
/// header, the page number in the footer.
public enum ODTExport {
    public static let mediaType = "application/vnd.oasis.opendocument.text"

    public static func data(_ report: ReportExport) throws -> Data {
        // The blocks once: they carry the charts, each drawn as SVG and PNG.
        let blocks = report.blocks
        let charts = blocks.compactMap { block -> ExportPicture? in
            if case .picture(let picture) = block { picture } else { nil }
        }
        var pictures: [ZipWriter.Part] = []
        for (index, chart) in charts.enumerated() {
            pictures.append(.init("Pictures/grafiek\(index + 1).svg", chart.svg))
            pictures.append(.init("Pictures/grafiek\(index + 1).png", chart.png))
        }
        return try ZipWriter.package(
            [
                .init("mimetype", mediaType, compressed: false),
                .init("content.xml", content(report, blocks: blocks)),
                .init("styles.xml", styles(report)),
                .init("meta.xml", meta(report)),
            ] + pictures + [.init("META-INF/manifest.xml", manifest(pictures: pictures.map(\.path)))])
    }

    /// A chart as a frame in its own paragraph: the SVG, the PNG for readers without SVG,
    /// and the title and description a screen reader reads.
    static func chartFrame(_ chart: ExportPicture, number: Int) -> String {
        let height = String(format: "%.2f", Double(chart.height) / Double(chart.width) * 17)
        func image(_ type: String, _ mime: String) -> String {
            "<draw:image xlink:href=\"Pictures/grafiek\(number).\(type)\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\" draw:mime-type=\"\(mime)\"/>"
        }
        return """
            <text:p text:style-name="Text_20_body"><draw:frame draw:name="Grafiek \(number)" text:anchor-type="as-char" svg:width="17cm" svg:height="\(height)cm" draw:z-index="0">\
            \(image("svg", "image/svg+xml"))\(image("png", "image/png"))\
            <svg:title>\(XMLText.escape(chart.title))</svg:title><svg:desc>\(XMLText.escape(chart.description))</svg:desc></draw:frame></text:p>
            """
    }

    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
        """

    static let tones: [LightDefinition.Tone] = [.positive, .warning, .negative, .neutral, .info]

    static func content(_ report: ReportExport, blocks: [ExportBlock]) -> String {
        var body = ""
        var tableNumber = 0
        var chartNumber = 0
        var landscape = false
        var pendingLandscape = false
        for block in blocks {
            switch block {
            case .landscapeStart: pendingLandscape = true
            case .heading(let level, let text) where pendingLandscape:
                // The heading's style starts the landscape master page.
                pendingLandscape = false
                landscape = true
                body +=
                    "<text:h text:style-name=\"Liggend_\(level)\" text:outline-level=\"\(level)\">\(XMLText.escape(text))</text:h>"
            case .title(let text): body += paragraph(text, style: "Title")
            case .subtitle(let text): body += paragraph(text, style: "Subtitle")
            case .heading(let level, let text):
                body +=
                    "<text:h text:style-name=\"Heading_20_\(level)\" text:outline-level=\"\(level)\">\(XMLText.escape(text))</text:h>"
            case .paragraph(let text): body += paragraph(text, style: "Text_20_body")
            case .note(let text): body += paragraph(text, style: "Note")
            case .bullets(let items): body += list(items, style: "Opsomming")
            case .numbered(let items): body += list(items, style: "Nummering")
            case .facts(let facts):
                tableNumber += 1
                body += factsTable(facts, name: "Gegevens\(tableNumber)")
            case .table(let table):
                tableNumber += 1
                body += documentTable(table, name: "Tabel\(tableNumber)", wide: landscape)
            case .picture(let chart):
                chartNumber += 1
                body += chartFrame(chart, number: chartNumber)
            }
        }
        let cellStyles = tones.map { tone in
            """
            <style:style style:name="Licht_\(tone.rawValue)" style:family="table-cell"><style:table-cell-properties fo:background-color="#\(LightColours.fill(tone))" \
            fo:padding="0.08cm" fo:border="0.5pt solid #bfbfbf"/></style:style>\
            <style:style style:name="LichtTekst_\(tone.rawValue)" style:family="text"><style:text-properties fo:color="#\(LightColours.text(tone))" fo:font-weight="bold"/></style:style>
            """
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(namespaces) office:version="1.3">\
            <office:automatic-styles>\
            <style:style style:name="Cel" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #bfbfbf"/></style:style>\
            <style:style style:name="Kopcel" style:family="table-cell"><style:table-cell-properties fo:background-color="#E8EEF4" fo:padding="0.08cm" fo:border="0.5pt solid #bfbfbf"/></style:style>\
            <style:style style:name="Rij" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>\
            <style:style style:name="Tabel" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>\
            <style:style style:name="TabelBreed" style:family="table"><style:table-properties style:width="25.7cm" table:align="margins" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>\
            \((1...3).map { "<style:style style:name=\"Liggend_\($0)\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_\($0)\" style:master-page-name=\"Liggend\"/>" }.joined())\
            \(columnStyles(blocks))\(cellStyles)\
            </office:automatic-styles>\
            <office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """
    }

    static func paragraph(_ text: String, style: String) -> String {
        "<text:p text:style-name=\"\(style)\">\(lines(text))</text:p>"
    }

    /// Line breaks inside a paragraph as ODF line breaks.
    static func lines(_ text: String) -> String {
        LineEndings.lines(text).map { XMLText.escape(String($0)) }.joined(separator: "<text:line-break/>")
    }

    static func list(_ items: [String], style: String, paragraphStyle: String = "Lijst") -> String {
        "<text:list text:style-name=\"\(style)\">"
            + items.map { "<text:list-item>\(paragraph($0, style: paragraphStyle))</text:list-item>" }.joined()
            + "</text:list>"
    }

    /// Relative column widths for every table shape used, by the widths' signature.
    static func columnStyles(_ blocks: [ExportBlock]) -> String {
        var shapes: [[Int]] = [[2, 5]]
        for block in blocks { if case .table(let table) = block { shapes.append(table.widths) } }
        var seen = Set<Int>()
        var styles = ""
        for width in shapes.flatMap({ $0 }) where seen.insert(width).inserted {
            styles +=
                "<style:style style:name=\"Kolom\(width)\" style:family=\"table-column\"><style:table-column-properties style:rel-column-width=\"\(width * 100)*\"/></style:style>"
        }
        return styles
    }

    static func factsTable(_ facts: [(String, String)], name: String) -> String {
        var xml =
            "<table:table table:name=\"\(name)\" table:style-name=\"Tabel\"><table:table-column table:style-name=\"Kolom2\"/><table:table-column table:style-name=\"Kolom5\"/>"
        for (label, value) in facts {
            xml +=
                "<table:table-row table:style-name=\"Rij\"><table:table-cell table:style-name=\"Kopcel\" office:value-type=\"string\">\(paragraph(label, style: "Table_20_Heading"))</table:table-cell>"
            xml +=
                "<table:table-cell table:style-name=\"Cel\" office:value-type=\"string\">\(paragraph(value, style: "Table_20_Contents"))</table:table-cell></table:table-row>"
        }
        return xml + "</table:table>"
    }

    static func documentTable(_ table: ExportTable, name: String, wide: Bool) -> String {
        var xml = "<table:table table:name=\"\(name)\" table:style-name=\"\(wide ? "TabelBreed" : "Tabel")\">"
        xml += table.widths.map { "<table:table-column table:style-name=\"Kolom\($0)\"/>" }.joined()
        xml += "<table:table-header-rows><table:table-row>"
        xml += table.headers.map {
            "<table:table-cell table:style-name=\"Kopcel\" office:value-type=\"string\">\(paragraph($0, style: "Table_20_Heading"))</table:table-cell>"
        }.joined()
        xml += "</table:table-row></table:table-header-rows>"
        for row in table.rows {
            xml += "<table:table-row table:style-name=\"Rij\">"
            for cell in row {
                let style = cell.light.map { "Licht_\($0.tone.rawValue)" } ?? "Cel"
                xml += "<table:table-cell table:style-name=\"\(style)\" office:value-type=\"string\">"
                if cell.content.isEmpty { xml += "<text:p text:style-name=\"Table_20_Contents\"/>" }
                for content in cell.content {
                    switch content {
                    case .paragraph(let text): xml += paragraph(text, style: "Table_20_Contents")
                    case .strong(let text):
                        let span = cell.light.map { "LichtTekst_\($0.tone.rawValue)" } ?? "Vet"
                        xml +=
                            "<text:p text:style-name=\"Table_20_Contents\"><text:span text:style-name=\"\(span)\">\(lines(text))</text:span></text:p>"
                    case .bullets(let items):
                        xml += list(items, style: "Opsomming", paragraphStyle: "Table_20_Contents")
                    }
                }
                xml += "</table:table-cell>"
            }
            xml += "</table:table-row>"
        }
        return xml + "</table:table>"
    }

    static func styles(_ report: ReportExport) -> String {
        let running = XMLText.escape("\(report.organisation) — programma \(report.programme) — \(report.period)")
        func heading(_ level: Int, size: String, space: String) -> String {
            """
            <style:style style:name="Heading_20_\(level)" style:display-name="Heading \(level)" style:family="paragraph" style:parent-style-name="Heading" \
            style:next-style-name="Text_20_body" style:default-outline-level="\(level)" style:class="text">\
            <style:paragraph-properties fo:margin-top="\(space)" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>\
            <style:text-properties fo:font-size="\(size)" fo:font-weight="bold" fo:color="#00527A"/></style:style>
            """
        }
        let bullets = (1...3).map { level in
            "<text:list-level-style-bullet text:level=\"\(level)\" text:bullet-char=\"•\"><style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
                + "<style:list-level-label-alignment text:label-followed-by=\"listtab\" fo:text-indent=\"-0.4cm\" fo:margin-left=\"\(Double(level) * 0.6)cm\"/></style:list-level-properties></text:list-level-style-bullet>"
        }.joined()
        let numbers = (1...3).map { level in
            "<text:list-level-style-number text:level=\"\(level)\" style:num-suffix=\".\" style:num-format=\"1\"><style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
                + "<style:list-level-label-alignment text:label-followed-by=\"listtab\" fo:text-indent=\"-0.5cm\" fo:margin-left=\"\(Double(level) * 0.7)cm\"/></style:list-level-properties></text:list-level-style-number>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-styles \(namespaces) office:version="1.3">\
            <office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/></office:font-face-decls>\
            <office:styles>\
            <style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:language="nl" fo:country="NL"/></style:default-style>\
            <style:style style:name="Standard" style:family="paragraph" style:class="text"/>\
            <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">\
            <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:line-height="125%"/></style:style>\
            <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"/>\
            \(heading(1, size: "15pt", space: "0.6cm"))\(heading(2, size: "12.5pt", space: "0.4cm"))\(heading(3, size: "11pt", space: "0.3cm"))\
            <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter">\
            <style:paragraph-properties fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="20pt" fo:font-weight="bold" fo:color="#00527A"/></style:style>\
            <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter">\
            <style:text-properties fo:font-size="9pt" fo:text-transform="uppercase" fo:letter-spacing="0.04cm" fo:color="#555555"/></style:style>\
            <style:style style:name="Note" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties fo:font-size="9pt" fo:color="#555555"/></style:style>\
            <style:style style:name="Lijst" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"/>\
            <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">\
            <style:paragraph-properties fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="8.5pt"/></style:style>\
            <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">\
            <style:text-properties fo:font-weight="bold"/></style:style>\
            <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="8pt" fo:color="#555555"/></style:style>\
            <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="8pt"/></style:style>\
            <style:style style:name="Vet" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>\
            <text:list-style style:name="Opsomming">\(bullets)</text:list-style>\
            <text:list-style style:name="Nummering">\(numbers)</text:list-style>\
            </office:styles>\
            <office:automatic-styles>\(pageLayout("A4", width: "21cm", height: "29.7cm", orientation: "portrait"))\
            \(pageLayout("A4Liggend", width: "29.7cm", height: "21cm", orientation: "landscape"))</office:automatic-styles>\
            <office:master-styles>\(masterPage("Standard", layout: "A4", running: running))\(masterPage("Liggend", layout: "A4Liggend", running: running))\
            </office:master-styles></office:document-styles>
            """
    }

    static func pageLayout(_ name: String, width: String, height: String, orientation: String) -> String {
        """
        <style:page-layout style:name="\(name)"><style:page-layout-properties fo:page-width="\(width)" fo:page-height="\(height)" \
        style:print-orientation="\(orientation)" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>\
        <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style>\
        <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
        """
    }

    static func masterPage(_ name: String, layout: String, running: String) -> String {
        """
        <style:master-page style:name="\(name)" style:page-layout-name="\(layout)">\
        <style:header><text:p text:style-name="Header">\(running)</text:p></style:header>\
        <style:footer><text:p text:style-name="Footer">Pagina <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>\
        </style:master-page>
        """
    }

    static func meta(_ report: ReportExport) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta \(namespaces) office:version="1.3"><office:meta>\
        <meta:generator>Stoplicht</meta:generator><dc:title>\(XMLText.escape("\(report.title) — \(report.period)"))</dc:title>\
        <dc:subject>\(XMLText.escape("Programma \(report.programme), \(report.organisation)"))</dc:subject>\
        <meta:initial-creator>\(XMLText.escape(report.author))</meta:initial-creator><dc:creator>\(XMLText.escape(report.author))</dc:creator>\
        <dc:language>nl-NL</dc:language></office:meta></office:document-meta>
        """
    }

    static func manifest(pictures: [String]) -> String {
        let entries = pictures.map { path in
            "<manifest:file-entry manifest:full-path=\"\(path)\" manifest:media-type=\"\(path.hasSuffix(".svg") ? "image/svg+xml" : "image/png")\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
            <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
            <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>\
            <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>\(entries)\
            </manifest:manifest>
            """
    }
}
