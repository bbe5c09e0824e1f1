// SPDX-License-Identifier: MIT
#include "palette.hpp"

#include <array>
#include <string_view>

#include "policygraph/evolution.hpp"

namespace policygraph::export_detail {
namespace {

std::string normalised(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

template <std::size_t N>
bool is_one_of(std::string_view text, const std::array<std::string_view, N>& names) {
  for (std::string_view name : names)
    if (text == name) return true;
  return false;
}

// A facility's status words are its own (operational, decommissioned): its group, in the
// colour of the matching legal state.
Rgb facility_color(const Record* record) {
  switch (status_group(record != nullptr ? record->attribute("status") : std::nullopt)) {
    case StatusGroup::in_force: return state_color(LegalState::in_force);
    case StatusGroup::planned: return state_color(LegalState::proposed);
    case StatusGroup::ended: return state_color(LegalState::ended);
    case StatusGroup::unknown: break;
  }
  return kind_color(NodeKind::facility);
}

}  // namespace

std::string Rgb::hex() const {
  static constexpr char digits[] = "0123456789abcdef";
  std::string text = "#";
  for (std::uint8_t channel : {r, g, b}) {
    text += digits[channel >> 4];
    text += digits[channel & 0xF];
  }
  return text;
}

StatusGroup status_group(std::optional<std::string_view> status) {
  if (!status) return StatusGroup::unknown;
  const std::string text = normalised(*status);
  static constexpr std::array<std::string_view, 9> in_force{
      "inforce", "active", "operational", "operating", "enacted", "adopted", "effective", "current", "implemented"};
  static constexpr std::array<std::string_view, 11> planned{
      "planned", "proposed",     "draft",     "underconstruction", "underdevelopment", "upcoming",
      "pending", "consultation", "announced", "indevelopment",     "construction"};
  static constexpr std::array<std::string_view, 12> ended{"superseded", "repealed", "expired",   "decommissioned",
                                                          "withdrawn",  "revoked",  "cancelled", "canceled",
                                                          "inactive",   "closed",   "replaced",  "terminated"};
  if (is_one_of(text, in_force)) return StatusGroup::in_force;
  if (is_one_of(text, planned)) return StatusGroup::planned;
  if (is_one_of(text, ended)) return StatusGroup::ended;
  return StatusGroup::unknown;
}

Rgb state_color(LegalState state) {
  switch (state) {
    case LegalState::in_force: return {27, 158, 119};
    case LegalState::pending: return {86, 180, 233};
    case LegalState::proposed: return {230, 171, 2};
    case LegalState::ended: return {150, 150, 150};
    case LegalState::unknown: break;
  }
  return kind_color(NodeKind::policy);
}

Rgb kind_color(NodeKind kind) {
  switch (kind) {
    case NodeKind::policy: return {55, 126, 184};
    case NodeKind::facility: return {117, 112, 179};
    case NodeKind::cluster: return {217, 95, 2};
    case NodeKind::tag: return {102, 194, 165};
  }
  return {55, 126, 184};
}

Rgb pale(Rgb color) {
  auto mix = [](std::uint8_t channel) { return static_cast<std::uint8_t>((channel * 3 + 255 * 7) / 10); };
  return {mix(color.r), mix(color.g), mix(color.b)};
}

Rgb node_color(const Graph& graph, VertexId v) {
  const Node& node = graph.node(v);
  Rgb color = kind_color(node.kind);
  if (node.kind == NodeKind::policy) color = state_color(legal_state(graph, v));
  if (node.kind == NodeKind::facility) color = facility_color(graph.record(v));
  return node.resolved ? color : pale(color);
}

}  // namespace policygraph::export_detail
