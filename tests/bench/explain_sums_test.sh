#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `influence --explain` on a corpus of the benchmark generator (issue 16): for the ten
# highest-ranked policies and every 25th id, the parts of the explanation add up to the
# PageRank that `influence` lists, to 1e-9.
set -euo pipefail
generator=$1 policygraph=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$generator" --policies 400 --seed 16 --out "$work/corpus" >/dev/null
"$policygraph" influence -C "$work/corpus" --no-cache --json --top 0 2>/dev/null > "$work/ranking.json"
ids=$( (python3 -c 'import json, sys; print("\n".join(p["id"] for p in json.load(open(sys.argv[1]))["policies"][:10]))' \
          "$work/ranking.json"; "$policygraph" ids -C "$work/corpus" --no-cache 2>/dev/null | awk 'NR % 25 == 1') | sort -u)
count=0
for id in $ids; do
  "$policygraph" influence -C "$work/corpus" --no-cache --json --explain "$id" 2>/dev/null > "$work/explain.json"
  python3 - "$work/explain.json" "$work/ranking.json" <<'PYTHON'
import json, sys
explanation = json.load(open(sys.argv[1]))
listed = {p["id"]: p["pagerank"] for p in json.load(open(sys.argv[2]))["policies"]}
total = sum(part["amount"] for part in explanation["contributions"])
rank = explanation["pagerank"]
if abs(total - rank) > 1e-9 or rank != listed[explanation["id"]]:
    sys.exit(f"{explanation['id']}: parts add up to {total!r}, PageRank {rank!r}, listed {listed[explanation['id']]!r}")
PYTHON
  count=$((count + 1))
done
[ "$count" -ge 20 ] || { echo "only $count policies explained"; exit 1; }
echo "the explanations of $count policies add up to their PageRank"
