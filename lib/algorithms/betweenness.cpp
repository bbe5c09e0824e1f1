// SPDX-License-Identifier: MIT
// Betweenness centrality by Brandes' algorithm (U. Brandes, "A faster algorithm for
// betweenness centrality", J. Math. Sociol. 25(2), 2001) on the graph taken as undirected,
// simple and unweighted: one BFS from each source, then dependencies accumulated in
// reverse BFS order. O(V × E) time, O(V + E) memory.
//
// Normalisation follows networkx.betweenness_centrality(G.to_undirected(), normalized=True,
// endpoints=False) exactly (its `_rescale`): like NetworkX we count every ordered (s, t)
// pair, i.e. each unordered pair twice, and divide by (n − 1)(n − 2); that is the same as
// counting unordered pairs and dividing by (n − 1)(n − 2)/2. With k sampled sources
// NetworkX scales a vertex that was itself a source by 1/((k − 1)(n − 2)) and any other
// by 1/(k (n − 2)); we do the same. Boost's brandes_betweenness_centrality is not used:
// its undirected result counts each pair twice and its normalisation differs, so every
// value would need rescaling anyway, and this loop is the shorter code.
//
// The BFS keeps no predecessor lists: a neighbour w of v is a predecessor exactly when
// dist[w] + 1 == dist[v], which the accumulation tests directly on the CSR.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <utility>
#include <vector>

#include "algorithms/undirected.hpp"
#include "policygraph/influence.hpp"

namespace policygraph {
namespace {

// An unbiased integer in [0, bound) from a fixed generator, by rejection; written out
// because std::uniform_int_distribution differs between standard libraries.
std::uint64_t uniform_below(std::mt19937_64& rng, std::uint64_t bound) {
  constexpr std::uint64_t top = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t limit = top - top % bound;
  std::uint64_t draw = rng();
  while (draw >= limit) draw = rng();
  return draw % bound;
}

}  // namespace

BetweennessResult betweenness(const Graph& graph, const BetweennessOptions& options) {
  const detail::UndirectedCsr csr = detail::simple_undirected(graph);
  const std::size_t n = csr.vertex_count();
  BetweennessResult result;
  result.scores.assign(n, 0.0);

  // Sources: every vertex, or k of them by a partial Fisher–Yates shuffle seeded by `seed`.
  std::vector<VertexId> sources(n);
  for (VertexId v = 0; v < n; ++v) sources[v] = v;
  std::vector<bool> is_source;
  if (options.sample_sources && *options.sample_sources < n) {
    const std::size_t k = *options.sample_sources;
    std::mt19937_64 rng(options.seed);
    for (std::size_t i = 0; i < k; ++i) {
      const std::size_t j = i + static_cast<std::size_t>(uniform_below(rng, n - i));
      std::swap(sources[i], sources[j]);
    }
    sources.resize(k);
    result.sampled = true;
    is_source.assign(n, false);
    for (VertexId s : sources) is_source[s] = true;
  }
  result.sources = sources.size();

  constexpr std::uint32_t unreached = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> distance(n, unreached);
  std::vector<double> paths(n, 0.0);       // σ: shortest paths from the source
  std::vector<double> dependency(n, 0.0);  // δ
  std::vector<VertexId> order;             // BFS order, also the queue
  order.reserve(n);
  for (VertexId s : sources) {
    order.clear();
    distance[s] = 0;
    paths[s] = 1.0;
    order.push_back(s);
    for (std::size_t head = 0; head < order.size(); ++head) {
      const VertexId v = order[head];
      for (VertexId w : csr.neighbours_of(v)) {
        if (distance[w] == unreached) {
          distance[w] = distance[v] + 1;
          order.push_back(w);
        }
        if (distance[w] == distance[v] + 1) paths[w] += paths[v];
      }
    }
    for (std::size_t i = order.size(); i-- > 0;) {
      const VertexId w = order[i];
      const double coefficient = (1.0 + dependency[w]) / paths[w];
      for (VertexId v : csr.neighbours_of(w)) {
        if (distance[v] + 1 == distance[w]) dependency[v] += paths[v] * coefficient;
      }
      if (w != s) result.scores[w] += dependency[w];
    }
    for (VertexId v : order) {
      distance[v] = unreached;
      paths[v] = 0.0;
      dependency[v] = 0.0;
    }
  }

  if (n < 3) return result;  // no vertex can lie between two others
  const double pairs = static_cast<double>(n - 2);
  if (!result.sampled) {
    const double scale = 1.0 / (static_cast<double>(n - 1) * pairs);
    for (double& score : result.scores) score *= scale;
    return result;
  }
  if (sources.empty()) return result;  // nothing measured (NetworkX divides by zero)
  const double k = static_cast<double>(sources.size());
  // NetworkX gives NaN to the lone source when k = 1 (0/0); we keep its score at 0.
  const double scale_source = sources.size() > 1 ? 1.0 / ((k - 1.0) * pairs) : 0.0;
  const double scale_other = 1.0 / (k * pairs);
  for (VertexId v = 0; v < n; ++v) result.scores[v] *= is_source[v] ? scale_source : scale_other;
  return result;
}

}  // namespace policygraph
