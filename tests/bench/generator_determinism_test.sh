#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The corpus generator is deterministic: the same arguments give the same bytes, another
# seed gives other bytes, and what it writes loads without an error.
set -euo pipefail
generator=$1 policygraph=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
digest() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum); }
"$generator" --policies 200 --seed 7 --out "$work/a" >/dev/null
"$generator" --policies 200 --seed 7 --out "$work/b" >/dev/null
"$generator" --policies 200 --seed 8 --out "$work/c" >/dev/null
[ "$(digest "$work/a")" = "$(digest "$work/b")" ] || { echo "same seed, different corpora"; exit 1; }
[ "$(digest "$work/a")" != "$(digest "$work/c")" ] || { echo "another seed, the same corpus"; exit 1; }
"$policygraph" validate -C "$work/a" --json > "$work/validate.json" || { echo "generated corpus has errors:"; head -c 2000 "$work/validate.json"; exit 1; }
echo "same seed, same $(find "$work/a" -type f | wc -l) files; another seed differs; the corpus validates"
