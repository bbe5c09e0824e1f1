// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "policygraph/graph.hpp"

namespace policygraph {

struct PageRankOptions {
  double damping = 0.85;
  /// Stop when the L1 change of one iteration is below tolerance × N (NetworkX's rule).
  double tolerance = 1e-12;
  int max_iterations = 1000;
};

struct PageRankResult {
  std::vector<double> scores;  ///< indexed by vertex; sums to 1
  int iterations = 0;
  bool converged = false;
};

/// Weighted PageRank by power iteration on a directed graph, as networkx.pagerank computes
/// it: each vertex passes rank along its out-edges in proportion to their weights (parallel
/// edges are already summed in the graph); a dangling vertex (no out-weight) spreads its rank
/// evenly over all vertices; teleport is uniform. O(iterations × (V + E)).
/// Reference: Page, Brin, Motwani, Winograd, "The PageRank citation ranking" (1999).
PageRankResult pagerank(const Graph& graph, const PageRankOptions& options = {});

struct BetweennessOptions {
  /// Use only this many source vertices, drawn with `seed`, and scale as NetworkX's `k`
  /// does. nullopt: every vertex (exact).
  std::optional<std::size_t> sample_sources;
  std::uint64_t seed = 0;
};

struct BetweennessResult {
  std::vector<double> scores;  ///< indexed by vertex
  bool sampled = false;
  std::size_t sources = 0;
};

/// Betweenness centrality of the graph taken as undirected and unweighted, normalised as
/// networkx.betweenness_centrality(normalized=True) does for an undirected graph:
/// divided by (n-1)(n-2)/2. Brandes (2001), O(V × E).
BetweennessResult betweenness(const Graph& graph, const BetweennessOptions& options = {});

struct LineageDegrees {
  std::vector<std::uint32_t> in;   ///< lineage edges entering (policies that build on it)
  std::vector<std::uint32_t> out;  ///< lineage edges leaving (policies it builds on)
};

/// In- and out-degree on lineage edges only, indexed by vertex. O(V + E).
LineageDegrees lineage_degrees(const Graph& graph);

}  // namespace policygraph
