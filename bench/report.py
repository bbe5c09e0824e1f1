#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Turns one results folder of bench/run.sh into a section of BENCHMARKS.md.

    python3 bench/report.py RESULTS --benchmarks BENCHMARKS.md --size N

The section of each corpus size lives between `<!-- size=N -->` and `<!-- /size=N -->`, inside
`<!-- bench:begin -->` ... `<!-- bench:end -->`; a rerun of one size replaces its section and
leaves the others. Every figure comes from a file of the run: /usr/bin/time -v reports, the
JSON that the tools print, the generator's manifest.
"""

import argparse
import glob
import json
import os
import re
import statistics

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def parse_time(path):
    text = open(path, encoding="utf-8").read()
    if "failed" in text.splitlines()[-1:]:
        return None
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    user = float(re.search(r"User time \(seconds\): (\S+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
    return {"wall": seconds, "rss_kb": rss, "cpu": user + system}


def runs(results, name):
    found = []
    for path in sorted(glob.glob(os.path.join(results, f"{name}.*.time"))):
        measured = parse_time(path)
        if measured is None:
            continue
        out = path[:-len(".time")] + ".out"
        measured["out"] = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
        found.append(measured)
    return found


def median(values):
    return statistics.median(values) if values else None


def summary(results, name):
    measured = runs(results, name)
    if not measured:
        return None
    return {
        "wall": median([m["wall"] for m in measured]),
        "rss_kb": median([m["rss_kb"] for m in measured]),
        "cpu": median([m["cpu"] for m in measured]),
        "n": len(measured),
        "out": measured[-1]["out"],
        "walls": [m["wall"] for m in measured],
    }


def json_of(text):
    try:
        return json.loads(text)
    except ValueError:
        return None


def seconds(value):
    if value is None:
        return "n/a"
    if value < 0.001:
        return f"{value * 1e6:.0f} µs"
    if value < 0.1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def megabytes(kb):
    return "n/a" if kb is None else f"{kb / 1024:.0f} MB"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{a / b:.1f}×"


def section(results, size):
    machine = dict(line.split("=", 1) for line in open(os.path.join(results, "machine.txt"), encoding="utf-8").read().splitlines() if "=" in line)
    manifest = json.load(open(os.path.join(results, "manifest.json"), encoding="utf-8"))
    generated = open(os.path.join(results, "generate.txt"), encoding="utf-8").read().strip()
    corpus_bytes = int(open(os.path.join(results, "corpus-bytes.txt"), encoding="utf-8").read().strip())
    repeat = machine.get("repeat", "?")
    sample = machine.get("sample", "?")

    pg = {name: summary(results, name) for name in
          ("pg_stats", "pg_influence", "pg_influence_sampled", "pg_clusters", "pg_export", "pg_export_policy",
           "pg_stats_warm", "pg_clusters_warm", "pg_end_to_end", "pg_stats_first", "pg_end_to_end_warm",
           "pg_history", "pg_in_force", "pg_report", "pg_stats_edit1", "pg_end_to_end_edit1", "pg_stats_edit10",
           "pg_stats_edit_unknown")}
    phase_runs = [json_of(m["out"]) for m in runs(results, "pg_phases")]
    phase_runs = [data for data in phase_runs if data]
    warm_phase_runs = [json_of(m["out"]) for m in runs(results, "pg_phases_warm")]
    warm_loads = [data["load"] for data in warm_phase_runs if data and "load" in data]

    def pg_phase(name):
        return median([d[name] for d in phase_runs if name in d]) if phase_runs else None
    python_runs = runs(results, "python")
    python = [(m, json_of(m["out"])) for m in python_runs]
    python = [(m, data) for m, data in python if data]
    igraph_runs = [json_of(m["out"]) for m in runs(results, "igraph")]
    igraph_runs = [data for data in igraph_runs if data]

    def py_phase(name):
        return median([data["phases"][name] for _, data in python if name in data["phases"]])

    py_wall = median([m["wall"] for m, _ in python])
    py_rss = median([m["rss_kb"] for m, _ in python])
    py_startup = median([m["wall"] - data["total_seconds"] for m, data in python])
    load_chain = None
    if python:
        load_chain = py_startup + sum(py_phase(p) or 0 for p in ("discover", "load", "merge", "build_full"))

    def py_task(*phases):
        if load_chain is None or any(py_phase(p) is None for p in phases):
            return None
        return load_chain + sum(py_phase(p) for p in phases)

    lines = []
    stats = json_of(pg["pg_stats"]["out"]) if pg["pg_stats"] else None
    py_data = python[-1][1] if python else {}
    lines.append(f"### {size:,} policies".replace(",", ","))
    lines.append("")
    lines.append(f"Corpus: `policygraph_generate_corpus --policies {size} --facilities-per-policy 5 --languages en,zh "
                 f"--seed {manifest['seed']}`: {manifest['policy_records']:,} policy records and "
                 f"{manifest['facility_records']:,} facility records, {corpus_bytes / 1e6:,.0f} MB on disk "
                 f"(generator: `{generated.split(': ', 1)[-1]}`).")
    if py_data:
        edges, nodes = py_data["policy_view_edges"], py_data["policy_view_nodes"]
        lines.append(f"Graph: full view {py_data['full_nodes']:,} nodes and {py_data['full_edges']:,} edges; "
                     f"policy view {nodes:,} nodes and {edges:,} edges ({edges / max(nodes, 1):.1f} per policy).")
    elif stats:
        lines.append(f"policygraph stats: `{json.dumps(stats.get('nodes'))}`.")
    lines.append("")
    lines.append(f"Machine: {machine.get('nproc')} cores ({machine.get('cpu')}), {int(machine.get('memory_kb', 0)) // 1048576} GB; "
                 f"{machine.get('date')}; load average before the run {machine.get('loadavg')} (the machine is shared); "
                 f"commit {machine.get('commit')}; {machine.get('python')}; python-igraph {machine.get('igraph')}.")
    lines.append(f"Command: `{machine.get('command')}`. policygraph: median of {repeat} runs, "
                 f"{'`--no-cache`' if machine.get('cache_flag') else 'no cache in this build'}; "
                 f"Python: median of {len(python)} run(s) of the whole pipeline in one process.")
    lines.append("")
    lines.append("| task | policygraph | peak RSS | Python (NetworkX) | Python / policygraph, time |")
    lines.append("| --- | ---: | ---: | ---: | ---: |")

    def row(label, name, py_value, note=""):
        measured = pg.get(name)
        if measured is None:
            return
        lines.append(f"| {label} | {seconds(measured['wall'])} | {megabytes(measured['rss_kb'])} | "
                     f"{seconds(py_value)}{note} | {ratio(py_value, measured['wall'])} |")

    row("load + build (`stats`)", "pg_stats", py_task())
    row("`influence --top 10` (PageRank + exact betweenness)", "pg_influence", py_task("policy_view", "pagerank"), " ¹")
    row(f"`influence --top 10 --sample {sample}`", "pg_influence_sampled", py_task("policy_view", "pagerank", "betweenness_sampled"))
    row("`clusters` (Louvain)", "pg_clusters", py_task("policy_view", "undirected", "louvain", "modularity"))
    row("`export --format graphml` (full view)", "pg_export", py_task("graphml"))
    if python:
        row("end to end: load, build, PageRank, Louvain, GraphML (`export --metrics pagerank,community`)",
            "pg_end_to_end", py_task("policy_view", "pagerank", "undirected", "louvain", "graphml"))
    if pg.get("pg_stats_first"):
        row("`stats`, the first run, writing the cache", "pg_stats_first", py_task())
    if pg.get("pg_stats_warm"):
        row("`stats`, warm cache", "pg_stats_warm", py_task())
        row("`clusters`, warm cache", "pg_clusters_warm", py_task("policy_view", "undirected", "louvain", "modularity"))
    if python:
        row("end to end, warm cache", "pg_end_to_end_warm",
            py_task("policy_view", "pagerank", "undirected", "louvain", "graphml"))
    row("`stats` after one record was edited", "pg_stats_edit1", py_task())
    row("end to end after one record was edited", "pg_end_to_end_edit1",
        py_task("policy_view", "pagerank", "undirected", "louvain", "graphml"))
    row("`stats` after ten records were edited", "pg_stats_edit10", py_task())
    row("`stats` after a record whose status word is outside the vocabulary was edited", "pg_stats_edit_unknown",
        py_task())
    row("`history` of the most amended policy, warm cache", "pg_history", None)
    row("`in-force --at 2015-06-30`, warm cache", "pg_in_force", None)
    row("`report` (every page and family diagram), warm cache", "pg_report", None)
    lines.append("")
    first, warm_stats = pg.get("pg_stats_first"), pg.get("pg_stats_warm")
    edit_notes = []
    for label, name, against in (("`stats` after one edit", "pg_stats_edit1", "pg_stats_warm"),
                                 ("`stats` after ten edits", "pg_stats_edit10", "pg_stats_warm"),
                                 ("`stats` after an edit of a status word outside the vocabulary",
                                  "pg_stats_edit_unknown", "pg_stats_warm"),
                                 ("end to end after one edit", "pg_end_to_end_edit1", "pg_end_to_end_warm")):
        if pg.get(name) and pg.get(against):
            edit_notes.append(f"{label} {ratio(pg[name]['wall'], pg[against]['wall'])} the warm run")
    if edit_notes:
        lines.append("Edits against warm runs of the same command: " + "; ".join(edit_notes) + ".")
        lines.append("")
    if first and python:
        lines.append(f"The first run, writing the cache, peaks at {megabytes(first['rss_kb'])}: "
                     f"{first['rss_kb'] / py_rss:.2f} of the Python pipeline's peak ({megabytes(py_rss)}).")
        lines.append("")
    peak = max((m["rss_kb"] for m in pg.values() if m), default=None)
    lines.append(f"Python's whole pipeline (load, both views, PageRank, sampled betweenness, Louvain, GraphML) in one process: "
                 f"{seconds(py_wall)} wall, peak RSS {megabytes(py_rss)} (main process; each of the "
                 f"{py_data.get('processes', '?')} loader processes peaked at "
                 f"{megabytes(py_data.get('max_rss_kb', {}).get('largest_child'))}). Memory ratio, Python's peak over "
                 f"policygraph's largest peak of any command ({megabytes(peak)}): {ratio(py_rss, peak)}."
                 if python else "Python baseline: not run.")
    lines.append("")
    lines.append("Python column: each task is Python's start-up plus the phases it needs (discover + parse + merge + "
                 "full graph, then the task's own phases), from the per-phase timings of the pipeline run; "
                 "¹ Python computes PageRank only there (exact betweenness in NetworkX is out of reach at these sizes), "
                 "so that ratio flatters Python.")
    lines.append("")

    if python:
        names = ["discover", "load", "merge", "build_full", "policy_view", "pagerank", "betweenness_sampled",
                 "undirected", "louvain", "modularity", "graphml"]
        lines.append("Python phases (median): " + ", ".join(f"{n} {seconds(py_phase(n))}" for n in names if py_phase(n) is not None)
                     + f"; start-up and imports {seconds(py_startup)}."
                     + (f" NetworkX wrote the GraphML with {py_data['graphml_writer']}'s writer"
                        + (" (lxml is 2.4 times as fast as NetworkX's own xml.etree writer on these graphs)."
                           if py_data["graphml_writer"] == "lxml" else ".")
                        if py_data.get("graphml_writer") else ""))
        lines.append("")

    if igraph_runs or python:
        # Without python-igraph its column reads n/a; policygraph against NetworkX, and whether
        # they agree, do not need it.
        ig_pr = median([d["phases"]["pagerank"] for d in igraph_runs])
        ig_lv = median([d["phases"]["louvain"] + d["phases"]["undirected"] for d in igraph_runs])
        nx_pr = py_phase("pagerank")
        nx_lv = (py_phase("louvain") or 0) + (py_phase("undirected") or 0) if python else None
        lines.append("Algorithms alone, on the same policy view (igraph reads the GraphML that `policygraph export --view policy` wrote; "
                     "load time excluded" + ("" if igraph_runs else "; python-igraph was not installed") + "):")
        lines.append("")
        pg_pr, pg_lv = pg_phase("pagerank"), pg_phase("louvain")
        lines.append("| algorithm | policygraph | python-igraph | NetworkX | policygraph / igraph | NetworkX / policygraph |")
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        lines.append(f"| PageRank (weighted, directed) | {seconds(pg_pr)} | {seconds(ig_pr)} | {seconds(nx_pr)} | "
                     f"{ratio(pg_pr, ig_pr)} | {ratio(nx_pr, pg_pr)} |")
        lines.append(f"| Louvain (undirected, summed weights) | {seconds(pg_lv)} | {seconds(ig_lv)} | {seconds(nx_lv)} | "
                     f"{ratio(pg_lv, ig_lv)} | {ratio(nx_lv, pg_lv)} |")
        nx_bc = py_phase("betweenness_sampled")
        pg_bc = pg_phase("betweenness_sampled")
        if pg_bc is not None:
            lines.append(f"| betweenness, {sample} sampled sources | {seconds(pg_bc)} | | {seconds(nx_bc)} | | "
                         f"{ratio(nx_bc, pg_bc)} |")
        lines.append("")
        agreement = agreement_note(pg, py_data, igraph_runs[-1] if igraph_runs else {})
        if agreement:
            lines.append(agreement)
            lines.append("")
    if phase_runs:
        names = ["load", "build", "policy_view", "replaced_by", "pagerank", "betweenness_sampled", "components", "louvain"]
        lines.append("Where policygraph's time goes (`policygraph_bench_phases`, each pass timed alone in one process, "
                     "median; load cold, without the cache): " + ", ".join(f"{n} {seconds(pg_phase(n))}" for n in names if pg_phase(n) is not None) + ".")
        lines.append("")
        if warm_loads and pg_phase("load"):
            warm_load = median(warm_loads)
            lines.append(f"The load alone, in the same tool: cold {seconds(pg_phase('load'))}, from the cache "
                         f"{seconds(warm_load)} (median of {len(warm_loads)}): {pg_phase('load') / warm_load:.1f}× faster.")
            lines.append("")
        lines.append("| export format (full view, with PageRank and community) | time | size |")
        lines.append("| --- | ---: | ---: |")
        for fmt in ("graphml", "gexf", "json", "csv", "dot"):
            if pg_phase("export_" + fmt) is not None:
                lines.append(f"| {fmt} | {seconds(pg_phase('export_' + fmt))} | "
                             f"{pg_phase('export_' + fmt + '_bytes') / 1e6:,.1f} MB |")
        nx_graphml = py_phase("graphml") if python else None
        if nx_graphml is not None:
            lines.append(f"| NetworkX `write_graphml` of the same full graph | {seconds(nx_graphml)} | "
                         f"{(py_data.get('graphml_bytes') or 0) / 1e6:,.1f} MB |")
        lines.append("")
    return "\n".join(lines)


def agreement_note(pg, py_data, ig_data):
    """Whether the tools rank the same top 10 by PageRank, and how far their scores are (igraph's
    parts left out when `ig_data` is empty)."""
    source = pg.get("pg_influence_sampled") or pg.get("pg_influence")
    data = json_of(source["out"]) if source else None
    if not data or not py_data:
        return ""
    pg_top = [(p["id"], p["pagerank"]) for p in data.get("policies", [])[:10]]
    nx_top = [tuple(item) for item in py_data.get("pagerank_top10", [])]
    ig_top = [tuple(item) for item in ig_data.get("pagerank_top10", [])]
    nx_scores = dict(nx_top)
    same_ids = [i for i, _ in pg_top] == [i for i, _ in nx_top]
    diff = max((abs(score - nx_scores[i]) for i, score in pg_top if i in nx_scores), default=None)
    ig_diff = max((abs(score - nx_scores[i]) for i, score in ig_top if i in nx_scores), default=None)
    text = (f"Agreement: policygraph's top 10 by PageRank is {'the same list as' if same_ids else 'NOT the same list as'} NetworkX's"
            + (f", largest score difference {diff:.1e}" if diff is not None else "")
            + (f"; igraph's differs from NetworkX's by at most {ig_diff:.1e}" if ig_diff is not None else "") + ".")
    clusters = json_of(pg["pg_clusters"]["out"]) if pg.get("pg_clusters") else None
    if clusters and "communities" in clusters and "modularity" in py_data:
        communities = clusters["communities"]
        text += (f" Louvain: policygraph {len(communities.get('groups', []))} communities, modularity "
                 f"{communities.get('modularity', float('nan')):.4f}; NetworkX {py_data.get('communities')}, "
                 f"{py_data['modularity']:.4f}"
                 + (f"; igraph {ig_data.get('communities')}, {ig_data.get('modularity', float('nan')):.4f}" if ig_data else "")
                 + ".")
    return text


def update(benchmarks, size, text):
    content = open(benchmarks, encoding="utf-8").read() if os.path.exists(benchmarks) else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    if BEGIN not in content:
        content += f"\n{BEGIN}\n{END}\n"
    head, rest = content.split(BEGIN, 1)
    body, tail = rest.split(END, 1)
    sections = dict((int(n), s) for n, s in re.findall(r"<!-- size=(\d+) -->\n(.*?)<!-- /size=\1 -->\n?", body, re.S))
    sections[size] = text.rstrip("\n") + "\n"
    body = "\n" + "".join(f"<!-- size={n} -->\n{sections[n]}<!-- /size={n} -->\n" for n in sorted(sections))
    with open(benchmarks, "w", encoding="utf-8") as stream:
        stream.write(head + BEGIN + body + END + tail)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("--benchmarks", required=True)
    parser.add_argument("--size", type=int, required=True)
    arguments = parser.parse_args()
    update(arguments.benchmarks, arguments.size, section(arguments.results, arguments.size))


if __name__ == "__main__":
    main()
