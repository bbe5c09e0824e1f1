#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Reads policygraph exports with NetworkX and checks them against an expectation.

usage: networkx_roundtrip.py FORMAT FILE EXPECTED.json

EXPECTED holds {"nodes": N, "edges": E, "node_values": {node: {attr: value}},
"edges_present": [[source, target, kind]]}. Exit 0 when everything matches; otherwise
each difference is printed and the exit status is 1. Exit 77 when NetworkX is missing.
"""
import json
import sys

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed", file=sys.stderr)
    sys.exit(77)


def load(fmt, path):
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gexf":
        return nx.read_gexf(path)
    if fmt == "json":
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        # NetworkX 3.6 reads the edge list under "edges" by default.
        return nx.node_link_graph(data)
    raise SystemExit(f"unknown format {fmt}")


def main():
    fmt, path, expected_path = sys.argv[1:4]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    g = load(fmt, path)
    problems = []
    if not g.is_directed():
        problems.append("graph is not directed")
    if g.number_of_nodes() != expected["nodes"]:
        problems.append(f"nodes: {g.number_of_nodes()} != {expected['nodes']}")
    if g.number_of_edges() != expected["edges"]:
        problems.append(f"edges: {g.number_of_edges()} != {expected['edges']}")
    for node, values in expected["node_values"].items():
        if node not in g:
            problems.append(f"missing node {node!r}")
            continue
        data = g.nodes[node]
        for name, value in values.items():
            if value is None:
                if name in data:
                    problems.append(f"{node}.{name}: present ({data[name]!r}), expected absent")
            elif data.get(name) != value:
                problems.append(f"{node}.{name}: {data.get(name)!r} != {value!r}")
    for source, target, kind in expected["edges_present"]:
        if not g.has_edge(source, target):
            problems.append(f"missing edge {source} -> {target}")
            continue
        kinds = ([d.get("kind") for d in g.get_edge_data(source, target).values()]
                 if g.is_multigraph() else [g.edges[source, target].get("kind")])
        if kind not in kinds:
            problems.append(f"edge {source} -> {target}: kinds {kinds}, expected {kind}")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
