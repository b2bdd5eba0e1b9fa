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


def main():
    remark = f"Technische aansluiting klaar; PIP-pagina wacht op offerte ({int(time.time())})."
    browser = driver()
    try:
        browser.get(BASE + "/inloggen")
        browser.find_element(By.ID, "email").send_keys(EMAIL)
        browser.find_element(By.ID, "wachtwoord").send_keys(PASSWORD)
        browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait_for(browser, "Ingelogd als")
        check("/inloggen" not in browser.current_url, "the project leader is logged in")

        browser.get(BASE + "/programmas/dienstverlening/projecten/1")
        browser.find_element(By.PARTIAL_LINK_TEXT, "Status bijwerken").click()
        check("/bijwerken" in browser.current_url, "the update form opens from the project page")
        Select(browser.find_element(By.ID, "licht")).select_by_value("oranje")
        remarks = browser.find_element(By.ID, "opmerkingen")
        remarks.clear()
        remarks.send_keys(remark)
        browser.find_element(By.CSS_SELECTOR, "form.stoplicht-form button[type=submit]").click()
        page = wait_for(browser, "hoort een toelichting")
        check("Bij het stoplicht Oranje hoort een toelichting" in page, "an orange light without its explanation is refused")
        check(remark in browser.find_element(By.ID, "opmerkingen").get_attribute("value"), "the refused form keeps the remarks")
        shot(browser, "1-toelichting-ontbreekt")

        browser.find_element(By.ID, "oorzaak").send_keys("De leverancier heeft pas in het eerste kwartaal capaciteit.")
        browser.find_element(By.ID, "gevolg").send_keys("Inwoners zien hun zaken een kwartaal later op MijnOverheid.")
        browser.find_element(By.ID, "maatregel").send_keys("Offerte van een tweede leverancier gevraagd.")
        browser.find_element(By.CSS_SELECTOR, "form.stoplicht-form button[type=submit]").click()
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
    print("browser test: passed")


def publish_with_confirmation(browser):
    """The programme manager's last step, as the demo's beheerder: the desk leads to a page
    that says what will be frozen; an open period is published only once skipping review
    is ticked; the report is then no longer a draft."""
    admin_password = os.environ.get("STOPLICHT_DEMO_PASSWORD", "")
    browser.find_element(By.CSS_SELECTOR, "form.stoplicht-account button[type=submit]").click()
    wait_for(browser, "Inloggen")
    browser.get(BASE + "/inloggen")
    browser.find_element(By.ID, "email").send_keys("beheerder@voorbeeld.nl")
    browser.find_element(By.ID, "wachtwoord").send_keys(admin_password)
    browser.find_element(By.CSS_SELECTOR, "form.stoplicht-form button[type=submit]").click()
    wait_for(browser, "Ingelogd als")
    browser.get(BASE + "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018")
    check("CONCEPT" in browser.find_element(By.CSS_SELECTOR, ".stoplicht-draft-mark").text, "the report is marked CONCEPT before publishing")
    browser.get(BASE + "/programmas/dienstverlening/beheer")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Publiceren").click()
    page = wait_for(browser, "Definitief publiceren")
    check("/publiceren" in browser.current_url, "the desk's Publiceren leads to a confirmation page")
    check("niet ter controle voorgelegd" in page, "the confirmation says the period was not put up for review")
    check("zonder volledige toelichting" in page, "the confirmation lists orange lights without their explanation")
    shot(browser, "4-publiceren-bevestigen")
    browser.find_element(By.XPATH, "//button[normalize-space()='Definitief publiceren']").click()
    page = wait_for(browser, "Ik publiceer zonder controle’ aan")
    check("Zet haar eerst ter controle" in page, "publishing an open period without ticking the box is refused")
    browser.get(BASE + "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018")
    check(len(browser.find_elements(By.CSS_SELECTOR, ".stoplicht-draft-mark")) == 1, "the refused attempt published nothing")
    browser.get(BASE + "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/publiceren")
    browser.find_element(By.ID, "zonder-controle").click()
    browser.find_element(By.XPATH, "//button[normalize-space()='Definitief publiceren']").click()
    page = wait_for(browser, "De rapportage is gepubliceerd")
    check("De rapportage is gepubliceerd; de periode is bevroren." in page, "ticked, the period is published")
    browser.get(BASE + "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018")
    check(not browser.find_elements(By.CSS_SELECTOR, ".stoplicht-draft-mark"), "the published report carries no CONCEPT mark")
    shot(browser, "5-gepubliceerd")


if __name__ == "__main__":
    main()
