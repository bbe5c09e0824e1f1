// SPDX-License-Identifier: MIT
// Building a Graph: nodes by key, edges collected in any order, then one pass that
// renumbers the nodes (policies first, by id), merges duplicate edges by sorting (no hash
// table per edge: the policy view of a dense corpus has 10^8 of them), and lays out the
// compressed adjacency.
//
// The nodes end in (kind, id) order, which is all Graph::find needs: the graph keeps no
// index of its own. The builder's index (slots_) holds vertex ids and compares against the
// nodes' own ids, so neither adding nor finding a node builds a string. Edges are ordered by
// a counting sort over their sources and a small sort of each source's few edges, adjacency
// lists by counting sorts over vertex ids and kinds: O(E + V), no sort of all edges.
#include <algorithm>
#include <functional>
#include <numeric>
#include <span>
#include <tuple>

#include "graph/kind_id_order.hpp"
#include "policygraph/graph.hpp"

namespace policygraph {
namespace {

constexpr std::size_t initial_slot_count = 16;  // a power of two, as slot_of needs
constexpr std::size_t edge_kind_count = static_cast<std::size_t>(EdgeKind::implements) + 1;

std::uint32_t key_hash(NodeKind kind, std::string_view id) {
  // Multiplying by an odd constant spreads the kind over all bits, so the same id under
  // two kinds lands in unrelated slots.
  const std::uint64_t hash =
      std::hash<std::string_view>{}(id) ^ (static_cast<std::uint64_t>(kind) * 0x9E3779B97F4A7C15u);
  return static_cast<std::uint32_t>(hash ^ (hash >> 32));
}

// Offsets of the edges grouped by bucket: offsets[b] .. offsets[b + 1] index bucket b's
// edges once placed in bucket order. With the source or target as the bucket these are the
// offsets of a compressed adjacency.
template <typename BucketOf>
std::vector<EdgeId> bucket_offsets(std::size_t edge_count, std::size_t bucket_count, BucketOf bucket_of) {
  std::vector<EdgeId> offsets(bucket_count + 1, 0);
  for (EdgeId e = 0; e < edge_count; ++e) ++offsets[bucket_of(e) + 1];
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  return offsets;
}

// `order` (every edge once) sorted by bucket, stably: a counting sort, O(E + buckets).
template <typename BucketOf>
std::vector<EdgeId> stable_bucket_sort(const std::vector<EdgeId>& order, std::size_t bucket_count, BucketOf bucket_of) {
  std::vector<EdgeId> next = bucket_offsets(order.size(), bucket_count, bucket_of);
  std::vector<EdgeId> sorted(order.size());
  for (EdgeId e : order) sorted[next[bucket_of(e)]++] = e;
  return sorted;
}

std::vector<EdgeId> all_edges(std::size_t edge_count) {
  std::vector<EdgeId> order(edge_count);
  std::iota(order.begin(), order.end(), EdgeId{0});
  return order;
}

std::size_t kind_index(EdgeKind kind) { return static_cast<std::size_t>(kind); }

bool source_kind_target_less(const Edge& a, const Edge& b) {
  return std::tie(a.source, a.kind, a.target) < std::tie(b.source, b.kind, b.target);
}

bool kind_target_less(const Edge& a, const Edge& b) { return std::tie(a.kind, a.target) < std::tie(b.kind, b.target); }

// One source's edges sorted by (kind, target), stably. A source has a handful of edges (a
// record's references), where insertion sort is the fastest there is.
void sort_out_edges(std::span<Edge> edges) {
  constexpr std::size_t insertion_sort_limit = 32;
  if (edges.size() > insertion_sort_limit) {
    std::stable_sort(edges.begin(), edges.end(), kind_target_less);
    return;
  }
  for (std::size_t i = 1; i < edges.size(); ++i) {
    const Edge moving = edges[i];
    std::size_t j = i;
    for (; j > 0 && kind_target_less(moving, edges[j - 1]); --j) edges[j] = edges[j - 1];
    edges[j] = moving;
  }
}

// Sorts the edges by (source, kind, target), stably, so that among duplicates the first one
// added comes first: a counting sort by source, O(E + V), then each source's few edges by
// (kind, target). The views add their edges in order already, so a check comes first.
void sort_edges(std::vector<Edge>& edges, std::size_t node_count) {
  if (std::is_sorted(edges.begin(), edges.end(), source_kind_target_less)) return;
  std::vector<EdgeId> next = bucket_offsets(edges.size(), node_count, [&](EdgeId e) { return edges[e].source; });
  const std::vector<EdgeId> offsets = next;
  std::vector<Edge> sorted(edges.size());
  for (const Edge& edge : edges) sorted[next[edge.source]++] = edge;
  for (std::size_t v = 0; v < node_count; ++v)
    sort_out_edges(std::span<Edge>(sorted).subspan(offsets[v], offsets[v + 1] - offsets[v]));
  edges.swap(sorted);
}

}  // namespace

GraphBuilder::GraphBuilder(std::shared_ptr<const std::vector<Record>> records)
    : slots_(initial_slot_count, Slot{no_vertex, 0}), records_(std::move(records)) {
  if (!records_) records_ = std::make_shared<const std::vector<Record>>();
}

// Linear probing: the slot holding (kind, id), or the free slot where it would go. The hash
// kept in each slot is compared first, so a node (and its id) is read for true matches only.
std::size_t GraphBuilder::slot_of(NodeKind kind, std::string_view id, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const Slot& at = slots_[slot];
    if (at.vertex == no_vertex || (at.hash == hash && nodes_[at.vertex].kind == kind && nodes_[at.vertex].id == id))
      return slot;
  }
}

