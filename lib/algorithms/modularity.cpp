// SPDX-License-Identifier: MIT
// Modularity (Newman & Girvan, Phys. Rev. E 69, 026113, 2004; with the resolution γ of
// Reichardt & Bornholdt 2006) of a partition of the graph taken as undirected and weighted,
// term for term as networkx.community.modularity computes it on an undirected graph:
//
//   Q = Σ_c [ L_c / m − γ · d_c² / (2m)² ]
//
// with m the total edge weight (a loop counted once), L_c the weight of the edges inside c
// (a loop once), d_c the summed weighted degree of c's vertices (a loop twice, as NetworkX's
// `G.degree` counts it). The undirected weight of {u, v} is w(u→v) + w(v→u). O(V + E).
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "algorithms/undirected.hpp"
#include "policygraph/communities.hpp"

namespace policygraph {

double modularity(const Graph& graph, const std::vector<std::uint32_t>& group_of, double resolution) {
  if (group_of.size() != graph.node_count()) {
    throw std::invalid_argument("modularity: the partition has " + std::to_string(group_of.size()) + " entries for " +
                                std::to_string(graph.node_count()) + " vertices");
  }
  const detail::UndirectedCsr csr = detail::weighted_undirected(graph);
  const std::size_t n = csr.vertex_count();

  // Groups may carry any labels: number them densely first.
  std::unordered_map<std::uint32_t, std::uint32_t> dense;
  std::vector<std::uint32_t> group(n);
  for (std::size_t v = 0; v < n; ++v) {
    group[v] = dense.try_emplace(group_of[v], static_cast<std::uint32_t>(dense.size())).first->second;
  }
  std::vector<double> inside(dense.size(), 0.0), degree(dense.size(), 0.0);
  double degree_sum = 0.0;
  for (VertexId v = 0; v < n; ++v) {
    const auto neighbours = csr.neighbours_of(v);
    const auto weights = csr.weights_of(v);
    double d = 2.0 * csr.self_loop[v];
    inside[group[v]] += csr.self_loop[v];
    for (std::size_t i = 0; i < neighbours.size(); ++i) {
      d += weights[i];
      // Each pair is stored at both ends: count the inside weight from the smaller end.
      if (v < neighbours[i] && group[neighbours[i]] == group[v]) inside[group[v]] += weights[i];
    }
    degree[group[v]] += d;
    degree_sum += d;
  }
  if (degree_sum == 0.0) return 0.0;  // no edges: NetworkX divides by zero; we say 0
  const double m = degree_sum / 2.0;
  const double norm = 1.0 / (degree_sum * degree_sum);
  double q = 0.0;
  for (std::size_t c = 0; c < inside.size(); ++c) q += inside[c] / m - resolution * degree[c] * degree[c] * norm;
  return q;
}

}  // namespace policygraph
