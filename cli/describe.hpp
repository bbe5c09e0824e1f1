// SPDX-License-Identifier: MIT
// How the front names a policy in human output and in JSON.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
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

/// A day for JSON: "YYYY-MM-DD", or null.
nlohmann::ordered_json day_json(const std::optional<Date>& day);

/// The normalised legal state of a policy as people read it: "in force", "pending",
/// "proposed", "ended", "unknown"; "no record" for an unresolved policy.
std::string state_text(const Graph& graph, VertexId v);

/// node_entry() of each event's other policy with its "relation", in the events' order, for
/// JSON: {"id", "relation", "date", "title", "country", "state", "published"}; `date` is the
/// day the relation takes effect (its meaning since the key was first written), `published`
/// the policy's own date.
nlohmann::ordered_json relation_list(const Graph& graph, const std::vector<RelationEvent>& events);

/// The record's `country`, or nullopt. The preferred language's record gives it: merging
/// translations keeps only their titles (MODEL.md 5.1).
std::optional<std::string_view> country_of(const Graph& graph, VertexId v);

/// What a person reads beside an id, for the entries of JSON answers and the rows of CSV
/// ones: {"id", "title", "date", "country", "state"}, null where unknown (a facility has no
/// date or legal state; an unresolved policy has its id for title and nothing else). `state`
/// is the normalised legal state (MODEL.md 7.2) as JSON writes it: "in_force", "pending", ...
nlohmann::ordered_json node_entry(const Graph& graph, VertexId v);

/// The ids of `vertices`, sorted by byte order (MODEL.md: lists of ids are sorted).
nlohmann::ordered_json sorted_ids(const Graph& graph, const std::vector<VertexId>& vertices);

}  // namespace policygraph::cli
