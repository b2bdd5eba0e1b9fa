#!/usr/bin/env python3
"""Writes a progress report workbook of N projects for the import benchmark:
    scripts/make-large-workbook.py 100000 /tmp/groot.xlsx"""
import sys
from openpyxl import Workbook

rows = int(sys.argv[1])
path = sys.argv[2]
lights = ["Groen", "Oranje", "Rood", "Afgerond", "Op schema", "Vraagt aandacht"]
quarters = ["Q1 2025", "Q2 2025", "2e helft 2025", "november 2025"]
wb = Workbook(write_only=True)
ws = wb.create_sheet("Projecten")
ws.append(["Programma", "Groot Programma"])
ws.append(["Rapportageperiode", "januari t/m april 2025"])
ws.append(["Nr", "Project", "Projectleider", "Status", "Toelichting", "Gereed"])
for i in range(1, rows + 1):
    ws.append([i, f"Project {i} in de wijk {i % 97}", f"Medewerker {i % 400}", lights[i % len(lights)],
               f"Voortgang van project {i}: de planning is bijgewerkt en de raad is geïnformeerd.", quarters[i % len(quarters)]])
wb.save(path)
