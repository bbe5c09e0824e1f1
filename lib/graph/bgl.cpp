// SPDX-License-Identifier: MIT
#include "graph/bgl.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace policygraph::bgl {

UndirectedGraph to_simple_undirected(const Graph& graph) {
  std::vector<std::pair<VertexId, VertexId>> pairs;
  pairs.reserve(graph.edge_count());
  for (const Edge& edge : graph.edges()) {
    if (edge.source == edge.target) continue;
    pairs.emplace_back(std::min(edge.source, edge.target), std::max(edge.source, edge.target));
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  UndirectedGraph result(graph.node_count());
  for (const auto& [a, b] : pairs) boost::add_edge(a, b, result);
  return result;
}

}  // namespace policygraph::bgl
