// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "algorithms/test_graphs.hpp"
#include "policygraph/influence.hpp"

namespace policygraph {
namespace {

using testing::SmallGraph;

constexpr double alpha = 0.85;
// The closed forms are the fixed point; power iteration stops within about
// N × tolerance × α/(1−α) of it (NetworkX's rule), hence 1e-10 rather than rounding error.
constexpr double near = 1e-10;

double total(const std::vector<double>& scores) { return std::accumulate(scores.begin(), scores.end(), 0.0); }

//   c --supersedes--> b --supersedes--> a        a is dangling
//
// With s = x_c: x_c = α x_a/3 + (1−α)/3 = s, x_b = s + α s, x_a = s + α x_b, so
// x = s (1, 1+α, 1+α+α²)_{c,b,a} and s = 1 / (3 + 2α + α²). Boost's page_rank gets 0.81 in
// total here (FACTS.md); the dangling rank must flow back to everyone.
TEST(PageRank, ChainSpreadsDanglingRankEvenly) {
  Graph graph = SmallGraph({"a", "b", "c"})
                    .edge("c", "b", EdgeKind::supersedes, 3)
                    .edge("b", "a", EdgeKind::supersedes, 3)
                    .finish();
  PageRankResult result = pagerank(graph);
  const double s = 1.0 / (3 + 2 * alpha + alpha * alpha);
  ASSERT_TRUE(result.converged);
  ASSERT_EQ(result.scores.size(), 3u);
  EXPECT_NEAR(result.scores[2], s, near);
  EXPECT_NEAR(result.scores[1], s * (1 + alpha), near);
  EXPECT_NEAR(result.scores[0], s * (1 + alpha + alpha * alpha), near);
  EXPECT_NEAR(total(result.scores), 1.0, 1e-14);
}

//        l1
//        |
//   l4 - h - l2        every edge a `related` pair, one edge each way
//        |
//        l3
//
// Each leaf sends all its rank to h, h splits its rank over 4 leaves:
// x_h = α (1 − x_h) + (1−α)/5, so x_h = (α + (1−α)/5) / (1 + α); each leaf (1 − x_h)/4.
TEST(PageRank, StarHubCollectsFromItsLeaves) {
  Graph graph = SmallGraph({"h", "l1", "l2", "l3", "l4"})
                    .both("h", "l1")
                    .both("h", "l2")
                    .both("h", "l3")
                    .both("h", "l4")
                    .finish();
  PageRankResult result = pagerank(graph);
  const double hub = (alpha + (1 - alpha) / 5) / (1 + alpha);
  EXPECT_NEAR(result.scores[0], hub, near);
  for (VertexId leaf = 1; leaf <= 4; ++leaf) EXPECT_NEAR(result.scores[leaf], (1 - hub) / 4, near);
}

//   u --3--> v          v and w dangling
//   u --1--> w
//
// u passes 3/4 of its rank to v and 1/4 to w. With s = x_u = 1 / (3 + α):
// x_v = s (1 + 3α/4), x_w = s (1 + α/4).
TEST(PageRank, WeightsSplitRankInProportion) {
  Graph graph = SmallGraph({"u", "v", "w"}).edge("u", "v", EdgeKind::related, 3).edge("u", "w").finish();
  PageRankResult result = pagerank(graph);
  const double s = 1.0 / (3 + alpha);
  EXPECT_NEAR(result.scores[0], s, near);
  EXPECT_NEAR(result.scores[1], s * (1 + 0.75 * alpha), near);
  EXPECT_NEAR(result.scores[2], s * (1 + 0.25 * alpha), near);
}

//   c --supersedes 3--> b        two edges of one ordered pair: rank flows as along
//   c --related    1--> b        one edge of weight 3 + 1 (MODEL.md 5.10)
//   c --related    1--> a
TEST(PageRank, ParallelEdgesOfOnePairAddUp) {
  Graph split = SmallGraph({"a", "b", "c"})
                    .edge("c", "b", EdgeKind::supersedes, 3)
                    .edge("c", "b", EdgeKind::related, 1)
                    .edge("c", "a", EdgeKind::related, 1)
                    .finish();
  Graph merged =
      SmallGraph({"a", "b", "c"}).edge("c", "b", EdgeKind::supersedes, 4).edge("c", "a", EdgeKind::related, 1).finish();
  ASSERT_EQ(split.edge_count(), 3u);
  PageRankResult a = pagerank(split);
  PageRankResult b = pagerank(merged);
  for (VertexId v = 0; v < 3; ++v) EXPECT_NEAR(a.scores[v], b.scores[v], 1e-15);
  // a and b are dangling: with s = x_c = 1/(3 + α), x_b = s (1 + 4α/5), x_a = s (1 + α/5).
  const double s = 1.0 / (3 + alpha);
  EXPECT_NEAR(a.scores[1], s * (1 + 0.8 * alpha), near);
  EXPECT_NEAR(a.scores[0], s * (1 + 0.2 * alpha), near);
}

//   a <-> b        z alone: a dangling vertex with no edges at all
//
//   z
TEST(PageRank, IsolatedVertexGetsTeleportAndDanglingShare) {
  Graph graph = SmallGraph({"a", "b", "z"}).both("a", "b").finish();
  PageRankResult result = pagerank(graph);
  // x_z = α x_z / 3 + (1−α)/3, so x_z = (1−α) / (3 − α); a and b share the rest.
  const double z = (1 - alpha) / (3 - alpha);
  EXPECT_NEAR(result.scores[2], z, near);
  EXPECT_NEAR(result.scores[0], (1 - z) / 2, near);
  EXPECT_NEAR(total(result.scores), 1.0, 1e-14);
}

TEST(PageRank, EmptyGraphHasNoScores) {
  PageRankResult result = pagerank(GraphBuilder().finish());
  EXPECT_TRUE(result.scores.empty());
  EXPECT_TRUE(result.converged);
}

TEST(PageRank, ReportsNonConvergence) {
  Graph graph = SmallGraph({"a", "b", "c"}).edge("c", "b").edge("b", "a").finish();
  PageRankResult result = pagerank(graph, {.max_iterations = 2});
  EXPECT_FALSE(result.converged);
  EXPECT_EQ(result.iterations, 2);
}

// networkx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000) on the
// fixture graph (tests/algorithms/make_fixtures.py).
TEST(PageRank, MatchesNetworkX) {
  Graph graph = testing::fixture_graph();
  PageRankResult result = pagerank(graph);
  const auto expected = testing::fixture().at("pagerank").get<std::vector<double>>();
  ASSERT_EQ(result.scores.size(), expected.size());
  ASSERT_TRUE(result.converged);
  double worst = 0.0;
  for (std::size_t v = 0; v < expected.size(); ++v) worst = std::max(worst, std::abs(result.scores[v] - expected[v]));
  EXPECT_LT(worst, 1e-10) << "max |ours − NetworkX| = " << worst;
  RecordProperty("max_abs_diff", testing::scientific(worst));
}

}  // namespace
}  // namespace policygraph
