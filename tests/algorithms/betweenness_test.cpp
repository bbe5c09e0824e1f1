// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "algorithms/test_graphs.hpp"
#include "policygraph/influence.hpp"

namespace policygraph {
namespace {

using testing::SmallGraph;
using testing::two_cliques;

//        l1
//        |
//   l4 - h - l2
//        |
//        l3
//
// Every pair of leaves (6 of them) has its one shortest path through h; normalised by
// (n−1)(n−2)/2 = 6 pairs, h scores 1 and the leaves 0.
TEST(Betweenness, StarCentreLiesOnEveryPath) {
  Graph graph = SmallGraph({"h", "l1", "l2", "l3", "l4"})
                    .both("h", "l1")
                    .both("h", "l2")
                    .both("h", "l3")
                    .both("h", "l4")
                    .finish();
  BetweennessResult result = betweenness(graph);
  EXPECT_FALSE(result.sampled);
  EXPECT_EQ(result.sources, 5u);
  EXPECT_DOUBLE_EQ(result.scores[0], 1.0);
  for (VertexId leaf = 1; leaf <= 4; ++leaf) EXPECT_EQ(result.scores[leaf], 0.0);
}

//   a1 ─ a2        b1 ─ b2
//   │ ╲╱ │        │ ╲╱ │        two 4-cliques; a4 ─ b1 is the bridge
//   │ ╱╲ │        │ ╱╲ │
//   a3 ─ a4 ────── b1   (b1..b4 drawn likewise)
//
// a4 is on every shortest path from {a1, a2, a3} to {b1 .. b4}: 12 of the 28 pairs of
// 8 vertices; normalised by (n−1)(n−2)/2 = 21, that is 12/21 = 4/7. So is b1, by symmetry.
TEST(Betweenness, BridgeEndsOfTwoCliques) {
  const Graph graph = two_cliques();
  BetweennessResult result = betweenness(graph);
  for (VertexId v = 0; v < 8; ++v) {
    const bool bridge_end = v == 3 || v == 4;
    EXPECT_NEAR(result.scores[v], bridge_end ? 4.0 / 7.0 : 0.0, 1e-15) << "vertex " << v;
  }
}

//   c ──supersedes──▶ b ──supersedes──▶ a      and a related pair b ↔ c
//
// Direction, kinds and weights are ignored: the path c ─ b ─ a is what counts, b is on the
// only (a, c) path: 1 pair of (n−1)(n−2)/2 = 1.
TEST(Betweenness, IgnoresDirectionKindAndWeight) {
  Graph graph = SmallGraph({"a", "b", "c"})
                    .edge("c", "b", EdgeKind::supersedes, 3)
                    .edge("b", "a", EdgeKind::supersedes, 3)
                    .both("b", "c", 2)
                    .finish();
  BetweennessResult result = betweenness(graph);
  EXPECT_EQ(result.scores[0], 0.0);
  EXPECT_EQ(result.scores[1], 1.0);
  EXPECT_EQ(result.scores[2], 0.0);
}

//   a ─ b ─ d        two shortest a–d paths: each of b and c carries half
//    ╲ ╱ (via c)
//     c
TEST(Betweenness, SplitsBetweenEqualPaths) {
  Graph graph = SmallGraph({"a", "b", "c", "d"}).both("a", "b").both("a", "c").both("b", "d").both("c", "d").finish();
  BetweennessResult result = betweenness(graph);
  // Each of b, c is on half of the (a, d) paths: 0.5 / ((n−1)(n−2)/2 = 3).
  EXPECT_NEAR(result.scores[1], 0.5 / 3, 1e-15);
  EXPECT_NEAR(result.scores[2], 0.5 / 3, 1e-15);
  EXPECT_NEAR(result.scores[0], 0.5 / 3, 1e-15);  // on half the (b, c) paths
}

TEST(Betweenness, TinyGraphsScoreZero) {
  Graph graph = SmallGraph({"a", "b"}).both("a", "b").finish();
  BetweennessResult result = betweenness(graph);
  EXPECT_EQ(result.scores, (std::vector<double>{0.0, 0.0}));
  EXPECT_TRUE(betweenness(GraphBuilder().finish()).scores.empty());
}

// networkx.betweenness_centrality(G.to_undirected()) on the fixture graph.
TEST(Betweenness, MatchesNetworkX) {
  Graph graph = testing::fixture_graph();
  BetweennessResult result = betweenness(graph);
  const auto expected = testing::fixture().at("betweenness").get<std::vector<double>>();
  ASSERT_EQ(result.scores.size(), expected.size());
  double worst = 0.0;
  for (std::size_t v = 0; v < expected.size(); ++v) worst = std::max(worst, std::abs(result.scores[v] - expected[v]));
  EXPECT_LT(worst, 1e-9) << "max |ours − NetworkX| = " << worst;
  RecordProperty("max_abs_diff", testing::scientific(worst));
}

TEST(Betweenness, SamplingIsSeededAndScaled) {
  Graph graph = testing::fixture_graph();
  BetweennessResult first = betweenness(graph, {.sample_sources = 60, .seed = 11});
  BetweennessResult again = betweenness(graph, {.sample_sources = 60, .seed = 11});
  BetweennessResult other = betweenness(graph, {.sample_sources = 60, .seed = 12});
  EXPECT_TRUE(first.sampled);
  EXPECT_EQ(first.sources, 60u);
  EXPECT_EQ(first.scores, again.scores);
  EXPECT_NE(first.scores, other.scores);
  // Scaled by n/k as NetworkX does, a sample estimates the exact scores: the sums agree
  // roughly.
  const auto sum = [](const std::vector<double>& s) { return std::accumulate(s.begin(), s.end(), 0.0); };
  const double exact = sum(betweenness(graph).scores);
  EXPECT_NEAR(sum(first.scores), exact, 0.5 * exact);
}

//   a ─ b ─ c        sampled with k = 2 of 3 sources
//
// Only b is ever between, on the (a, c) path, once from each end. Sources {a, c}: b is no
// source, 2 × 1/(k (n−2)) = 1. Sources {a, b} or {b, c}: b is a source, counted once,
// × 1/((k−1)(n−2)) = 1. NetworkX's scaling makes every draw give the exact value here.
TEST(Betweenness, SampledPathScalesAsNetworkX) {
  Graph graph = SmallGraph({"a", "b", "c"}).both("a", "b").both("b", "c").finish();
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    BetweennessResult result = betweenness(graph, {.sample_sources = 2, .seed = seed});
    ASSERT_TRUE(result.sampled);
    EXPECT_EQ(result.scores, (std::vector<double>{0.0, 1.0, 0.0})) << "seed " << seed;
  }
  // One source: NetworkX's 0/0 for the source itself becomes 0; none: all 0.
  for (std::uint64_t seed = 0; seed < 5; ++seed) {
    BetweennessResult one = betweenness(graph, {.sample_sources = 1, .seed = seed});
    for (double score : one.scores) EXPECT_TRUE(score == 0.0 || score == 1.0);
  }
  EXPECT_EQ(betweenness(graph, {.sample_sources = 0}).scores, (std::vector<double>{0.0, 0.0, 0.0}));
}

TEST(Betweenness, SamplingEveryVertexIsExact) {
  Graph graph = testing::fixture_graph();
  BetweennessResult all = betweenness(graph, {.sample_sources = graph.node_count(), .seed = 3});
  EXPECT_FALSE(all.sampled);
  EXPECT_EQ(all.scores, betweenness(graph).scores);
}

}  // namespace
}  // namespace policygraph
