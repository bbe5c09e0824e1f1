// SPDX-License-Identifier: MIT
// Building a Graph: nodes by key, edges collected in any order, then one pass that
// renumbers the nodes (policies first, by id), merges duplicate edges by sorting (no hash
// table per edge: the policy view of a dense corpus has 10^8 of them), and lays out the
// compressed adjacency.
#include <algorithm>
#include <numeric>
#include <tuple>

#include "policygraph/graph.hpp"

namespace policygraph {
namespace {

std::string make_key(NodeKind kind, std::string_view id) {
  std::string key(to_string(kind));
  key += ':';
  key += id;
  return key;
}

// Offsets of a compressed adjacency: offsets[v] .. offsets[v + 1] index the list of v.
std::vector<EdgeId> offsets_by(const std::vector<Edge>& edges, std::size_t node_count, VertexId Edge::*end) {
  std::vector<EdgeId> offsets(node_count + 1, 0);
  for (const auto& edge : edges) ++offsets[edge.*end + 1];
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  return offsets;
}

}  // namespace

GraphBuilder::GraphBuilder(std::shared_ptr<const std::vector<Record>> records) : records_(std::move(records)) {
  if (!records_) records_ = std::make_shared<const std::vector<Record>>();
}

VertexId GraphBuilder::add_node(Node node) {
  auto [found, inserted] = by_key_.try_emplace(make_key(node.kind, node.id), static_cast<VertexId>(nodes_.size()));
  if (inserted) nodes_.push_back(std::move(node));
  return found->second;
}

std::optional<VertexId> GraphBuilder::find(NodeKind kind, std::string_view id) const {
  auto found = by_key_.find(make_key(kind, id));
  if (found == by_key_.end()) return std::nullopt;
  return found->second;
}

void GraphBuilder::add_edge(VertexId source, VertexId target, EdgeKind kind, double weight) {
  edges_.push_back({source, target, kind, weight});
}

Graph GraphBuilder::finish() && {
  // Policies first, then facilities, clusters, tags; each in byte order of id.
  std::vector<VertexId> order(nodes_.size());
  std::iota(order.begin(), order.end(), VertexId{0});
  std::sort(order.begin(), order.end(), [&](VertexId a, VertexId b) {
    return std::tie(nodes_[a].kind, nodes_[a].id) < std::tie(nodes_[b].kind, nodes_[b].id);
  });
  std::vector<VertexId> new_id(nodes_.size());
  for (VertexId position = 0; position < order.size(); ++position) new_id[order[position]] = position;

  Graph graph;
  graph.records_ = std::move(records_);
  graph.nodes_.reserve(nodes_.size());
  for (VertexId old_id : order) graph.nodes_.push_back(std::move(nodes_[old_id]));
  graph.policy_count_ = static_cast<std::size_t>(
      std::count_if(graph.nodes_.begin(), graph.nodes_.end(), [](const Node& n) { return n.kind == NodeKind::policy; }));
  for (VertexId v = 0; v < graph.nodes_.size(); ++v) graph.by_key_.emplace(make_key(graph.nodes_[v].kind, graph.nodes_[v].id), v);

  for (auto& edge : edges_) {
    edge.source = new_id[edge.source];
    edge.target = new_id[edge.target];
  }
  // Stable, so that among duplicates the first one added comes first and its weight is kept.
  std::stable_sort(edges_.begin(), edges_.end(), [](const Edge& a, const Edge& b) {
    return std::tie(a.source, a.kind, a.target) < std::tie(b.source, b.kind, b.target);
  });
  auto& merged = graph.edges_;
  merged.reserve(edges_.size());
  for (const auto& edge : edges_) {
    if (!merged.empty() && merged.back().source == edge.source && merged.back().kind == edge.kind &&
        merged.back().target == edge.target) {
      if (accumulate_weights_) merged.back().weight += edge.weight;
      continue;
    }
    merged.push_back(edge);
  }
  std::vector<Edge>().swap(edges_);

  const std::size_t n = graph.nodes_.size();
  graph.out_offsets_ = offsets_by(merged, n, &Edge::source);
  graph.out_list_.resize(merged.size());
  std::iota(graph.out_list_.begin(), graph.out_list_.end(), EdgeId{0});

  graph.in_offsets_ = offsets_by(merged, n, &Edge::target);
  graph.in_list_.resize(merged.size());
  std::vector<EdgeId> next(graph.in_offsets_.begin(), graph.in_offsets_.end() - 1);
  // Edges are in (source, kind, target) order; placing them by target keeps each in-list in
  // source order, then one sort per list gives (kind, source).
  for (EdgeId e = 0; e < merged.size(); ++e) graph.in_list_[next[merged[e].target]++] = e;
  for (VertexId v = 0; v < n; ++v) {
    auto first = graph.in_list_.begin() + graph.in_offsets_[v];
    auto last = graph.in_list_.begin() + graph.in_offsets_[v + 1];
    std::stable_sort(first, last, [&](EdgeId a, EdgeId b) { return merged[a].kind < merged[b].kind; });
  }
  return graph;
}

}  // namespace policygraph
