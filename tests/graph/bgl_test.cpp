// SPDX-License-Identifier: MIT
// The Boost.Graph adapters of lib/graph/bgl.hpp: Boost's own accessors and algorithms see
// the Graph's vertices and edges as they are, filtered by kind, or reversed.
#include <gtest/gtest.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <string>
#include <vector>

#include "graph/bgl.hpp"

namespace policygraph {
namespace {

BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<bgl::Csr>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<bgl::Csr>));

//   c --supersedes--> b --amends--> a        (newer --> older)
//   c --related-----> a
//   b --tagged------> [t]                    the tag node comes after the policies
//   a --related-----> a                      a loop
Graph small_graph() {
  GraphBuilder builder;
  auto add = [&](NodeKind kind, const char* id) {
    Node node;
    node.kind = kind;
    node.id = id;
    node.label = id;
    return builder.add_node(node);
  };
  const VertexId a = add(NodeKind::policy, "a"), b = add(NodeKind::policy, "b"), c = add(NodeKind::policy, "c");
  const VertexId t = add(NodeKind::tag, "t");
  builder.add_edge(c, b, EdgeKind::supersedes);
  builder.add_edge(b, a, EdgeKind::amends);
  builder.add_edge(c, a, EdgeKind::related);
  builder.add_edge(b, t, EdgeKind::tagged);
  builder.add_edge(a, a, EdgeKind::related);
  return std::move(builder).finish();
}

// "source>target" of each edge e that `edges` yields, in order.
template <typename BoostGraph, typename Range>
std::vector<std::string> ends(const Graph& graph, const BoostGraph& g, Range edges) {
  using boost::source, boost::target;
  std::vector<std::string> result;
  for (auto it = edges.first; it != edges.second; ++it)
    result.push_back(graph.node(source(*it, g)).id + ">" + graph.node(target(*it, g)).id);
  return result;
}

using Strings = std::vector<std::string>;

TEST(Bgl, CsrIsTheGraphsOwnAdjacency) {
  const Graph graph = small_graph();
  const bgl::Csr csr(graph);
  EXPECT_EQ(num_vertices(csr), 4u);
  const VertexId b = *graph.find(NodeKind::policy, "b");
  EXPECT_EQ(ends(graph, csr, out_edges(b, csr)), (Strings{"b>t", "b>a"}));  // by kind: tagged before amends
  EXPECT_EQ(ends(graph, csr, in_edges(b, csr)), (Strings{"c>b"}));
  EXPECT_EQ(out_edges(b, csr).first, graph.out_edges(b).data());  // not a copy
  EXPECT_EQ(out_degree(b, csr), 2u);
  EXPECT_EQ(in_degree(b, csr), 1u);
  // The policies alone: a prefix of the vertices.
  EXPECT_EQ(num_vertices(bgl::Csr(graph, graph.policy_count())), 3u);
}

TEST(Bgl, KindGraphKeepsTheKindsAskedAndReverses) {
  const Graph graph = small_graph();
  const bgl::Csr csr(graph);
  const bgl::KindGraph lineage = bgl::kind_graph(csr, bgl::KindSet(is_lineage));
  const VertexId a = *graph.find(NodeKind::policy, "a"), b = *graph.find(NodeKind::policy, "b");
  EXPECT_EQ(ends(graph, lineage, boost::out_edges(b, lineage)), (Strings{"b>a"}));
  EXPECT_EQ(ends(graph, lineage, boost::in_edges(a, lineage)), (Strings{"b>a"}));  // not c's related edge, nor the loop
  const auto later = boost::make_reverse_graph(lineage);
  EXPECT_EQ(ends(graph, later, boost::out_edges(a, later)), (Strings{"a>b"}));

  // A prefix drops the edges that leave it, whatever their kind.
  bgl::KindSet tagged;
  tagged.insert(EdgeKind::tagged);
  const bgl::Csr policies(graph, graph.policy_count());
  EXPECT_EQ(ends(graph, csr, boost::out_edges(b, bgl::kind_graph(csr, tagged))), (Strings{"b>t"}));
  EXPECT_EQ(ends(graph, csr, boost::out_edges(b, bgl::kind_graph(policies, tagged))), Strings{});

  // Boost's breadth-first search on it: the successors of a, older to newer.
  std::vector<int> distance(graph.node_count(), -1);
  distance[a] = 0;
  boost::breadth_first_search(
      later, a,
      boost::visitor(boost::make_bfs_visitor(boost::record_distances(distance.data(), boost::on_tree_edge()))));
  EXPECT_EQ(distance, (std::vector<int>{0, 1, 2, -1}));  // a, b, c, and the tag never
}

}  // namespace
}  // namespace policygraph
