#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Load time and peak memory on the real corpus beside the checkout, side by side.

Runs, REPEAT times each, in one run on the same files:
  - `policygraph stats --no-cache` (cold: every file parsed) and `policygraph stats` with a
    warm cache, and `policygraph replaced-by ID` (load, build, one query);
  - bench/baseline.py's loading alone: PyYAML's C loader on one process per core, merge,
    the full NetworkX graph (its discover, load, merge and build_full phases; the process is
    timed whole, and the phases are read from its report);
and writes a section between <!-- shared:begin --> and <!-- shared:end --> in BENCHMARKS.md.

    bench/shared_corpus.py POLICYGRAPH CORPUS [--repeat 5] [--query ID] [--no-write]
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command):
    """(wall seconds, peak RSS in MB, stdout) of one run under /usr/bin/time -v."""
    with tempfile.NamedTemporaryFile("r") as report:
        result = subprocess.run(["/usr/bin/time", "-v", "-o", report.name] + command, capture_output=True, text=True)
        if result.returncode not in (0, 1):
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
        text = report.read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)", text).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return seconds, rss, result.stdout


def median_run(command, repeat):
    runs = [timed(command) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("policygraph")
    parser.add_argument("corpus")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--query", default="mrr-legacy-2018")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    pg = [args.policygraph, "-C", args.corpus]

    timed(pg + ["stats", "--no-cache"])  # warms the OS page cache for everyone
    cold = median_run(pg + ["stats", "--json", "--no-cache"], args.repeat)
    timed(pg + ["stats"])  # fills the parse cache
    warm = median_run(pg + ["stats", "--json"], args.repeat)
    query = median_run(pg + ["replaced-by", args.query, "--json", "--no-cache"], args.repeat)
    with tempfile.TemporaryDirectory() as out:
        python = median_run([sys.executable, os.path.join(HERE, "baseline.py"), args.corpus, "--out-dir", out,
                             "--skip", "louvain,graphml"], args.repeat)
    phases = json.loads(python[2])["phases"]
    python_load = sum(phases[p] for p in ("discover", "load", "merge", "build_full"))
    counts = json.loads(cold[2])

    machine = subprocess.run(["sh", "-c", "nproc; grep -m1 'model name' /proc/cpuinfo | cut -d: -f2; "
                              "cut -d' ' -f1-3 /proc/loadavg; date -u +%Y-%m-%dT%H:%MZ; git rev-parse --short HEAD"],
                             capture_output=True, text=True, cwd=HERE).stdout.split("\n")
    lines = [
        "### The shared corpus (CCUS Policy Hub)",
        "",
        f"{counts['files']} files, {counts['records']['policy']} policies and {counts['records']['facility']} facilities "
        f"(after merging en and zh). Machine: {machine[0]} cores ({machine[1].strip()}); {machine[3]}; load average "
        f"before {machine[2]}; commit {machine[4]}.",
        f"Command: `bench/shared_corpus.py build/release/cli/policygraph ../shared/corpus/ccus-policy-hub "
        f"--repeat {args.repeat}`; medians of {args.repeat} runs, peak RSS the largest of them.",
        "",
        "| task | wall time | peak RSS |",
        "| --- | ---: | ---: |",
        f"| policygraph `stats --no-cache` (load every file, build the graph) | {cold[0]:.3f} s | {cold[1]:.0f} MB |",
        f"| policygraph `stats` with a warm cache | {warm[0]:.3f} s | {warm[1]:.0f} MB |",
        f"| policygraph `replaced-by {args.query} --no-cache` (load, build, answer) | {query[0]:.3f} s | {query[1]:.0f} MB |",
        f"| Python: PyYAML C loader on {machine[0]} processes + NetworkX graph, whole process ¹ | {python[0]:.3f} s | "
        f"{python[1]:.0f} MB |",
        "",
        f"Python / policygraph: {python[0] / cold[0]:.1f}× the time cold, {python[0] / warm[0]:.1f}× warm; "
        f"{python[1] / cold[1]:.1f}× the memory. ¹ The Python process also builds the policy view and runs PageRank "
        f"(not skippable in bench/baseline.py); its loading phases alone (discover, parse, merge, full graph) took "
        f"{python_load:.3f} s, {python_load / cold[0]:.1f}× policygraph's cold `stats`.",
    ]
    section = "\n".join(lines)
    print(section)
    if args.no_write:
        return
    path = os.path.join(HERE, "..", "BENCHMARKS.md")
    text = open(path, encoding="utf-8").read()
    block = f"<!-- shared:begin -->\n{section}\n<!-- shared:end -->"
    if "<!-- shared:begin -->" in text:
        text = re.sub(r"<!-- shared:begin -->.*?<!-- shared:end -->", lambda _: block, text, flags=re.S)
    else:
        text = text.replace("<!-- bench:begin -->", block + "\n\n<!-- bench:begin -->", 1)
    open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
