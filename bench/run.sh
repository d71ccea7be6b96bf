#!/usr/bin/env bash
# Benchmark: sitegen check and build on the generated kk+ru corpus, beside cmark-gfm (and Hugo when
# installed) on the same files, all in one run. Usage: bench/run.sh [pages-per-language] (default 5000).
# Works on tmpfs (/dev/shm) because creating many files right after deleting a big tree is slow and
# noisy on an ordinary disk. Figures are wall-clock seconds from this one run; compare ratios.
set -euo pipefail
pages=${1:-5000}
repo=$(cd "$(dirname "$0")/.." && pwd)
gen=${GEN_CORPUS:-$repo/../shared/bench/gen_corpus.py}
work=$(mktemp -d /dev/shm/sitegen-bench.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$repo" && swift build -c release --product sitegen >/dev/null)
bin="$repo/.build/release/sitegen"
python3 "$gen" --pages "$pages" --out "$work/corpus"
cp -r "$repo/templates" "$repo/static" "$repo/i18n" "$work/corpus/"
files=$(find "$work/corpus/content" -name '*.md' | wc -l)

# The machines are noisy: each figure is the fastest of $runs runs (default 3).
runs=${RUNS:-3}
once() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>"$work/stderr" || { tail -5 "$work/stderr" >&2; return 1; }; e=$(date +%s.%N); awk "BEGIN{print $e - $s}"; }
seconds() { local t all=""; for _ in $(seq "$runs"); do t=$(once "$@") || return 1; all="$all $t"; done; printf '%s\n' $all | sort -g | head -1; }

# Warm the page cache so every tool reads from memory.
cat $(find "$work/corpus/content" -name '*.md') >/dev/null
cmark=$(seconds sh -c "find '$work/corpus/content' -name '*.md' -print0 | xargs -0 cmark-gfm -e table -e strikethrough -e autolink -e tasklist -e tagfilter")
check=$(seconds "$bin" check --source "$work/corpus")
build=$(seconds "$bin" build --source "$work/corpus")
hugo_line=""
if command -v hugo >/dev/null; then
  hugo_s=$(seconds hugo --quiet -s "$work/corpus" -d "$work/hugo-out" || echo "")
  [ -n "$hugo_s" ] && hugo_line=$(printf 'hugo            %6.2f s   (%.2fx cmark-gfm)' "$hugo_s" "$(awk "BEGIN{print $hugo_s / $cmark}")")
fi
printf 'corpus: %s pages per language, %s Markdown files, %s cores, best of %s runs\n' "$pages" "$files" "$(nproc)" "$runs"
printf 'cmark-gfm       %6.2f s\n' "$cmark"
printf 'sitegen check   %6.2f s   (%.2fx cmark-gfm)\n' "$check" "$(awk "BEGIN{print $check / $cmark}")"
printf 'sitegen build   %6.2f s   (%.2fx cmark-gfm)\n' "$build" "$(awk "BEGIN{print $build / $cmark}")"
[ -n "$hugo_line" ] && echo "$hugo_line"
tail -1 "$work/stderr" || true
