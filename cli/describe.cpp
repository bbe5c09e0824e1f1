// SPDX-License-Identifier: MIT
#include "describe.hpp"

#include <nlohmann/json.hpp>

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

nlohmann::ordered_json day_json(const std::optional<Date>& day) {
  return day ? nlohmann::ordered_json(day->iso()) : nlohmann::ordered_json();
}

std::string state_text(const Graph& graph, VertexId v) {
  if (!graph.node(v).resolved) return "no record";
  const LegalState state = legal_state(graph, v);
  return state == LegalState::in_force ? std::string("in force") : std::string(to_string(state));
}

std::optional<std::string_view> country_of(const Graph& graph, VertexId v) {
  const Record* record = graph.record(v);
  return record != nullptr ? record->attribute("country") : std::nullopt;
}

nlohmann::ordered_json node_entry(const Graph& graph, VertexId v) {
  const Node& node = graph.node(v);
  const auto country = country_of(graph, v);
  const bool policy = node.kind == NodeKind::policy;
  return {{"id", node.id},
          {"title", node.label},
          {"date", day_json(node.date)},
          {"country", country ? nlohmann::ordered_json(std::string(*country)) : nlohmann::ordered_json()},
          {"state", policy && node.resolved ? nlohmann::ordered_json(std::string(to_string(legal_state(graph, v))))
                                            : nlohmann::ordered_json()}};
}

nlohmann::ordered_json relation_list(const Graph& graph, const std::vector<RelationEvent>& events) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const RelationEvent& event : events) {
    nlohmann::ordered_json entry = node_entry(graph, event.other);
    list.push_back({{"id", entry["id"]},
                    {"relation", std::string(to_string(event.kind))},
                    {"date", day_json(event.day)},
                    {"title", graph.node(event.other).label},
                    {"country", entry["country"]},
                    {"state", entry["state"]},
                    {"published", entry["date"]}});
  }
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
