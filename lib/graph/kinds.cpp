// SPDX-License-Identifier: MIT
// Names of node kinds, edge kinds and views, as they appear in keys, exports and options.
#include <array>
#include <utility>

#include "policygraph/graph.hpp"

namespace policygraph {
namespace {

constexpr std::array<std::string_view, 4> node_kind_names{"policy", "facility", "cluster", "tag"};
constexpr std::array<std::string_view, 9> edge_kind_names{"supersedes",       "consolidates", "member_of",
                                                          "related_facility", "tagged",       "related",
                                                          "repeals",          "amends",       "implements"};
constexpr std::array<std::string_view, 3> view_names{"full", "lineage", "policy"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_name(std::string_view text, const std::array<std::string_view, N>& names) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text) return static_cast<Enum>(i);
  return std::nullopt;
}

}  // namespace

std::string_view to_string(NodeKind kind) { return node_kind_names[static_cast<std::size_t>(kind)]; }
std::string_view to_string(EdgeKind kind) { return edge_kind_names[static_cast<std::size_t>(kind)]; }
std::string_view to_string(View view) { return view_names[static_cast<std::size_t>(view)]; }

std::optional<NodeKind> parse_node_kind(std::string_view text) { return parse_name<NodeKind>(text, node_kind_names); }
std::optional<EdgeKind> parse_edge_kind(std::string_view text) { return parse_name<EdgeKind>(text, edge_kind_names); }
std::optional<View> parse_view(std::string_view text) { return parse_name<View>(text, view_names); }

}  // namespace policygraph