void GraphBuilder::resize_slots(std::size_t count) {
  std::vector<Slot> old(count, Slot{no_vertex, 0});
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& moved : old) {
    if (moved.vertex == no_vertex) continue;
    std::size_t slot = moved.hash & mask;
    while (slots_[slot].vertex != no_vertex) slot = (slot + 1) & mask;
    slots_[slot] = moved;
  }
}

void GraphBuilder::reserve(std::size_t nodes, std::size_t edges) {
  nodes_.reserve(nodes);
  edges_.reserve(edges);
  std::size_t count = slots_.size();
  while (count < 2 * nodes) count *= 2;
  if (count > slots_.size()) resize_slots(count);
}

VertexId GraphBuilder::add_node(Node node) {
  const std::uint32_t hash = key_hash(node.kind, node.id);
  std::size_t slot = slot_of(node.kind, node.id, hash);
  if (slots_[slot].vertex != no_vertex) return slots_[slot].vertex;
  if (2 * (nodes_.size() + 1) > slots_.size()) {
    resize_slots(2 * slots_.size());
    slot = slot_of(node.kind, node.id, hash);
  }
  const auto v = static_cast<VertexId>(nodes_.size());
  slots_[slot] = {v, hash};
  nodes_.push_back(std::move(node));
  return v;
}

std::optional<VertexId> GraphBuilder::find(NodeKind kind, std::string_view id) const {
  const VertexId v = slots_[slot_of(kind, id, key_hash(kind, id))].vertex;
  if (v == no_vertex) return std::nullopt;
  return v;
}

void GraphBuilder::add_edge(VertexId source, VertexId target, EdgeKind kind, double weight) {
  edges_.push_back({source, target, kind, weight});
}

Graph GraphBuilder::finish() && {
  // The index is no longer needed; left empty, so a find() on the spent builder finds nothing.
  std::vector<Slot>(initial_slot_count, Slot{no_vertex, 0}).swap(slots_);
  // Policies first, then facilities, clusters, tags; each in byte order of id.
  const std::vector<VertexId> order = kind_id_order(
      nodes_.size(), [&](VertexId v) { return nodes_[v].kind; },
      [&](VertexId v) -> const std::string& { return nodes_[v].id; });
  std::vector<VertexId> new_id(nodes_.size());
  for (VertexId position = 0; position < order.size(); ++position) new_id[order[position]] = position;

  Graph graph;
  graph.records_ = std::move(records_);
  graph.nodes_.reserve(nodes_.size());
  for (VertexId old_id : order) graph.nodes_.push_back(std::move(nodes_[old_id]));
  std::vector<Node>().swap(nodes_);
  graph.policy_count_ = static_cast<std::size_t>(std::count_if(
      graph.nodes_.begin(), graph.nodes_.end(), [](const Node& n) { return n.kind == NodeKind::policy; }));

  for (auto& edge : edges_) {
    edge.source = new_id[edge.source];
    edge.target = new_id[edge.target];
  }
  sort_edges(edges_, graph.nodes_.size());
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
  auto source_of = [&](EdgeId e) { return merged[e].source; };
  auto target_of = [&](EdgeId e) { return merged[e].target; };
  graph.out_offsets_ = bucket_offsets(merged.size(), n, source_of);
  graph.out_list_ = all_edges(merged.size());
  // The edges are in (source, kind, target) order: sorted stably by kind and then by target,
  // each in-list is in (kind, source) order.
  graph.in_offsets_ = bucket_offsets(merged.size(), n, target_of);
  const std::vector<EdgeId> by_kind = stable_bucket_sort(all_edges(merged.size()), edge_kind_count,
                                                         [&](EdgeId e) { return kind_index(merged[e].kind); });
  graph.in_list_ = stable_bucket_sort(by_kind, n, target_of);
  return graph;
}

}  // namespace policygraph
