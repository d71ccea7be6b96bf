#!/usr/bin/env python3
"""The real search in headless Chromium on a generated corpus: what a reader types, what they see, and
what their phone downloads.

Usage: search_browser.py SITEGEN [--static DIR] [--pages N]

Generates a corpus with the shared benchmark generator (`../shared/bench/gen_corpus.py` beside the
checkout, or $GEN_CORPUS; N pages per language, 150 by default), builds it with SITEGEN and the
repository's templates, strings and static files (DIR instead of `static/` when given), serves it over
HTTP on 127.0.0.1 with the build's `_headers` and counts every request and byte the server sends. Then,
for each query, a fresh page (no browser cache) loads without a request to the index; a click on its
search box (focus) requests `meta.json` and nothing else; then the query is typed into the box, and:
- the count shown equals the number of pages whose visible text, read here from the Markdown sources,
  holds the words (inflected forms, Kazakh typed on a Russian keyboard, a name in the other script,
  the word being typed as a prefix, several words, a word found nowhere); a few pages written here
  beside the generated ones carry the forms the generator never uses;
- every result shown is one of those pages, and the first page shows ten when there are more;
- «more» adds ten new results at a time, each one of those pages;
- the query took at most 3 requests, however many words it has (a query whose words need more shards
  names the words it left out, and its count is of the pages with the others), and `meta.json` and the
  query together under 60 KB, counted both by the server and by the page's own Resource Timing entries.
Exits 1 on any failure, 2 when the corpus cannot be built or Chromium cannot run.
"""

import functools
import http.server
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
from axe_check import QuietHandler, make_driver, set_width, site_headers  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
MAX_REQUESTS = 3
MAX_BYTES = 60 * 1024
PER_PAGE = 10

# Pages written beside the generated ones, whose words the generator never uses: inflected forms,
# a name in Latin letters, a heading (language, file, title, description, body).
WRITTEN = [
    ("ru", "apply", "Как подать заявку", "Заявку подают онлайн.", "Заявки принимают круглосуточно. Бот в Telegram — неофициальный."),
    ("ru", "fakes", "Поддельные сайты", "Как отличить поддельный сайт.", "## Поддельных страниц много\n\nПроверяйте адрес."),
    ("ru", "papers", "Документы для заявки", "Список.", "Документы: удостоверение."),
    ("kk", "apply", "Өтінімді қалай беру", "Өтінімді онлайн беріңіз.", "Өтінімдер тәулік бойы қабылданады. Telegram ботымен емес."),
    ("kk", "fakes", "Жалған сайттар", "Жалған сайтты қалай ажырату.", "## Жалған беттер көп\n\nМекенжайды тексеріңіз."),
    ("kk", "papers", "Құжаттар", "Тізім.", "Құжаттарды дайындаңыз."),
]

# (language, what is typed, the words a page must all have: each the set of forms its source writes it
# in, a form ending in "…" standing for every word it begins).
QUERIES = [
    ("kk", "өтінім", [{"өтініш", "өтінім…"}]),           # өтініш and өтінім share their stem
    ("kk", "ӨТІНІШ ", [{"өтініш", "өтінім…"}]),          # capitals, a finished word
    ("kk", "отинимди ", [{"өтініш", "өтінім…"}]),        # accusative, typed on a Russian keyboard
    ("kk", "жәрдем", [{"жәрдемақы…"}]),                  # a word being typed
    ("kk", "телеграм ", [{"telegram"}]),                 # a name in the other script
    ("kk", "жалған сайттар", [{"жалған"}, {"сайт…"}]),   # two words
    ("ru", "заявку", [{"заявк…"}]),                      # заявка, заявку, заявки
    ("ru", "поддельный ", [{"поддельн…"}]),              # поддельные, поддельных
    ("ru", "документы ", [{"документ…"}]),
    ("ru", "телеграм", [{"telegram"}]),
    ("ru", "егов ", [{"egov"}]),
    ("ru", "поддельные сайты", [{"поддельн…"}, {"сайт…"}]),
    ("ru", "пособие банк", [{"пособие"}, {"банк…"}]),
    ("ru", "заявление пособие выплата ", [{"заявление"}, {"пособие"}, {"выплата"}]),
    ("ru", "ватсап", []),                                # a name found nowhere
    # Many words: all searched when their shards are three or fewer; otherwise the stop words are left
    # out first (как, на), then the last words typed, and the page names them.
    ("ru", "как подать заявку на поддельные сайты документы ",
     [{"как"}, {"подать", "подают"}, {"заявк…"}, {"на"}, {"поддельн…"}, {"сайт…"}, {"документ…"}]),
    ("kk", "жалған сайттар үшін өтінім құжаттар тексеріңіз ",
     [{"жалған"}, {"сайт…"}, {"үшін"}, {"өтініш", "өтінім…"}, {"құжат…"}, {"тексер…"}]),
]
FOUND = {"kk": "Табылды: ", "ru": "Найдено: "}
NONE = {"kk": "Ештеңе табылмады", "ru": "Ничего не найдено"}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message)


