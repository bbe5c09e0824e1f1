#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up policygraph on a Debian 12 machine and runs it: installs what is missing (only
# that, so a second run installs nothing), builds, then does what was asked.
#
#   ./bootstrap.sh demo   build, then write lineage diagrams and Gephi files of seeds/ into
#                         out/ and ask what replaced the first EU ETS directive
#   ./bootstrap.sh test   build, run every test, then the whole suite again under
#                         AddressSanitizer and UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")"

# fonts-noto-cjk: the demo renders SVGs, whose Chinese titles need a CJK font.
build_packages=(cmake ninja-build g++ pkg-config ccache libboost-graph-dev libyaml-cpp-dev libyaml-dev nlohmann-json3-dev
                libgtest-dev libcli11-dev libgraphviz-dev libcmark-dev libmimalloc-dev fonts-noto-cjk)
# chromium and tidy read the report as people and validators do; fonts-noto-cjk draws Chinese
# titles in diagrams and pages.
test_packages=(libxml2-utils clang-format clang-tidy graphviz python3 python3-networkx python3-scipy chromium tidy fonts-noto-cjk)

install_missing() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "bootstrap: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {  # build PRESET
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1"
}

demo() {
  install_missing "${build_packages[@]}"
  build release
  local pg=build/release/cli/policygraph
  mkdir -p out
  "$pg" validate -C seeds
  "$pg" export -C seeds --format svg --view lineage -o out/lineage.svg
  "$pg" export -C seeds --format svg --view lineage --reduce -o out/lineage-reduced.svg
  "$pg" export -C seeds --format dot --view lineage -o out/lineage.dot
  "$pg" export -C seeds --format graphml --view full --metrics -o out/policygraph.graphml
  "$pg" export -C seeds --format gexf --view policy --dynamic --metrics -o out/policygraph.gexf
  "$pg" report -C seeds -o out/report
  echo
  echo "What replaced the EU Emissions Trading Directive of 2003?"
  "$pg" replaced-by eu-ets-directive-2003 -C seeds
}

test_all() {
  install_missing "${build_packages[@]}" "${test_packages[@]}"
  build release
  ctest --preset release
  cmake/tidy.sh build/release
  build sanitize
  ctest --preset sanitize
}

case "${1:-}" in
  demo) demo ;;
  test) test_all ;;
  *) echo "usage: ./bootstrap.sh demo|test" >&2; exit 2 ;;
esac
