// SPDX-License-Identifier: MIT
// How the front names a policy in human output and in JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "policygraph/graph.hpp"

namespace policygraph::cli {

/// The policy's date as YYYY-MM-DD, or "—" (undated, unresolved).
std::string date_text(const Graph& graph, VertexId v);

/// The label, marked "(no record)" for an unresolved policy.
std::string title_text(const Graph& graph, VertexId v);

/// The ids of `vertices`, sorted by byte order (MODEL.md: lists of ids are sorted).
nlohmann::ordered_json sorted_ids(const Graph& graph, const std::vector<VertexId>& vertices);

}  // namespace policygraph::cli
