// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "policygraph/graph.hpp"

namespace policygraph {
namespace {

Node node(NodeKind kind, std::string id, std::string label) {
  Node result;
  result.kind = kind;
  result.id = std::move(id);
  result.label = std::move(label);
  return result;
}
Node policy(std::string id) { return node(NodeKind::policy, id, id); }

TEST(GraphBuilder, PoliciesComeFirstInIdOrder) {
  GraphBuilder builder;
  builder.add_node(node(NodeKind::tag, "ccs", "CCS"));
  builder.add_node(policy("b"));
  builder.add_node(node(NodeKind::facility, "a", "Plant"));
  builder.add_node(policy("a"));
  Graph graph = std::move(builder).finish();
  ASSERT_EQ(graph.node_count(), 4u);
  EXPECT_EQ(graph.policy_count(), 2u);
  EXPECT_EQ(graph.key(0), "policy:a");
  EXPECT_EQ(graph.key(1), "policy:b");
  EXPECT_EQ(graph.key(2), "facility:a");
  EXPECT_EQ(graph.key(3), "tag:ccs");
  EXPECT_EQ(graph.find(NodeKind::facility, "a"), VertexId{2});
  EXPECT_FALSE(graph.find(NodeKind::cluster, "a"));
}

TEST(GraphBuilder, SameKeyIsOneNode) {
  GraphBuilder builder;
  auto first = builder.add_node(policy("x"));
  auto second = builder.add_node(node(NodeKind::policy, "x", "other"));
  EXPECT_EQ(first, second);
  EXPECT_EQ(std::move(builder).finish().node(0).label, "x");
}

//   c --supersedes--> b --supersedes--> a      (stated twice: one edge)
//   c --tagged------> t
TEST(GraphBuilder, DuplicateEdgesMergeAndAdjacencyIsSorted) {
  GraphBuilder builder;
  auto a = builder.add_node(policy("a"));
  auto b = builder.add_node(policy("b"));
  auto c = builder.add_node(policy("c"));
  auto t = builder.add_node(node(NodeKind::tag, "t", "t"));
  builder.add_edge(c, t, EdgeKind::tagged);
  builder.add_edge(c, b, EdgeKind::supersedes, 3);
  builder.add_edge(b, a, EdgeKind::supersedes, 3);
  builder.add_edge(c, b, EdgeKind::supersedes, 5);
  Graph graph = std::move(builder).finish();
  ASSERT_EQ(graph.edge_count(), 3u);
  auto out = graph.out_edges(2);  // c
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(graph.edge(out[0]).kind, EdgeKind::supersedes);
  EXPECT_EQ(graph.edge(out[0]).target, 1u);
  EXPECT_EQ(graph.edge(out[0]).weight, 3.0);  // the first statement's weight is kept
  EXPECT_EQ(graph.edge(out[1]).kind, EdgeKind::tagged);
  auto in = graph.in_edges(1);  // b
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(graph.edge(in[0]).source, 2u);
  EXPECT_TRUE(graph.in_edges(2).empty());
}

TEST(GraphBuilder, AccumulatedWeightsAddUp) {
  GraphBuilder builder;
  builder.set_accumulate_weights(true);
  auto a = builder.add_node(policy("a"));
  auto b = builder.add_node(policy("b"));
  builder.add_edge(a, b, EdgeKind::related, 1.0);
  builder.add_edge(a, b, EdgeKind::related, 0.1);
  Graph graph = std::move(builder).finish();
  ASSERT_EQ(graph.edge_count(), 1u);
  EXPECT_DOUBLE_EQ(graph.edge(0).weight, 1.1);
}

}  // namespace
}  // namespace policygraph
