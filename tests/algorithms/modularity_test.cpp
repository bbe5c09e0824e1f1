// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "algorithms/test_graphs.hpp"
#include "policygraph/communities.hpp"

namespace policygraph {
namespace {

using testing::SmallGraph;
using testing::two_cliques;

//   a1 ─ a2        b1 ─ b2
//   │ ╲╱ │        │ ╲╱ │
//   │ ╱╲ │        │ ╱╲ │
//   a3 ─ a4 ────── b1 ...
//
// Both directions are summed: every undirected edge weighs 2, m = 13 × 2 = 26. Each clique
// holds 6 edges (L_c = 12) and degree d_c = 2 × 13 = 26, so
// Q = 2 (12/26 − (26/52)²) = 12/13 − 1/2 = 11/26. Scaling all weights leaves Q unchanged.
TEST(Modularity, TwoCliquesByHand) {
  Graph graph = two_cliques();
  EXPECT_NEAR(modularity(graph, {0, 0, 0, 0, 1, 1, 1, 1}), 11.0 / 26.0, 1e-15);
  // Labels are names only.
  EXPECT_NEAR(modularity(graph, {7, 7, 7, 7, 3, 3, 3, 3}), 11.0 / 26.0, 1e-15);
  // Everything in one group: Q = 1 − 1 = 0. Every vertex alone: Q = −Σ (d_v / 2m)².
  EXPECT_NEAR(modularity(graph, std::vector<std::uint32_t>(8, 0)), 0.0, 1e-15);
  const double alone = -(6 * 9.0 + 2 * 16.0) / (26.0 * 26.0);
  EXPECT_NEAR(modularity(graph, {0, 1, 2, 3, 4, 5, 6, 7}), alone, 1e-15);
}

//   a ──3──▶ b
//   a ◀──1── b      one undirected edge of weight 4
//   c ──1──▶ c      a loop: 1 to m, 2 to c's degree
//
// m = 5; degrees a 4, b 4, c 2. Partition {a, b}, {c}: Q = 4/5 − (8/10)² + 1/5 − (2/10)²
// = 1 − 0.64 − 0.04 = 0.32.
TEST(Modularity, SumsDirectionsAndCountsLoopsAsNetworkX) {
  Graph graph = SmallGraph({"a", "b", "c"})
                    .edge("a", "b", EdgeKind::supersedes, 3)
                    .edge("b", "a", EdgeKind::related, 1)
                    .edge("c", "c", EdgeKind::related, 1)
                    .finish();
  EXPECT_NEAR(modularity(graph, {0, 0, 1}), 0.32, 1e-15);
  // Resolution scales the expected part: 1 − 2 × 0.68.
  EXPECT_NEAR(modularity(graph, {0, 0, 1}, 2.0), 1 - 2 * 0.68, 1e-15);
}

TEST(Modularity, NoEdgesIsZero) {
  Graph graph = SmallGraph({"a", "b"}).finish();
  EXPECT_EQ(modularity(graph, {0, 1}), 0.0);
}

TEST(Modularity, RejectsAPartitionOfAnotherSize) {
  EXPECT_THROW(modularity(two_cliques(), {0, 1}), std::invalid_argument);
}

// networkx.community.modularity(U, communities, weight="weight", resolution=1) of a seeded
// random partition of the fixture graph.
TEST(Modularity, MatchesNetworkX) {
  Graph graph = testing::fixture_graph();
  const auto partition = testing::fixture().at("partition").get<std::vector<std::uint32_t>>();
  const double expected = testing::fixture().at("partition_modularity").get<double>();
  const double ours = modularity(graph, partition);
  EXPECT_NEAR(ours, expected, 1e-12);
  RecordProperty("abs_diff", testing::scientific(std::abs(ours - expected)));
}

}  // namespace
}  // namespace policygraph
