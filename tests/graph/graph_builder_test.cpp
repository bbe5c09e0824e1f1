// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

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

// Byte order, as std::string compares: é (C3 A9) after z (7A), which a comparison of
// signed chars would put first.
TEST(GraphBuilder, IdsSortInUnsignedByteOrder) {
  GraphBuilder builder;
  builder.add_node(policy("\xC3\xA9t\xC3\xA9"));
  builder.add_node(policy("z"));
  builder.add_node(policy("\xC3\xA9"));
  builder.add_node(policy("a"));
  Graph graph = std::move(builder).finish();
  ASSERT_EQ(graph.node_count(), 4u);
  EXPECT_EQ(graph.node(0).id, "a");
  EXPECT_EQ(graph.node(1).id, "z");
  EXPECT_EQ(graph.node(2).id, "\xC3\xA9");
  EXPECT_EQ(graph.node(3).id, "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(graph.find(NodeKind::policy, "\xC3\xA9"), VertexId{2});
  EXPECT_FALSE(graph.find(NodeKind::policy, "\xC3"));
}

// Enough nodes to make the builder's index grow several times, the same ids under every
// kind, added out of order: each (kind, id) is found, before and after finish().
TEST(GraphBuilder, ManyNodesAreFoundByKindAndId) {
  const NodeKind kinds[] = {NodeKind::tag, NodeKind::policy, NodeKind::cluster, NodeKind::facility};
  GraphBuilder builder;
  for (int i = 999; i >= 0; --i)
    for (NodeKind kind : kinds) builder.add_node(node(kind, "id-" + std::to_string(i), "x"));
  for (int i = 0; i < 1000; ++i)
    for (NodeKind kind : kinds) {
      auto found = builder.find(kind, "id-" + std::to_string(i));
      ASSERT_TRUE(found);
      EXPECT_EQ(builder.node(*found).kind, kind);
      EXPECT_EQ(builder.node(*found).id, "id-" + std::to_string(i));
    }
  EXPECT_FALSE(builder.find(NodeKind::policy, "id-1000"));
  EXPECT_EQ(builder.add_node(node(NodeKind::tag, "id-999", "again")), VertexId{0});

  Graph graph = std::move(builder).finish();
  ASSERT_EQ(graph.node_count(), 4000u);
  EXPECT_EQ(graph.policy_count(), 1000u);
  for (VertexId v : graph.vertices()) {
    if (v > 0) {
      const Node& before = graph.node(v - 1);
      const Node& after = graph.node(v);
      EXPECT_TRUE(before.kind < after.kind || (before.kind == after.kind && before.id < after.id)) << v;
    }
    EXPECT_EQ(graph.find(graph.node(v).kind, graph.node(v).id), v);
  }
  EXPECT_FALSE(graph.find(NodeKind::cluster, "id-1000"));
  EXPECT_FALSE(graph.find(NodeKind::cluster, ""));
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

//   b, c, d --supersedes--> a      a --supersedes--> d
//   b, d ----related------> a      (d's stated twice, weights 5 then 7)
//   a --member_of--> k             a, b --tagged--> t
// added in no particular order: out-lists by (kind, target), in-lists by (kind, source).
TEST(GraphBuilder, AdjacencyIsInKindThenOtherEndOrder) {
  GraphBuilder builder;
  auto t = builder.add_node(node(NodeKind::tag, "t", "t"));
  auto d = builder.add_node(policy("d"));
  auto a = builder.add_node(policy("a"));
  auto k = builder.add_node(node(NodeKind::cluster, "k", "k"));
  auto c = builder.add_node(policy("c"));
  auto b = builder.add_node(policy("b"));
  builder.add_edge(d, a, EdgeKind::related, 5);
  builder.add_edge(a, t, EdgeKind::tagged);
  builder.add_edge(c, a, EdgeKind::supersedes);
  builder.add_edge(b, a, EdgeKind::related);
  builder.add_edge(a, d, EdgeKind::supersedes);
  builder.add_edge(b, t, EdgeKind::tagged);
  builder.add_edge(a, k, EdgeKind::member_of);
  builder.add_edge(d, a, EdgeKind::supersedes);
  builder.add_edge(d, a, EdgeKind::related, 7);
  builder.add_edge(b, a, EdgeKind::supersedes);
  Graph graph = std::move(builder).finish();
  ASSERT_EQ(graph.edge_count(), 9u);
  auto ends = [&](std::span<const EdgeId> edges, bool sources) {
    std::vector<std::string> result;
    for (EdgeId e : edges) {
      const Edge& edge = graph.edge(e);
      result.push_back(std::string(to_string(edge.kind)) + " " + graph.key(sources ? edge.source : edge.target));
    }
    return result;
  };
  const VertexId va = *graph.find(NodeKind::policy, "a");
  EXPECT_EQ(ends(graph.out_edges(va), false),
            (std::vector<std::string>{"supersedes policy:d", "member_of cluster:k", "tagged tag:t"}));
  EXPECT_EQ(ends(graph.in_edges(va), true),
            (std::vector<std::string>{"supersedes policy:b", "supersedes policy:c", "supersedes policy:d",
                                      "related policy:b", "related policy:d"}));
  const VertexId vd = *graph.find(NodeKind::policy, "d");
  EXPECT_EQ(ends(graph.out_edges(vd), false), (std::vector<std::string>{"supersedes policy:a", "related policy:a"}));
  EXPECT_EQ(graph.edge(graph.out_edges(vd)[1]).weight, 5.0);  // the first statement's weight is kept
  EXPECT_EQ(ends(graph.in_edges(*graph.find(NodeKind::tag, "t")), true),
            (std::vector<std::string>{"tagged policy:a", "tagged policy:b"}));
}

// A source with more edges than a record usually states (a hub of a policy view, say):
// 40 targets, each named twice in a scrambled order, both kinds, merged into 80 edges in
// (kind, target) order that keep the weight of the first statement.
TEST(GraphBuilder, ManyEdgesOfOneSourceSortAndMergeStably) {
  GraphBuilder builder;
  std::vector<VertexId> targets;
  for (int i = 0; i < 40; ++i) targets.push_back(builder.add_node(policy("t" + std::to_string(100 + i))));
  const VertexId hub = builder.add_node(policy("hub"));
  for (int statement = 0; statement < 2; ++statement)
    for (int step = 0; step < 40; ++step) {
      const int i = (step * 17) % 40;  // 17 is prime to 40: every target once, out of order
      builder.add_edge(hub, targets[i], EdgeKind::related, 1.0 + statement);
      builder.add_edge(hub, targets[i], EdgeKind::supersedes, 1.0 + statement);
    }
  Graph graph = std::move(builder).finish();
  const VertexId v = *graph.find(NodeKind::policy, "hub");
  const auto out = graph.out_edges(v);
  ASSERT_EQ(out.size(), 80u);
  for (std::size_t k = 0; k < out.size(); ++k) {
    const Edge& edge = graph.edge(out[k]);
    EXPECT_EQ(edge.kind, k < 40 ? EdgeKind::supersedes : EdgeKind::related) << k;
    EXPECT_EQ(graph.node(edge.target).id, "t" + std::to_string(100 + k % 40)) << k;
    EXPECT_EQ(edge.weight, 1.0) << k;  // the first statement's
  }
}

TEST(GraphBuilder, KeyWrittenIntoABufferIsTheKey) {
  GraphBuilder builder;
  builder.add_node(node(NodeKind::tag, "carbon pricing", "Carbon pricing"));
  builder.add_node(policy("a-rather-long-policy-id-2024"));
  Graph graph = std::move(builder).finish();
  std::string buffer = "left over from before";
  for (VertexId v : graph.vertices()) {
    EXPECT_EQ(graph.key(v, buffer), graph.key(v));
    EXPECT_EQ(buffer, graph.key(v));
  }
  EXPECT_EQ(graph.key(0), "policy:a-rather-long-policy-id-2024");
  EXPECT_EQ(graph.key(1, buffer), "tag:carbon pricing");
}

// reserve() is a hint: the graph is the same with or without it.
TEST(GraphBuilder, ReserveChangesNothing) {
  auto build = [](bool reserve) {
    GraphBuilder builder;
    if (reserve) builder.reserve(100, 100);
    auto b = builder.add_node(policy("b"));
    auto a = builder.add_node(policy("a"));
    builder.add_edge(b, a, EdgeKind::supersedes);
    return std::move(builder).finish();
  };
  Graph reserved = build(true);
  Graph plain = build(false);
  ASSERT_EQ(reserved.node_count(), plain.node_count());
  ASSERT_EQ(reserved.edge_count(), 1u);
  EXPECT_EQ(reserved.key(0), plain.key(0));
  EXPECT_EQ(reserved.edge(0).source, plain.edge(0).source);
  EXPECT_EQ(reserved.edge(0).target, plain.edge(0).target);
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

// A large graph (30,000 nodes of four kinds, 90,000 edges from few sources, many stated
// more than once) checked against the rules computed plainly: nodes in (kind, id) order;
// one edge per (source, kind, target), its weights summed; out-lists in (kind, target)
// order, in-lists in (kind, source) order; every edge in one list of each.
TEST(GraphBuilder, ALargeGraphFollowsTheRules) {
  GraphBuilder builder;
  builder.set_accumulate_weights(true);
  const std::vector<NodeKind> kinds = {NodeKind::tag, NodeKind::policy, NodeKind::cluster, NodeKind::facility};
  std::mt19937 random(5);
  std::vector<VertexId> added;
  std::vector<std::string> key_of_added;
  for (int i = 0; i < 30'000; ++i) {
    const NodeKind kind = kinds[random() % kinds.size()];
    const std::string id = "n" + std::to_string(random() % 1'000'000);
    added.push_back(builder.add_node(node(kind, id, id)));
    key_of_added.push_back(std::string(to_string(kind)) + ":" + id);
  }
  std::map<std::tuple<std::string, EdgeKind, std::string>, double> expected;  // by keys
  const std::vector<EdgeKind> edge_kinds = {EdgeKind::supersedes, EdgeKind::related, EdgeKind::tagged};
  for (int i = 0; i < 90'000; ++i) {
    const std::size_t from = random() % (added.size() / 8);  // few sources: duplicates and long lists
    const std::size_t to = random() % added.size();
    const EdgeKind kind = edge_kinds[random() % edge_kinds.size()];
    const double weight = 1.0 + static_cast<double>(random() % 4);
    builder.add_edge(added[from], added[to], kind, weight);
    expected[{key_of_added[from], kind, key_of_added[to]}] += weight;
  }
  Graph graph = std::move(builder).finish();

  for (VertexId v = 1; v < graph.node_count(); ++v) {
    const Node& before = graph.node(v - 1);
    const Node& node = graph.node(v);
    ASSERT_TRUE(before.kind < node.kind || (before.kind == node.kind && before.id < node.id)) << v;
  }
  ASSERT_EQ(graph.edge_count(), expected.size());
  for (EdgeId e = 0; e < graph.edge_count(); ++e) {
    const Edge& edge = graph.edge(e);
    const auto found = expected.find({graph.key(edge.source), edge.kind, graph.key(edge.target)});
    ASSERT_NE(found, expected.end()) << e;
    EXPECT_DOUBLE_EQ(edge.weight, found->second) << e;
  }
  std::size_t out_total = 0;
  std::size_t in_total = 0;
  for (VertexId v = 0; v < graph.node_count(); ++v) {
    const auto out = graph.out_edges(v);
    const auto in = graph.in_edges(v);
    out_total += out.size();
    in_total += in.size();
    for (std::size_t k = 0; k < out.size(); ++k) {
      ASSERT_EQ(graph.edge(out[k]).source, v);
      if (k > 0) {
        ASSERT_LT(std::tie(graph.edge(out[k - 1]).kind, graph.edge(out[k - 1]).target),
                  std::tie(graph.edge(out[k]).kind, graph.edge(out[k]).target));
      }
    }
    for (std::size_t k = 0; k < in.size(); ++k) {
      ASSERT_EQ(graph.edge(in[k]).target, v);
      if (k > 0) {
        ASSERT_LT(std::tie(graph.edge(in[k - 1]).kind, graph.edge(in[k - 1]).source),
                  std::tie(graph.edge(in[k]).kind, graph.edge(in[k]).source));
      }
    }
  }
  EXPECT_EQ(out_total, graph.edge_count());
  EXPECT_EQ(in_total, graph.edge_count());
  EXPECT_EQ(graph.policy_count(),
            static_cast<std::size_t>(std::count_if(graph.vertices().begin(), graph.vertices().end(), [&](VertexId v) {
              return graph.node(v).kind == NodeKind::policy;
            })));
}

}  // namespace
}  // namespace policygraph
