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

std::string day_text(const std::optional<Date>& day) { return day ? day->iso() : "—"; }

std::string state_text(const Graph& graph, VertexId v) {
  if (!graph.node(v).resolved) return "no record";
  const LegalState state = legal_state(graph, v);
  return state == LegalState::in_force ? std::string("in force") : std::string(to_string(state));
}

nlohmann::ordered_json relation_list(const Graph& graph, const std::vector<RelationEvent>& events) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const RelationEvent& event : events)
    list.push_back({{"id", graph.node(event.other).id},
                    {"relation", std::string(to_string(event.kind))},
                    {"date", event.day ? nlohmann::ordered_json(event.day->iso()) : nlohmann::ordered_json()},
                    {"title", graph.node(event.other).label}});
  return list;
}

nlohmann::ordered_json sorted_ids(const Graph& graph, const std::vector<VertexId>& vertices) {
  std::vector<std::string> ids;
  ids.reserve(vertices.size());
  for (VertexId v : vertices) ids.push_back(graph.node(v).id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace policygraph::cli
