#!/usr/bin/env python3
"""Measures, in headless Chromium at 360×800, where what a reader came for begins on each page type.

Usage: first_screen.py SITE_DIR CONTENT_DIR [--report] [--any]

For every page of both languages, by its type: the first step of a guide, the verdict (or else the first
warning) of a warning page, the first checklist box, the first entry of a home's or a section's list of
pages, the first official link of a links page. Its top must be within the first 800 px of the page.
Also, on every page: no horizontal scrolling at 360 px (a wide table scrolls inside its own box), and every
control outside running text (header, breadcrumbs, contents, lists of pages, checkboxes with their labels,
footer) is at least 44×44 px. --any skips the check that every page type was seen (a site of constructs). Exits 1 on any failure, 2 when Chromium cannot run. --report prints every
measurement.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from axe_check import make_driver, page_kind, serve, set_width  # noqa: E402

WIDTH, HEIGHT = 360, 800
TARGETS = {
    "guide": ".steps > .step",
    "warning": ".verdict, .alert-warning, .alert-caution",
    "checklist": ".checklist input[type=checkbox]",
    # The first guide: inside the first section's list, or else the first page listed.
    "language home": ("main .pages ul a", "main .pages a"),
    "section": "main .pages a",
    "links": ".official-links a",
}
# Controls that are not words inside a sentence (WCAG 2.5.5 exempts inline links).
CONTROLS = (".site-header a, .site-header input, .site-header button, .breadcrumbs a, .toc summary, .toc a, "
            ".pages a, .checklist label, .site-footer a, .verdict a, .guide-group h2 a, .search-results a, .search-more")

MEASURE = """
const target = arguments[0].map(s => document.querySelector(s)).find(e => e);
const top = target ? Math.round(target.getBoundingClientRect().top + window.scrollY) : null;
const small = [];
for (const el of document.querySelectorAll(arguments[1])) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;  // not shown (a folded contents box)
  if (r.width < 44 || r.height < 44) small.push(`${el.tagName.toLowerCase()} «${(el.textContent || el.placeholder || '').trim().slice(0, 30)}» ${Math.round(r.width)}×${Math.round(r.height)}`);
}
return {top, scrollWidth: document.documentElement.scrollWidth, small};
"""


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    report = "--report" in sys.argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root, content = (pathlib.Path(a).resolve() for a in args)
    server = serve(root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        driver = make_driver()
    except Exception as error:  # noqa: BLE001
        print(f"first_screen: cannot start headless Chromium: {error}", file=sys.stderr)
        return 2
    failures, measured = 0, 0
    seen = {}
    try:
        if set_width(driver, WIDTH) != WIDTH:
            print("first_screen: cannot get a 360 px viewport", file=sys.stderr)
            return 2
        pages = sorted(p for p in root.rglob("*.html") if "bulletins" not in p.relative_to(root).parts)
        for page in pages:
            relative = page.relative_to(root).as_posix()
            kind = page_kind(root, content, page)
            driver.get(base + relative)
            selectors = TARGETS.get(kind, "main")
            selectors = list(selectors) if isinstance(selectors, tuple) else [selectors]
            selector = selectors[0]
            result = driver.execute_script(MEASURE, selectors, CONTROLS)
            if kind in TARGETS:
                seen.setdefault(kind, set()).add(relative.split("/")[0])
                measured += 1
                top = result["top"]
                if top is None:
                    failures += 1
                    print(f"{relative} ({kind}): nothing matches {selector}")
                elif top >= HEIGHT:
                    failures += 1
                    print(f"{relative} ({kind}): {selector} begins at {top} px, below the first screen ({HEIGHT} px)")
                elif report:
                    print(f"{relative} ({kind}): {selector.split(',')[0]} at {top} px")
            if result["scrollWidth"] > WIDTH:
                failures += 1
                print(f"{relative}: the page is {result['scrollWidth']} px wide at {WIDTH} px (scrolls sideways)")
            for small in result["small"]:
                failures += 1
                print(f"{relative}: tap target under 44×44 px: {small}")
    finally:
        driver.quit()
        server.shutdown()
    languages = sorted(p.name for p in content.iterdir() if p.is_dir())
    for kind in () if "--any" in sys.argv else TARGETS:
        for lang in languages:
            if lang not in seen.get(kind, ()):
                failures += 1
                print(f"no {kind} page in {lang}: every page type must be measured")
    print(f"first screen at {WIDTH}×{HEIGHT}: {measured} pages measured, {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
