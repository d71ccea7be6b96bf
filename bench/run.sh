#!/usr/bin/env bash
# `make bench`: sitegen against the cmark-gfm CLI and Hugo on the generated kk+ru corpus, all in one run
# on tmpfs, steady state (each output already holds the previous build).
#
# For each corpus size (pages per language; default "5000 50000", i.e. 10k and 100k pages) it times, with
# /usr/bin/time: `sitegen build --force` (a full build), `sitegen check --force` (a full check), a
# no-change rebuild (`sitegen build`, which must write no file), a one-page-edit rebuild, then a check of
# that edit (`sitegen check`, the other pages taken as the last build found them), the cmark-gfm CLI over the same Markdown
# files, and Hugo on the corpus's Hugo files. Each is run RUNS times (LARGE_RUNS for sizes over 10,000);
# the table gives the median wall time with the spread (min–max), CPU seconds and peak RSS.
# It writes bench/results.md (or $BENCH_RESULTS) and exits 1 if a figure of the pipeline issue is missed,
# the run's own length among them (≤ 20 minutes for the default sizes: installs, release build and
# corpora included).
#
# Usage: bench/run.sh [pages-per-language ...]; RUNS=5 LARGE_RUNS=1 by default.
set -Eeuo pipefail
# The whole run is timed too: from a fresh clone it must end within 20 minutes. `make bench` passes the
# time it started (before it installed what was missing); run alone, the script counts from its start.
# (`date`, not $EPOCHREALTIME: that takes the locale's decimal mark, a comma in ru_RU and kk_KZ.)
started=${BENCH_STARTED:-$(date +%s.%N)}
# A step that fails says which (an earlier run ended with status 255 and no word of where).
trap 'echo "bench: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
repo=$(cd "$(dirname "$0")/.." && pwd)
gen=${GEN_CORPUS:-$repo/../shared/bench/gen_corpus.py}
sizes=("$@")
# The issue's sizes, for which the run's length is a figure too.
default_sizes=(5000 50000)
[ ${#sizes[@]} -gt 0 ] || sizes=("${default_sizes[@]}")
runs=${RUNS:-5}
large_runs=${LARGE_RUNS:-1}
results=${BENCH_RESULTS:-$repo/bench/results.md}
work=$(mktemp -d /dev/shm/sitegen-bench.XXXXXX 2>/dev/null || mktemp -d)
# The corpora, the outputs and their staging copies live on tmpfs, in the same memory the programs use
# (Hugo peaks at about 10 GiB on the 100k corpus): what else holds memory, other files on tmpfs
# included, slows the large runs. Said in the results, and warned of here.
available=$(awk '/MemAvailable/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)
if awk -v a="$available" 'BEGIN { exit !(a < 20) }'; then
  echo "bench: only $available GiB of memory is available; the large corpus, its builds and tmpfs share it, so its figures may come out slower" >&2
fi
trap 'rm -rf "$work"' EXIT
for tool in cmark-gfm hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make bench installs it)" >&2; exit 2; }
done

# The corpora are written while the release build compiles (Python on one core, beside the compiler):
# a minute or more saved, and nothing is timed yet.
for pages in "${sizes[@]}"; do
  python3 "$gen" --pages "$pages" --out "$work/corpus-$pages" >/dev/null &
done
(cd "$repo" && swift build -c release --product sitegen >/dev/null)
wait
for pages in "${sizes[@]}"; do
  [ -d "$work/corpus-$pages/content" ] || { echo "bench: the corpus of $pages pages per language was not written" >&2; exit 2; }
done
bin="$repo/.build/release/sitegen"

# One timed run: prints "wall cpu rss_kib" and keeps the command's output in $work/last.err.
timed() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/last.err" \
    || { echo "bench: failed: $*" >&2; tail -5 "$work/last.err" >&2; exit 2; }
  awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$work/time"
}

# n runs of a command: "median_wall min_wall max_wall median_cpu max_rss_kib".
series() {
  local n=$1; shift
  for _ in $(seq "$n"); do timed "$@"; done | sort -g | awk -v n="$n" '
    { w[NR] = $1; c[NR] = $2; if ($3 > rss) rss = $3 }
    END {
      m = int((n + 1) / 2)
      # CPU seconds sorted on their own for their median.
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (c[j] < c[i]) { t = c[i]; c[i] = c[j]; c[j] = t }
      printf "%.3f %.3f %.3f %.3f %d\n", w[m], w[1], w[n], c[m], rss
    }'
}

# Every file of a folder with its size and time of change: what "writes no file" is checked against.
listing() { find "$1" -printf '%P %s %T@\n' | sort; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

declare -A fig
missed=0
table=""
row() { table+="| $1 | $2 | $3 | $4 | $5 |"$'\n'; }
for pages in "${sizes[@]}"; do
  n=$runs; [ "$pages" -gt 5000 ] && n=$large_runs
  corpus="$work/corpus-$pages"
  cp -r "$repo/templates" "$repo/static" "$repo/i18n" "$corpus/"
  find "$corpus/content" -name '*.md' -print0 > "$work/files"
  # Warm the page cache; each generator runs once first, so its output holds a previous build (steady
  # state). Hugo's output is gone before sitegen's is made: at 100,000 pages Hugo holds 10 GB, and both
  # sites and their staging copies on the same tmpfs left the machine without memory.
  xargs -0 cat < "$work/files" >/dev/null
  read -r cm_w cm_lo cm_hi cm_c cm_r < <(series "$n" sh -c "xargs -0 cmark-gfm -e table -e strikethrough -e autolink -e tasklist -e tagfilter < '$work/files'")
  hugo --quiet -s "$corpus" -d "$work/hugo-$pages" >/dev/null 2>&1
  read -r hu_w hu_lo hu_hi hu_c hu_r < <(series "$n" hugo --quiet -s "$corpus" -d "$work/hugo-$pages")
  rm -rf "$work/hugo-$pages"
  "$bin" build --source "$corpus" >/dev/null 2>&1 || { echo "bench: the corpus does not build" >&2; "$bin" build --source "$corpus" 2>&1 | tail -5 >&2; exit 2; }
  read -r bu_w bu_lo bu_hi bu_c bu_r < <(series "$n" "$bin" build --force --source "$corpus")
  read -r ch_w ch_lo ch_hi ch_c ch_r < <(series "$n" "$bin" check --force --source "$corpus")
  before=$(listing "$corpus/site")
  read -r nc_w nc_lo nc_hi nc_c nc_r < <(series "$n" "$bin" build --source "$corpus")
  grep -q '^up to date' "$work/last.err" || { echo "bench: a no-change rebuild was not up to date:" >&2; tail -3 "$work/last.err" >&2; missed=1; }
  [ "$before" = "$(listing "$corpus/site")" ] || { echo "bench: a no-change rebuild wrote files" >&2; missed=1; }
  # One page edited before each run (a new sentence each time, so every run has a change to build).
  page=$(find "$corpus/content/kk" -name '*.md' | sort | sed -n 2p)
  edit_runs=()
  for i in $(seq "$n"); do
    printf '\nТүзету %s.\n' "$i" >> "$page"
    edit_runs+=("$(timed "$bin" build --source "$corpus")")
  done
  read -r ed_w ed_lo ed_hi ed_c ed_r < <(printf '%s\n' "${edit_runs[@]}" | sort -g | awk -v n="$n" '
    { w[NR] = $1; c[NR] = $2; if ($3 > rss) rss = $3 } END { m = int((n + 1) / 2); printf "%.3f %.3f %.3f %.3f %d\n", w[m], w[1], w[n], c[m], rss }')
  # An editor's check after an edit: the page changed since the last build is checked again, the
  # others are taken as that build found them.
  printf '\nТүзету тексеру.\n' >> "$page"
  read -r ce_w ce_lo ce_hi ce_c ce_r < <(series "$n" "$bin" check --source "$corpus")
  grep -q ' unchanged since the last build)' "$work/last.err" || { echo "bench: a check after an edit took no page from the last build:" >&2; tail -1 "$work/last.err" >&2; missed=1; }

  total=$((pages * 2))
  row "**$total pages** ($pages per language, $n runs)" "" "" "" ""
  row "cmark-gfm CLI" "$cm_w ($cm_lo–$cm_hi)" "$cm_c" "$((cm_r / 1024))" "1"
  row "Hugo $(hugo version | awk '{print $2}')" "$hu_w ($hu_lo–$hu_hi)" "$hu_c" "$((hu_r / 1024))" "$(ratio "$hu_w" "$cm_w")"
  row "sitegen build (full)" "$bu_w ($bu_lo–$bu_hi)" "$bu_c" "$((bu_r / 1024))" "$(ratio "$bu_w" "$cm_w")"
  row "sitegen check (full, \`--force\`)" "$ch_w ($ch_lo–$ch_hi)" "$ch_c" "$((ch_r / 1024))" "$(ratio "$ch_w" "$cm_w")"
  row "sitegen check, one page edited" "$ce_w ($ce_lo–$ce_hi)" "$ce_c" "$((ce_r / 1024))" "$(ratio "$ce_w" "$cm_w")"
  row "sitegen build, nothing changed" "$nc_w ($nc_lo–$nc_hi)" "$nc_c" "$((nc_r / 1024))" "$(ratio "$nc_w" "$cm_w")"
  row "sitegen build, one page edited" "$ed_w ($ed_lo–$ed_hi)" "$ed_c" "$((ed_r / 1024))" "$(ratio "$ed_w" "$cm_w")"
  fig[$pages.build]=$bu_w; fig[$pages.rss]=$bu_r; fig[$pages.hugo]=$hu_w; fig[$pages.hugo_rss]=$hu_r
  fig[$pages.cmark]=$cm_w; fig[$pages.check]=$ch_w; fig[$pages.nochange]=$nc_w; fig[$pages.edit]=$ed_w
  # The next size has the memory to itself.
  rm -rf "$corpus"
done

# The figures of the pipeline issue: name, value, limit (value ≤ limit is met).
figures=""
check_figure() {
  local met; met=$(awk -v v="$2" -v l="$3" 'BEGIN { print (v <= l ? "met" : "missed") }')
  [ "$met" = met ] || missed=1
  figures+="| $1 | $2 | ≤ $3 | $met |"$'\n'
}
small=${sizes[0]}
check_figure "full build / Hugo ($((small * 2)) pages)" "$(ratio "${fig[$small.build]}" "${fig[$small.hugo]}")" 0.5
check_figure "full build / cmark-gfm CLI" "$(ratio "${fig[$small.build]}" "${fig[$small.cmark]}")" 2.5
check_figure "check / cmark-gfm CLI" "$(ratio "${fig[$small.check]}" "${fig[$small.cmark]}")" 0.8
check_figure "peak RSS / Hugo's" "$(ratio "${fig[$small.rss]}" "${fig[$small.hugo_rss]}")" 0.1
check_figure "no-change rebuild / full build" "$(ratio "${fig[$small.nochange]}" "${fig[$small.build]}")" 0.05
check_figure "one page edited / full build" "$(ratio "${fig[$small.edit]}" "${fig[$small.build]}")" 0.1
if [ ${#sizes[@]} -gt 1 ]; then
  large=${sizes[-1]}
  check_figure "time, $((large * 2)) / $((small * 2)) pages" "$(ratio "${fig[$large.build]}" "${fig[$small.build]}")" \
    "$(awk -v a="$large" -v b="$small" 'BEGIN { printf "%.1f", 1.1 * a / b }')"
  check_figure "peak RSS, $((large * 2)) / $((small * 2)) pages" "$(ratio "${fig[$large.rss]}" "${fig[$small.rss]}")" 2
fi
# The run's length in minutes (installs, release build and corpora included); the limit is for the issue's sizes.
minutes=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", (b - a) / 60 }')
if [ "${sizes[*]}" = "${default_sizes[*]}" ]; then
  check_figure "this benchmark's run, minutes" "$minutes" 20
fi

{
  echo "# Benchmark results"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"
  echo "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) ($available GiB available as the run started), tmpfs, sitegen $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?') (release build)."
  echo "Steady state: every output already holds the previous build. Wall: median (min–max) of the runs."
  echo "The whole run (installs, release build, corpora, every timing) took $minutes minutes."
  echo
  echo "| run | wall s | CPU s | peak RSS MiB | / cmark-gfm |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s' "$table"
  echo
  echo "| figure | this run | goal | |"
  echo "| --- | --- | --- | --- |"
  printf '%s' "$figures"
} > "$results"
cat "$results"
exit "$missed"
