// SPDX-License-Identifier: MIT
// How many later policies build on each policy (lineage_descendant_counts in influence.hpp):
// the size of the set reached by walking incoming lineage edges, newer policy by newer policy.
//
// Counting the reach of every vertex of a DAG exactly has no known algorithm much faster than
// one walk per vertex (the transitive closure's size), so that is what this does, with one
// visit stamp per policy instead of a cleared set per walk. Lineages are short (a line of
// legislation has tens of versions, not thousands), so the walks are too.
#include "policygraph/influence.hpp"

namespace policygraph {

std::vector<std::uint32_t> lineage_descendant_counts(const Graph& graph) {
  const std::size_t policy_count = graph.policy_count();
  std::vector<std::uint32_t> counts(policy_count, 0);
  std::vector<VertexId> stamp(policy_count, 0);  // last walk (1-based) that reached the policy
  std::vector<VertexId> frontier;
  for (VertexId root : graph.policies()) {
    const VertexId walk = root + 1;
    stamp[root] = walk;  // the root is not its own descendant, even on a cycle
    frontier.assign(1, root);
    while (!frontier.empty()) {
      const VertexId v = frontier.back();
      frontier.pop_back();
      for (EdgeId e : graph.in_edges(v)) {
        const Edge& edge = graph.edge(e);
        if (!is_lineage(edge.kind) || edge.source >= policy_count || stamp[edge.source] == walk) continue;
        stamp[edge.source] = walk;
        ++counts[root];
        frontier.push_back(edge.source);
      }
    }
  }
  return counts;
}

}  // namespace policygraph
