#!/usr/bin/env bash
# Search budget at scale: generates the 100,000-page corpus (../shared/bench/gen_corpus.py, 50,000 pages
# per language), builds it with a release build of sitegen and the repo's templates, static files and
# i18n, then runs a reader's first query for each sample (bench/search_budget.js: inflected Kazakh and
# Russian words, names in the other script, prefixes, two to eight words) through the real
# static/search.js under Node as a page does it (meta.json when the reader focuses the search box, then the
# query), printing the requests and bytes of each. Fails if meta.json and the query together take 60 KB or
# more, if the query takes over 3 requests (however many words), or finds nothing.
# Usage: bench/search_budget.sh [pages-per-language]
#   CORPUS=DIR reuses a generated corpus; SITEGEN=path uses that binary; SEARCH_BUDGET_FILES=1 lists files.
set -euo pipefail
pages=${1:-50000}
repo=$(cd "$(dirname "$0")/.." && pwd)
command -v node >/dev/null || { echo "search_budget: node is required" >&2; exit 2; }
work=$(mktemp -d /dev/shm/sitegen-search.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

corpus=${CORPUS:-$work/corpus}
if [ ! -d "$corpus/content" ]; then
  python3 "$repo/../shared/bench/gen_corpus.py" --pages "$pages" --out "$corpus" >/dev/null
fi
rm -rf "$corpus/templates" "$corpus/static" "$corpus/i18n"
cp -R "$repo/templates" "$repo/static" "$repo/i18n" "$corpus/"
sitegen=${SITEGEN:-}
if [ -z "$sitegen" ]; then
  (cd "$repo" && swift build -c release --product sitegen >/dev/null)
  sitegen="$repo/.build/release/sitegen"
fi
(cd "$corpus" && "$sitegen" build >"$work/build.log" 2>&1) || { tail -20 "$work/build.log"; exit 2; }
echo "search_budget: $(find "$corpus/site/search" -type f | wc -l) index files, $(du -sh "$corpus/site/search" | cut -f1)"
node "$repo/bench/search_budget.js" "$repo/static/search.js" "$corpus/site" 3 61440
