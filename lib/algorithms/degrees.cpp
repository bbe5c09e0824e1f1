// SPDX-License-Identifier: MIT
// Degrees on lineage edges only: a policy's out-degree counts the policies it supersedes
// or consolidates, its in-degree the policies that supersede or consolidate it.
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

}  // namespace policygraph
