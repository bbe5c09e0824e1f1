// SPDX-License-Identifier: MIT
// How the front names a policy in human output and in JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "policygraph/evolution.hpp"
#include "policygraph/graph.hpp"

namespace policygraph::cli {

/// The policy's date as YYYY-MM-DD, or "—" (undated, unresolved).
std::string date_text(const Graph& graph, VertexId v);

/// The label, marked "(no record)" for an unresolved policy.
std::string title_text(const Graph& graph, VertexId v);

/// A day as YYYY-MM-DD, or "—".
std::string day_text(const std::optional<Date>& day);

/// The normalised legal state of a policy as people read it: "in force", "pending",
/// "proposed", "ended", "unknown"; "no record" for an unresolved policy.
std::string state_text(const Graph& graph, VertexId v);

/// {"id", "date", "title"} of each event's other policy, in the events' order, for JSON.
nlohmann::ordered_json relation_list(const Graph& graph, const std::vector<RelationEvent>& events);

/// The ids of `vertices`, sorted by byte order (MODEL.md: lists of ids are sorted).
nlohmann::ordered_json sorted_ids(const Graph& graph, const std::vector<VertexId>& vertices);

}  // namespace policygraph::cli
