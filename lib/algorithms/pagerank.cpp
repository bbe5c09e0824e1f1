// SPDX-License-Identifier: MIT
// Weighted PageRank by power iteration, step for step what networkx.pagerank computes
// (NetworkX 3.x, `_pagerank_scipy`), so that the two agree to rounding:
//
//   x₀ = 1/N everywhere
//   x' = α (xᵀ P + (Σ_{dangling d} x_d) / N) + (1 − α) / N
//   stop when Σ |x' − x| < N × tolerance, returning x'
//
// where P[u][v] = w(u→v) / out_weight(u). A vertex whose out-weight is zero is dangling: its
// rank is spread evenly over all vertices (NetworkX's default `dangling=None` with uniform
// personalization). Parallel edges (a `supersedes` and a `related` edge of one ordered pair)
// simply add up, exactly as if the graph had merged them into one edge of summed weight.
//
// Boost's page_rank is not used: it has no weights, no dangling redistribution, and
// teleports with (1 − α) rather than (1 − α)/N: Boost.Graph has nothing equal.
//
// The iteration pulls along in-edges: x'[v] = Σ_{u→v} w(u→v) · y[u] with y[u] = x[u] /
// out_weight(u) computed once per sweep. Each sweep streams two flat arrays (sources and
// weights, in CSR order) and writes every x'[v] once, with no allocation inside the loop.
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

#include "policygraph/influence.hpp"

namespace policygraph {

PageRankResult pagerank(const Graph& graph, const PageRankOptions& options) {
  PageRankResult result;
  const std::size_t n = graph.node_count();
  if (n == 0) {
    result.converged = true;
    return result;
  }
  const double alpha = options.damping;
  const double inverse_n = 1.0 / static_cast<double>(n);

  // Out-weight of each vertex; a vertex with none is dangling.
  std::vector<double> inverse_out_weight(n, 0.0);
  for (VertexId v = 0; v < n; ++v) {
    double out_weight = 0.0;
    for (EdgeId e : graph.out_edges(v)) out_weight += graph.edge(e).weight;
    inverse_out_weight[v] = out_weight > 0.0 ? 1.0 / out_weight : 0.0;
  }
  std::vector<VertexId> dangling;
  for (VertexId v = 0; v < n; ++v) {
    if (inverse_out_weight[v] == 0.0) dangling.push_back(v);
  }

  // Incoming CSR: for each v, the sources and weights of the edges into v that carry rank
  // (edges out of a dangling vertex carry none: a zero out-weight means zero weights).
  std::vector<std::size_t> offsets(n + 1, 0);
  std::vector<VertexId> sources;
  std::vector<double> weights;
  sources.reserve(graph.edge_count());
  weights.reserve(graph.edge_count());
  for (VertexId v = 0; v < n; ++v) {
    for (EdgeId e : graph.in_edges(v)) {
      const Edge& edge = graph.edge(e);
      if (inverse_out_weight[edge.source] == 0.0) continue;
      sources.push_back(edge.source);
      weights.push_back(edge.weight);
    }
    offsets[v + 1] = sources.size();
  }

  std::vector<double> x(n, inverse_n), next(n), share(n);
  const double teleport = (1.0 - alpha) * inverse_n;
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    double dangling_sum = 0.0;
    for (VertexId d : dangling) dangling_sum += x[d];
    for (std::size_t u = 0; u < n; ++u) share[u] = x[u] * inverse_out_weight[u];
    const double spread = dangling_sum * inverse_n;
    double change = 0.0;
    for (std::size_t v = 0; v < n; ++v) {
      double incoming = 0.0;
      for (std::size_t i = offsets[v]; i < offsets[v + 1]; ++i) incoming += weights[i] * share[sources[i]];
      next[v] = alpha * (incoming + spread) + teleport;
      change += std::abs(next[v] - x[v]);
    }
    std::swap(x, next);
    result.iterations = iteration;
    if (change < static_cast<double>(n) * options.tolerance) {
      result.converged = true;
      break;
    }
  }
  result.scores = std::move(x);
  result.previous_scores = std::move(next);  // swapped out above: the vector `scores` came from
  return result;
}

}  // namespace policygraph
