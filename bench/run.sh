#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Benchmarks policygraph against the Python baseline (PyYAML C loader + NetworkX) and
# python-igraph, on generated corpora, and writes the tables into BENCHMARKS.md.
#
#   bench/run.sh [--sizes 1000,10000,100000] [--repeat 3] [--scratch /tmp/policygraph-bench]
#                [--seed 1] [--sample 100] [--exact-max 20000] [--skip-build] [--no-python]
#                [--no-write] [--python-graphml-writer auto|etree]
#
# For each size: generate (or reuse) a corpus of SIZE policies, two languages, five
# facilities per policy; time each policygraph command under /usr/bin/time -v (wall time and
# peak RSS), REPEAT times, keep the median; run bench/baseline.py on the same corpus (REPEAT
# times up to 10,000 policies, once above: it takes minutes there) and
# bench/igraph_baseline.py on the policy view that policygraph exports. Exact betweenness
# (`influence` without --sample) costs O(V E); above --exact-max policies only the sampled
# run is made. Everything is written under the scratch folder, outside the repository; the
# corpus is kept and reused when its manifest matches. NetworkX writes GraphML with lxml
# where Debian's python3-lxml is installed, 2.4 times as fast as with its own writer:
# --python-graphml-writer etree keeps lxml out (bench/baseline.py says more).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sizes=1000,10000,100000
repeat=3
scratch=/tmp/policygraph-bench
seed=1
sample=100
exact_max=20000
build=1
python=1
write=1
graphml_writer=auto
command_line="bench/run.sh $*"

while [[ $# -gt 0 ]]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --scratch) scratch=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --sample) sample=$2; shift 2 ;;
    --exact-max) exact_max=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    --no-python) python=0; shift ;;
    --no-write) write=0; shift ;;
    --python-graphml-writer) graphml_writer=$2; shift 2 ;;
    -h|--help) awk 'NR >= 3 && /^#/ { sub(/^# ?/, ""); print; next } NR >= 3 { exit }' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# The machine is shared: run everything at a lower priority.
run_nice=(nice -n 5)

cd "$repo"
if [[ $build == 1 ]]; then
  # Only the two programs measured here: the tests of a tree in progress need not build.
  cmake --preset release >/dev/null
  cmake --build --preset release --target policygraph_cli policygraph_generate_corpus policygraph_bench_phases
fi
policygraph=$repo/build/release/cli/policygraph
phases=$repo/build/release/bench/policygraph_bench_phases
generator=$repo/build/release/bench/policygraph_generate_corpus
[[ -x $generator ]] || generator=$repo/build/bench/bench/policygraph_generate_corpus
for tool in "$policygraph" "$generator"; do
  [[ -x $tool ]] || { echo "run.sh: $tool is missing (build first)" >&2; exit 3; }
done

# A cache of parsed records is being added to policygraph: measure cold runs with
# --no-cache where the flag exists, and a warm run (the same command again, cache kept).
cache_flag=()
if "$policygraph" --help 2>&1 | grep -q -- '--no-cache' || "$policygraph" stats --help 2>&1 | grep -q -- '--no-cache'; then
  cache_flag=(--no-cache)
fi

# time_run NAME ARGS...: one run under /usr/bin/time -v, files NAME.<i>.{time,out,err}.
time_run() {
  local name=$1; shift
  local i=1
  while [[ -e $results/$name.$i.time ]]; do i=$((i + 1)); done
  if ! /usr/bin/time -v -o "$results/$name.$i.time" "${run_nice[@]}" "$@" >"$results/$name.$i.out" 2>"$results/$name.$i.err"; then
    echo "run.sh: failed ($name): $*" >&2
    tail -n 5 "$results/$name.$i.err" >&2
    echo failed >>"$results/$name.$i.time"
  fi
}
measure() {
  local name=$1 times=$2; shift 2
  local r
  for ((r = 0; r < times; r++)); do time_run "$name" "$@"; done
  echo "  $name: $(grep -h 'Elapsed' "$results/$name".*.time | awk '{print $NF}' | tr '\n' ' ')" >&2
}

# python-igraph (Debian's python3-igraph) times PageRank and Louvain alone, a third opinion
# beside NetworkX's in the table of the algorithms and the check that the tools agree.
igraph=0
if /usr/bin/python3 -c 'import igraph' 2>/dev/null; then
  igraph=1
else
  echo "run.sh: python-igraph is missing (apt install python3-igraph): its column of the algorithms alone reads n/a" >&2
fi

