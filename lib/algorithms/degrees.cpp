// SPDX-License-Identifier: MIT
// Degrees on one kind of edge: on lineage edges, a policy's out-degree counts the policies it
// builds on (supersedes, consolidates, repeals, amends, implements) and its in-degree the
// policies that build on it; on `related_facility` edges, the facilities it governs.
#include "policygraph/influence.hpp"

namespace policygraph {

LineageDegrees lineage_degrees(const Graph& graph) {
  LineageDegrees degrees;
  degrees.in.assign(graph.node_count(), 0);
  degrees.out.assign(graph.node_count(), 0);
  for (const Edge& edge : graph.edges()) {
    if (!is_lineage(edge.kind)) continue;
    ++degrees.out[edge.source];
    ++degrees.in[edge.target];
  }
  return degrees;
}

std::vector<std::uint32_t> governed_facility_counts(const Graph& full) {
  std::vector<std::uint32_t> counts(full.policy_count(), 0);
  for (const Edge& edge : full.edges())
    if (edge.kind == EdgeKind::related_facility && edge.source < full.policy_count()) ++counts[edge.source];
  return counts;
}

}  // namespace policygraph
