#!/usr/bin/env python3
"""Measures the report PDF's annex (the project table on landscape pages).

    python3 scripts/check-annex-layout.py stress PROJECTS.csv OUT_PLAIN.csv OUT_DIMENSIONS.csv
        From the report's CSV (`stoplicht report --format csv`): the same projects with a
        long remark each, once without and once with a light for every GOTIK dimension.
    python3 scripts/check-annex-layout.py measure PLAIN.pdf DIMENSIONS.pdf
        Fails unless the annex with dimension lights takes at most 1.5 times the pages of the
        annex without, every annex page repeats the table's header row, and no line of a
        wrapped remark is narrower than 20 characters. With STOPLICHT_SCREENSHOTS=DIR the
        annex pages are written there as PNG images.

    pip install pdfplumber; apt-get install poppler-utils
"""
import csv
import io
import os
import subprocess
import sys

CAPTION = "Projectplanning, status en toelichting"
HEADER = ("Nr.", "Project", "Projectleider", "Status", "Opmerking(en)")
DIMENSIONS = ("Geld", "Organisatie", "Tijd", "Informatie", "Kwaliteit")
LIGHTS = ("Groen", "Oranje", "Rood")
REMARK = ("Project {n}: de aanbesteding is afgerond en de leverancier is in oktober gestart met de "
          "inrichting van de testomgeving. De koppeling met het zaaksysteem vraagt meer tijd dan "
          "gepland, omdat de gegevens van de oude applicatie eerst worden opgeschoond. De "
          "stuurgroep heeft in november besloten de livegang met een maand uit te stellen; de "
          "extra kosten blijven binnen het krediet. Volgende periode: acceptatietest met de "
          "afdeling Burgerzaken, opleiding van de medewerkers en de overdracht aan de "
          "lijnorganisatie, met een evaluatie van de eerste drie maanden.")
failures = []


def check(condition, message):
    print(("ok:   " if condition else "FOUT: ") + message)
    if not condition:
        failures.append(message)


def stress(source, plain, dimensions):
    rows = list(csv.reader(io.StringIO(open(source, encoding="utf-8-sig").read()), delimiter=";"))
    header = rows[0]
    number, name, leader, light = (header.index(h) for h in ("Nr.", "Project", "Projectleider", "Status"))
    for path, with_dimensions in ((plain, False), (dimensions, True)):
        with open(path, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter=";")
            writer.writerow(["Nr.", "Project", "Projectleider", "Status"]
                            + (list(DIMENSIONS) if with_dimensions else []) + ["Toelichting"])
            for index, row in enumerate(rows[1:]):
                lights = [LIGHTS[(index + d) % len(LIGHTS)] for d in range(len(DIMENSIONS))] if with_dimensions else []
                writer.writerow([row[number], row[name].split("\n")[0], row[leader], row[light] or "Groen"]
                                + lights + [REMARK.format(n=row[number])])


def annex_pages(pdf):
    """The pages from the one with the table's caption to the end: the annex is the last section."""
    for index, page in enumerate(pdf.pages):
        if CAPTION in (page.extract_text() or ""):
            return pdf.pages[index:]
    return []


def narrow_remark_lines(page):
    """Lines of a wrapped remark (any line of a paragraph but its last) under 20 characters."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=["size"])
    column = [w for w in words if w["text"] == "Opmerking(en)"]
    if not column:
        return []
    left = column[0]["x0"] - 1
    lines = {}
    for word in words:
        if word["x0"] >= left and word["top"] > column[0]["bottom"]:
            lines.setdefault(round(word["top"]), []).append(word)
    ordered = [(top, sorted(ws, key=lambda w: w["x0"])) for top, ws in sorted(lines.items())]
    narrow = []
    for (top, ws), following in zip(ordered, ordered[1:] + [(None, None)]):
        size = max(w["size"] for w in ws)
        text = " ".join(w["text"] for w in ws)
        continues = following[0] is not None and following[0] - top <= size * 1.6
        if continues and len(text) < 20:
            narrow.append(text)
    return narrow


def measure(plain_path, dimensions_path):
    import pdfplumber
    with pdfplumber.open(plain_path) as plain, pdfplumber.open(dimensions_path) as stressed:
        before, after = annex_pages(plain), annex_pages(stressed)
        check(len(before) > 0 and len(after) > 0, f"the annex found in both PDFs ({len(before)} and {len(after)} pages)")
        if not before or not after:
            return
        ratio = len(after) / len(before)
        check(ratio <= 1.5, f"annex with every dimension light: {len(after)} pages against {len(before)} without "
                            f"({ratio:.2f}x, at most 1.5x); whole PDF {len(stressed.pages)} against {len(plain.pages)} pages")
        for label, pages in (("zonder", before), ("met", after)):
            missing = [page.page_number for page in pages
                       if not all(h in (page.extract_text() or "") for h in HEADER)]
            check(not missing, f"PDF {label} dimensielichten: the header row on every annex page (missing on {missing})")
        for label, pages in (("zonder", before), ("met", after)):
            narrow = [(page.page_number, text) for page in pages for text in narrow_remark_lines(page)]
            check(not narrow, f"PDF {label} dimensielichten: no wrapped remark line under 20 characters "
                              f"({len(narrow)} found{': ' + repr(narrow[:5]) if narrow else ''})")
        text = "\n".join(page.extract_text() or "" for page in after)
        check(all(f"{d}: " in text for d in DIMENSIONS), "every dimension's light is named in the annex")
        shots = os.environ.get("STOPLICHT_SCREENSHOTS")
        if shots:
            os.makedirs(shots, exist_ok=True)
            for label, path, pages in (("zonder", plain_path, before), ("met", dimensions_path, after)):
                first = pages[0].page_number
                subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(first), "-l", str(first + 1), path,
                                os.path.join(shots, f"bijlage-{label}")], check=True)


if __name__ == "__main__":
    if sys.argv[1] == "stress":
        stress(*sys.argv[2:5])
    else:
        measure(*sys.argv[2:4])
        print(f"annex layout: {'failed' if failures else 'passed'}")
        sys.exit(1 if failures else 0)
