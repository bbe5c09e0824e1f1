#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the record-parser fuzzer for SECONDS (default 600) in JOBS processes (default 1, which
# leaves the other core free), starting from the seeds and from what earlier runs found
# (tests/fuzz/corpus, not in git). Crashing inputs land in tests/fuzz/crashes/: add each to
# tests/records/bad_input_test.cpp once fixed.
#   tests/fuzz/run.sh [SECONDS] [JOBS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
jobs=${2:-1}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target parse_records_fuzzer
work=tests/fuzz/corpus
mkdir -p "$work" tests/fuzz/crashes
# Seed inputs: every sample record, prefixed by the byte that picks its file kind.
find seeds -type f \( -name '*.md' -o -name '*.yaml' -o -name '*.json' -o -name '*.jsonl' \) | while read -r file; do
  case "$file" in
    *.md) kind='\x00' ;; *.yaml) kind='\x01' ;; *.json) kind='\x02' ;; *.jsonl) kind='\x03' ;;
  esac
  { printf "$kind"; cat "$file"; } > "$work/seed-$(basename "$file")"
done
parallel=()
# With more than one job libFuzzer runs them in the background and logs to fuzz-N.log.
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
build/fuzz/tests/fuzz/parse_records_fuzzer "$work" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 "${parallel[@]}" -artifact_prefix=tests/fuzz/crashes/ -print_final_stats=1
