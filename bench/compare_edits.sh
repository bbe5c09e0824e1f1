#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Two builds of policygraph side by side on runs after edited records: each round rewrites
# the `title:` of the first N files of FILE_LIST (paths relative to CORPUS), waits out the
# cache's racy window, runs `stats` with the old binary and the new one (each with its own
# cache folder under SCRATCH, since a cache is keyed by its build), then both again warm.
# Prints one line per run: binary, after the edit or warm, wall time, peak RSS.
#
#   bench/compare_edits.sh OLD NEW CORPUS FILE_LIST N ROUNDS [SCRATCH]
#
# CORPUS is edited in place: give it a copy. Used for BENCHMARKS.md's "edits to records whose
# status word is outside the vocabulary".
set -euo pipefail
if (($# < 6)); then
  sed -n '4,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
old=$1 new=$2 corpus=$3 list=$4 count=$5 rounds=$6 scratch=${7:-$(mktemp -d)}
declare -A binary=([old]=$old [new]=$new)
for name in old new; do
  mkdir -p "$scratch/cache-$name"
  # Two runs each: the first writes the cache, the second leaves it warm.
  for _ in 1 2; do "${binary[$name]}" stats -C "$corpus" --cache "$scratch/cache-$name" >/dev/null 2>&1; done
done
for ((round = 1; round <= rounds; round++)); do
  head -n "$count" "$list" | while read -r file; do
    python3 - "$corpus/$file" "$round" <<'PY'
import re, sys
path, round_ = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    text = f.read()
text = re.sub(r"^(title: .*?)( edit \d+)?$", lambda m: m.group(1) + " edit " + round_, text, count=1, flags=re.M)
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
PY
  done
  sleep 2.2  # the racy window: a file changed within 2 s of a load is not trusted by its times
  for when in edited warm; do
    for name in old new; do
      /usr/bin/time -f "$name $when %e s %M KB" "${binary[$name]}" stats -C "$corpus" --cache "$scratch/cache-$name" \
        2>&1 >/dev/null | grep ' KB$'
    done
  done
done
