// SPDX-License-Identifier: MIT
#include <algorithm>

#include "policygraph/graph.hpp"

namespace policygraph {

Graph::Graph() : records_(std::make_shared<const std::vector<Record>>()) {}
Graph::~Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

std::span<const EdgeId> Graph::out_edges(VertexId v) const {
  return std::span<const EdgeId>(out_list_).subspan(out_offsets_[v], out_offsets_[v + 1] - out_offsets_[v]);
}

std::span<const EdgeId> Graph::in_edges(VertexId v) const {
  return std::span<const EdgeId>(in_list_).subspan(in_offsets_[v], in_offsets_[v + 1] - in_offsets_[v]);
}

std::string Graph::key(VertexId v) const {
  std::string key;
  this->key(v, key);
  return key;
}

std::string_view Graph::key(VertexId v, std::string& buffer) const {
  buffer.assign(to_string(nodes_[v].kind));
  buffer += ':';
  buffer += nodes_[v].id;
  return buffer;
}

std::optional<VertexId> Graph::find(NodeKind kind, std::string_view id) const {
  auto found = std::lower_bound(nodes_.begin(), nodes_.end(), id, [kind](const Node& node, std::string_view wanted) {
    return node.kind != kind ? node.kind < kind : std::string_view(node.id) < wanted;
  });
  if (found == nodes_.end() || found->kind != kind || found->id != id) return std::nullopt;
  return static_cast<VertexId>(found - nodes_.begin());
}

const Record* Graph::record(VertexId v) const {
  auto index = nodes_[v].record;
  return index < 0 ? nullptr : &(*records_)[static_cast<std::size_t>(index)];
}

}  // namespace policygraph
