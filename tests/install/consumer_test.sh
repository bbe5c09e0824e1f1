#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the build into a temporary prefix, builds tests/install/consumer against the
# installed package, runs it on the seeds, and checks the installed man page and completions.
set -euo pipefail
build_dir=$1 source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
cmake -S "$source_dir/tests/install/consumer" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
successors=$("$work/build/consumer" "$source_dir/seeds" ab-sger-2007)
[ "$successors" = "ab-ccir-2018" ] || { echo "consumer answered '$successors'"; exit 1; }
test -s "$work/prefix/share/man/man1/policygraph.1"
grep -q "complete -F _policygraph policygraph" "$work/prefix/share/bash-completion/completions/policygraph"
test -s "$work/prefix/share/zsh/site-functions/_policygraph"
test -x "$work/prefix/bin/policygraph"
echo "installed package links, runs and answers; man page and completions installed"
