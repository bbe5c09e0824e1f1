// SPDX-License-Identifier: MIT
// Degrees on one kind of edge (lib/algorithms/degrees.cpp): lineage in- and out-degrees, and
// the facilities a policy governs.
#include <gtest/gtest.h>

#include "algorithms/test_graphs.hpp"
#include "graph/test_records.hpp"
#include "policygraph/influence.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;

//   c ──supersedes──▶ b ──supersedes──▶ a
//   d ──consolidates─▶ b
//   d ◀─related──▶ a                      related edges are not lineage
TEST(Degree, CountsLineageEdgesOnly) {
  Graph graph = SmallGraph({"a", "b", "c", "d"})
                    .edge("c", "b", EdgeKind::supersedes, 3)
                    .edge("b", "a", EdgeKind::supersedes, 3)
                    .edge("d", "b", EdgeKind::consolidates, 3)
                    .both("d", "a")
                    .finish();
  LineageDegrees degrees = lineage_degrees(graph);
  EXPECT_EQ(degrees.in, (std::vector<std::uint32_t>{1, 2, 0, 0}));
  EXPECT_EQ(degrees.out, (std::vector<std::uint32_t>{0, 1, 1, 1}));
}

// p1 names f1 and f2; f1 names p2 (relatedPolicies); p3 names none; a tag is not a facility.
TEST(GovernedFacilityCounts, CountsRelatedFacilitiesWhicheverSideNamedThem) {
  auto p1 = policy("p1"), p2 = policy("p2"), p3 = policy("p3");
  p1.related_facilities = refs({"f1", "f2"});
  p3.tags = {"f1"};
  auto f1 = facility("f1"), f2 = facility("f2");
  f1.related_policies = refs({"p2", "p1"});
  Graph graph = build({p1, p2, p3, f1, f2});
  const auto counts = governed_facility_counts(graph);
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[vertex(graph, "p1")], 2u);
  EXPECT_EQ(counts[vertex(graph, "p2")], 1u);
  EXPECT_EQ(counts[vertex(graph, "p3")], 0u);
}

}  // namespace
}  // namespace policygraph
