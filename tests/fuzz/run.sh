#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs a fuzzer for SECONDS (default 600) in JOBS processes (default 1, which leaves the other
# core free), starting from its seeds and from what earlier runs found (tests/fuzz/corpus for
# the record parser, tests/fuzz/corpus-cache for the cache reader; not in git). Crashing
# inputs land in tests/fuzz/crashes/: add each to the tests once fixed.
#   tests/fuzz/run.sh [SECONDS] [JOBS] [parse_records|parse_cache]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
jobs=${2:-1}
target=${3:-parse_records}
cmake --preset fuzz >/dev/null
mkdir -p tests/fuzz/crashes
case "$target" in
  parse_records)
    cmake --build --preset fuzz --target parse_records_fuzzer
    work=tests/fuzz/corpus
    mkdir -p "$work"
    # Seed inputs: every sample record, prefixed by the byte that picks its file kind.
    find seeds -type f \( -name '*.md' -o -name '*.yaml' -o -name '*.json' -o -name '*.jsonl' \) | while read -r file; do
      case "$file" in
        *.md) kind='\x00' ;; *.yaml) kind='\x01' ;; *.json) kind='\x02' ;; *.jsonl) kind='\x03' ;;
      esac
      { printf "$kind"; cat "$file"; } > "$work/seed-$(basename "$file")"
    done
    ;;
  parse_cache)
    # The seeds are caches written by this build's own program: the same build id, so that
    # the reader's key check lets the fuzzer's mutations through to the decoders.
    cmake --build --preset fuzz --target parse_cache_fuzzer policygraph_cli
    work=tests/fuzz/corpus-cache
    mkdir -p "$work"
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    for part in facilities policies/zh; do
      ASAN_OPTIONS=detect_leaks=0 build/fuzz/cli/policygraph stats -C "seeds/$part" --cache "$scratch/$part" \
        >/dev/null 2>&1 || true
      for cache in "$scratch/$part"/records-*.cache; do
        [ -f "$cache" ] || continue
        name=$(echo "$part" | tr / -)
        { printf '\x00'; cat "$cache"; } > "$work/seed-cache-$name"
        # The blobs at the start of the data, after the 52 bytes of the header, for the odd
        # first byte (one blob and what follows it: the fuzzer soon trims it to one).
        { printf '\x01'; dd if="$cache" iflag=skip_bytes,count_bytes skip=52 count=4096 2>/dev/null; } \
          > "$work/seed-blob-$name"
      done
    done
    ;;
  *) echo "run.sh: no fuzzer '$target' (parse_records or parse_cache)" >&2; exit 2 ;;
esac
parallel=()
# With more than one job libFuzzer runs them in the background and logs to fuzz-N.log.
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
"build/fuzz/tests/fuzz/${target}_fuzzer" "$work" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 "${parallel[@]}" -artifact_prefix=tests/fuzz/crashes/ -print_final_stats=1
