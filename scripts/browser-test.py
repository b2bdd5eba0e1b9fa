#!/usr/bin/env python3
"""The reporting cycle in a real browser: Debian's chromium driven by selenium through
Debian's chromedriver. A project leader logs in, changes the light and remarks of a
project they lead (and is first told an orange light needs its explanation), and sees
the overview show it; then the beheerder publishes the period through its confirmation.

    pip install selenium   (apt-get install chromium chromium-driver)
    python3 scripts/browser-test.py http://127.0.0.1:8096 leader@example.nl PASSWORD
"""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, EMAIL, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3]
SHOTS = os.environ.get("STOPLICHT_SCREENSHOTS")  # a folder to keep screenshots in, if set


def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shot(browser, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        browser.save_screenshot(os.path.join(SHOTS, name + ".png"))


def wait_for(browser, text, seconds=15):
    """The page source once it contains `text` (a click does not wait for the next page)."""
    try:
        WebDriverWait(browser, seconds).until(lambda b: text in b.page_source)
    except TimeoutException:
        shot(browser, "fout")
        print("waited in vain for", repr(text), "on", browser.current_url)
    return browser.page_source


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok:", message)


def follow(browser, element):
    """Clicks a link or button and waits until the next page has replaced this one, so that
    what is checked next is read from the new page, never from the old."""
    old = browser.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(browser, 15).until(staleness_of(old))


def log_in(browser, email, password, who):
    """Logs in through the login form and checks it worked."""
    browser.get(BASE + "/inloggen")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "wachtwoord").send_keys(password)
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form.stoplicht-form button[type=submit]"))
    wait_for(browser, "Ingelogd als")
    check("/inloggen" not in browser.current_url, f"{who} is logged in")


# The demo's beheerder (scripts/browser-test sets the password), for importing and publishing.
ADMIN_EMAIL = os.environ.get("STOPLICHT_ADMIN_EMAIL", "beheerder@voorbeeld.nl")
ADMIN_PASSWORD = os.environ.get("STOPLICHT_DEMO_PASSWORD", "")


def main():
    remark = f"Technische aansluiting klaar; PIP-pagina wacht op offerte ({int(time.time())})."
    browser = driver()
    try:
        log_in(browser, EMAIL, PASSWORD, "the project leader")

        browser.get(BASE + "/programmas/dienstverlening/projecten/1")
        follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Status bijwerken"))
        check("/bijwerken" in browser.current_url, "the update form opens from the project page")
        Select(browser.find_element(By.ID, "licht")).select_by_value("oranje")
        remarks = browser.find_element(By.ID, "opmerkingen")
        remarks.clear()
        remarks.send_keys(remark)
        follow(browser, browser.find_element(By.CSS_SELECTOR, "form.stoplicht-form button[type=submit]"))
        page = wait_for(browser, "hoort een toelichting")
        check("Bij het stoplicht Oranje hoort een toelichting" in page, "an orange light without its explanation is refused")
        check(remark in browser.find_element(By.ID, "opmerkingen").get_attribute("value"), "the refused form keeps the remarks")
        shot(browser, "1-toelichting-ontbreekt")

        browser.find_element(By.ID, "oorzaak").send_keys("De leverancier heeft pas in het eerste kwartaal capaciteit.")
        browser.find_element(By.ID, "gevolg").send_keys("Inwoners zien hun zaken een kwartaal later op MijnOverheid.")
        browser.find_element(By.ID, "maatregel").send_keys("Offerte van een tweede leverancier gevraagd.")
        follow(browser, browser.find_element(By.CSS_SELECTOR, "form.stoplicht-form button[type=submit]"))
        check("De status is opgeslagen." in wait_for(browser, "De status is opgeslagen."), "the update is saved")
        shot(browser, "2-opgeslagen")

        browser.get(BASE + "/programmas/dienstverlening")
        row = browser.find_element(By.ID, "project-1")
        check("Oranje" in row.text, "the overview shows the new light")
        check(remark[:60] in row.text, "the overview shows the new remarks")
        shot(browser, "3-overzicht")
        publish_with_confirmation(browser)
    finally:
        browser.quit()
    guided_import()
    print("browser test: passed")


