#!/usr/bin/env python3
"""`sitegen serve` in headless Chromium, as an editor uses it.

Usage: serve_live.py SITEGEN_BINARY

Copies the repository's site into a temporary folder, starts `sitegen serve` on a free loopback port
and opens a guide in Chromium, then:
- a current page stays as it is, and one older than what is served reloads when its event stream opens;
- opens the bulletin preview: Telegram bubbles, WhatsApp, SMS and copy buttons;
- saves the guide with a new sentence: the open tab reloads by itself and shows it;
- saves it with a lookalike link: the overlay appears over the page, naming the file, line, column,
  code and the source line, while the page underneath keeps its last good text;
- fixes it: the overlay goes;
- Chromium reports no Content-Security-Policy violation anywhere, and axe-core 4 finds no violation in
  the bulletin preview or in a page with the overlay open.
Exits 1 on any failure, 2 when the server or Chromium cannot start.
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from axe_check import axe_source, describe, make_driver, run_axe  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

repo = pathlib.Path(__file__).resolve().parents[2]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message)


def late_tab(driver, base):
    """A tab served a page before an edit it was never told of (its event stream opened late, on a
    busy machine, or was lost) reloads when its stream opens: its page names an older version of what
    is served than the server's. A page that is current stays as it is."""
    driver.get(base + "ru/42500/apply/")
    driver.execute_script("window.__stay = true")
    time.sleep(2)
    check(driver.execute_script("return window.__stay === true"), "a current page reloaded with nothing changed")
    # The live script once more, as a page served before every change so far would carry it.
    driver.execute_script("var s = document.createElement('script'); s.src = '/_sitegen/live.js';"
                          "s.dataset.version = '0'; document.head.appendChild(s);")
    try:
        WebDriverWait(driver, 20).until(lambda d: not d.execute_script("return window.__stay === true"))
    except Exception:  # noqa: BLE001
        check(False, "a page older than what is served did not reload when its event stream opened")


def main():
    binary = sys.argv[1]
    work = pathlib.Path(tempfile.mkdtemp(prefix="sitegen-serve-live."))
    site = work / "site-source"
    site.mkdir()
    for item in ("content", "templates", "static", "i18n", "sitegen.yml"):
        src = repo / item
        (shutil.copytree if src.is_dir() else shutil.copy)(src, site / item)
    server = subprocess.Popen([binary, "serve", "--source", str(site), "--port", "0", "--lang", "en"],
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                              env=dict(os.environ, TMPDIR=str(work)))
    base = None
    while base is None:
        line = server.stderr.readline()
        if not line:
            print("serve_live: sitegen serve stopped before serving", file=sys.stderr)
            return 2
        m = re.match(r"serving (http://127\.0\.0\.1:\d+/)", line)
        if m:
            base = m.group(1)
    threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()
    try:
        driver = make_driver()
    except Exception as error:  # noqa: BLE001
        print(f"serve_live: cannot start headless Chromium: {error}", file=sys.stderr)
        server.terminate()
        return 2
    # The tab reloads while a condition reads it: an element found just before the reload is stale
    # when its text is read, which is asked again at the next poll rather than ending the wait (by
    # default only a missing element is, and the save seemed never to arrive though it had).
    wait = WebDriverWait(driver, 20, ignored_exceptions=(StaleElementReferenceException,))
    guide = site / "content/ru/42500/apply.md"
    original = guide.read_text(encoding="utf-8")
    axe, _ = axe_source()
    try:
        # Pages that must stay as they are opened first, while nothing is being built: a full build
        # published between serving a page and its event stream opening makes the page look older than
        # it is (one reload, by design), and after each save below a full build follows the page's own
        # rebuild by a second or so.
        late_tab(driver, base)

        driver.get(base + "_bulletins/ru/42500/apply/")
        bubbles = driver.find_elements(By.CSS_SELECTOR, ".bubble")
        check(len(bubbles) >= 1, "the bulletin preview shows Telegram bubbles")
        headings = [h.text for h in driver.find_elements(By.TAG_NAME, "h2")]
        check(all(c in headings for c in ("Telegram", "WhatsApp", "SMS", "Text")), f"every channel is shown: {headings}")
        check(len(driver.find_elements(By.CSS_SELECTOR, "button[data-copy]")) >= 4, "each part has a copy button")
        violations = run_axe(driver, axe)
        check(not violations, "axe-core on the bulletin preview:\n" + "\n".join(map(describe, violations)))

        driver.get(base + "ru/42500/apply/")
        time.sleep(0.5)  # the event stream opens
        driver.execute_script("window.__sameDocument = true")
        guide.write_text(original + "\nПредложение для проверки предпросмотра.\n", encoding="utf-8")
        try:
            wait.until(lambda d: "Предложение для проверки предпросмотра." in d.find_element(By.TAG_NAME, "main").text)
            check(not driver.execute_script("return window.__sameDocument === true"), "the page changed without a reload")
        except Exception:  # noqa: BLE001
            check(False, "the saved sentence did not appear in the open tab")

        guide.write_text(original + "\nПодробнее: https://egov-kz.com/apply\n", encoding="utf-8")
        try:
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".sitegen-overlay:not(.sitegen-compact)"))
            overlay = driver.find_element(By.CSS_SELECTOR, ".sitegen-overlay").text
            check("content/ru/42500/apply.md:" in overlay, "the overlay names the file and line: " + overlay[:200])
            check("[link.lookalike]" in overlay, "the overlay gives the code")
            check("Подробнее: https://egov-kz.com/apply" in overlay and "^" in overlay, "the overlay shows the source line and a caret")
            main = driver.find_element(By.TAG_NAME, "main").text
            check("egov-kz.com" not in main, "the broken text reached the page under the overlay")
            check("Предложение для проверки предпросмотра." in main, "the last good page stays under the overlay")
            violations = run_axe(driver, axe)
            check(not violations, "axe-core on a page with the overlay:\n" + "\n".join(map(describe, violations)))
        except Exception as error:  # noqa: BLE001
            check(False, f"no overlay after a broken save: {error}")

        guide.write_text(original, encoding="utf-8")
        try:
            wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, ".sitegen-overlay:not(.sitegen-compact)"))
        except Exception:  # noqa: BLE001
            check(False, "the overlay stayed after the fix")

        csp = [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]
        check(not csp, "Chromium refused something under the CSP: " + "; ".join(csp[:3]))
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"serve live: FAILED ({len(failures)})")
        return 1
    print("serve live: reload, overlay over the last good page, bulletin preview, no CSP refusal, axe 0 violations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
