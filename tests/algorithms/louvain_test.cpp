// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <string>

#include "algorithms/test_graphs.hpp"
#include "policygraph/communities.hpp"

namespace policygraph {
namespace {

using testing::SmallGraph;
using testing::two_cliques;

//   a1 ─ a2        b1 ─ b2
//   │ ╲╱ │        │ ╲╱ │        two 4-cliques, `related` both ways, bridged a4 ─ b1
//   │ ╱╲ │        │ ╱╲ │
//   a3 ─ a4 ────── b1 ...
//
// Whatever the order of visits, the two cliques are the communities: Q = 11/26.
TEST(Louvain, FindsTwoCliques) {
  const Graph graph = two_cliques();
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    LouvainResult result = louvain(graph, {.seed = seed});
    EXPECT_EQ(result.partition.of, (std::vector<std::uint32_t>{0, 0, 0, 0, 1, 1, 1, 1})) << "seed " << seed;
    EXPECT_NEAR(result.modularity, 11.0 / 26.0, 1e-15);
    EXPECT_GE(result.levels, 1);
  }
}

//   a ◀──▶ b        c         no edges from c: it stays alone; a graph without any edge
//                             leaves every vertex alone with modularity 0
TEST(Louvain, IsolatedVerticesStayAlone) {
  Graph graph = SmallGraph({"a", "b", "c"}).both("a", "b").finish();
  LouvainResult result = louvain(graph);
  EXPECT_EQ(result.partition.of, (std::vector<std::uint32_t>{0, 0, 1}));
  EXPECT_NEAR(result.modularity, modularity(graph, result.partition.of), 0.0);

  LouvainResult empty = louvain(SmallGraph({"a", "b"}).finish());
  EXPECT_EQ(empty.partition.of, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(empty.modularity, 0.0);
  EXPECT_TRUE(louvain(GraphBuilder().finish()).partition.groups.empty());
}

//   x ═══3═══ y ──0.1── z ═══3═══ w        the weak link is cut, weights matter
TEST(Louvain, HeavyEdgesHoldTogether) {
  Graph graph = SmallGraph({"w", "x", "y", "z"}).both("x", "y", 3).both("y", "z", 0.1).both("z", "w", 3).finish();
  LouvainResult result = louvain(graph);
  EXPECT_EQ(result.partition.of, (std::vector<std::uint32_t>{0, 1, 1, 0}));
}

// The fixture graph: our modularity at least NetworkX's best over seeds 0..4 less 0.005,
// and the same partition for the same seed.
TEST(Louvain, ComparableWithNetworkX) {
  Graph graph = testing::fixture_graph();
  const double best = testing::fixture().at("louvain_best_modularity").get<double>();
  double ours_best = -1.0;
  for (std::uint64_t seed = 0; seed < 5; ++seed) {
    LouvainResult result = louvain(graph, {.seed = seed});
    EXPECT_GE(result.modularity, best - 0.005) << "seed " << seed;
    // The same sums on the same undirected graph: equal to the last bit.
    EXPECT_EQ(result.modularity, modularity(graph, result.partition.of));
    ours_best = std::max(ours_best, result.modularity);
    LouvainResult again = louvain(graph, {.seed = seed});
    EXPECT_EQ(again.partition.of, result.partition.of);
    EXPECT_EQ(again.modularity, result.modularity);
  }
  RecordProperty("ours_minus_networkx_best", testing::scientific(ours_best - best));
}

TEST(Louvain, PartitionIsCanonical) {
  Graph graph = testing::fixture_graph();
  Partition partition = louvain(graph, {.seed = 1}).partition;
  std::uint32_t next = 0;
  for (std::size_t v = 0; v < partition.of.size(); ++v) {
    ASSERT_LE(partition.of[v], next);
    if (partition.of[v] == next) ++next;
  }
  ASSERT_EQ(partition.groups.size(), next);
  for (std::size_t g = 0; g < partition.groups.size(); ++g) {
    for (VertexId v : partition.groups[g]) EXPECT_EQ(partition.of[v], g);
  }
}

}  // namespace
}  // namespace policygraph
