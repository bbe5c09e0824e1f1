// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "policygraph/date.hpp"
#include "policygraph/evolution.hpp"
#include "policygraph/graph.hpp"

namespace policygraph {

/// The queries of MODEL.md section 3 on the lineage edges (the five relations of section 7)
/// of a graph (the full graph or its lineage view). A lineage edge points from the newer
/// policy to the older. `replaced_by` and `current` follow succession only (`supersedes`,
/// `consolidates`): an amended act is not replaced. `lineage` follows every relation. Every
/// query terminates on cycles. (in_force and the other answers of section 7 are in
/// evolution.hpp.)

struct ReplacedBy {
  VertexId policy = 0;
  std::vector<VertexId> successors;  ///< direct successors, sorted by id
  /// Policies in the terminal strongly connected components of the successor graph
  /// reachable from `policy` (MODEL.md 5.8); on a DAG, the reachable policies with no
  /// successor. `policy` itself when it has none. Sorted by id.
  std::vector<VertexId> current;
};

/// Direct successors and current versions: Boost.Graph's breadth_first_visit along the
/// succession edges, then its strong_components on the part reached. O(V + E) in the part
/// of the graph reached.
ReplacedBy replaced_by(const Graph& graph, VertexId policy);

struct LineageMember {
  VertexId policy = 0;
  /// 0 for the policy asked about; -k for a predecessor k lineage edges back, +k for a
  /// successor k edges on (the shortest such path where several exist).
  int generation = 0;
};

struct Lineage {
  VertexId policy = 0;
  /// The policy, its ancestors and its descendants, ordered by date (undated last), then
  /// generation, then id.
  std::vector<LineageMember> members;
  std::vector<EdgeId> edges;  ///< the lineage edges between members
};

/// Every ancestor and descendant of `policy` along lineage edges of every kind: two of
/// Boost.Graph's breadth_first_visit, one each way. O(V + E) in the part reached.
Lineage lineage(const Graph& graph, VertexId policy);

/// The same along the lineage edges of the given kinds only (`lineage X --kind amends`: the
/// acts that amend X, those that amend them, ...); empty `kinds` follows every relation.
/// Kinds that are not lineage kinds are never followed.
Lineage lineage(const Graph& graph, VertexId policy, const std::vector<EdgeKind>& kinds);

/// The strongly connected components of more than one policy on lineage edges, each
/// sorted by id, in order of their smallest id (MODEL.md 5.9). Boost.Graph's
/// strong_components (Tarjan), O(V + E).
std::vector<std::vector<VertexId>> lineage_cycles(const Graph& graph);

/// One error per lineage cycle (MODEL.md 5.9), naming all its policies and their files,
/// placed at the first lineage reference of the cycle's first described policy that leads
/// to another member. build_graph calls it; O(V + E).
void lineage_diagnostics(const Graph& graph, Diagnostics& diagnostics);

}  // namespace policygraph
