// SPDX-License-Identifier: MIT
#include "families.hpp"

#include <algorithm>
#include <cstdint>

#include "policygraph/communities.hpp"

namespace policygraph::export_detail {
namespace {

// Earliest first, undated last, then by id (vertex order is id order).
bool older(const Graph& graph, VertexId a, VertexId b) {
  const auto& date_a = graph.node(a).date;
  const auto& date_b = graph.node(b).date;
  if (date_a.has_value() != date_b.has_value()) return date_a.has_value();
  if (date_a && *date_a != *date_b) return *date_a < *date_b;
  return a < b;
}

// FNV-1a, 64 bits: stable across builds and platforms, so file names are too.
std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

bool is_plain(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'; }

}  // namespace

std::vector<Family> lineage_families(const Graph& lineage, const Selection& selection) {
  std::vector<Family> families;
  for (auto& group : weakly_connected_components(lineage).groups) {
    std::erase_if(group, [&](VertexId v) { return v >= lineage.policy_count() || !selection.contains(v); });
    if (group.size() < 2) continue;
    Family family;
    family.members = std::move(group);
    std::sort(family.members.begin(), family.members.end(),
              [&](VertexId a, VertexId b) { return older(lineage, a, b); });
    family.oldest = family.members.front();
    families.push_back(std::move(family));
  }
  std::sort(families.begin(), families.end(), [&](const Family& a, const Family& b) {
    if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
    return lineage.node(a.oldest).id < lineage.node(b.oldest).id;
  });
  return families;
}

std::string file_name_for(std::string_view prefix, std::string_view id, std::string_view extension) {
  bool plain = !id.empty() && id.size() <= 100 && id.front() != '.';
  for (char c : id) plain = plain && is_plain(c);
  if (plain) return std::string(prefix) + std::string(id) + std::string(extension);
  std::string slug;
  for (char c : id) {
    if (slug.size() >= 60) break;
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    slug += is_plain(lower) ? lower : '-';
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::string hash(16, '0');
  std::uint64_t value = stable_hash(id);
  for (int i = 15; i >= 0; --i, value >>= 4) hash[static_cast<std::size_t>(i)] = digits[value & 0xF];
  return std::string(prefix) + slug + "-" + hash + std::string(extension);
}

}  // namespace policygraph::export_detail
