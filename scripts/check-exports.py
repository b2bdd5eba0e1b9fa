#!/usr/bin/env python3
"""Opens every document `stoplicht report` writes with an independent reader and checks
what the council's clerks need: all 36 projects of the seed with their leaders and lights
in the ODT (odfpy), the DOCX (python-docx), the XLSX (openpyxl: typed number, frozen
header, autofilter, filled light cells) and the CSV; every project name in the PDF
(pdftotext); PDF/A identification, output intent, title, author and language (pikepdf),
embedded fonts (pdffonts), structure (qpdf --check); and LibreOffice converting the ODT
and the DOCX without error.

    pip install odfpy python-docx openpyxl pikepdf
    apt-get install poppler-utils qpdf libreoffice-writer-nogui
    python3 scripts/check-exports.py DIR   (DIR holds rapportage.{odt,docx,xlsx,csv,pdf})
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile

DIR = sys.argv[1]
EXPECTED_COUNTS = {"Groen": 4, "Oranje": 3, "Rood": 0, "Grijs": 5, "": 24}
failures = []


def check(condition, message):
    print(("ok:   " if condition else "FOUT: ") + message)
    if not condition:
        failures.append(message)


def path(ext):
    return os.path.join(DIR, "rapportage." + ext)


def first_line(text):
    return text.strip().split("\n")[0].strip()


def table_summary(rows, source):
    """rows: (number, name, leaders, light) per project, as the reader found them."""
    check(len(rows) == 36, f"{source}: 36 projects (found {len(rows)})")
    check([r[0] for r in rows] == list(range(1, 37)), f"{source}: numbered 1 to 36 in order")
    counts = {light: sum(1 for r in rows if r[3] == light) for light in EXPECTED_COUNTS}
    check(counts == EXPECTED_COUNTS, f"{source}: lights {counts}")
    by_number = {r[0]: r for r in rows}
    check("Walter de Haan" in by_number[1][2], f"{source}: project 1 led by Walter de Haan")
    check("Sieka Geldof" in " ".join(r[2] for r in rows), f"{source}: Sieka Geldof among the leaders")
    check(sum(1 for r in rows if r[2].strip()) == 29, f"{source}: leaders on the 29 projects that have them")
    return {r[0]: (first_line(r[1]), r[2].strip(), r[3]) for r in rows}


def light_word(text):
    text = text.strip()
    for word in ("Groen", "Oranje", "Rood", "Grijs"):
        if text.startswith(word):
            return word
    return ""


# CSV: UTF-8 with BOM, semicolons.
raw = open(path("csv"), "rb").read()
check(raw.startswith(b"\xef\xbb\xbf"), "CSV starts with the UTF-8 byte order mark")
reader = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
check(reader[0][:4] == ["Nr.", "Project", "Projectleider", "Status"], f"CSV header {reader[0][:4]}")
csv_table = table_summary([(int(r[0]), r[1], r[2], r[3]) for r in reader[1:]], "CSV")

# XLSX with openpyxl.
import openpyxl
wb = openpyxl.load_workbook(path("xlsx"))
ws = wb.worksheets[0]
check(ws.title == "Projecten", "XLSX: first sheet is Projecten")
check(ws.freeze_panes == "A2", f"XLSX: header row frozen ({ws.freeze_panes})")
check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"), f"XLSX: autofilter {ws.auto_filter.ref}")
values = list(ws.iter_rows(min_row=2, values_col_idx=None)) if False else list(ws.iter_rows(min_row=2))
check(all(isinstance(row[0].value, int) for row in values), "XLSX: the number column holds numbers")
lit = [row[3] for row in values if row[3].value]
check(all(cell.fill.fgColor.rgb not in (None, "00000000") and cell.fill.fill_type == "solid" for cell in lit),
      "XLSX: every light cell is filled")
colours = {cell.value: cell.fill.fgColor.rgb for cell in lit}
check(len(set(colours.values())) == len(colours), f"XLSX: each light its own colour {colours}")
xlsx_table = table_summary([(row[0].value, row[1].value or "", row[2].value or "", row[3].value or "") for row in values], "XLSX")

# ODT with odfpy.
from odf.opendocument import load
from odf import table as odftable, text as odftext
from odf.element import Element


def odf_text(element):
    parts = []
    for node in element.childNodes:
        if node.nodeType == node.TEXT_NODE:
            parts.append(node.data)
        elif node.qname[1] in ("p", "h"):
            parts.append(odf_text(node) + "\n")
        elif node.qname[1] == "line-break":
            parts.append("\n")
        else:
            parts.append(odf_text(node))
    return "".join(parts)


odt = load(path("odt"))
tables = odt.getElementsByType(odftable.Table)
annex = tables[-1]
rows = annex.getElementsByType(odftable.TableRow)
odt_rows = []
for row in rows:
    cells = row.getElementsByType(odftable.TableCell)
    texts = [odf_text(c) for c in cells]
    if texts and texts[0].strip().isdigit():
        odt_rows.append((int(texts[0].strip()), texts[1], texts[2].replace("\n", ", ").strip(", "), light_word(texts[3])))
headings = [odf_text(h).strip() for h in odt.getElementsByType(odftext.H)]
check("Legenda" in headings and any(h.endswith("Financiën") for h in headings), f"ODT: headings as headings ({len(headings)})")
check(len(odt.getElementsByType(odftext.List)) > 0, "ODT: lists as lists")
check(len(annex.getElementsByType(odftable.TableHeaderRows)) == 1, "ODT: the annex has a repeated header row")
odt_table = table_summary(odt_rows, "ODT")

# DOCX with python-docx.
import docx
document = docx.Document(path("docx"))
check(document.core_properties.language == "nl-NL", "DOCX: language nl-NL")
check(any(p.style.name == "Heading 1" for p in document.paragraphs), "DOCX: Heading 1 used")
check(any(p.style.name == "List Paragraph" for p in document.paragraphs), "DOCX: list paragraphs")
annex = document.tables[-1]
header = annex.rows[0]._tr
check(header.trPr is not None and header.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None,
      "DOCX: the annex header row repeats on every page")
docx_rows = []
for row in annex.rows[1:]:
    texts = [cell.text for cell in row.cells]
    docx_rows.append((int(texts[0]), texts[1], texts[2].replace("\n", ", "), light_word(texts[3])))
shaded = [c for row in annex.rows[1:] for c in [row.cells[3]] if light_word(c.text)]
check(all("w:shd" in c._tc.xml for c in shaded), "DOCX: every light cell is shaded")
docx_table = table_summary(docx_rows, "DOCX")

check(csv_table == xlsx_table == odt_table == docx_table, "CSV, XLSX, ODT and DOCX hold the same projects, leaders and lights")

# PDF.
text = subprocess.run(["pdftotext", "-raw", path("pdf"), "-"], capture_output=True, text=True, check=True).stdout
def flatten(text):
    """White space as one space, and a word hyphenated at a line end whole again."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text))


