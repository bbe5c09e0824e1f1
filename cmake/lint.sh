#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The whitespace lint: no trailing white space, no tabs in C++ or CMake, a final newline in
# every text file git tracks. Prints each offence as file:line and exits 1 if any.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
while IFS= read -r file; do
  case "$file" in *.svg|*.png|*.json|tests/golden/*|tests/data/*|seeds/*) continue ;; esac
  [ -f "$file" ] || continue
  grep -Iq . "$file" || continue  # binary or empty
  if grep -n '[[:space:]]$' "$file" | head -3 | sed "s|^|$file:|; s|$|: trailing white space|" | grep .; then status=1; fi
  case "$file" in
    *.cpp|*.hpp|*CMakeLists.txt|*.cmake)
      if grep -nP '\t' "$file" | head -3 | sed "s|^|$file:|; s|$|: tab|" | grep .; then status=1; fi ;;
  esac
  if [ -n "$(tail -c1 "$file")" ]; then echo "$file: no newline at the end"; status=1; fi
done < <(git ls-files)
exit $status
