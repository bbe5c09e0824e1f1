// SPDX-License-Identifier: MIT
// Colours of nodes by kind and status, shared by GEXF and DOT so both draw a corpus alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "policygraph/graph.hpp"

namespace policygraph::export_detail {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  /// `#rrggbb`, for Graphviz.
  std::string hex() const;
};

/// What a status says about a policy or facility, from its `status` text (ASCII case and
/// spaces, '-' and '_' ignored).
enum class StatusGroup : unsigned char { unknown, in_force, planned, ended };
StatusGroup status_group(std::optional<std::string_view> status);

/// The palette, chosen to read on white and for common colour blindness:
/// - in force / active / operational / enacted: green (27,158,119)
/// - planned / proposed / draft / under construction / upcoming: amber (230,171,2)
/// - superseded / repealed / expired / decommissioned / withdrawn: grey (150,150,150)
/// - otherwise by kind: policy blue (55,126,184), facility purple (117,112,179),
///   cluster orange (217,95,2), tag teal (102,194,165)
/// - an unresolved node: its colour mixed 70% with white (pale: we know nothing of it)
Rgb node_color(const Graph& graph, VertexId v);

}  // namespace policygraph::export_detail
