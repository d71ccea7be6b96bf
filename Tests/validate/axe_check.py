#!/usr/bin/env python3
"""Runs axe-core 4.x over every HTML page of a built site in headless Chromium, at a phone and a desktop width.

Usage: axe_check.py SITE_DIR CONTENT_DIR [PAGE ...]

PAGE (a path below SITE_DIR) limits the check to those pages, and skips the check that every page type
was seen.

The site is served over HTTP on 127.0.0.1 (a file:// page would hide what a reader's browser does with
absolute paths and scripts). axe-core is the file the `axe-playwright-python` wheel carries, injected with
Selenium: `axe-selenium-python` bundles axe-core 3.1, whose rules are outdated. Every violation of any
impact fails. Pages whose scripts change the page (search results, ticked checklist items) are checked
again in that state. Every response carries the headers of the site's `_headers` file, so Chromium
enforces its Content-Security-Policy; anything it refuses (an inline script or style, a `style=` set
by a script, a resource from elsewhere) fails too. Exits 1 on any violation, 2 when the checker itself
cannot run.
"""

import functools
import http.server
import json
import os
import pathlib
import re
import sys
import threading

import axe_playwright_python
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

WIDTHS = (360, 1280)
HEIGHT = 800
# axe's own minimum: rules tagged for WCAG 2.x A/AA and best practices all run; nothing is disabled.
AXE_OPTIONS = {"resultTypes": ["violations"]}


def axe_source():
    path = pathlib.Path(axe_playwright_python.__file__).with_name("axe.min.js")
    source = path.read_text(encoding="utf-8")
    match = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", source[:200])
    if not match or int(match.group(1)) < 4:
        raise SystemExit(f"axe_check: {path} is not axe-core 4.x")
    return source, ".".join(match.groups())


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    # The headers every response of the site carries (from the build's `_headers`), so Chromium enforces
    # the Content-Security-Policy while the pages are checked.
    site_headers = []

    def log_message(self, *args):
        pass

    def end_headers(self):
        for name, value in self.site_headers:
            self.send_header(name, value)
        super().end_headers()


def site_headers(root):
    """The `/*` block of the site's `_headers` file: [(name, value)]."""
    path = pathlib.Path(root) / "_headers"
    if not path.exists():
        raise SystemExit(f"axe_check: {path} is missing; the build writes it")
    headers, inside = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.startswith(" "):
            inside = line.strip() == "/*"
            continue
        if inside and ":" in line:
            name, value = line.strip().split(":", 1)
            headers.append((name.strip(), value.strip()))
    if not any(name == "Content-Security-Policy" for name, _ in headers):
        raise SystemExit(f"axe_check: {path} sets no Content-Security-Policy for /*")
    return headers


def csp_reports(driver):
    """What Chromium refused under the Content-Security-Policy since the last call (console messages)."""
    return [entry["message"] for entry in driver.get_log("browser")
            if "Content Security Policy" in entry.get("message", "")]


def serve(root):
    QuietHandler.site_headers = site_headers(root)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# The page types a reader meets; each must be present in every language (the chooser and the root 404 once).
REQUIRED_KINDS = ("language home", "section", "guide", "checklist", "links", "warning", "404")


def page_kind(root, content, page):
    """The page's type: the chooser, a 404, a language home, a section, or the `kind:` of its source file."""
    parts = page.relative_to(root).parts
    if parts == ("index.html",):
        return "chooser"
    if parts[-1] == "404.html":
        return "404"
    if len(parts) == 2:
        return "language home"
    base = content.joinpath(*parts[:-1])
    if (base / "_index.md").exists():
        return "section"
    source = base.with_suffix(".md")
    if not source.exists():
        return "page"
    text = source.read_text(encoding="utf-8")
    match = re.search(r"^kind:\s*\"?([a-z]+)", text.split("\n---", 1)[0], re.M)
    if match:
        return match.group(1)
    # Without `kind:`, what the page is made of: a warning lists known fakes, a links page the official
    # links, a checklist page has a task list.
    if "```known-fakes" in text:
        return "warning"
    if "```official-links" in text:
        return "links"
    if re.search(r"^\s*[-*+] \[[ xX]\] ", text, re.M):
        return "checklist"
    return "page"


