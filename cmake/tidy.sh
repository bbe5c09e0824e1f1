#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# clang-tidy over the library, the exporters and the command line with the checks that find bugs (use after
# move, dangling views, loops that cannot end, copies that were meant as moves, ...), as
# `bootstrap.sh test` runs it: any finding fails. .clang-tidy holds a wider set for editors.
#
#   cmake/tidy.sh [BUILD_DIR]     (default build/release; needs its compile_commands.json)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
if ! command -v run-clang-tidy >/dev/null; then
  echo "tidy: clang-tidy not installed; not checked (apt-get install clang-tidy)"
  exit 0
fi
[[ -f $build/compile_commands.json ]] || { echo "tidy: $build/compile_commands.json missing: configure first" >&2; exit 2; }
checks='-*,bugprone-*,-bugprone-easily-swappable-parameters,-bugprone-narrowing-conversions,performance-*'
log=$(mktemp)
trap 'rm -f "$log"' EXIT
run-clang-tidy -p "$build" -j "$(nproc)" -quiet -checks="$checks" \
  -header-filter="$PWD/(include|lib|export|cli)/" "$PWD/(lib|export|cli)/" >"$log" 2>&1 || true
if grep -q "warning:\|error:" "$log"; then
  grep -A3 "warning:\|error:" "$log" | sed 's/\x1b\[[0-9;]*m//g'
  echo "tidy: findings above (checks: $checks)"
  exit 1
fi
echo "tidy: no finding in lib/, export/ and cli/ (checks: $checks)"
