// SPDX-License-Identifier: MIT
// Which vertices an export writes: `--focus/--depth`, `--kind`, `--country`.
#include <algorithm>
#include <deque>

#include "policygraph/export.hpp"

namespace policygraph {
namespace {

bool same_ascii_case(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

/// Breadth-first search from the focus along edges in either direction, up to `depth`
/// edges; then the kind and country filters. The country filter keeps policies and
/// facilities whose `country` is listed (ASCII case aside: `norway` is `Norway`), and the
/// clusters and tags linked to one of those: a cluster or tag has no country of its own,
/// and one that no kept record touches would be an island in the picture. O(V + E).
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
    if (!options.kinds.empty() &&
        std::find(options.kinds.begin(), options.kinds.end(), node.kind) == options.kinds.end())
      keep[v] = false;
    if (!options.countries.empty() && (node.kind == NodeKind::policy || node.kind == NodeKind::facility)) {
      const Record* record = graph.record(v);
      const auto country = record != nullptr ? record->attribute("country") : std::nullopt;
      if (!country || std::none_of(options.countries.begin(), options.countries.end(),
                                   [&](const std::string& wanted) { return same_ascii_case(wanted, *country); }))
        keep[v] = false;
    }
  }
  if (!options.countries.empty()) {
    auto is_record = [&](VertexId w) {
      return keep[w] && (graph.node(w).kind == NodeKind::policy || graph.node(w).kind == NodeKind::facility);
    };
    std::vector<bool> linked(n, false);
    for (VertexId v : graph.vertices()) {
      const NodeKind kind = graph.node(v).kind;
      if (!keep[v] || (kind != NodeKind::cluster && kind != NodeKind::tag)) continue;
      for (EdgeId e : graph.in_edges(v)) linked[v] = linked[v] || is_record(graph.edge(e).source);
      for (EdgeId e : graph.out_edges(v)) linked[v] = linked[v] || is_record(graph.edge(e).target);
    }
    for (VertexId v : graph.vertices()) {
      const NodeKind kind = graph.node(v).kind;
      if ((kind == NodeKind::cluster || kind == NodeKind::tag) && !linked[v]) keep[v] = false;
    }
  }
  Selection selection;
  if (std::find(keep.begin(), keep.end(), false) != keep.end()) selection.vertices = std::move(keep);
  return selection;
}

}  // namespace policygraph

namespace policygraph {

std::size_t drop_isolated_policies(const Graph& graph, Selection& selection) {
  if (selection.vertices.empty()) selection.vertices.assign(graph.node_count(), true);
  std::vector<bool> linked(graph.node_count(), false);
  for (const Edge& edge : graph.edges()) {
    if (!is_lineage(edge.kind) || edge.source == edge.target) continue;
    if (!selection.contains(edge.source) || !selection.contains(edge.target)) continue;
    linked[edge.source] = linked[edge.target] = true;
  }
  std::size_t dropped = 0;
  for (VertexId v : graph.policies())
    if (selection.vertices[v] && !linked[v]) {
      selection.vertices[v] = false;
      ++dropped;
    }
  return dropped;
}

}  // namespace policygraph
