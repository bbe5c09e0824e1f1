// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "policygraph/graph.hpp"

namespace policygraph {

/// A partition of the vertices: `of[v]` is v's group; groups numbered 0.. in order of their
/// smallest vertex id, and `groups` lists each group's vertices in ascending order.
struct Partition {
  std::vector<std::uint32_t> of;
  std::vector<std::vector<VertexId>> groups;
};

/// Weakly connected components (edge direction ignored), numbered by smallest vertex: on a
/// view, policy vertices are in byte order of their ids, so a component's first member is
/// its canonical name (MODEL.md 5.12). Boost.Graph's union-find (disjoint_sets), one union
/// per edge, O((V + E) α(V)).
Partition weakly_connected_components(const Graph& graph);

struct DeclaredCluster {
  VertexId cluster = 0;           ///< the cluster node
  std::vector<VertexId> members;  ///< policies and facilities, by key order
};

/// The cluster nodes of a full graph with their `member_of` members (policies and
/// facilities, each once, by key: facilities before policies, then by id), clusters by
/// their (folded) id. O(V + E log E).
std::vector<DeclaredCluster> declared_clusters(const Graph& full);

struct LouvainOptions {
  double resolution = 1.0;
  std::uint64_t seed = 0;
  /// A level stops when one sweep gains less modularity than this (NetworkX's threshold).
  double threshold = 1e-7;
};

struct LouvainResult {
  Partition partition;
  double modularity = 0.0;
  int levels = 0;
};

/// Louvain community detection on the graph taken as undirected and weighted: the weight of
/// {u, v} is the sum of all edges u→v and v→u; a loop adds its weight once to the total m
/// and twice to its vertex's degree, as NetworkX counts them. Blondel, Guillaume, Lambiotte,
/// Lefebvre, "Fast unfolding of communities in large networks" (2008): "modularity
/// optimisation" (local moving; a vertex moves only on a strictly positive gain, the first
/// best neighbouring community winning ties), then "community aggregation", repeated as in
/// networkx.community.louvain_communities: stop when a level moved nobody or raised
/// modularity by no more than `threshold`, keeping that last level's partition. Vertices are
/// visited in an order shuffled once per level by a Fisher–Yates shuffle on
/// std::mt19937_64(seed): the same seed gives the same partition on every platform (but not
/// NetworkX's partition for that seed number). A graph without edges leaves every vertex
/// alone, modularity 0. `modularity` in the result is modularity() of the partition.
/// About O(V + E) per sweep and per aggregation; memory O(V + E). See lib/algorithms/louvain.cpp.
/// Our own code: Boost.Graph has no Louvain (nor any modularity optimisation).
LouvainResult louvain(const Graph& graph, const LouvainOptions& options = {});

/// Modularity of a partition of the graph taken as undirected and weighted, as
/// networkx.community.modularity computes it:
/// Q = Σ_c [ L_c / m − γ (d_c / 2m)² ], with self-loops counted once in L_c and twice in d_c.
/// `group_of[v]` is any label per vertex (groups need not be numbered densely); a size other
/// than the vertex count throws std::invalid_argument. Without edges (m = 0, where NetworkX
/// divides by zero) the result is 0. Newman & Girvan (2004); resolution γ as in Reichardt &
/// Bornholdt (2006). O(V + E). Our own code: Boost.Graph has no modularity.
double modularity(const Graph& graph, const std::vector<std::uint32_t>& group_of, double resolution = 1.0);

}  // namespace policygraph
