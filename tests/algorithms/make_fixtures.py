#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes tests/data/algorithms_fixture.json: a seeded random graph shaped like a `policy`
view, with what NetworkX 3.x computes on it. The C++ tests in this folder compare against it.

Run from anywhere with the pyenv python3 (NetworkX 3.6.1); `networkx.pagerank` needs SciPy,
which Debian's python3-scipy provides for the same Python 3.11:

    python3 tests/algorithms/make_fixtures.py

The graph: 300 policies `p000`..`p299` (so vertex i is `p{i:03}`) in a few groups that never
link to each other (components), chains of `supersedes`/`consolidates` edges (newer → older,
weight 3), `related` edges both ways between policies of a group with weights such as 1, 2,
0.1, 1.1 (shared tags, clusters, facilities), and isolated and dangling policies. Where a
pair has both a lineage edge and a related edge, it is written sometimes as two edges of
different kinds and sometimes as one merged edge of summed weight (MODEL.md 5.10); NetworkX
sees one edge of summed weight either way.
"""
import json
import os
import random
import sys

sys.path.append("/usr/lib/python3/dist-packages")  # SciPy from Debian, for nx.pagerank

import networkx as nx

assert nx.__version__.startswith("3."), f"the fixture must come from NetworkX 3.x, not {nx.__version__}"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "algorithms_fixture.json")

rng = random.Random(20260528)
N = 300
RELATED_WEIGHTS = [1.0, 1.0, 1.0, 2.0, 0.1, 1.1, 2.1, 3.0, 0.2]

# Groups of policies that stay apart, plus a handful of isolated policies.
order = list(range(N))
rng.shuffle(order)
sizes = [110, 80, 50, 30, 12, 6, 4]
groups, start = [], 0
for size in sizes:
    groups.append(sorted(order[start:start + size]))
    start += size
isolated = sorted(order[start:])

edges = {}  # (source, target, kind) -> weight


def add(source, target, kind, weight):
    key = (source, target, kind)
    edges[key] = edges.get(key, 0.0) + weight


lineage_pairs = set()
for group in groups:
    members = group[:]
    rng.shuffle(members)
    # Chains: consecutive members, newer → older. Some chain heads consolidate two sources.
    i = 0
    while i < len(members) - 1:
        length = rng.randint(2, 6)
        chain = members[i:i + length]
        for newer, older in zip(chain, chain[1:]):
            if rng.random() < 0.15 and len(chain) > 2:
                add(newer, older, "consolidates", 3.0)
            else:
                add(newer, older, "supersedes", 3.0)
            lineage_pairs.add((newer, older))
        i += length
    # Related edges, symmetric, between random members: about 1.6 per member.
    for _ in range(int(1.6 * len(members))):
        u, v = rng.sample(members, 2)
        w = rng.choice(RELATED_WEIGHTS)
        for a, b in ((u, v), (v, u)):
            lineage = next((k for k in ("supersedes", "consolidates") if (a, b, k) in edges), None)
            if lineage and rng.random() < 0.5:
                add(a, b, lineage, w)  # merged: one edge of summed weight, e.g. 3 + 1
            else:
                add(a, b, "related", w)

G = nx.DiGraph()
G.add_nodes_from(range(N))
for (s, t, _), w in edges.items():
    if G.has_edge(s, t):
        G[s][t]["weight"] += w
    else:
        G.add_edge(s, t, weight=w)

# The undirected weighted view of MODEL.md 3 ("clusters"): both directions summed.
U = nx.Graph()
U.add_nodes_from(range(N))
for s, t, w in G.edges(data="weight"):
    if U.has_edge(s, t):
        U[s][t]["weight"] += w
    else:
        U.add_edge(s, t, weight=w)

pagerank = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000)
betweenness = nx.betweenness_centrality(G.to_undirected())
components = sorted(sorted(c) for c in nx.weakly_connected_components(G))

partition_rng = random.Random(7)
partition = [partition_rng.randrange(6) for _ in range(N)]
communities = [{v for v in range(N) if partition[v] == c} for c in sorted(set(partition))]
given_modularity = nx.community.modularity(U, communities, weight="weight", resolution=1)

louvain = []
for seed in range(5):
    found = nx.community.louvain_communities(U, weight="weight", resolution=1, seed=seed)
    louvain.append(nx.community.modularity(U, found, weight="weight", resolution=1))

dangling = [v for v in range(N) if G.out_degree(v) == 0]
fixture = {
    "generator": f"tests/algorithms/make_fixtures.py with NetworkX {nx.__version__}",
    "node_count": N,
    "edges": [[s, t, k, w] for (s, t, k), w in sorted(edges.items())],
    "dangling": dangling,
    "pagerank": [pagerank[v] for v in range(N)],
    "betweenness": [betweenness[v] for v in range(N)],
    "components": components,
    "partition": partition,
    "partition_modularity": given_modularity,
    "louvain_modularity_by_seed": louvain,
    "louvain_best_modularity": max(louvain),
}
with open(OUT, "w") as out:
    json.dump(fixture, out, separators=(",", ":"))
    out.write("\n")
print(f"{OUT}: {N} nodes, {len(edges)} edges ({G.number_of_edges()} ordered pairs), "
      f"{len(dangling)} dangling, {len(components)} components, Louvain best {max(louvain):.6f}")
