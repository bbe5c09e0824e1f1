// SPDX-License-Identifier: MIT
// Weakly connected components and declared clusters.
//
// Components: Boost's connected_components on the graph with edge direction ignored
// (bgl::Undirected walks each vertex's out- and in-edges, lib/graph/bgl.hpp). Its
// depth-first search starts a tree at each unvisited vertex in ascending order, so the
// components come out numbered by their smallest vertex, which is the canonical order of
// MODEL.md 5.12 (policy vertices are in byte order of their ids). O(V + E).
#include <algorithm>
#include <boost/graph/connected_components.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "algorithms/partition.hpp"
#include "graph/bgl.hpp"
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
  const bgl::Undirected undirected(graph);
  Partition partition;
  partition.of.assign(graph.node_count(), 0);
  const std::uint32_t count = boost::connected_components(
      undirected, boost::make_iterator_property_map(partition.of.begin(), get(boost::vertex_index, undirected)));
  // Members in ascending order: each group filled in vertex order, sized first.
  std::vector<std::size_t> sizes(count, 0);
  for (std::uint32_t component : partition.of) ++sizes[component];
  partition.groups.resize(count);
  for (std::uint32_t c = 0; c < count; ++c) partition.groups[c].reserve(sizes[c]);
  for (VertexId v : graph.vertices()) partition.groups[partition.of[v]].push_back(v);
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
