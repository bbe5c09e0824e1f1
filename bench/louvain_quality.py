#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Louvain quality against NetworkX on one corpus.

Exports the corpus's `policy` view with policygraph, builds the undirected weighted graph
NetworkX sees (weights of both directions summed), and compares:
  - the best modularity of networkx.community.louvain_communities over seeds 0..4, with
  - policygraph's `clusters --seed S` for the same seeds, and
  - NetworkX's own modularity of policygraph's partition (an independent check of the
    modularity policygraph reports).
Prints one JSON object; exits 1 if policygraph's worst seed is below NetworkX's best - 0.005.

  bench/louvain_quality.py POLICYGRAPH CORPUS
"""
import json
import subprocess
import sys
import time

sys.path.append("/usr/lib/python3/dist-packages")  # Debian's SciPy, should NetworkX want it
import networkx as nx


def main():
    policygraph, corpus = sys.argv[1], sys.argv[2]
    graphml = subprocess.run([policygraph, "export", "-C", corpus, "--format", "graphml", "--view", "policy"],
                             check=True, capture_output=True).stdout
    directed = nx.parse_graphml(graphml.decode("utf-8"))
    graph = nx.Graph()
    graph.add_nodes_from(directed.nodes)
    for u, v, data in directed.edges(data=True):
        weight = float(data.get("weight", 1.0))
        if graph.has_edge(u, v):
            graph[u][v]["weight"] += weight
        else:
            graph.add_edge(u, v, weight=weight)
    # GraphML ids are node keys ("policy:<id>"); the partitions of `clusters` name policy ids.
    key_of = {data.get("key", node): node for node, data in directed.nodes(data=True)}

    report = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "networkx": {}, "policygraph": {}}
    for seed in range(5):
        start = time.perf_counter()
        communities = nx.community.louvain_communities(graph, weight="weight", resolution=1, seed=seed)
        seconds = time.perf_counter() - start
        report["networkx"][seed] = {"modularity": nx.community.modularity(graph, communities, weight="weight"),
                                    "seconds": seconds}
        result = json.loads(subprocess.run([policygraph, "clusters", "-C", corpus, "--json", "--seed", str(seed)],
                                           check=True, capture_output=True).stdout)
        groups = [{key_of.get("policy:" + pid, "policy:" + pid) for pid in group}
                  for group in result["communities"]["groups"]]
        report["policygraph"][seed] = {
            "modularity": result["communities"]["modularity"],
            "modularity_by_networkx": nx.community.modularity(graph, groups, weight="weight"),
        }
    best = max(r["modularity"] for r in report["networkx"].values())
    worst_ours = min(r["modularity"] for r in report["policygraph"].values())
    report["networkx_best"] = best
    report["policygraph_worst"] = worst_ours
    report["policygraph_best"] = max(r["modularity"] for r in report["policygraph"].values())
    report["max_modularity_disagreement"] = max(abs(r["modularity"] - r["modularity_by_networkx"])
                                               for r in report["policygraph"].values())
    report["meets_bar"] = worst_ours >= best - 0.005
    print(json.dumps(report, indent=2))
    return 0 if report["meets_bar"] else 1


if __name__ == "__main__":
    sys.exit(main())
