// SPDX-License-Identifier: MIT
#include "algorithms/undirected.hpp"

namespace policygraph::detail {
namespace {

// One pass per vertex over its out- and in-edges. `slot[w]` remembers where neighbour w
// already sits in the current vertex's row (or npos), so parallel and reciprocal edges
// merge into one entry without sorting; only the touched slots are reset afterwards.
UndirectedCsr build(const Graph& graph, bool weighted) {
  const std::size_t n = graph.node_count();
  constexpr std::size_t npos = static_cast<std::size_t>(-1);
  UndirectedCsr csr;
  csr.offsets.assign(n + 1, 0);
  csr.neighbours.reserve(2 * graph.edge_count());
  if (weighted) {
    csr.weights.reserve(2 * graph.edge_count());
    csr.self_loop.assign(n, 0.0);
  }
  std::vector<std::size_t> slot(n, npos);
  for (VertexId v = 0; v < n; ++v) {
    const std::size_t row = csr.neighbours.size();
    auto visit = [&](VertexId w, double weight) {
      if (w == v) {
        if (weighted) csr.self_loop[v] += weight;
        return;
      }
      if (slot[w] == npos) {
        slot[w] = csr.neighbours.size();
        csr.neighbours.push_back(w);
        if (weighted) csr.weights.push_back(weight);
      } else if (weighted) {
        csr.weights[slot[w]] += weight;
      }
    };
    for (EdgeId e : graph.out_edges(v)) visit(graph.edge(e).target, graph.edge(e).weight);
    // A loop is both an out- and an in-edge of v: count it once, from the out side.
    for (EdgeId e : graph.in_edges(v)) {
      if (graph.edge(e).source != v) visit(graph.edge(e).source, graph.edge(e).weight);
    }
    for (std::size_t i = row; i < csr.neighbours.size(); ++i) slot[csr.neighbours[i]] = npos;
    csr.offsets[v + 1] = csr.neighbours.size();
  }
  return csr;
}

}  // namespace

UndirectedCsr simple_undirected(const Graph& graph) { return build(graph, false); }
UndirectedCsr weighted_undirected(const Graph& graph) { return build(graph, true); }

}  // namespace policygraph::detail
