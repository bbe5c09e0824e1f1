// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
  /// The vector of the iteration before the last: `scores` is exactly one step of the
  /// iteration applied to it, which lets explain_pagerank split a score into parts that add
  /// up to it to rounding. Within the stopping tolerance of `scores`.
  std::vector<double> previous_scores;
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
/// stopping rule: on the test fixture it agrees with NetworkX to 2e-18 per node. Our own
/// code, not Boost.Graph's page_rank, which has nothing equal: it takes no weights, does not
/// spread the rank of dangling vertices, and teleports (1 − damping) instead of (1 − damping)/N.
/// O(iterations × (V + E)) time, O(V + E) memory, no allocation inside the iteration.
/// Reference: Page, Brin, Motwani, Winograd, "The PageRank citation ranking" (1999).
PageRankResult pagerank(const Graph& graph, const PageRankOptions& options = {});

/// Where a part of a policy's PageRank comes from: one of the five lineage relations of
/// MODEL.md 7.1 (a newer policy that builds on it), a shared tag, cluster or facility (the
/// parts of a `related` edge), the teleport every vertex gets, or the rank of dangling
/// vertices spread over all.
enum class RankSource : unsigned char {
  supersedes,
  consolidates,
  repeals,
  amends,
  implements,
  shared_tag,
  shared_cluster,
  shared_facility,
  teleport,
  dangling,
};

/// "supersedes", ..., "shared_tag", "shared_cluster", "shared_facility", "teleport", "dangling".
std::string_view to_string(RankSource source);

/// One part of a policy's PageRank.
struct RankContribution {
  std::optional<VertexId> from;  ///< the in-neighbour; nullopt for teleport and dangling
  RankSource source = RankSource::teleport;
  double amount = 0.0;
};

/// A policy's PageRank split into the parts it is made of.
struct PageRankExplanation {
  VertexId policy = 0;
  double pagerank = 0.0;  ///< the policy's score
  /// Largest first; equal amounts by neighbour id (teleport and dangling after), then source.
  /// They add up to `pagerank` to rounding.
  std::vector<RankContribution> contributions;
  double damping = 0.85;
  std::size_t vertex_count = 0;    ///< N, over which teleport and dangling rank are spread
  std::size_t dangling_count = 0;  ///< vertices with no out-weight
};

/// Explains `policy`'s score in `ranks` = pagerank(policy_view, options), where policy_view =
/// make_view(full, View::policy, weights). PageRank's last step gives the policy
///
///   x[v] = α Σ_{u→v} x'[u] w(u→v) / out(u)  +  α D / N  +  (1 − α) / N
///
/// (x' the previous iterate, D the previous rank of the dangling vertices): the teleport
/// (1 − α)/N, the dangling share α D/N, and per in-neighbour u its rank × damping × the share
/// of its out-weight on the edge. A view edge merges a pair's lineage links and shared tags,
/// clusters and facilities (MODEL.md 5.10), so its part is split again, as the view added it
/// up from the full graph: each lineage kind its weight, tag_weight × shared tags,
/// cluster_weight × shared clusters, facility_weight × shared facilities. `weights` must be
/// those the view was made with; then the parts add up to x[v] to rounding (without
/// `ranks.previous_scores`, the scores stand in for x' and the sum is off by up to the
/// stopping tolerance). Zero parts are left out.
/// O(V + E_full(policy and its in-neighbours)): a scan for the dangling vertices, then the
/// edges of the policy and of each in-neighbour.
PageRankExplanation explain_pagerank(const Graph& full, const Graph& policy_view, const PageRankResult& ranks,
                                     VertexId policy, const ViewWeights& weights = {},
                                     const PageRankOptions& options = {});

/// One source's share of an explanation.
struct RankSourceTotal {
  RankSource source = RankSource::teleport;
  double amount = 0.0;
  std::vector<VertexId> from;  ///< the distinct neighbours behind it, by id; empty for teleport, dangling
};

/// The contributions of `explanation` added up by source, largest first (equal amounts in
/// the order of RankSource). O(C log C) for C contributions.
std::vector<RankSourceTotal> totals_by_source(const PageRankExplanation& explanation);

/// A vertex in a ranking, with ties made visible.
struct RankedVertex {
  VertexId vertex = 0;
  std::size_t rank = 1;  ///< 1-based; tied vertices share the rank of the first of them ("=7")
  bool tied = false;     ///< another vertex has the same rank
};

/// A rank as tables and pages show it: "4", or "=4" for a rank another vertex shares.
inline std::string rank_text(std::size_t rank, bool tied) { return (tied ? "=" : "") + std::to_string(rank); }

/// `candidates` ordered by `scores`, highest first. Scores equal to `relative_tolerance`
/// (|a − b| ≤ tolerance × max(|a|, |b|), compared with the highest score of the group, so
/// that a slow slope never chains into one long tie) share a rank: the competition rank
/// "1, 2, =3, =3, 5", ordered by vertex id within, which is byte order of ids for policies.
/// Floating-point noise then decides nothing: PageRank gives the policies of a clique with
/// identical neighbourhoods scores that differ by about 1e-16. O(C log C) for C candidates.
std::vector<RankedVertex> rank_by_score(const std::vector<double>& scores, std::vector<VertexId> candidates,
                                        double relative_tolerance = 1e-12);

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
/// (k = V when exact), O(V + E) memory. Our own code, not Boost.Graph's
/// brandes_betweenness_centrality, which has nothing equal: it samples no sources, and its
/// undirected scores count each pair twice under another normalisation
/// (lib/algorithms/betweenness.cpp).
BetweennessResult betweenness(const Graph& graph, const BetweennessOptions& options = {});

struct LineageDegrees {
  std::vector<std::uint32_t> in;   ///< lineage edges entering (policies that build on it)
  std::vector<std::uint32_t> out;  ///< lineage edges leaving (policies it builds on)
};

/// In- and out-degree on lineage edges (the five relations of MODEL.md 7.1) only, indexed by
/// vertex; each edge counts once whatever its weight. O(V + E).
LineageDegrees lineage_degrees(const Graph& graph);

/// For each policy of a graph holding the lineage edges (the full graph or its lineage view),
/// how many later policies build on it: the policies from which a path of lineage edges (any
/// of the five relations, each pointing from the newer policy to the older) leads to it,
/// itself not counted, each counted once however many paths. Indexed by vertex, policies
/// only. One breadth-first walk along incoming lineage edges per policy: O(Σ of the counts +
/// the edges they have), O(V × (V + E)) at worst; terminates on cycles.
std::vector<std::uint32_t> lineage_descendant_counts(const Graph& graph);

/// For each policy of a full graph, how many facilities it governs: its `related_facility`
/// edges (one per facility, MODEL.md section 2). Indexed by vertex, policies only. O(V + E).
std::vector<std::uint32_t> governed_facility_counts(const Graph& full);

}  // namespace policygraph
