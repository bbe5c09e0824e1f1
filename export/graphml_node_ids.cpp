// SPDX-License-Identifier: MIT
#include "graphml_node_ids.hpp"

#include <algorithm>
#include <unordered_set>

#include "xml_writer.hpp"

namespace policygraph::export_detail {

GraphmlNodeIds::GraphmlNodeIds(const Graph& graph, const std::vector<VertexId>& rows) : graph_(&graph), rows_(&rows) {
  // A key that is an NMTOKEN is its node's id unless a row before it took that id. Keys are
  // unique, so only an id made from a key that is not an NMTOKEN, or one suffixed because of
  // it, can have: each such id, as it is given, marks the later row whose key it is, if any.
  // Only the ids so made are held; the others are their keys.
  std::unordered_set<std::string_view> taken;  // the held ids, viewing changed_ (a deque: they stay put)
  std::unordered_set<VertexId> displaced;
  std::string key;
  auto give = [&](VertexId v, const std::string& base) {
    // The first of base, base_2... that no earlier row has: not a held id, nor the key of a
    // row before v (an NMTOKEN, as every candidate is: that row's id unless a held id took
    // it first). A row after v with that key is displaced.
    std::string id = base;
    std::optional<VertexId> owner = row_with_key(id);
    for (int suffix = 2; taken.contains(id) || (owner && *owner < v); ++suffix) {
      id = base + "_" + std::to_string(suffix);
      owner = row_with_key(id);
    }
    if (owner) displaced.insert(*owner);
    if (changed_of_.empty()) changed_of_.assign(graph.node_count(), key_is_id);
    changed_of_[v] = static_cast<std::uint32_t>(changed_.size());
    changed_.push_back(std::move(id));
    taken.insert(changed_.back());
  };
  for (VertexId v : rows) {
    // The kind's name and the colon are name characters: the key is an NMTOKEN when its id is.
    const std::string& id = graph.node(v).id;
    if (!id.empty() && !is_xml_name_token(id))
      give(v, xml_name_token(graph.key(v, key)));
    else if (!displaced.empty() && displaced.contains(v))
      give(v, std::string(graph.key(v, key)));
  }
}

// The row whose key is `text`, if any.
std::optional<VertexId> GraphmlNodeIds::row_with_key(std::string_view text) const {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::optional<NodeKind> kind = parse_node_kind(text.substr(0, colon));
  if (!kind) return std::nullopt;
  const std::optional<VertexId> owner = graph_->find(*kind, text.substr(colon + 1));
  if (!owner || !std::binary_search(rows_->begin(), rows_->end(), *owner)) return std::nullopt;
  return owner;
}

std::string_view GraphmlNodeIds::id(VertexId v, std::string& buffer) const {
  if (!changed_of_.empty() && changed_of_[v] != key_is_id) return changed_[changed_of_[v]];
  return graph_->key(v, buffer);
}

}  // namespace policygraph::export_detail
