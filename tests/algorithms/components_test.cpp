// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "algorithms/test_graphs.hpp"
#include "policygraph/communities.hpp"

namespace policygraph {
namespace {

using testing::SmallGraph;

//   a ◀── b        c ──▶ d ◀── e        f
//
// Direction is ignored: {a, b}, {c, d, e}, {f}; numbered by smallest vertex.
TEST(Components, WeakComponentsIgnoreDirection) {
  Graph graph = SmallGraph({"a", "b", "c", "d", "e", "f"})
                    .edge("b", "a", EdgeKind::supersedes, 3)
                    .edge("c", "d")
                    .edge("e", "d")
                    .finish();
  Partition components = weakly_connected_components(graph);
  EXPECT_EQ(components.of, (std::vector<std::uint32_t>{0, 0, 1, 1, 1, 2}));
  ASSERT_EQ(components.groups.size(), 3u);
  EXPECT_EQ(components.groups[0], (std::vector<VertexId>{0, 1}));
  EXPECT_EQ(components.groups[1], (std::vector<VertexId>{2, 3, 4}));
  EXPECT_EQ(components.groups[2], (std::vector<VertexId>{5}));
}

//   e ──▶ a    (a ring reached from its far end keeps members sorted)
//   a ──▶ c ──▶ e
TEST(Components, MembersAreSorted) {
  Graph graph = SmallGraph({"a", "b", "c", "d", "e"}).edge("e", "a").edge("a", "c").edge("c", "e").finish();
  Partition components = weakly_connected_components(graph);
  ASSERT_EQ(components.groups.size(), 3u);
  EXPECT_EQ(components.groups[0], (std::vector<VertexId>{0, 2, 4}));
  EXPECT_EQ(components.groups[1], (std::vector<VertexId>{1}));
  EXPECT_EQ(components.groups[2], (std::vector<VertexId>{3}));
}

//   a ──▶ a          a loop
//   b ──▶ c, b ──▶ c (another kind), c ──▶ b      parallel and reciprocal edges
//   d ──▶ [t] ◀── e   a tag node joins two policies; f alone
//
// {a}, {b, c}, {d, e, t}, {f}: numbered by smallest vertex (the tag, a later vertex,
// does not name its component).
TEST(Components, LoopsParallelEdgesAndOtherKindsOfNodes) {
  GraphBuilder builder;
  auto add = [&](NodeKind kind, const char* id) { return builder.add_node(testing::make_node(kind, id, id)); };
  const VertexId t = add(NodeKind::tag, "t");
  const VertexId a = add(NodeKind::policy, "a"), b = add(NodeKind::policy, "b"), c = add(NodeKind::policy, "c"),
                 d = add(NodeKind::policy, "d"), e = add(NodeKind::policy, "e");
  add(NodeKind::policy, "f");
  builder.add_edge(a, a, EdgeKind::related);
  builder.add_edge(b, c, EdgeKind::related);
  builder.add_edge(b, c, EdgeKind::supersedes);
  builder.add_edge(c, b, EdgeKind::related);
  builder.add_edge(d, t, EdgeKind::tagged);
  builder.add_edge(e, t, EdgeKind::tagged);
  Graph graph = std::move(builder).finish();  // policies a..f are vertices 0..5, the tag 6
  Partition components = weakly_connected_components(graph);
  EXPECT_EQ(components.of, (std::vector<std::uint32_t>{0, 1, 1, 2, 2, 3, 2}));
  EXPECT_EQ(components.groups, (std::vector<std::vector<VertexId>>{{0}, {1, 2}, {3, 4, 6}, {5}}));
}

// networkx.weakly_connected_components on the fixture graph, each sorted, sorted by first.
TEST(Components, MatchNetworkX) {
  Graph graph = testing::fixture_graph();
  const auto expected = testing::fixture().at("components").get<std::vector<std::vector<VertexId>>>();
  EXPECT_EQ(weakly_connected_components(graph).groups, expected);
}

//   p1 ──member_of──▶ [energy] ◀──member_of── f1 (facility)
//   p2 ──member_of──▶ [energy]
//   p2 ──member_of──▶ [water]
//   p3 ──tagged────▶ (tag)                     not a cluster
TEST(DeclaredClusters, ListsMembersByKey) {
  GraphBuilder builder;
  auto policy = [&](const char* id) { return builder.add_node(testing::make_node(NodeKind::policy, id, id)); };
  const VertexId p2 = policy("p2"), p1 = policy("p1"), p3 = policy("p3");
  const VertexId f1 = builder.add_node(testing::make_node(NodeKind::facility, "f1", "Plant"));
  const VertexId water = builder.add_node(testing::make_node(NodeKind::cluster, "water", "Water"));
  const VertexId energy = builder.add_node(testing::make_node(NodeKind::cluster, "energy", "Energy"));
  const VertexId tag = builder.add_node(testing::make_node(NodeKind::tag, "t", "t"));
  builder.add_edge(p2, water, EdgeKind::member_of);
  builder.add_edge(p2, energy, EdgeKind::member_of);
  builder.add_edge(p1, energy, EdgeKind::member_of);
  builder.add_edge(f1, energy, EdgeKind::member_of);
  builder.add_edge(p3, tag, EdgeKind::tagged);
  Graph graph = std::move(builder).finish();

  std::vector<DeclaredCluster> clusters = declared_clusters(graph);
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(graph.key(clusters[0].cluster), "cluster:energy");
  ASSERT_EQ(clusters[0].members.size(), 3u);
  EXPECT_EQ(graph.key(clusters[0].members[0]), "facility:f1");
  EXPECT_EQ(graph.key(clusters[0].members[1]), "policy:p1");
  EXPECT_EQ(graph.key(clusters[0].members[2]), "policy:p2");
  EXPECT_EQ(graph.key(clusters[1].cluster), "cluster:water");
  ASSERT_EQ(clusters[1].members.size(), 1u);
  EXPECT_EQ(graph.key(clusters[1].members[0]), "policy:p2");
}

}  // namespace
}  // namespace policygraph
