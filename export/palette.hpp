// SPDX-License-Identifier: MIT
// Colours of nodes by kind and state, shared by GEXF and DOT so both draw a corpus alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "policygraph/graph.hpp"

namespace policygraph::export_detail {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  /// `#rrggbb`, for Graphviz.
  std::string hex() const;
};

/// What a facility's status says, from its `status` text (ASCII case and spaces, '-' and
/// '_' ignored): operational, planned, decommissioned... Policies are coloured by their
/// normalised Record::state instead, which reads every language of the vocabulary.
enum class StatusGroup : unsigned char { unknown, in_force, planned, ended };
StatusGroup status_group(std::optional<std::string_view> status);

/// The fill of a policy in a legal state. The palette is chosen to read on white and for
/// common colour blindness (the hues of Okabe and Ito's palette):
/// - in_force: green (27,158,119)
/// - pending (adopted, not yet applying): sky blue (86,180,233)
/// - proposed (planned, draft, consultation): amber (230,171,2)
/// - ended (repealed, superseded, expired): grey (150,150,150)
/// - unknown: the colour of its kind, policy blue (55,126,184)
Rgb state_color(LegalState state);

/// The colour of a kind, for a node with no known state: policy blue (55,126,184), facility
/// purple (117,112,179), cluster orange (217,95,2), tag teal (102,194,165).
Rgb kind_color(NodeKind kind);

/// A colour mixed 70% with white: how an unresolved node is drawn (we know nothing of it).
Rgb pale(Rgb color);

/// The colour of a node: a policy by its state (state_color); a facility by the group of its
/// status, in the colour of the matching state (operational green, planned amber,
/// decommissioned grey), else by kind; clusters and tags by kind; an unresolved node pale.
Rgb node_color(const Graph& graph, VertexId v);

}  // namespace policygraph::export_detail
