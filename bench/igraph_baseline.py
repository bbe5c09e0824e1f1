#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""PageRank and Louvain with python-igraph on the `policy` view, timing only the algorithms.

    /usr/bin/python3 bench/igraph_baseline.py GRAPH [--format graphml|edges] [--seed 0]

GRAPH is the policy view as policygraph exports it (`policygraph export --view policy
--format graphml`) or as bench/baseline.py writes it with --policy-edges (lines
`source<TAB>target<TAB>weight`). Loading is timed apart, so that the comparison of algorithm
speed with policygraph and NetworkX is fair. Runs under Debian's /usr/bin/python3, which has
python3-igraph. Prints JSON on stdout.
"""

import argparse
import json
import random
import resource
import sys
import time

import igraph


def load_edges(path):
    names, index, edges, weights = [], {}, [], []

    def vertex(name):
        found = index.get(name)
        if found is None:
            found = index[name] = len(names)
            names.append(name)
        return found

    with open(path, encoding="utf-8") as stream:
        for line in stream:
            source, target, weight = line.rstrip("\n").split("\t")
            edges.append((vertex(source), vertex(target)))
            weights.append(float(weight))
    graph = igraph.Graph(n=len(names), edges=edges, directed=True)
    graph.vs["name"] = names
    graph.es["weight"] = weights
    return graph


def load_graphml(path):
    graph = igraph.Graph.Read_GraphML(path)
    if "weight" not in graph.es.attributes():
        sys.exit(f"{path}: no edge attribute 'weight'")
    # Only policy nodes take part (a full-view file would hold facilities, tags ...).
    if "kind" in graph.vs.attributes():
        others = [v.index for v in graph.vs if v["kind"] not in ("policy", None)]
        if others:
            graph.delete_vertices(others)
    if "name" not in graph.vs.attributes() and "id" in graph.vs.attributes():
        graph.vs["name"] = graph.vs["id"]
    return graph


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph")
    parser.add_argument("--format", choices=("graphml", "edges"), default=None)
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    file_format = arguments.format or ("graphml" if arguments.graph.endswith(".graphml") else "edges")

    phases = {}

    def timed(name, function):
        begin = time.perf_counter()
        result = function()
        phases[name] = round(time.perf_counter() - begin, 3)
        return result

    graph = timed("load", lambda: load_graphml(arguments.graph) if file_format == "graphml" else load_edges(arguments.graph))
    scores = timed("pagerank", lambda: graph.pagerank(directed=True, damping=0.85, weights="weight"))
    undirected = timed("undirected", lambda: graph.as_undirected(mode="collapse", combine_edges={"weight": "sum"}))
    random.seed(arguments.seed)  # python-igraph draws from Python's random module
    communities = timed("louvain", lambda: undirected.community_multilevel(weights="weight"))
    names = graph.vs["name"] if "name" in graph.vs.attributes() else [str(i) for i in range(graph.vcount())]
    top = sorted(zip(names, scores), key=lambda item: (-item[1], item[0]))[:10]
    result = {
        "igraph": igraph.__version__,
        "graph": arguments.graph,
        "nodes": graph.vcount(),
        "edges": graph.ecount(),
        "pagerank_top10": [[name.removeprefix("policy:"), score] for name, score in top],
        "communities": len(communities),
        "modularity": communities.modularity,
        "phases": phases,
        "algorithm_seconds": round(phases["pagerank"] + phases["undirected"] + phases["louvain"], 3),
        "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
