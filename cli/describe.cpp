// SPDX-License-Identifier: MIT
#include "describe.hpp"

#include <algorithm>

namespace policygraph::cli {

std::string date_text(const Graph& graph, VertexId v) {
  const auto& date = graph.node(v).date;
  return date ? date->iso() : "—";
}

std::string title_text(const Graph& graph, VertexId v) {
  const Node& node = graph.node(v);
  return node.resolved ? node.label : node.label + " (no record)";
}

nlohmann::ordered_json sorted_ids(const Graph& graph, const std::vector<VertexId>& vertices) {
  std::vector<std::string> ids;
  ids.reserve(vertices.size());
  for (VertexId v : vertices) ids.push_back(graph.node(v).id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace policygraph::cli
