#!/usr/bin/env bash
# Search budget at scale: indexes generated kk/ru-like pages (100,000 by default) in a release build and
# runs queries a reader might type through the real static/search.js under Node, printing the bytes each
# query downloads (meta.json, shards, result fragments). Fails if one reaches 150 KB.
# XCTest runs the same test on 20,000 pages; 100,000 take too long to generate in a debug build.
# Usage: bench/search_budget.sh [pages]   (SEARCH_BUDGET_FILES=1 also lists every file fetched)
set -euo pipefail
pages=${1:-100000}
repo=$(cd "$(dirname "$0")/.." && pwd)
command -v node >/dev/null || { echo "search_budget: node is required" >&2; exit 2; }
# The test writes the whole index for Node to read; tmpfs keeps that from dominating the run.
work=$(mktemp -d /dev/shm/sitegen-search.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$repo"
TMPDIR="$work" SEARCH_BUDGET_DOCS="$pages" swift test -c release --disable-swift-testing \
  --filter 'SitegenKitTests.SearchTests/testQueryDownloadsStayUnderBudget' >"$work/log" 2>&1 || status=$?
grep -E 'pages, index|«|error:' "$work/log" || tail -20 "$work/log"
exit "${status:-0}"
