#!/usr/bin/env python3
"""The reader's path through a built site in headless Chromium at 360×800, beyond the first screen.

Usage: reader_path.py SITE_DIR [--screenshots DIR]

- search: typing an inflected word on a language home shows a count and results; on a slow connection
  (1 s latency) a «searching…» line shows first; the search page searches its ?q=; with a missing index
  the box says search failed;
- without JavaScript the search page lists every page of the language, grouped by section, and the
  checklist's «saved on this device» line stays hidden (it shows with JavaScript);
- a ticked box prints ticked (print media), and ticks on a checklist show on its translation;
- the 404 pages carry the header, the search form and links to the language's pages.
Exits 1 on any failure, 2 when Chromium cannot run.
"""

import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from axe_check import make_driver, serve, set_width  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message)


def results_text(driver):
    return driver.execute_script("return document.querySelector('.search-results').textContent")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    shots = None
    if "--screenshots" in sys.argv:
        shots = pathlib.Path(sys.argv[sys.argv.index("--screenshots") + 1])
        args = [a for a in args if pathlib.Path(a) != shots]
        shots.mkdir(parents=True, exist_ok=True)
    root = pathlib.Path(args[0]).resolve()
    server = serve(root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        driver = make_driver()
    except Exception as error:  # noqa: BLE001
        print(f"reader_path: cannot start headless Chromium: {error}", file=sys.stderr)
        return 2
    wait = WebDriverWait(driver, 10)
    try:
        set_width(driver, 360)
        # Search as a reader types it: an inflected form finds the pages, with a count.
        for lang, word, found in (("ru", "заявку", "Найдено:"), ("kk", "өтінішті", "Табылды:")):
            driver.get(base + lang + "/")
            driver.find_element(By.CSS_SELECTOR, "input[type=search]").send_keys(word + " ")
            wait.until(lambda d: found in results_text(d))
            links = driver.find_elements(By.CSS_SELECTOR, ".search-results li a")
            check(len(links) > 0, f"/{lang}/: «{word}» shows results")
        # The search page searches the query of its address.
        driver.get(base + "ru/search/?q=%D0%BF%D0%BE%D0%B4%D0%B4%D0%B5%D0%BB%D1%8C%D0%BD%D1%8B%D0%B9")  # поддельный
        wait.until(lambda d: "Найдено:" in results_text(d))
        check(driver.find_element(By.ID, "q").get_attribute("value") == "поддельный", "the search page fills in ?q=")
        # A slow connection: «searching…» first.
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": 1000, "downloadThroughput": 50000, "uploadThroughput": 50000})
        driver.get(base + "kk/42500/apply/")
        driver.find_element(By.CSS_SELECTOR, "input[type=search]").send_keys("өтінім")
        wait.until(lambda d: "Ізделуде" in results_text(d))
        if shots:
            driver.save_screenshot(str(shots / "search-in-progress-kk.png"))
        wait.until(lambda d: "Табылды:" in results_text(d))
        if shots:
            driver.save_screenshot(str(shots / "search-results-kk.png"))
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        # An index that cannot be loaded: the box says so.
        driver.get(base + "ru/")
        driver.execute_script("document.querySelector('form.search').setAttribute('data-index', '/nowhere/')")
        driver.execute_script("document.querySelectorAll('form.search').forEach(f => f.replaceWith(f.cloneNode(true)))")
        # The script is published under its content-hashed name (/search.<hash>.js): load the page's own.
        driver.execute_script("""const s = document.createElement('script');
            s.src = document.querySelector('script[src*="/search."]').getAttribute('src'); document.head.appendChild(s);""")
        time.sleep(0.3)
        driver.find_element(By.CSS_SELECTOR, "input[type=search]").send_keys("заявка")
        wait.until(lambda d: "не загрузился" in results_text(d))

        # Checklists: the «saved» line with JavaScript, ticks shared with the translation, printed ticked.
        driver.get(base + "kk/42500/documents/")
        check(driver.execute_script("return !document.querySelector('[data-ticks]').hidden"), "the saved line shows with JavaScript")
        box = driver.find_element(By.ID, "check-1-2")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        marks = driver.execute_script("""return [...document.querySelectorAll('.checklist label')].slice(0, 2)
            .map(l => getComputedStyle(l, '::before').content)""")
        check(marks == ['"☐\u00a0"', '"☑\u00a0"'], f"printed boxes show their ticks: {marks}")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        driver.get(base + "ru/42500/documents/")
        check(driver.execute_script("return document.getElementById('check-1-2').checked"), "a tick shows on the translation")
        check(not driver.execute_script("return document.getElementById('check-1-1').checked"), "only that tick")

        # 404: header, search and the language's pages.
        for page in ("404.html", "kk/404.html", "ru/404.html"):
            driver.get(base + page)
            check(len(driver.find_elements(By.CSS_SELECTOR, ".site-header form.search input[type=search]")) == 1, f"{page} has search")
            check(len(driver.find_elements(By.CSS_SELECTOR, "main .pages a")) >= 1, f"{page} links the language's main pages")

        if shots:
            for page, name in (("kk/42500/apply/", "guide-kk"), ("ru/42500/fake-bots/", "warning-ru"), ("kk/42500/fake-bots/", "warning-kk")):
                driver.get(base + page)
                driver.save_screenshot(str(shots / f"{name}.png"))
    finally:
        driver.quit()

    # Without JavaScript.
    options_driver = make_driver(javascript=False)
    try:
        set_width(options_driver, 360)
        for lang in ("kk", "ru"):
            options_driver.get(base + lang + "/search/?q=x")
            groups = options_driver.find_elements(By.CSS_SELECTOR, "main .guide-group")
            links = options_driver.find_elements(By.CSS_SELECTOR, "main .guide-group .pages a")
            articles = [p for p in (root / lang).rglob("index.html") if "<article>" in p.read_text(encoding="utf-8")]
            check(len(groups) >= 1 and len(links) == len(articles),
                  f"/{lang}/search/ without JavaScript lists all {len(articles)} pages by section (found {len(links)})")
            options_driver.get(base + lang + "/42500/documents/")
            hint = options_driver.find_element(By.CSS_SELECTOR, "[data-ticks]")
            check(not hint.is_displayed(), f"/{lang}/42500/documents/: no «saved» promise without JavaScript")
    finally:
        options_driver.quit()
        server.shutdown()
    print(f"reader path: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
