#!/usr/bin/env python3
"""Runs axe-core (through axe-playwright-python and Debian's chromium) on every page type
of a running Stoplicht and fails on serious or critical WCAG violations. On every page it
also walks the page with the Tab key, as a keyboard user does, and fails where a link,
button or form field is never reached or shows no visible focus; and it fails where the
page is wider than a window of 390, 768 or 1280 px (it would scroll sideways).

    pip install axe-playwright-python
    python3 scripts/check-accessibility.py http://127.0.0.1:8080
"""
import os
import re
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
# Each page with the status it answers and words of its <h1>: a page that answers otherwise
# (a 403, a 500, the login page) is not the page meant, and fails instead of being audited.
PAGES = [
    ("/", 200, "Programma's"),
    ("/?zoek=woudenberg", 200, "Programma's"),  # the start page with its search, as a shared installation shows it
    ("/programmas/dienstverlening", 200, "Programma Dienstverlening"),
    ("/programmas/dienstverlening/projecten/18", 200, "Zaakgericht werken invoeren"),
    ("/programmas/dienstverlening/verloop", 200, "Verloop per periode — Programma Dienstverlening"),
    ("/programmas/dienstverlening/perioden/juni-t-m-oktober-2018", 200, "Voortgangsrapportage programma dienstverlening"),
    ("/programmas/bestaat-niet", 404, "Pagina niet gevonden"),
    ("/inloggen", 200, "Inloggen"),
]
# After logging in.
PRIVATE_PAGES = [
    ("/importeren", 200, "Rapportage importeren"),
    ("/programmas/dienstverlening/projecten/1/bijwerken?periode=juni-t-m-oktober-2018", 200, "Status bijwerken: 1. Aansluiten op"),
    ("/programmas/dienstverlening/beheer", 200, "Periode beheren"),
    ("/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/teksten", 200, "Teksten, besluiten en risico's"),
    ("/programmas/dienstverlening/projecten/nieuw", 200, "Project toevoegen"),
    ("/programmas/dienstverlening/projecten/2/wijzigen", 200, "Project wijzigen: 2. Doorontwikkelen website"),
    ("/programmas/dienstverlening/projecten/2/wijzigingen", 200, "Wijzigingen in project 2. Doorontwikkelen website"),
    ("/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/wijzigingen", 200, "Wijzigingen in de periode juni t/m oktober 2018"),
    ("/beheer/gebruikers", 200, "Gebruikers en rollen"),
    ("/programmas/dienstverlening/financien", 200, "Financiën"),
    ("/programmas/dienstverlening/tijdlijn", 200, "Tijdlijn"),
    ("/programmas/dienstverlening/projecten/3", 200, "Intranet"),
    ("/mijn-account/api-tokens", 200, "API-tokens"),
    ("/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/publiceren", 200, "Rapportage juni t/m oktober 2018 publiceren"),
]
# A form refused with its problems: an orange light without the explanation.
REFUSED_FORM = ("/programmas/dienstverlening/projecten/3/bijwerken?periode=juni-t-m-oktober-2018", 422, "Status bijwerken: 3. Intranet")
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "Import")
# Uploads whose preview pages are checked too: a plan, and columns to map by hand (a preview
# that cannot be imported as it is answers 422).
UPLOADS = [("heuvelrug-dimensies.docx", {"gemeente": "Gemeente Heuvelrug"}, 200),
           ("onbekende-kolommen.csv", {"programma": "dienstverlening", "periode": "mei t/m augustus 2019"}, 200),
           ("eigen-woorden.csv", {"programma": "dienstverlening", "periode": "mei t/m augustus 2019"}, 422)]
PREVIEW_HEADING = "Controleer de import"


PASSWORD = os.environ.get("STOPLICHT_DEMO_PASSWORD", "")


