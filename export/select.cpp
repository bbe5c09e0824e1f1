// SPDX-License-Identifier: MIT
// Which vertices an export writes: `--focus/--depth`, `--kind`, `--country`.
#include <algorithm>
#include <deque>

#include "policygraph/export.hpp"

namespace policygraph {

/// Breadth-first search from the focus along edges in either direction, up to `depth`
/// edges; then the kind and country filters. The country filter keeps policies and
/// facilities whose `country` is listed, and every cluster and tag (they have no
/// country). O(V + E).
Selection select_vertices(const Graph& graph, const SelectionOptions& options) {
  const std::size_t n = graph.node_count();
  std::vector<bool> keep(n, true);
  if (options.focus && *options.focus < n) {
    std::vector<int> distance(n, -1);
    std::deque<VertexId> queue{*options.focus};
    distance[*options.focus] = 0;
    while (!queue.empty()) {
      VertexId v = queue.front();
      queue.pop_front();
      if (distance[v] >= options.depth) continue;
      auto visit = [&](VertexId w) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          queue.push_back(w);
        }
      };
      for (EdgeId e : graph.out_edges(v)) visit(graph.edge(e).target);
      for (EdgeId e : graph.in_edges(v)) visit(graph.edge(e).source);
    }
    for (std::size_t v = 0; v < n; ++v) keep[v] = distance[v] >= 0;
  }
  for (VertexId v : graph.vertices()) {
    if (!keep[v]) continue;
    const Node& node = graph.node(v);
    if (!options.kinds.empty() && std::find(options.kinds.begin(), options.kinds.end(), node.kind) == options.kinds.end())
      keep[v] = false;
    if (!options.countries.empty() && (node.kind == NodeKind::policy || node.kind == NodeKind::facility)) {
      const Record* record = graph.record(v);
      const std::string* country = record != nullptr ? record->attribute("country") : nullptr;
      if (country == nullptr ||
          std::find(options.countries.begin(), options.countries.end(), *country) == options.countries.end())
        keep[v] = false;
    }
  }
  Selection selection;
  if (std::find(keep.begin(), keep.end(), false) != keep.end()) selection.vertices = std::move(keep);
  return selection;
}

}  // namespace policygraph