flat = flatten(text)
missing = [name for number, (name, _, _) in csv_table.items() if flatten(name)[:40] not in flat]
check(not missing, f"PDF: every project name found by pdftotext (missing: {missing[:3]})")
import pikepdf
pdf = pikepdf.open(path("pdf"))
meta = pdf.open_metadata()
check(meta.get("pdfaid:part") == "3" and meta.get("pdfaid:conformance") == "B", "PDF: identifies as PDF/A-3B")
check(len(pdf.Root.get("/OutputIntents", [])) >= 1, "PDF: has an output intent")
check(str(pdf.Root.get("/Lang")) in ("nl", "nl-NL"), f"PDF: language {pdf.Root.get('/Lang')}")
check("Voortgangsrapportage" in str(pdf.docinfo.get("/Title")), f"PDF: title {pdf.docinfo.get('/Title')}")
check(bool(str(pdf.docinfo.get("/Author", ""))), f"PDF: author {pdf.docinfo.get('/Author')}")
fonts = subprocess.run(["pdffonts", path("pdf")], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
check(fonts and all(line.split()[-5] == "yes" for line in fonts), f"PDF: all {len(fonts)} fonts embedded")
qpdf = subprocess.run(["qpdf", "--check", path("pdf")], capture_output=True, text=True)
check(qpdf.returncode == 0, "PDF: qpdf --check finds no errors")

# The Financiën section: the chart as SVG with a title and a description, a PNG for
# readers without SVG, and the table, in the ODT, the DOCX and the PDF.
import zipfile
import zlib
import xml.etree.ElementTree as ET


def png_ok(data):
    """A valid PNG: signature, chunk CRCs, and image data that inflates to the rows."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return False
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if zlib.crc32(kind + body) != int.from_bytes(data[pos + 8 + length:pos + 12 + length], "big"):
            return False
        if kind == b"IHDR":
            width, height = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big")
        if kind == b"IDAT":
            idat += body
        pos += 12 + length
    return len(zlib.decompress(idat)) == (width + 1) * height


SVG = "{http://www.w3.org/2000/svg}"
for ext, svg_path, png_path in (("odt", "Pictures/grafiek1.svg", "Pictures/grafiek1.png"),
                                ("docx", "word/media/grafiek1.svg", "word/media/grafiek1.png")):
    with zipfile.ZipFile(path(ext)) as package:
        names = package.namelist()
        check(svg_path in names and png_path in names, f"{ext.upper()}: the finance chart as SVG and PNG")
        if svg_path in names:
            svg = ET.fromstring(package.read(svg_path))
            title, desc = svg.find(SVG + "title"), svg.find(SVG + "desc")
            check(svg.get("role") == "img" and title is not None and desc is not None and "Tekort bij 2." in desc.text,
                  f"{ext.upper()}: the SVG says in words what it shows ({desc.text[:60] if desc is not None else None}…)")
        if png_path in names:
            check(png_ok(package.read(png_path)), f"{ext.upper()}: the fallback PNG is valid")
        if ext == "odt":
            content = package.read("content.xml").decode()
            manifest = package.read("META-INF/manifest.xml").decode()
            check("<draw:frame" in content and "<svg:title>Budget en besteding" in content and "<svg:desc>" in content,
                  "ODT: the chart is a frame with a title and description")
            check('manifest:full-path="Pictures/grafiek1.svg" manifest:media-type="image/svg+xml"' in manifest, "ODT: the manifest lists the chart")
        else:
            body = package.read("word/document.xml").decode()
            rels = package.read("word/_rels/document.xml.rels").decode()
            check("asvg:svgBlip" in body and 'descr="Per project de begroting' in body, "DOCX: the picture has the SVG and alternative text")
            check('Target="media/grafiek1.svg"' in rels and 'Target="media/grafiek1.png"' in rels, "DOCX: the relationships name both pictures")
# The roadmap in the Tijd & capaciteit section: the second picture.
for ext, svg_path in (("odt", "Pictures/grafiek2.svg"), ("docx", "word/media/grafiek2.svg")):
    with zipfile.ZipFile(path(ext)) as package:
        ok = svg_path in package.namelist()
        title = ET.fromstring(package.read(svg_path)).find(SVG + "title").text if ok else ""
        check(ok and title.startswith("Tijdlijn programma"), f"{ext.upper()}: the roadmap as a picture ({title})")
check("Tijdlijn per kwartaal" in flat, "PDF: the roadmap's caption")
finance_rows = [t for t in document.tables if t.rows and t.rows[0].cells[0].text == "Project" and len(t.columns) == 6]
check(bool(finance_rows) and any("Tekort € 2.500,00" in c.text for r in finance_rows[0].rows for c in r.cells),
      "DOCX: the finance table shows project 2's shortfall")
check("Begroot, gerealiseerd, verplicht en verwacht" in flat and "Tekort € 2.500,00" in flat and "1 offerte zonder bedrag" in flat,
      "PDF: the finance table with the shortfall and the quote without an amount")
check("Budget en besteding per project" in flat, "PDF: the chart's caption")

# LibreOffice opens the ODT and the DOCX.
with tempfile.TemporaryDirectory() as out:
    for ext in ("odt", "docx"):
        run = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{out}/profiel",
                              "--convert-to", "pdf", "--outdir", out, path(ext)], capture_output=True, text=True, timeout=300)
        converted = os.path.join(out, "rapportage.pdf")
        ok = run.returncode == 0 and os.path.exists(converted)
        names = 0
        if ok:
            lo_text = flatten(subprocess.run(["pdftotext", "-raw", converted, "-"], capture_output=True, text=True).stdout)
            names = sum(1 for name, _, _ in csv_table.values() if flatten(name)[:30] in lo_text)
            os.remove(converted)
        check(ok and names == 36, f"LibreOffice converts the {ext.upper()} without error ({names} of 36 project names in its PDF)")
        if ok and ext == "odt":
            check("€ 18.750" in lo_text, "LibreOffice draws the ODT's SVG chart with its words (its axis)")

print(f"exports: {len(failures)} failures")
sys.exit(1 if failures else 0)
