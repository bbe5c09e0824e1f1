// SPDX-License-Identifier: MIT
// The graph taken as undirected, in compressed (CSR) form, for the algorithms that ignore
// edge direction: betweenness (simple, unweighted), Louvain and modularity (weighted,
// both directions summed), weakly connected components. Private to lib/algorithms/.
//
// Built in O(V + E) from the Graph's own in/out spans with a dense accumulator and a
// touched list, so no edge list is sorted. Neighbours of a vertex appear in the order they
// are first met: its out-edges (sorted by kind, then target), then its in-edges.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "policygraph/graph.hpp"

namespace policygraph::detail {

/// One entry per unordered pair {u, v} of distinct adjacent vertices, stored at both ends;
/// self-loops are kept apart in `self_loop`.
struct UndirectedCsr {
  std::vector<std::size_t> offsets;  ///< size V + 1
  std::vector<VertexId> neighbours;  ///< size 2 × (pairs)
  std::vector<double> weights;       ///< parallel to `neighbours`; empty when unweighted
  std::vector<double> self_loop;     ///< summed weight of the loops at v; empty when unweighted

  std::size_t vertex_count() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::span<const VertexId> neighbours_of(VertexId v) const {
    return {neighbours.data() + offsets[v], neighbours.data() + offsets[v + 1]};
  }
  std::span<const double> weights_of(VertexId v) const {
    return {weights.data() + offsets[v], weights.data() + offsets[v + 1]};
  }
};

/// NetworkX's `G.to_undirected()` without weights: one neighbour entry per adjacent pair
/// whatever the kinds and directions of the edges between them; self-loops dropped.
UndirectedCsr simple_undirected(const Graph& graph);

/// The weighted undirected graph of MODEL.md section 3 ("clusters"): the weight of {u, v}
/// is the sum of the weights of every edge u→v and v→u; a loop v→v adds its weight once to
/// `self_loop[v]` (NetworkX then counts it twice in v's degree).
UndirectedCsr weighted_undirected(const Graph& graph);

}  // namespace policygraph::detail
