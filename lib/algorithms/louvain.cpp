// SPDX-License-Identifier: MIT
// Louvain community detection (V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre,
// "Fast unfolding of communities in large networks", J. Stat. Mech. P10008, 2008).
//
// The algorithm repeats two phases. "Modularity optimisation": every vertex starts alone;
// vertices are visited in a shuffled order, and each moves to the neighbouring community
// that raises modularity most, if any does; sweeps repeat until one moves nobody.
// "Community aggregation": each community becomes one vertex, the weights between two
// communities are summed onto one edge, and the weight inside a community becomes a loop.
// The two phases alternate on the ever smaller graph.
//
// Definitional choices, all NetworkX's (`louvain_communities`, NetworkX 3.x), so that our
// modularity is comparable with its result:
// - The graph seen is the input taken as undirected and weighted: the weight of {u, v} is
//   w(u→v) + w(v→u), whatever the edge kinds. A loop of weight w adds w to m (the total
//   weight) and 2w to its vertex's degree, and is ignored when weighing neighbours.
// - The gain of moving u of degree k_u from its community A (without u) to B is
//   (k_{u,B} − k_{u,A}) / m − γ k_u (Σ_B − Σ_A) / (2m²), Σ the summed degree of a community
//   and k_{u,X} the weight from u to X. u moves only on a strictly positive gain; of equal
//   gains the first community met wins, communities being met in the order of u's
//   neighbours (its out-edges, then in-edges, in the Graph's sorted order).
// - Vertices are visited in an order shuffled once per level by a Fisher–Yates shuffle
//   driven by std::mt19937_64 seeded with `seed` (both fully specified by the standard, so
//   a seed gives the same communities on every platform; NetworkX's Python `random` draws
//   differently, so the same seed number does not give NetworkX's partition).
// - A level ends when a sweep moves no vertex. The run stops when a level raised modularity
//   by no more than `threshold`, or moved nobody; the last level's partition is the result
//   (NetworkX returns it even when its gain fell below the threshold).
// - A graph without edges gives every vertex its own community and modularity 0.
//
// Boost.Graph has no Louvain, nor any modularity optimisation, so this is our own code.
//
// Data layout: each level's graph is CSR (offsets, neighbours, weights) plus a loop weight
// and a degree per vertex. The weights from a vertex to its neighbouring communities are
// gathered in a dense array indexed by community with a list of the entries touched, so one
// visit costs O(degree) and the array is reset in the same time. One sweep is O(V + E);
// aggregation is O(V + E) by the same dense-array trick.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <utility>
#include <vector>

#include "algorithms/modularity_of.hpp"
#include "algorithms/partition.hpp"
#include "algorithms/undirected.hpp"
#include "policygraph/communities.hpp"

namespace policygraph {
namespace {

struct LevelGraph {
  std::vector<std::size_t> offsets;
  std::vector<std::uint32_t> neighbours;
  std::vector<double> weights;
  std::vector<double> self_loop;
  std::vector<double> degree;

  std::size_t size() const { return self_loop.size(); }
};

LevelGraph first_level(const Graph& graph) {
  detail::UndirectedCsr csr = detail::weighted_undirected(graph);
  LevelGraph level;
  level.offsets = std::move(csr.offsets);
  level.neighbours = std::move(csr.neighbours);
  level.weights = std::move(csr.weights);
  level.self_loop = std::move(csr.self_loop);
  const std::size_t n = level.self_loop.size();
  level.degree.assign(n, 0.0);
  for (std::size_t v = 0; v < n; ++v) {
    double d = 2.0 * level.self_loop[v];
    for (std::size_t i = level.offsets[v]; i < level.offsets[v + 1]; ++i) d += level.weights[i];
    level.degree[v] = d;
  }
  return level;
}

std::uint64_t uniform_below(std::mt19937_64& rng, std::uint64_t bound) {
  constexpr std::uint64_t top = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t limit = top - top % bound;
  std::uint64_t draw = rng();
  while (draw >= limit) draw = rng();
  return draw % bound;
}

/// Reusable per-run scratch: the dense neighbour-community weights and the list of entries
/// touched (a flag, not a zero weight, marks them: a weight may legitimately be 0).
struct Scratch {
  std::vector<double> weight_to;
  std::vector<char> is_touched;
  std::vector<std::uint32_t> touched;
  explicit Scratch(std::size_t n) : weight_to(n, 0.0), is_touched(n, 0) { touched.reserve(n); }

