import Foundation

/// The annex table as an Excel workbook: the projects on the first sheet under a frozen
/// header row with an autofilter, the number as a number, each light's cell filled in its
/// colour with its word; a second sheet says which programme and period it is.
public enum XLSXExport {
    public static func data(_ report: ReportExport) throws -> Data {
        try ZipWriter.package([
            .init("[Content_Types].xml", contentTypes),
            .init("_rels/.rels", rootRelationships),
            .init("docProps/core.xml", core(report)),
            .init("xl/workbook.xml", workbook(report)),
            .init("xl/_rels/workbook.xml.rels", workbookRelationships),
            .init("xl/styles.xml", styles),
            .init("xl/worksheets/sheet1.xml", projectSheet(report)),
            .init("xl/worksheets/sheet2.xml", aboutSheet(report)),
        ])
    }

    /// "A", "B", …, "Z", "AA": the column's letters.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(65 + r)!) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Style indexes of `styles`.
    enum Style: Int {
        case plain = 0
        case header, wrapped, number
        case lightPositive, lightWarning, lightNegative, lightNeutral, lightInfo

        static func light(_ tone: LightDefinition.Tone) -> Style {
            switch tone {
            case .positive: .lightPositive
            case .warning: .lightWarning
            case .negative: .lightNegative
            case .neutral: .lightNeutral
            case .info: .lightInfo
            }
        }
    }

    static func text(_ reference: String, _ value: String, _ style: Style) -> String {
        guard !value.isEmpty else { return "<c r=\"\(reference)\" s=\"\(style.rawValue)\"/>" }
        return
            "<c r=\"\(reference)\" t=\"inlineStr\" s=\"\(style.rawValue)\"><is><t xml:space=\"preserve\">\(XMLText.escape(value))</t></is></c>"
    }

    static func projectSheet(_ report: ReportExport) -> String {
        let headers = report.tableHeaders
        let lastColumn = column(headers.count - 1)
        let lightColumns = Set([3] + report.dimensions.indices.map { 4 + $0 })
        var rows =
            "<row r=\"1\">" + headers.enumerated().map { text("\(column($0.offset))1", $0.element, .header) }.joined()
            + "</row>"
        for (index, row) in report.rows.enumerated() {
            let r = index + 2
            var cells = "<c r=\"A\(r)\" s=\"\(Style.number.rawValue)\"><v>\(row.number)</v></c>"
            let lights = [row.light] + row.dimensionLights
            for (c, value) in report.cells(row).enumerated().dropFirst() {
                let reference = "\(column(c))\(r)"
                if lightColumns.contains(c), let light = lights[c - 3] {
                    cells += text(reference, value, .light(light.tone))
                } else {
                    cells += text(reference, value, .wrapped)
                }
            }
            rows += "<row r=\"\(r)\">\(cells)</row>"
        }
        let widths = [6, 45, 26, 12] + report.dimensions.map { _ in 13 } + [18, 18, 90]
        let cols = widths.enumerated().map {
            "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <dimension ref="A1:\(lastColumn)\(report.rows.count + 1)"/>\
            <sheetViews><sheetView workbookViewId="0" tabSelected="1"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols>\(cols)</cols><sheetData>\(rows)</sheetData>\
            <autoFilter ref="A1:\(lastColumn)\(report.rows.count + 1)"/>\
            <pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>\
            <pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>\
            </worksheet>
            """
    }

    static func aboutSheet(_ report: ReportExport) -> String {
        let facts =
            [
                ("Rapportage", report.title), ("Gemeente", report.organisation), ("Programma", report.programme),
                ("Rapportageperiode", report.period),
            ] + report.cover.map { ($0.label, $0.value) }
        let rows = facts.enumerated().map { index, fact in
            "<row r=\"\(index + 1)\">\(text("A\(index + 1)", fact.0, .header))\(text("B\(index + 1)", fact.1, .wrapped))</row>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <cols><col min="1" max="1" width="26" customWidth="1"/><col min="2" max="2" width="70" customWidth="1"/></cols>\
            <sheetData>\(rows)</sheetData></worksheet>
            """
    }

    static func workbook(_ report: ReportExport) -> String {
        let last = column(report.tableHeaders.count - 1)
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <bookViews><workbookView activeTab="0"/></bookViews>\
            <sheets><sheet name="Projecten" sheetId="1" r:id="rId1"/><sheet name="Rapportage" sheetId="2" r:id="rId2"/></sheets>\
            <definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Projecten!$A$1:$\(last)$\(report.rows.count + 1)</definedName>\
            <definedName name="_xlnm.Print_Titles" localSheetId="0">Projecten!$1:$1</definedName></definedNames>\
            </workbook>
            """
    }

    static var styles: String {
        let tones: [LightDefinition.Tone] = [.positive, .warning, .negative, .neutral, .info]
        let toneFills = tones.map {
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(LightColours.fill($0))\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }.joined()
        let toneFonts = tones.map {
            "<font><b/><sz val=\"11\"/><color rgb=\"FF\(LightColours.text($0))\"/><name val=\"Calibri\"/></font>"
        }.joined()
        let toneXfs = tones.indices.map { i in
            "<xf numFmtId=\"0\" fontId=\"\(2 + i)\" fillId=\"\(3 + i)\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="\(2 + tones.count)"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>\(toneFonts)</fonts>\
            <fills count="\(3 + tones.count)"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF4"/><bgColor indexed="64"/></patternFill></fill>\(toneFills)</fills>\
            <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
            <border><left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right>\
            <top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="\(4 + tones.count)">\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
            <xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>\
            \(toneXfs)</cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
    }

    static func core(_ report: ReportExport) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>\(XMLText.escape("\(report.title) — \(report.period)"))</dc:title><dc:creator>\(XMLText.escape(report.author))</dc:creator>\
        <dc:language>nl-NL</dc:language></cp:coreProperties>
        """
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """
}
