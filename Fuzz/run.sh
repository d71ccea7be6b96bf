#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of Fuzz/ (with AddressSanitizer) and runs each for
# FUZZ_SECONDS (default 60) from its committed seed corpus. What a run finds is kept in .build-fuzz/:
# the growing corpus in corpus/<target>/ and any crash, hang or broken promise in findings/<target>/.
# Exits non-zero when any target found something; reproduce with `.build-fuzz/debug/<target> <file>`.
set -uo pipefail
cd "$(dirname "$0")/.."
SWIFT="${SWIFT:-swift}"
seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-FuzzPage FuzzPolicy}"
scratch="$PWD/.build-fuzz"
# Swift's own crash backtracer reads the dying process's memory, which ASan reports as a second crash.
export SWIFT_BACKTRACE=enable=no

echo "== building the fuzz targets"
# One product at a time: a plain `swift build` here would also link the dependency's own executables
# with libFuzzer, whose `main` clashes with theirs.
for target in $targets; do
    # pipefail: the build's own status, not tail's.
    if ! (cd Fuzz && $SWIFT build -c debug -Xswiftc -sanitize=fuzzer,address --scratch-path "$scratch" \
        --product "$target" 2>&1 | grep -v 'ld.gold: warning' | tail -n 3); then
        echo "fuzz: $target did not build"; exit 2
    fi
done

status=0
for target in $targets; do
    seeds="Fuzz/corpus/$(echo "${target#Fuzz}" | tr '[:upper:]' '[:lower:]')"
    mkdir -p "$scratch/corpus/$target" "$scratch/findings/$target"
    echo "== $target for ${seconds} s (seeds: $seeds)"
    # -timeout: one input taking 10 s is a hang; -rss_limit_mb: ASan's shadow needs room.
    "$scratch/debug/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="$scratch/findings/$target/" "$scratch/corpus/$target" "$seeds" \
        >"$scratch/$target.log" 2>&1
    code=$?
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done )' "$scratch/$target.log"
    if [ "$code" -ne 0 ]; then
        status=1
        grep -E 'ERROR|FUZZ ORACLE|Test unit written|deadly signal|timeout' "$scratch/$target.log" | head -n 20
        echo "$target: FOUND A PROBLEM (full log: $scratch/$target.log)"
    else
        echo "$target: nothing found"
    fi
done
exit "$status"
