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
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "algorithms/modularity_of.hpp"
#include "algorithms/undirected.hpp"
#include "policygraph/communities.hpp"

namespace policygraph {

double modularity(const Graph& graph, const std::vector<std::uint32_t>& group_of, double resolution) {
  if (group_of.size() != graph.node_count()) {
    throw std::invalid_argument("modularity: the partition has " + std::to_string(group_of.size()) + " entries for " +
                                std::to_string(graph.node_count()) + " vertices");
  }
  return detail::modularity_of(detail::weighted_undirected(graph), group_of, resolution);
}

}  // namespace policygraph