IFS=, read -r -a size_list <<<"$sizes"
for size in "${size_list[@]}"; do
  corpus=$scratch/corpus-$size
  results=$scratch/results-$size
  rm -rf "$results"
  mkdir -p "$results"
  echo "== $size policies ($corpus)" >&2

  manifest_ok=0
  if [[ -f $corpus/.generator.json ]] && python3 - "$corpus/.generator.json" "$size" "$seed" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
ok = m.get("policies") == int(sys.argv[2]) and m.get("seed") == int(sys.argv[3]) and m.get("languages") == ["en", "zh"] and m.get("facilities_per_policy") == 5
sys.exit(0 if ok else 1)
EOF
  then manifest_ok=1; fi
  if [[ $manifest_ok == 1 && -f $scratch/generate-$size.txt ]]; then
    cp "$scratch/generate-$size.txt" "$results/generate.txt"
  else
    "${run_nice[@]}" "$generator" --policies "$size" --facilities-per-policy 5 --languages en,zh \
      --seed "$seed" --out "$corpus" --force | tee "$scratch/generate-$size.txt" >&2
    cp "$scratch/generate-$size.txt" "$results/generate.txt"
  fi
  cp "$corpus/.generator.json" "$results/manifest.json"
  du -sb --exclude=.policygraph-cache "$corpus" | cut -f1 >"$results/corpus-bytes.txt"

  pg=("$policygraph" -C "$corpus")
  # Warm-up: reads the corpus into the OS page cache, so that every tool below (the first
  # measured one included) starts from the same state.
  "${run_nice[@]}" "${pg[@]}" stats "${cache_flag[@]}" >/dev/null 2>&1 || true

  measure pg_stats "$repeat" "${pg[@]}" stats --json "${cache_flag[@]}"
  if ((size <= exact_max)); then
    measure pg_influence "$repeat" "${pg[@]}" influence --top 10 --json "${cache_flag[@]}"
  fi
  measure pg_influence_sampled "$repeat" "${pg[@]}" influence --top 10 --sample "$sample" --seed 0 --json "${cache_flag[@]}"
  measure pg_clusters "$repeat" "${pg[@]}" clusters --seed 0 --json "${cache_flag[@]}"
  measure pg_export "$repeat" "${pg[@]}" export --format graphml -o "$results/pg-full.graphml" "${cache_flag[@]}"
  measure pg_export_policy 1 "${pg[@]}" export --view policy --format graphml -o "$results/pg-policy.graphml" "${cache_flag[@]}"
  # End to end in one process, as the Python pipeline does it: load, build, PageRank,
  # Louvain, GraphML of the full graph with both as attributes.
  measure pg_end_to_end "$repeat" "${pg[@]}" export --format graphml --metrics pagerank,community \
    -o "$results/pg-end-to-end.graphml" "${cache_flag[@]}"
  rm -f "$results/pg-end-to-end.graphml"
  # Each pass on its own (load, build, views, each algorithm, each export format).
  if [[ -x $phases ]]; then
    measure pg_phases "$repeat" "$phases" "$corpus" --betweenness-sample "$sample"
  fi
  if [[ ${#cache_flag[@]} -gt 0 ]]; then
    # The first run on the corpus, which writes its cache: each time into an empty folder.
    for ((r = 0; r < repeat; r++)); do
      rm -rf "$results/first-cache"
      time_run pg_stats_first "${pg[@]}" stats --json --cache "$results/first-cache"
    done
    echo "  pg_stats_first: $(grep -h 'Elapsed' "$results"/pg_stats_first.*.time | awk '{print $NF}' | tr '\n' ' ')" >&2
    # Every warm run below keeps its cache in the scratch folder, not the user's.
    warm=(--cache "$results/cache")
    rm -rf "$results/cache"
    "${run_nice[@]}" "${pg[@]}" stats "${warm[@]}" >/dev/null 2>&1 || true
    "${run_nice[@]}" "${pg[@]}" stats "${warm[@]}" >/dev/null 2>&1 || true
    measure pg_stats_warm "$repeat" "${pg[@]}" stats --json "${warm[@]}"
    measure pg_clusters_warm "$repeat" "${pg[@]}" clusters --seed 0 --json "${warm[@]}"
    measure pg_end_to_end_warm "$repeat" "${pg[@]}" export --format graphml --metrics pagerank,community \
      -o "$results/pg-end-to-end.graphml" "${warm[@]}"
    rm -f "$results/pg-end-to-end.graphml"
    # The analyst's questions of typed evolution, and the report, from the warm cache.
    subject=$(python3 "$repo/bench/most_amended.py" "$corpus")
    measure pg_history "$repeat" "${pg[@]}" history "$subject" --json "${warm[@]}"
    measure pg_in_force "$repeat" "${pg[@]}" in-force --at 2015-06-30 --json "${warm[@]}"
    measure pg_report "$repeat" "${pg[@]}" report -o "$results/report" "${warm[@]}"
    rm -rf "$results/report"
    # After an edit: one record, then ten, changed between runs (a line appended to the
    # Markdown body, so the bytes and the times change); the first run after each edit is
    # measured, then the corpus is put back.
    mapfile -t edited < <(find "$corpus/policies/en" -name '*.md' | sort | awk 'NR % 997 == 1' | head -10)
    # And the first record with a status word outside the vocabulary, where `validate` notes
    # the word: that note counts the word's uses over the whole corpus.
    unknown_status=$("${pg[@]}" validate --json "${warm[@]}" 2>/dev/null | python3 -c '
import json, sys
notes = [d["file"] for d in json.load(sys.stdin)["diagnostics"] if "is not a word" in d["message"]]
print(notes[0] if notes else "")')
    [[ -n $unknown_status ]] && cp -p "$corpus/$unknown_status" "$corpus/$unknown_status.orig"
    for file in "${edited[@]}"; do cp -p "$file" "$file.orig"; done
    for ((r = 0; r < repeat; r++)); do
      echo "edit $r" >>"${edited[0]}"
      time_run pg_stats_edit1 "${pg[@]}" stats --json "${warm[@]}"
      echo "edit $r" >>"${edited[0]}"
      time_run pg_end_to_end_edit1 "${pg[@]}" export --format graphml --metrics pagerank,community \
        -o "$results/pg-end-to-end.graphml" "${warm[@]}"
      for file in "${edited[@]}"; do echo "edit $r" >>"$file"; done
      time_run pg_stats_edit10 "${pg[@]}" stats --json "${warm[@]}"
      if [[ -n $unknown_status ]]; then
        echo "edit $r" >>"$corpus/$unknown_status"
        time_run pg_stats_edit_unknown "${pg[@]}" stats --json "${warm[@]}"
      fi
    done
    for file in "${edited[@]}"; do mv "$file.orig" "$file"; done
    [[ -n $unknown_status ]] && mv "$corpus/$unknown_status.orig" "$corpus/$unknown_status"
    rm -f "$results/pg-end-to-end.graphml"
    for name in pg_stats_edit1 pg_end_to_end_edit1 pg_stats_edit10 pg_stats_edit_unknown; do
      echo "  $name: $(grep -h 'Elapsed' "$results/$name".*.time | awk '{print $NF}' | tr '\n' ' ')" >&2
    done
    rm -rf "$results/cache" "$results/first-cache"
    # The load alone, cold and from the cache, timed inside one process. Last: the phases
    # tool is another build than the program, so its first run rebuilds the cache.
    if [[ -x $phases ]]; then
      "${run_nice[@]}" "$phases" "$corpus" --cache --skip-exports >/dev/null 2>&1 || true
      measure pg_phases_warm "$repeat" "$phases" "$corpus" --cache --skip-exports
    fi
  fi

  if [[ $igraph == 1 && -s $results/pg-policy.graphml ]]; then
    measure igraph "$repeat" /usr/bin/python3 "$repo/bench/igraph_baseline.py" "$results/pg-policy.graphml"
  fi

  if [[ $python == 1 ]]; then
    py_repeat=$repeat
    ((size > 10000)) && py_repeat=1
    measure python "$py_repeat" python3 "$repo/bench/baseline.py" "$corpus" --out-dir "$results/python-out" \
      --betweenness-sample "$sample" --graphml-writer "$graphml_writer"
    rm -rf "$results/python-out"
  fi
  rm -f "$results/pg-full.graphml"

  {
    echo "nproc=$(nproc)"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "memory_kb=$(awk '/MemTotal/ {print $2}' /proc/meminfo)"
    echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
    echo "loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "commit=$(git -C "$repo" rev-parse --short HEAD)"
    echo "cache_flag=${cache_flag[*]:-}"
    echo "repeat=$repeat"
    echo "sample=$sample"
    echo "command=$command_line"
    echo "python=$(python3 -c 'import sys, yaml, networkx; print(sys.version.split()[0], "PyYAML", yaml.__version__, "NetworkX", networkx.__version__)')"
    echo "igraph=$(/usr/bin/python3 -c 'import igraph; print(igraph.__version__)' 2>/dev/null || echo 'not installed')"
  } >"$results/machine.txt"

  if [[ $write == 1 ]]; then
    python3 "$repo/bench/report.py" "$results" --benchmarks "$repo/BENCHMARKS.md" --size "$size"
  fi
done