def make_driver(javascript=True):
    options = webdriver.ChromeOptions()
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-gpu")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument(f"--window-size={WIDTHS[0]},{HEIGHT}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    binary = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if os.path.exists(binary):
        options.binary_location = binary
    service = webdriver.ChromeService(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(options=options, service=service)


def set_width(driver, width):
    driver.set_window_size(width, HEIGHT)
    # The window includes browser chrome; size the viewport itself so media queries see `width`.
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:
        driver.set_window_size(width + (width - inner), HEIGHT)
    return driver.execute_script("return window.innerWidth")


def run_axe(driver, source):
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(r => done(r)).catch(e => done({error: String(e)}));",
        AXE_OPTIONS,
    )
    if "error" in result:
        raise RuntimeError(result["error"])
    return result["violations"]


def describe(violation):
    lines = [f"  [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"]
    for node in violation["nodes"][:5]:
        lines.append(f"      at {' '.join(map(str, node['target']))}: {node['html'][:160]}")
        summary = (node.get("failureSummary") or "").replace("\n", " ")
        if summary:
            lines.append(f"         {summary[:300]}")
    if len(violation["nodes"]) > 5:
        lines.append(f"      … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def states(driver, html):
    """The states a page's scripts can put it in, each entered by a function of the driver; yields names."""
    yield "as loaded", lambda: None
    if 'type="checkbox"' in html:
        def tick():
            boxes = driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
            for box in boxes[: max(1, len(boxes) // 2)]:
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
                box.click()
        yield "checklist ticked", tick
    if 'role="search"' in html:
        def search():
            field = driver.find_element(By.CSS_SELECTOR, "input[type=search]")
            # A word every guide carries in both languages (the site's one subject).
            field.send_keys("42500")
            WebDriverWait(driver, 5).until(
                lambda d: d.execute_script(
                    "const r = document.querySelector('.search-results');"
                    "return r && r.textContent.trim().length > 0"))
        yield "search results shown", search


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1]).resolve()
    content = pathlib.Path(sys.argv[2]).resolve()
    chosen = [root / p for p in sys.argv[3:]]
    pages = chosen or sorted(p for p in root.rglob("*.html") if "bulletins" not in p.relative_to(root).parts)
    if not pages:
        print(f"axe_check: no HTML pages under {root}", file=sys.stderr)
        return 2
    source, version = axe_source()
    server = serve(root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        driver = make_driver()
    except WebDriverException as error:
        print(f"axe_check: cannot start headless Chromium: {error.msg}", file=sys.stderr)
        return 2
    driver.set_script_timeout(60)
    failures = 0
    checks = 0
    kinds = {}
    try:
        for width in WIDTHS:
            actual = set_width(driver, width)
            if actual != width:
                print(f"axe_check: asked for a {width} px viewport, got {actual} px", file=sys.stderr)
                return 2
            for page in pages:
                relative = page.relative_to(root).as_posix()
                html = page.read_text(encoding="utf-8")
                language = relative.split("/")[0] if "/" in relative else "root"
                kinds.setdefault(page_kind(root, content, page), set()).add(language)
                for state, enter in states(driver, html):
                    driver.get(base + relative)
                    driver.execute_script("try { localStorage.clear() } catch (e) {}")
                    try:
                        enter()
                    except Exception as error:  # noqa: BLE001 - any failure to reach a state is a finding
                        failures += 1
                        print(f"{relative} @ {width}px ({state}): could not reach this state: {error}")
                        continue
                    violations = run_axe(driver, source)
                    checks += 1
                    refused = csp_reports(driver)
                    if refused:
                        failures += len(refused)
                        print(f"{relative} @ {width}px ({state}): {len(refused)} Content-Security-Policy violation(s)")
                        for message in refused[:5]:
                            print(f"  {message[:300]}")
                    if violations:
                        failures += len(violations)
                        print(f"{relative} @ {width}px ({state}): {len(violations)} violation(s)")
                        for violation in violations:
                            print(describe(violation))
    finally:
        driver.quit()
        server.shutdown()
    languages = sorted(p.name for p in content.iterdir() if p.is_dir())
    for kind in () if chosen else ("chooser",) + REQUIRED_KINDS:
        missing = ["the root"] if kind == "chooser" and "root" not in kinds.get(kind, ()) else \
            [lang for lang in languages if kind != "chooser" and lang not in kinds.get(kind, ())]
        for where in missing:
            failures += 1
            print(f"no {kind} page in {where}: the check must see every page type")
    kinds_text = ", ".join(sorted(kinds))
    print(f"axe-core {version}: {len(pages)} pages ({kinds_text}) at {'/'.join(map(str, WIDTHS))} px, "
          f"{checks} runs, {failures} violation(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
