#!/usr/bin/env bash
# Hostile Markdown: generates each input, runs `sitegen build` (release) on a site holding it and prints the
# time and the result (exit code, first diagnostic) next to cmark-gfm on the same file.
# Usage: bench/hostile.sh [case ...] (default: every case). Works on tmpfs (/dev/shm).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /dev/shm/sitegen-hostile.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
limit=${LIMIT:-60}   # seconds before a run is stopped and reported as a timeout

(cd "$repo" && swift build -c release --product sitegen >/dev/null)
bin="$repo/.build/release/sitegen"

# Each case writes a Markdown body (no front matter) to stdout.
gen() {
  python3 - "$1" <<'PY'
import sys
case = sys.argv[1]
w = sys.stdout.write
para = ("Өтінімді тек egov.kz порталында беріңіз, ал 42 500 ₸ төлемі туралы хабарламаны "
        "@Kenes1414Bot ботынан күтіңіз. Басқа сілтемелерге сенбеңіз. ")
if case == "quote-50k":          w(">" * 50000 + " терең\n")
elif case == "quote-lines-50k":  w("".join(">" * i + " a\n" for i in range(1, 2001)) + ">" * 50000 + " b\n")
elif case == "list-3000":        w("".join("  " * i + "- пункт\n" for i in range(3000)))
elif case == "list-inline-50k":  w("- " * 50000 + "a\n")
elif case == "ordered-3000":     w("".join("   " * i + "1. қадам\n" for i in range(3000)))
elif case == "emph-50k":         w("*" * 50000 + "a" + "*" * 50000 + "\n")
elif case == "strong-em-50k":    w("**_" * 25000 + "a" + "_**" * 25000 + "\n")
elif case == "brackets-50k":     w("[" * 50000 + "a" + "](https://egov.kz/)" * 50000 + "\n")
elif case == "images-50k":       w("![" * 50000 + "a" + "](https://egov.kz/)" * 50000 + "\n")
elif case == "html-50k":         w("<span>" * 50000 + "a" + "</span>" * 50000 + "\n")
elif case == "page-10mb":        w(("## Бөлім\n\n" + (para * 4) + "\n\n- " + para + "\n- " + para + "\n\n") * 7300)
elif case == "line-2mb":         w(para * (2_000_000 // len(para.encode())) + "\n")
elif case == "links-100k-line":  w("[egov](https://egov.kz/) " * 100000 + "\n")
elif case == "links-100k-lines": w("[egov](https://egov.kz/)\n" * 100000)
elif case == "links-100k-paras": w("[egov](https://egov.kz/)\n\n" * 100000)
elif case == "cells-100k":       w("| a | b | c | d | e | f | g | h | i | j |\n" + "|---" * 10 + "|\n"
                                   + "| egov.kz | 42 500 ₸ | x | y | z | a | b | c | d | e |\n" * 10000)
elif case == "open-100k":        w("[" * 100000 + "a\n")
elif case == "url-parens-100k":  w("https://egov.kz/" + "(" * 100000 + "\n")
elif case == "items-32k":        w("".join(f"{i}. Өтінім {i}\n" for i in range(1, 32001)))
elif case == "anchors-24k":      w("".join(f"## Part {i}\n\n[Бөлім](#part-{i})\n\n" for i in range(1, 24001)))
elif case == "defanged-16k":     w("egov[точка]kz " * 16000 + "\n")
elif case == "fakes-16k":        w("evil.com EvilKzBot " * 16000 + "\n")
else: sys.exit(f"unknown case {case}")
PY
}

cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(quote-50k quote-lines-50k list-3000 list-inline-50k ordered-3000 emph-50k strong-em-50k
  brackets-50k images-50k html-50k page-10mb line-2mb links-100k-line links-100k-lines links-100k-paras cells-100k
  open-100k url-parens-100k items-32k defanged-16k anchors-24k fakes-16k)

now() { date +%s.%N; }
printf '%-18s %6s %9s %9s %9s  %s\n' case size "wall" "cpu" cmark-gfm "sitegen build: exit code: first diagnostic"
for c in "${cases[@]}"; do
  src="$work/$c"
  mkdir -p "$src/content/kk" "$src/content/ru"
  cp -r "$repo/templates" "$repo/static" "$repo/i18n" "$repo/sitegen.yml" "$src/"
  cp "$repo/content/kk/_index.md" "$src/content/kk/"
  cp "$repo/content/ru/_index.md" "$src/content/ru/"
  gen "$c" > "$work/$c.md"
  { printf -- '---\ntitle: "%s"\ntranslationKey: "hostile"\n---\n\n' "$c"; cat "$work/$c.md"; } > "$src/content/kk/hostile.md"
  size=$(stat -c %s "$work/$c.md")

  s=$(now)
  timeout "$limit" cmark-gfm -e table -e strikethrough -e autolink -e tasklist -e tagfilter "$work/$c.md" >/dev/null 2>&1 \
    && cm=$(awk "BEGIN{printf \"%.2f s\", $(now) - $s}") || cm="exit $?"

  s=$(now)
  set +e
  # CPU seconds too: on a shared machine the wall clock also counts the wait for a core.
  : > "$work/time"
  timer=(); [ -x /usr/bin/time ] && timer=(/usr/bin/time -f '%U %S' -o "$work/time")   # Debian package `time`
  "${timer[@]}" timeout "$limit" "$bin" build --source "$src" --output "$work/out-$c" >/dev/null 2>"$work/$c.err"
  rc=$?
  set -e
  t=$(awk "BEGIN{printf \"%.2f s\", $(now) - $s}")
  cpu=$(awk '/^[0-9.]+ [0-9.]+$/ {printf "%.2f s", $1 + $2}' "$work/time"); [ -n "$cpu" ] || cpu="-"
  [ $rc -eq 124 ] && t="timeout"
  # The first diagnostic other than the expected missing translation and the home pages' links to guides the
  # site here lacks, else the summary line.
  first=$(grep -E ': (error|warning): ' "$work/$c.err" | grep -v -e 'translation.missing' -e '_index.md:' | head -1 || true)
  [ -n "$first" ] || first=$(tail -1 "$work/$c.err")
  printf '%-18s %6s %9s %9s %9s  %s: %s\n' "$c" "$(numfmt --to=iec "$size")" "$t" "$cpu" "$cm" "$rc" "${first:0:100}"
  rm -rf "$src" "$work/out-$c" "$work/$c.md"
done
