// SPDX-License-Identifier: MIT
// The (kind, id) order that nodes end in and records are walked in, found cheaply.
//
// What costs in such a sort is comparing ids, which share long prefixes
// ("cn-ccer-measures-2023"): about 17 memcmp per element for 70,000 nodes. The inputs are
// mostly in order already (build_graph adds the described nodes first, in order, and the
// unresolved, cluster and tag nodes after them; a view adds its nodes in vertex order), so
// the sorted prefix is kept as it is, only the rest is sorted, and the two are merged:
// O(n + m log m) comparisons for m elements after the sorted prefix, O(n) for sorted input.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace policygraph {

/// The indices 0 .. count-1 sorted by (kind_of(i), id_of(i), i): by kind, then in byte order
/// of id (std::string_view compares as unsigned char), then by index, so equal keys keep
/// their order as a stable sort would. kind_of(i) is an enum, id_of(i) converts to
/// std::string_view and must stay valid until this returns.
template <typename KindOf, typename IdOf>
std::vector<std::uint32_t> kind_id_order(std::size_t count, KindOf kind_of, IdOf id_of) {
  // The keys are copied out so that the sort compares neighbouring memory instead of
  // following each index into a Node or a Record.
  struct Key {
    unsigned kind;
    std::string_view id;
    std::uint32_t index;
  };
  auto less = [](const Key& a, const Key& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (int order = a.id.compare(b.id)) return order < 0;
    return a.index < b.index;
  };
  std::vector<Key> keys;
  keys.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i)
    keys.push_back({static_cast<unsigned>(kind_of(i)), std::string_view(id_of(i)), i});

  auto sorted_end = std::is_sorted_until(keys.begin(), keys.end(), less);
  std::sort(sorted_end, keys.end(), less);
  std::inplace_merge(keys.begin(), sorted_end, keys.end(), less);

  std::vector<std::uint32_t> order;
  order.reserve(count);
  for (const Key& key : keys) order.push_back(key.index);
  return order;
}

}  // namespace policygraph
