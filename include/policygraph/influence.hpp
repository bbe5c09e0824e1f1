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
/// it (NetworkX 3.x, `_pagerank_scipy`, uniform personalization, `dangling=None`): start
/// from 1/N everywhere; each vertex passes rank along its out-edges in proportion to their
/// weights (several edges of one ordered pair add up, as one edge of summed weight would,
/// MODEL.md 5.10); a dangling vertex (no out-weight) spreads its rank evenly over all
/// vertices; teleport is uniform, (1 − damping)/N. Stops when the L1 change of an iteration is
/// below N × tolerance and returns that iteration's vector; `converged` is false when
/// `max_iterations` ran out (NetworkX raises instead). Same start, same sweep, same
/// stopping rule: on the test fixture it agrees with NetworkX to 2e-18 per node. Not Boost's
/// page_rank (FACTS.md).
/// O(iterations × (V + E)) time, O(V + E) memory, no allocation inside the iteration.
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

/// Betweenness centrality of the graph taken as undirected, simple and unweighted (one
/// edge per adjacent pair whatever the kinds, directions and weights; loops dropped: what
/// NetworkX's `G.to_undirected()` gives), normalised as
/// networkx.betweenness_centrality(G.to_undirected()) does (normalized=True, endpoints=False):
/// summed over ordered pairs and divided by (n−1)(n−2), i.e. unordered pairs over
/// (n−1)(n−2)/2. With fewer than 3 vertices every score is 0.
/// Sampling k < n sources (`sample_sources`): k distinct sources drawn by a Fisher–Yates
/// shuffle driven by std::mt19937_64(seed), the same on every platform (not NetworkX's
/// draw); scaled as NetworkX scales for `k`: a vertex that was a source by
/// 1/((k−1)(n−2)), any other by 1/(k (n−2)). Where NetworkX gives NaN (k = 1, the source)
/// or divides by zero (k = 0) the score is 0. k ≥ n is the exact computation.
/// Brandes, "A faster algorithm for betweenness centrality" (2001): O(k × (V + E)) time
/// (k = V when exact), O(V + E) memory.
BetweennessResult betweenness(const Graph& graph, const BetweennessOptions& options = {});

struct LineageDegrees {
  std::vector<std::uint32_t> in;   ///< lineage edges entering (policies that build on it)
  std::vector<std::uint32_t> out;  ///< lineage edges leaving (policies it builds on)
};

/// In- and out-degree on lineage edges (the five relations of MODEL.md 7.1) only, indexed by
/// vertex; each edge counts once whatever its weight. O(V + E).
LineageDegrees lineage_degrees(const Graph& graph);

}  // namespace policygraph