  void add(std::uint32_t c, double weight) {
    if (!is_touched[c]) {
      is_touched[c] = 1;
      touched.push_back(c);
    }
    weight_to[c] += weight;
  }
  void clear() {
    for (std::uint32_t c : touched) {
      weight_to[c] = 0.0;
      is_touched[c] = 0;
    }
    touched.clear();
  }
};

/// Phase one, "modularity optimisation". Returns the community of each vertex (labels are
/// vertex ids of the level graph) and whether any vertex moved.
bool optimise_modularity(const LevelGraph& level, double m, double resolution, std::mt19937_64& rng, Scratch& scratch,
                         std::vector<std::uint32_t>& community) {
  const std::size_t n = level.size();
  community.resize(n);
  for (std::size_t v = 0; v < n; ++v) community[v] = static_cast<std::uint32_t>(v);
  std::vector<double> total = level.degree;  // Σ: summed degree of each community

  std::vector<std::uint32_t> order(community);
  for (std::size_t i = n; i > 1; --i) {
    const auto j = static_cast<std::size_t>(uniform_below(rng, i));
    std::swap(order[i - 1], order[j]);
  }

  const double two_m_squared = 2.0 * m * m;
  bool improved = false;
  for (std::size_t moves = 1; moves > 0;) {
    moves = 0;
    for (std::uint32_t u : order) {
      for (std::size_t i = level.offsets[u]; i < level.offsets[u + 1]; ++i) {
        scratch.add(community[level.neighbours[i]], level.weights[i]);
      }
      const std::uint32_t own = community[u];
      const double k = level.degree[u];
      total[own] -= k;
      const double remove_cost = -scratch.weight_to[own] / m + resolution * total[own] * k / two_m_squared;
      std::uint32_t best = own;
      double best_gain = 0.0;
      for (std::uint32_t c : scratch.touched) {
        const double gain = remove_cost + scratch.weight_to[c] / m - resolution * total[c] * k / two_m_squared;
        if (gain > best_gain) {
          best_gain = gain;
          best = c;
        }
      }
      total[best] += k;
      if (best != own) {
        community[u] = best;
        ++moves;
        improved = true;
      }
      scratch.clear();
    }
  }
  return improved;
}

/// Modularity of `community` on the level graph (equal to that of the induced partition of
/// the input graph, since aggregation keeps every weight).
double level_modularity(const LevelGraph& level, double m, double resolution,
                        const std::vector<std::uint32_t>& community) {
  const std::size_t n = level.size();
  std::vector<double> inside(n, 0.0), total(n, 0.0);
  for (std::size_t v = 0; v < n; ++v) {
    const std::uint32_t c = community[v];
    inside[c] += level.self_loop[v];
    total[c] += level.degree[v];
    for (std::size_t i = level.offsets[v]; i < level.offsets[v + 1]; ++i) {
      if (v < level.neighbours[i] && community[level.neighbours[i]] == c) inside[c] += level.weights[i];
    }
  }
  const double norm = 1.0 / (4.0 * m * m);
  double q = 0.0;
  for (std::size_t c = 0; c < n; ++c) q += inside[c] / m - resolution * total[c] * total[c] * norm;
  return q;
}

/// Phase two, "community aggregation". `community` is renumbered densely 0..k-1 in order of
/// first label (as NetworkX keeps its non-empty communities in order); returns the graph
/// whose vertices are those communities.
LevelGraph aggregate(const LevelGraph& level, std::vector<std::uint32_t>& community, Scratch& scratch) {
  const std::size_t n = level.size();
  constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> dense(n, none);
  std::uint32_t count = 0;
  // Communities are labelled by a vertex id of this level; number them by that id.
  std::vector<bool> used(n, false);
  for (std::uint32_t c : community) used[c] = true;
  for (std::size_t c = 0; c < n; ++c) {
    if (used[c]) dense[c] = count++;
  }
  for (std::uint32_t& c : community) c = dense[c];

  // Members of each new vertex, to walk the old adjacency community by community.
  std::vector<std::size_t> member_offsets(count + 1, 0);
  for (std::uint32_t c : community) ++member_offsets[c + 1];
  for (std::size_t c = 0; c < count; ++c) member_offsets[c + 1] += member_offsets[c];
  std::vector<std::uint32_t> members(n);
  {
    std::vector<std::size_t> next(member_offsets.begin(), member_offsets.end() - 1);
    for (std::size_t v = 0; v < n; ++v) members[next[community[v]]++] = static_cast<std::uint32_t>(v);
  }

  LevelGraph result;
  result.offsets.assign(count + 1, 0);
  result.self_loop.assign(count, 0.0);
  result.degree.assign(count, 0.0);
  for (std::uint32_t c = 0; c < count; ++c) {
    for (std::size_t i = member_offsets[c]; i < member_offsets[c + 1]; ++i) {
      const std::uint32_t v = members[i];
      result.self_loop[c] += level.self_loop[v];
      result.degree[c] += level.degree[v];
      for (std::size_t j = level.offsets[v]; j < level.offsets[v + 1]; ++j) {
        const std::uint32_t d = community[level.neighbours[j]];
        if (d == c) {
          // An inside pair is met from both ends: count it once.
          if (v < level.neighbours[j]) result.self_loop[c] += level.weights[j];
          continue;
        }
        scratch.add(d, level.weights[j]);
      }
    }
    for (std::uint32_t d : scratch.touched) {
      result.neighbours.push_back(d);
      result.weights.push_back(scratch.weight_to[d]);
    }
    scratch.clear();
    result.offsets[c + 1] = result.neighbours.size();
  }
  return result;
}

}  // namespace

LouvainResult louvain(const Graph& graph, const LouvainOptions& options) {
  const std::size_t n = graph.node_count();
  LouvainResult result;
  std::vector<std::uint32_t> of(n);
  for (std::size_t v = 0; v < n; ++v) of[v] = static_cast<std::uint32_t>(v);

  // The first level is the input taken as undirected: kept to the end for the modularity
  // of the result, which would otherwise build it again.
  const LevelGraph first = first_level(graph);
  LevelGraph aggregated;
  const LevelGraph* level = &first;
  double m = 0.0;
  for (std::size_t v = 0; v < n; ++v) m += first.degree[v];
  m /= 2.0;
  if (m <= 0.0) {
    result.partition = detail::canonical_partition(of);
    return result;
  }

  std::mt19937_64 rng(options.seed);
  Scratch scratch(n);
  std::vector<std::uint32_t> community;
  double quality = level_modularity(*level, m, options.resolution, of);
  while (optimise_modularity(*level, m, options.resolution, rng, scratch, community)) {
    ++result.levels;
    const double new_quality = level_modularity(*level, m, options.resolution, community);
    aggregated = aggregate(*level, community, scratch);
    level = &aggregated;
    for (std::uint32_t& c : of) c = community[c];
    if (new_quality - quality <= options.threshold) break;
    quality = new_quality;
  }
  result.partition = detail::canonical_partition(of);
  result.modularity = detail::modularity_of(first, result.partition.of, options.resolution);
  return result;
}

}  // namespace policygraph