class CountingHandler(QuietHandler):
    """Serves the site and records each path and the bytes of its body."""
    log = []
    lock = threading.Lock()

    def copyfile(self, source, destination):
        start = source.tell()
        super().copyfile(source, destination)
        with self.lock:
            self.log.append((self.path, source.tell() - start))


def visible_words(markdown):
    """The lowercase words a reader sees on a generated page: title, description and body, without the
    addresses of links (their text stays)."""
    front, body = markdown.split("\n---\n", 1)
    title = re.search(r'^title: "(.*)"$', front, re.M).group(1)
    description = re.search(r'^description: "(.*)"$', front, re.M).group(1)
    body = re.sub(r"\]\([^)]*\)", "]", body)
    return set(re.findall(r"[^\W_]+", f"{title} {description} {body}".lower()))


def matches(words, forms):
    return any(w.startswith(f[:-1]) if f.endswith("…") else w == f for f in forms for w in words)


def generate(work, pages, static):
    generator = os.environ.get("GEN_CORPUS", str(REPO.parent / "shared/bench/gen_corpus.py"))
    if not os.path.exists(generator):
        return None, f"no corpus generator at {generator} (set GEN_CORPUS)"
    source = work / "corpus"
    subprocess.run([sys.executable, generator, "--pages", str(pages), "--out", str(source)], check=True)
    for name in ("templates", "i18n"):
        shutil.copytree(REPO / name, source / name)
    shutil.copytree(static, source / "static")
    for lang, name, title, description, body in WRITTEN:
        folder = source / "content" / lang / "written"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.md").write_text(
            f'---\ntitle: "{title}"\ndescription: "{description}"\ntranslationKey: written-{name}\n---\n\n{body}\n',
            encoding="utf-8")
    return source, None


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    sitegen = args[0]
    static = pathlib.Path(args[args.index("--static") + 1]) if "--static" in args else REPO / "static"
    pages = int(args[args.index("--pages") + 1]) if "--pages" in args else 150
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sitegen-search-browser.") as folder:
        work = pathlib.Path(folder)
        source, missing = generate(work, pages, static)
        if missing:
            print(f"search_browser: {missing}", file=sys.stderr)
            return 2
        site = work / "site"
        build = subprocess.run([sitegen, "build", "--source", str(source), "--output", str(site)],
                               capture_output=True, text=True)
        if build.returncode != 0:
            print(build.stdout + build.stderr, file=sys.stderr)
            print("search_browser: the generated corpus failed to build", file=sys.stderr)
            return 2
        sources = {}
        for path in sorted((source / "content").rglob("*.md")):
            relative = path.relative_to(source / "content").with_suffix("")
            sources["/" + relative.as_posix() + "/"] = visible_words(path.read_text(encoding="utf-8"))

        CountingHandler.site_headers = site_headers(site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            driver = make_driver()
        except Exception as error:  # noqa: BLE001
            print(f"search_browser: cannot start headless Chromium: {error}", file=sys.stderr)
            server.shutdown()
            return 2
        try:
            set_width(driver, 360)
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
            for lang, typed, words in QUERIES:
                run_query(driver, base, lang, typed, words, sources)
        finally:
            driver.quit()
            server.shutdown()
    print(f"search in Chromium: {len(QUERIES)} queries on {2 * pages} generated pages in "
          f"{time.monotonic() - started:.0f} s, {len(failures)} failure(s)")
    return 1 if failures else 0


def run_query(driver, base, lang, typed, words, sources):
    label = f"/{lang}/ «{typed}»"
    # A short page of the site (its header has the search box), so that the test spends its time searching.
    with CountingHandler.lock:
        CountingHandler.log.clear()
    driver.get(base + lang + "/written/papers/")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    time.sleep(0.1)  # a request the script would make after the page loaded is counted too
    check(not index_requests(driver) and not served_requests(),
          f"{label}: the page load requested the index: {served_requests()} {index_requests(driver)}")
    # Focus (a click on the box): meta.json, requested while the reader types, and nothing else.
    box = driver.find_element(By.CSS_SELECTOR, "input[type=search]")
    box.click()
    try:
        WebDriverWait(driver, 10).until(lambda d: any(n.endswith("/meta.json") for n, _ in index_requests(d)))
    except Exception:  # noqa: BLE001
        check(False, f"{label}: focusing the search box did not request meta.json")
        return
    time.sleep(0.1)
    on_focus, on_focus_timed = served_requests(), index_requests(driver)
    check([path for path, _ in on_focus] == [f"/search/{lang}/meta.json"] and len(on_focus_timed) == 1
          and on_focus_timed[0][1] == on_focus[0][1],
          f"{label}: focusing requested {on_focus} (the page saw {on_focus_timed}), meta.json alone")
    meta_bytes = sum(size for _, size in on_focus)
    driver.execute_script("performance.clearResourceTimings()")
    with CountingHandler.lock:
        CountingHandler.log.clear()
    box.send_keys(typed)
    try:
        WebDriverWait(driver, 10).until(lambda d: FOUND[lang] in status(d) or NONE[lang] in status(d))
    except Exception:  # noqa: BLE001
        check(False, f"{label}: the results never said «{FOUND[lang]}…» or «{NONE[lang]}» (shown: «{status(driver)[:120]}»)")
        return
    time.sleep(0.2)  # anything still loading for this first page is counted too
    # The words the page says it left out (a second status line, «…: a, b. …»): the count is of the others.
    notes = driver.execute_script(
        "return [...document.querySelectorAll('.search-results .search-status')].map(p => p.textContent)")
    skipped = notes[1].split(": ", 1)[-1].split(". ")[0].split(", ") if len(notes) > 1 else []
    typed_words = typed.split()
    check(set(skipped) <= set(typed_words) and len(skipped) < len(typed_words) and (len(skipped) == 0 or len(typed_words) > MAX_REQUESTS),
          f"{label}: left out {skipped}, not words of a query of more than {MAX_REQUESTS}")
    if len(typed_words) == len(words):
        words = [forms for word, forms in zip(typed_words, words) if word not in skipped]
    expected = {url for url, seen in sources.items()
                if url.startswith(f"/{lang}/") and words and all(matches(seen, forms) for forms in words)}
    want = FOUND[lang] if expected else NONE[lang]
    check(want in status(driver), f"{label}: shows «{status(driver)[:80]}», the sources say «{want}…»")
    served, timed = served_requests(), index_requests(driver)
    spent = sum(size for _, size in served)
    check(len(served) <= MAX_REQUESTS and len(timed) == len(served),
          f"{label}: the query made {len(served)} requests to the index (the page saw {len(timed)}), at most {MAX_REQUESTS}")
    check(not any(path.endswith("/meta.json") for path, _ in served), f"{label}: the query requested meta.json again")
    check(meta_bytes + spent < MAX_BYTES and sum(size for _, size in timed) == spent,
          f"{label}: meta.json {meta_bytes} and the query {spent} bytes served "
          f"({sum(s for _, s in timed)} seen by the page), together under {MAX_BYTES}")
    plural = "" if len(served) == 1 else "s"
    cost = (f"focus 1 request {meta_bytes / 1024:.1f} KB, query {len(served)} request{plural} {spent / 1024:.1f} KB, "
            f"together {(meta_bytes + spent) / 1024:.1f} KB")
    if not expected:
        check(not driver.find_elements(By.CSS_SELECTOR, ".search-results li"), f"{label}: no results listed")
        print(f"ok {label}: nothing found; {cost}")
        return
    shown_count = driver.execute_script(
        "const p = document.querySelector('.search-results .search-status'); return p ? p.textContent : ''")
    shown_count = shown_count.split(want, 1)[-1].strip()
    check(shown_count == str(len(expected)), f"{label}: shows {shown_count} found, the sources have {len(expected)}")
    links = result_links(driver)
    check(len(links) == min(PER_PAGE, len(expected)), f"{label}: {len(links)} results on the first page")
    check(set(links) <= expected, f"{label}: results without the words: {sorted(set(links) - expected)[:3]}")
    check(len(set(links)) == len(links), f"{label}: a result listed twice")
    # «More»: ten new results at a time, each with the words.
    for page in (2, 3):
        buttons = driver.find_elements(By.CSS_SELECTOR, ".search-results button.search-more")
        if len(links) >= len(expected):
            check(not buttons, f"{label}: a «more» button with every result shown")
            break
        check(len(buttons) == 1, f"{label}: a «more» button under {len(links)} of {len(expected)} results")
        if not buttons:
            break
        before = len(links)
        buttons[0].click()
        WebDriverWait(driver, 10).until(lambda d: len(result_links(d)) > before)
        links = result_links(driver)
        check(len(links) == min(before + PER_PAGE, len(expected)), f"{label}: page {page} shows {len(links)} results")
        check(set(links) <= expected and len(set(links)) == len(links), f"{label}: page {page} adds other pages or repeats one")
    left_out = f", {', '.join(skipped)} left out" if skipped else ""
    print(f"ok {label}: {len(expected)} found{left_out}, {len(links)} shown with «more»; {cost}")


def served_requests():
    """The index files the server sent since its log was cleared: (path, body bytes)."""
    with CountingHandler.lock:
        return [(path, size) for path, size in CountingHandler.log if "/search/" in path]


def index_requests(driver):
    """The index files the page's Resource Timing lists: (URL, body bytes)."""
    return driver.execute_script(
        "return performance.getEntriesByType('resource').filter(e => e.name.includes('/search/'))"
        ".map(e => [e.name, e.encodedBodySize])")


def status(driver):
    return driver.execute_script("return document.querySelector('.search-results').textContent") or ""


def result_links(driver):
    return driver.execute_script(
        "return [...document.querySelectorAll('.search-results li a')].map(a => a.getAttribute('href'))")


if __name__ == "__main__":
    sys.exit(main())