def publish_with_confirmation(browser):
    """The programme manager's last step, as the demo's beheerder: the desk leads to a page
    that says what will be frozen; an open period is published only once skipping review
    is ticked; the report is then no longer a draft."""
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form.stoplicht-account button[type=submit]"))
    wait_for(browser, "Inloggen")
    log_in(browser, ADMIN_EMAIL, ADMIN_PASSWORD, "the beheerder")
    browser.get(BASE + "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018")
    check("CONCEPT" in browser.find_element(By.CSS_SELECTOR, ".stoplicht-draft-mark").text, "the report is marked CONCEPT before publishing")
    browser.get(BASE + "/programmas/dienstverlening/beheer")
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Publiceren"))
    page = wait_for(browser, "Definitief publiceren")
    check("/publiceren" in browser.current_url, "the desk's Publiceren leads to a confirmation page")
    check("niet ter controle voorgelegd" in page, "the confirmation says the period was not put up for review")
    check("zonder volledige toelichting" in page, "the confirmation lists orange lights without their explanation")
    shot(browser, "4-publiceren-bevestigen")
    follow(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Definitief publiceren']"))
    page = wait_for(browser, "Ik publiceer zonder controle’ aan")
    check("Zet haar eerst ter controle" in page, "publishing an open period without ticking the box is refused")
    browser.get(BASE + "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018")
    check(len(browser.find_elements(By.CSS_SELECTOR, ".stoplicht-draft-mark")) == 1, "the refused attempt published nothing")
    browser.get(BASE + "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/publiceren")
    browser.find_element(By.ID, "zonder-controle").click()
    follow(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Definitief publiceren']"))
    page = wait_for(browser, "De rapportage is gepubliceerd")
    check("De rapportage is gepubliceerd; de periode is bevroren." in page, "ticked, the period is published")
    browser.get(BASE + "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018")
    check(not browser.find_elements(By.CSS_SELECTOR, ".stoplicht-draft-mark"), "the published report carries no CONCEPT mark")
    shot(browser, "5-gepubliceerd")
# The guided import in a real browser: the demo's beheerder uploads a file whose columns
# nothing recognises, maps them (one by its choice, the others typed in the textarea: a
# real textarea sends CRLF), then says what its own light words mean, sees the projects
# with their lights and confirms. Needs STOPLICHT_DEMO_PASSWORD (scripts/browser-test sets
# it); STOPLICHT_ADMIN_EMAIL defaults to the demo's beheerder.
IMPORT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "Import", "eigen-woorden.csv")


def guided_import():
    check(bool(ADMIN_PASSWORD), "STOPLICHT_DEMO_PASSWORD gives the beheerder's password")
    browser = driver()
    try:
        log_in(browser, ADMIN_EMAIL, ADMIN_PASSWORD, "the beheerder")

        browser.get(BASE + "/importeren?programma=dienstverlening")
        browser.find_element(By.ID, "bestand").send_keys(os.path.abspath(IMPORT_FILE))
        browser.find_element(By.ID, "periode").send_keys("november 2018 t/m februari 2019")
        follow(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Bestand controleren']"))
        page = wait_for(browser, "Kies hieronder per kolom wat erin staat")
        check("De kolommen van de tabel zijn niet herkend" in page, "the preview asks which column holds what")
        shot(browser, "import-1-kolommen")

        # One column by its choice, the others typed line by line in the textarea.
        Select(browser.find_element(By.ID, "kolom-0")).select_by_value("project")
        mapping = browser.find_element(By.ID, "indeling")
        mapping.clear()
        mapping.send_keys("kolom Hoeveel = budget\nkolom Wanneer = overig\nkolom Gevoel = status")
        follow(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Indeling toepassen en opnieuw controleren']"))
        page = wait_for(browser, "Onbekende stoplichten")
        check("niet herkend" not in page, "the typed mapping (CRLF) and the choice map the columns")
        check("‘Op stoom’ (onbekend stoplicht)" in page, "the preview asks what the file's own light words mean")
        check("--lights" not in page, "the preview shows no command-line option")
        shot(browser, "import-2-lichtwoorden")

        words = {"Op stoom": "groen", "Stroef": "oranje"}
        for index in range(len(words)):
            word = browser.find_element(By.NAME, f"woord-{index}").get_attribute("value")
            Select(browser.find_element(By.ID, f"licht-{index}")).select_by_value(words[word])
        follow(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Indeling toepassen en opnieuw controleren']"))
        page = wait_for(browser, "3 projecten: 3 nieuw")
        check("3 projecten: 3 nieuw, 0 gewijzigd, 0 ongewijzigd." in page, "the preview shows the three projects as new")
        check("onbekend stoplicht" not in page, "every light word is known now")
        rows = {row.find_elements(By.TAG_NAME, "td")[1].text: row.text
                for row in browser.find_elements(By.CSS_SELECTOR, "table.utrecht-table tbody tr")}
        check("Groen" in rows.get("Centrumplan", "") and "Oranje" in rows.get("Sporthal", ""),
              "the projects have the lights their words were mapped to")
        shot(browser, "import-3-voorvertoning")

        follow(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Importeren']"))
        WebDriverWait(browser, 30).until(lambda b: "/importeren" not in b.current_url)
        check(browser.current_url.rstrip("/").endswith("/programmas/dienstverlening"), "confirming leads to the programme")
        page = wait_for(browser, "Sporthal")
        check("Sporthal" in page and "Centrumplan" in page, "the imported projects are in the programme")
        shot(browser, "import-4-resultaat")
    finally:
        browser.quit()


if __name__ == "__main__":
    main()
