// SPDX-License-Identifier: MIT
// Weakly connected components and declared clusters.
//
// Components: a breadth-first search over out- and in-edges together (edge direction
// ignored), started from each unvisited vertex in ascending order, so components come out
// numbered by their smallest vertex, which is the canonical order of MODEL.md 5.12 (policy
// vertices are in byte order of their ids). O(V + E).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "algorithms/partition.hpp"
#include "policygraph/communities.hpp"

namespace policygraph {
namespace detail {

Partition canonical_partition(const std::vector<std::uint32_t>& labels) {
  Partition partition;
  partition.of.resize(labels.size());
  std::unordered_map<std::uint32_t, std::uint32_t> number;
  for (std::size_t v = 0; v < labels.size(); ++v) {
    auto [it, inserted] = number.try_emplace(labels[v], static_cast<std::uint32_t>(partition.groups.size()));
    if (inserted) partition.groups.emplace_back();
    partition.of[v] = it->second;
    partition.groups[it->second].push_back(static_cast<VertexId>(v));
  }
  return partition;
}

}  // namespace detail

Partition weakly_connected_components(const Graph& graph) {
  const std::size_t n = graph.node_count();
  constexpr std::uint32_t unvisited = static_cast<std::uint32_t>(-1);
  Partition partition;
  partition.of.assign(n, unvisited);
  std::vector<VertexId> queue;
  queue.reserve(n);
  for (VertexId start = 0; start < n; ++start) {
    if (partition.of[start] != unvisited) continue;
    const auto component = static_cast<std::uint32_t>(partition.groups.size());
    queue.clear();
    queue.push_back(start);
    partition.of[start] = component;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const VertexId v = queue[head];
      auto reach = [&](VertexId w) {
        if (partition.of[w] != unvisited) return;
        partition.of[w] = component;
        queue.push_back(w);
      };
      for (EdgeId e : graph.out_edges(v)) reach(graph.edge(e).target);
      for (EdgeId e : graph.in_edges(v)) reach(graph.edge(e).source);
    }
    std::sort(queue.begin(), queue.end());
    partition.groups.push_back(queue);
  }
  return partition;
}

std::vector<DeclaredCluster> declared_clusters(const Graph& full) {
  std::vector<DeclaredCluster> clusters;
  for (VertexId v : full.vertices()) {
    if (full.node(v).kind != NodeKind::cluster) continue;
    DeclaredCluster cluster{.cluster = v, .members = {}};
    for (EdgeId e : full.in_edges(v)) {
      if (full.edge(e).kind == EdgeKind::member_of) cluster.members.push_back(full.edge(e).source);
    }
    // Key order (`<kind>:<id>`): facilities before policies, then by id. Compared without
    // building the key strings.
    std::sort(cluster.members.begin(), cluster.members.end(), [&](VertexId a, VertexId b) {
      const Node& x = full.node(a);
      const Node& y = full.node(b);
      if (x.kind != y.kind) return to_string(x.kind) < to_string(y.kind);
      return x.id < y.id;
    });
    cluster.members.erase(std::unique(cluster.members.begin(), cluster.members.end()), cluster.members.end());
    clusters.push_back(std::move(cluster));
  }
  std::sort(clusters.begin(), clusters.end(), [&](const DeclaredCluster& a, const DeclaredCluster& b) {
    return full.node(a.cluster).id < full.node(b.cluster).id;
  });
  return clusters;
}

}  // namespace policygraph
