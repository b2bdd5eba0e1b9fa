#!/usr/bin/env python3
"""Writes the import test fixtures: progress reports of other municipalities, shaped
differently from the seed, made with the libraries their tools use (python-docx, odfpy,
openpyxl). The files are committed; run this again only to change them:

    pip install python-docx odfpy openpyxl
    scripts/make-import-fixtures.py
"""
import datetime
import os
import sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "Import")


def word_dimensions():
    """Gemeente Heuvelrug: Word, Dutch headers, lights as words per dimension (Tijd, Geld,
    Kwaliteit), a leader merged down over two projects, a table continued after a page
    break without its header, a cell with two paragraphs and a list."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document()
    doc.core_properties.author = "Gemeente Heuvelrug"
    doc.add_heading("Voortgangsrapportage programma Fysiek Domein", level=0)
    doc.add_paragraph("Programma: Fysiek Domein")
    doc.add_paragraph("Rapportageperiode: januari t/m april 2024")
    doc.add_paragraph("Programmamanager: Ilse Bakker")
    doc.add_heading("1. Inleiding", level=1)
    doc.add_paragraph("Het programma ligt op koers. Twee projecten vragen aandacht.")
    doc.add_heading("2. Gevraagde besluiten", level=1)
    doc.add_paragraph("Instemmen met het uitstellen van de herinrichting van het Marktplein.")
    doc.add_heading("3. Bijlage: projecten", level=1)

    rows = [
        ("Nr", "Project", "Trekker", "Tijd", "Geld", "Kwaliteit", "Toelichting"),
        ("1", "Herinrichting Marktplein", "Joost Smit", "bijsturen", "vraagt aandacht", "op schema", None),
        ("2", "Fietspad Langbroek", "", "op schema", "op schema", "op schema", "Aanbesteding afgerond. Oplevering Q3 2024."),
        ("3", "Warmtevisie", "Fatima El Amrani", "vraagt aandacht", "op schema", "op schema", "Participatie loopt langer dan gepland."),
    ]
    table = doc.add_table(rows=len(rows), cols=7)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = value
    # Project 1's remarks: two paragraphs and a list.
    cell = table.cell(1, 6)
    cell.text = "De aannemer heeft vertraging door de levering van natuursteen."
    cell.add_paragraph("Maatregelen:")
    cell.add_paragraph("Planning herzien met de aannemer", style="List Bullet")
    cell.add_paragraph("Bewoners informeren via de wijkkrant", style="List Bullet")
    # Joost Smit leads projects 1 and 2: the leader cell is merged down.
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(1, 2).text = "Joost Smit"
    # The header row repeats on every page.
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # The table continues after the page break, without a header: first a row that
    # continues project 3's remarks, then project 4.
    rest = [
        ("", "", "", "", "", "", "Eerste bijeenkomst in maart; tweede in mei."),
        ("4", "Omgevingsvisie", "Afdeling Ruimte", "op schema", "niet van toepassing", "op schema", "Vastgesteld door de raad. AFGEROND."),
    ]
    table2 = doc.add_table(rows=len(rest), cols=7)
    for r, row in enumerate(rest):
        for c, value in enumerate(row):
            table2.cell(r, c).text = value
    doc.save(os.path.join(HERE, "heuvelrug-dimensies.docx"))


def odt_periods():
    """Gemeente Zeewolde: OpenDocument text, colour words (groen, geel, rood), lights for
    the previous, current and next period, a project without a leader whose name spans
    the leader column, a leader spanning two rows, and a row that continues a project."""
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableColumn, TableRow, TableCell, CoveredTableCell, TableHeaderRows
    from odf.text import H, P, List, ListItem

    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text="Programma Sociaal Domein"))
    doc.text.addElement(P(text="Rapportageperiode: mei t/m augustus 2024"))
    doc.text.addElement(P(text="Bestuurlijk opdrachtgever: wethouder Anouk de Graaf"))
    doc.text.addElement(H(outlinelevel=2, text="Successen"))
    doc.text.addElement(P(text="De jeugdhulp is per 1 juli regionaal ingekocht."))
    doc.text.addElement(H(outlinelevel=2, text="Risico's"))
    lst = List()
    for risk in ["Tekort aan jeugdzorgaanbieders in de regio.", "Stijgende kosten Wmo-vervoer."]:
        item = ListItem()
        item.addElement(P(text=risk))
        lst.addElement(item)
    doc.text.addElement(lst)
    doc.text.addElement(H(outlinelevel=2, text="Projecten"))

    table = Table(name="Projecten")
    for _ in range(7):
        table.addElement(TableColumn())

    def cell(text="", **kw):
        c = TableCell(valuetype="string", **kw)
        for paragraph in ([text] if isinstance(text, str) else text):
            if paragraph:
                c.addElement(P(text=paragraph))
        return c

    head = TableHeaderRows()
    tr = TableRow()
    for h in ["Nummer", "Project", "Projectleider", "Vorige periode", "Huidige periode", "Komende periode", "Toelichting"]:
        tr.addElement(cell(h))
    head.addElement(tr)
    table.addElement(head)

    tr = TableRow()  # no leader: the name spans the leader column
    tr.addElement(cell("1"))
    tr.addElement(cell("Inkoop jeugdhulp", numbercolumnsspanned=2))
    tr.addElement(CoveredTableCell())
    for value in ["geel", "groen", "groen", "Contracten getekend."]:
        tr.addElement(cell(value))
    table.addElement(tr)

    tr = TableRow()  # Pieter Kok leads projects 2 and 3
    tr.addElement(cell("2"))
    tr.addElement(cell("Wmo-vervoer"))
    tr.addElement(cell("Pieter Kok", numberrowsspanned=2))
    for value in ["groen", "geel", "rood", "Vervoerder failliet; noodcontract tot januari."]:
        tr.addElement(cell(value))
    table.addElement(tr)

    tr = TableRow()
    tr.addElement(cell("3"))
    tr.addElement(cell("Armoedebeleid"))
    tr.addElement(CoveredTableCell())
    for value in ["rood", "rood", "geel", "Nieuwe regeling vanaf januari."]:
        tr.addElement(cell(value))
    table.addElement(tr)

    tr = TableRow()  # continues project 3 (a page break in the original)
    for value in ["", "", "", "", "", "", ["Evaluatie in het najaar.", "Raadsinformatiebrief volgt."]]:
        tr.addElement(cell(value))
    table.addElement(tr)
    doc.text.addElement(table)
    doc.save(os.path.join(HERE, "zeewolde-perioden.odt"))


def excel_english():
    """City of Stratford-style English workbook: title rows above the header, English
    headers, the UK five-point DCA scale, Excel dates, amounts, an owner merged down over
    two rows and a second sheet that is no project table."""
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Portfolio"
    ws.append(["Programme:", "Digital Services"])
    ws.append(["Period:", "april t/m juni 2024"])
    ws.append([])
    ws.append(["No.", "Project", "Owner", "DCA", "Commentary", "Due date", "Budget"])
    ws.append([1, "Website replatforming", "Tom Hughes", "Amber/Green", "Supplier appointed; migration started.", datetime.date(2024, 11, 15), 649000000])
    ws.append([2, "Customer portal", None, "Amber/Red", "Integration with case system delayed.", "Q4 2024", "€ 1.234.567,89"])
    ws.append([3, "Data platform", "Priya Shah", "Green", "On track.", "2e helft 2025", "-12,5%"])
    ws.append([4, "Telephony", "Priya Shah", "Red", "Contract dispute with the vendor.", "november 2024", "(12,50)"])
    ws.merge_cells("C5:C6")
    for row in range(5, 9):
        ws.cell(row=row, column=6).number_format = "dd-mm-yyyy"
    ws.cell(row=5, column=7).number_format = "#,##0"
    green = PatternFill(fill_type="solid", fgColor="FF00B050")
    ws.cell(row=7, column=4).fill = green
    notes = wb.create_sheet("Notes")
    notes.append(["Legend", "Meaning"])
    notes.append(["Green", "Successful delivery highly likely"])
    wb.save(os.path.join(HERE, "stratford-dca.xlsx"))


def ods_sheet():
    """Gemeente Almere-style OpenDocument spreadsheet: cover rows above the header, a date
    cell, a light column of words, empty cells repeated to the sheet's edge, and an owner
    spanning two rows."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell, CoveredTableCell
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Voortgang")

    def cell(text="", **kw):
        c = TableCell(**kw)
        if text:
            c.addElement(P(text=text))
        return c

    def row(*cells, trailing=True):
        tr = TableRow()
        for c in cells:
            tr.addElement(c)
        if trailing:
            tr.addElement(TableCell(numbercolumnsrepeated=1000))
        table.addElement(tr)

    row(cell("Programma", valuetype="string"), cell("Duurzaam Almere", valuetype="string"))
    row(cell("Periode", valuetype="string"), cell("januari t/m juni 2025", valuetype="string"))
    row(*[cell(h, valuetype="string") for h in ["Nr", "Project", "Trekker", "Status", "Gereed", "Toelichting"]])
    row(cell("1", valuetype="float", value="1"), cell("Zonnepanelen op scholen", valuetype="string"),
        cell("Team Energie", valuetype="string", numberrowsspanned=2), cell("op koers", valuetype="string"),
        cell("15-09-2025", valuetype="date", datevalue="2025-09-15"), cell("Twaalf scholen aangesloten.", valuetype="string"))
    row(cell("2", valuetype="float", value="2"), cell("Warmtenet Poort", valuetype="string"), CoveredTableCell(),
        cell("deels vertraagd", valuetype="string"), cell("Q1 2026", valuetype="string"), cell("Vergunning later verleend.", valuetype="string"))
    empty = TableRow(numberrowsrepeated=1048000)
    empty.addElement(TableCell(numbercolumnsrepeated=1024))
    table.addElement(empty)
    doc.spreadsheet.addElement(table)
    doc.save(os.path.join(HERE, "almere-rekenblad.ods"))


if __name__ == "__main__":
    os.makedirs(HERE, exist_ok=True)
    word_dimensions()
    odt_periods()
    excel_english()
    ods_sheet()
    print("fixtures written to", os.path.normpath(HERE), file=sys.stderr)
