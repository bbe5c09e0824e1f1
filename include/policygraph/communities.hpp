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

/// Weakly connected components (edge direction ignored). O(V + E).
Partition weakly_connected_components(const Graph& graph);

struct DeclaredCluster {
  VertexId cluster = 0;            ///< the cluster node
  std::vector<VertexId> members;   ///< policies and facilities, by key order
};

/// The cluster nodes of a full graph with their `member_of` members, by cluster id.
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

/// Louvain community detection on the graph taken as undirected and weighted (weights of
/// both directions summed). Blondel, Guillaume, Lambiotte, Lefebvre, "Fast unfolding of
/// communities in large networks" (2008): local moving, then aggregation, repeated until
/// no level improves modularity. Vertices are visited in an order shuffled by `seed`, so
/// the same seed gives the same result. About O(E) per sweep.
LouvainResult louvain(const Graph& graph, const LouvainOptions& options = {});

/// Modularity of a partition of the graph taken as undirected and weighted, as
/// networkx.community.modularity computes it:
/// Q = Σ_c [ L_c / m − γ (d_c / 2m)² ], with self-loops counted once in L_c and twice in d_c.
double modularity(const Graph& graph, const std::vector<std::uint32_t>& group_of, double resolution = 1.0);

}  // namespace policygraph