def log_in(page):
    """Logs in as the demo's beheerder through the login form."""
    page.goto(BASE + "/inloggen")
    page.fill("#email", "beheerder@voorbeeld.nl")
    page.fill("#wachtwoord", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/inloggen" not in page.url, "login failed"


def upload(page, name, fields):
    """Uploads a fixture as the form does; returns the preview's path."""
    with open(os.path.join(FIXTURES, name), "rb") as f:
        data = f.read()
    form_page = page.request.get(BASE + "/importeren").text()
    token = re.search(r'name="_csrf" value="([^"]+)"', form_page).group(1)
    form = dict(fields)
    form["_csrf"] = token
    form["bestand"] = {"name": name, "mimeType": "application/octet-stream", "buffer": data}
    response = page.request.post(BASE + "/importeren", multipart=form, max_redirects=0)
    location = response.headers.get("location", "")
    if response.status != 303 or not location.startswith("/importeren/"):
        sys.exit(f"uploading {name} answered {response.status} (location {location!r}), not the way to its preview")
    return location


def wrong_page(page, response, path, status, heading):
    """Why the page shown is not the one meant, or None: its status, where it ended up after
    any redirect, the words of its <h1>."""
    problems = []
    got = response.status if response else None
    if got != status:
        problems.append(f"status {got}, expected {status}")
    if page.url != BASE + path:
        problems.append(f"ended up at {page.url}")
    headings = page.locator("h1")
    text = headings.first.inner_text() if headings.count() else None
    if text is None or heading not in text:
        problems.append(f"<h1> {text!r}, expected {heading!r}")
    return "; ".join(problems) or None
# Everything a user can act on; hidden fields and elements not shown are left out. A closed
# <details> is opened first, as its summary (itself reached by Tab) opens with Enter.
INTERACTIVE = """
() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const all = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')];
  return all.filter(e => !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
            .map((e, i) => { e.dataset.keyboardCheck = String(i); return i; }).length;
}
"""
FOCUSED = """
() => {
  const e = document.activeElement;
  if (!e || e === document.body || !e.dataset.keyboardCheck) return null;
  const style = getComputedStyle(e);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  return [Number(e.dataset.keyboardCheck), visible, e.outerHTML.slice(0, 120)];
}
"""


def keyboard_check(page):
    """Tabs through the page from the top; answers what was never reached and what showed no focus."""
    total = page.evaluate(INTERACTIVE)
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    reached, unfocused = set(), []
    for _ in range(total + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        index, visible, html = focused
        if index in reached:
            break
        reached.add(index)
        if not visible:
            unfocused.append(html)
    missing = page.evaluate("""(reached) => [...document.querySelectorAll('[data-keyboard-check]')]
        .filter(e => !reached.includes(Number(e.dataset.keyboardCheck))).map(e => e.outerHTML.slice(0, 120))""", list(reached))
    return total, missing, unfocused


# The widths a page must fit without scrolling sideways: a phone, a tablet, a laptop.
WIDTHS = (390, 768, 1280)
# Elements that stick out of the window outside a region that scrolls on its own.
WIDER_THAN_WINDOW = """
() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.stoplicht-table-scroll'))
  .slice(0, 3).map(e => e.outerHTML.slice(0, 100))
"""


def width_check(page):
    """The widths at which the page is wider than the window, each with what sticks out."""
    too_wide = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        scroll_width, inner_width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        if scroll_width > inner_width:
            too_wide.append((width, scroll_width, page.evaluate(WIDER_THAN_WINDOW)))
    page.set_viewport_size({"width": 1280, "height": 720})
    return too_wide


OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


def main() -> int:
    axe = Axe()
    failures = 0
    failed_pages = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        log_in(page)
        pages = PAGES + PRIVATE_PAGES + [(upload(page, name, fields), status, PREVIEW_HEADING) for name, fields, status in UPLOADS]
        pages.append((REFUSED_FORM[0] + " (geweigerd)", *REFUSED_FORM[1:]))
        for path, status, heading in pages:
            refused = path.endswith(" (geweigerd)")
            address = REFUSED_FORM[0] if refused else path
            if refused:
                page.goto(BASE + address)
                page.select_option("#licht", "oranje")
                with page.expect_navigation() as navigation:
                    page.click("form.stoplicht-form button[type=submit]")
                response = navigation.value
                page.wait_for_load_state()
            else:
                response = page.goto(BASE + path)
            wrong = wrong_page(page, response, address, status, heading)
            if refused and "hoort een toelichting" not in page.content():
                wrong = (wrong + "; " if wrong else "") + "the refused form does not show its problem (hoort een toelichting)"
            if wrong:
                print(f"{path}: NOT THE PAGE MEANT, not audited: {wrong}")
                failures += 1
                failed_pages += 1
                continue
            results = axe.run(page, options=OPTIONS)
            violations = results.response["violations"]
            serious = [v for v in violations if v["impact"] in ("serious", "critical")]
            for v in violations:
                print(f"{path}: {v['impact']}: {v['id']}: {v['help']} ({len(v['nodes'])}x)")
                for node in v["nodes"][:3]:
                    print("    ", node["target"], node.get("failureSummary", "").replace("\n", " ")[:200])
            print(f"{path}: {len(violations)} violations, {len(serious)} serious or critical")
            total, missing, unfocused = keyboard_check(page)
            for html in missing[:5]:
                print(f"    not reachable by Tab: {html}")
            for html in unfocused[:5]:
                print(f"    no visible focus: {html}")
            print(f"{path}: {total} things to act on, {total - len(missing)} reached by Tab, {len(unfocused)} without visible focus")
            too_wide = width_check(page)
            for width, scroll_width, elements in too_wide:
                print(f"    wider than a {width} px window ({scroll_width} px): {elements}")
            print(f"{path}: fits {len(WIDTHS) - len(too_wide)} of the widths {', '.join(map(str, WIDTHS))} px without scrolling sideways")
            keyboard = len(missing) + len(unfocused) + len(too_wide)
            failures += len(serious) + keyboard
            failed_pages += 1 if serious or keyboard else 0
        browser.close()
    print(f"{failures} serious or critical violations, keyboard problems, pages too wide or not the page meant")
    print(f"accessibility: {len(pages) - failed_pages} passed, {failed_pages} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
