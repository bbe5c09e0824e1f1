// SPDX-License-Identifier: MIT
// The one place Boost.Graph types are named. Algorithms that use a Boost.Graph algorithm
// (Brandes betweenness, strong components, ...) build one of these adjacency lists from a
// Graph: vertex ids are the Graph's, each edge carries the id of the Graph edge it stands for.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include "policygraph/graph.hpp"

namespace policygraph::bgl {

struct EdgeProperties {
  EdgeId id = 0;
  double weight = 1.0;
};

using DirectedGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, EdgeProperties>;
using UndirectedGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, EdgeProperties>;

/// Every edge of `graph` accepted by `keep(edge)`, as a Boost graph on the same vertex ids.
template <typename BoostGraph, typename Keep>
BoostGraph to_boost(const Graph& graph, Keep keep) {
  BoostGraph result(graph.node_count());
  for (EdgeId e = 0; e < graph.edge_count(); ++e) {
    const Edge& edge = graph.edge(e);
    if (keep(edge)) boost::add_edge(edge.source, edge.target, EdgeProperties{e, edge.weight}, result);
  }
  return result;
}

/// The graph as undirected and simple: one edge per unordered pair of distinct vertices,
/// whatever the kinds or directions of the edges between them; self-loops dropped. This is
/// what "the undirected, unweighted view" means for betweenness (NetworkX's to_undirected).
UndirectedGraph to_simple_undirected(const Graph& graph);

}  // namespace policygraph::bgl
