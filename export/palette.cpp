// SPDX-License-Identifier: MIT
#include "palette.hpp"

#include <array>
#include <string_view>

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
  static constexpr std::array<std::string_view, 9> in_force{"inforce", "active", "operational", "operating", "enacted",
                                                            "adopted", "effective", "current", "implemented"};
  static constexpr std::array<std::string_view, 11> planned{
      "planned", "proposed", "draft", "underconstruction", "underdevelopment", "upcoming", "pending",
      "consultation", "announced", "indevelopment", "construction"};
  static constexpr std::array<std::string_view, 12> ended{
      "superseded", "repealed", "expired", "decommissioned", "withdrawn", "revoked", "cancelled", "canceled",
      "inactive", "closed", "replaced", "terminated"};
  if (is_one_of(text, in_force)) return StatusGroup::in_force;
  if (is_one_of(text, planned)) return StatusGroup::planned;
  if (is_one_of(text, ended)) return StatusGroup::ended;
  return StatusGroup::unknown;
}

Rgb node_color(const Graph& graph, VertexId v) {
  const Node& node = graph.node(v);
  const Record* record = graph.record(v);
  Rgb color;
  switch (status_group(record != nullptr ? record->attribute("status") : std::nullopt)) {
    case StatusGroup::in_force: color = {27, 158, 119}; break;
    case StatusGroup::planned: color = {230, 171, 2}; break;
    case StatusGroup::ended: color = {150, 150, 150}; break;
    case StatusGroup::unknown:
      switch (node.kind) {
        case NodeKind::policy: color = {55, 126, 184}; break;
        case NodeKind::facility: color = {117, 112, 179}; break;
        case NodeKind::cluster: color = {217, 95, 2}; break;
        case NodeKind::tag: color = {102, 194, 165}; break;
      }
  }
  if (!node.resolved) {
    auto pale = [](std::uint8_t channel) { return static_cast<std::uint8_t>((channel * 3 + 255 * 7) / 10); };
    color = {pale(color.r), pale(color.g), pale(color.b)};
  }
  return color;
}

}  // namespace policygraph::export_detail
