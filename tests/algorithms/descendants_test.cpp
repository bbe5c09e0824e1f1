// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "graph/test_records.hpp"
#include "policygraph/influence.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;

//   b --supersedes--> a        c --implements--> a        (newer --> older; every kind counts)
//   e --consolidates--> b and c                          (two paths from e to a)
//   m --amends--> c             d alone                  x <--repeals--> y (a cycle)
//
// a: b, c, e, m (e once, though two paths lead from it); b: e; c: e, m; x: y; y: x.
TEST(LineageDescendantCounts, CountsEveryLaterPolicyOnce) {
  auto a = policy("a"), b = policy("b"), c = policy("c"), d = policy("d"), e = policy("e"), m = policy("m"),
       x = policy("x"), y = policy("y");
  relate(b, Relation::supersedes, refs({"a"}));
  relate(c, Relation::implements, refs({"a"}));
  relate(e, Relation::consolidates, refs({"b", "c"}));
  relate(m, Relation::amends, refs({"c"}));
  relate(x, Relation::repeals, refs({"y"}));
  relate(y, Relation::repeals, refs({"x"}));
  a.tags = b.tags = {"shared"};  // other edges do not count
  Graph graph = build({a, b, c, d, e, m, x, y});
  const auto counts = lineage_descendant_counts(graph);
  std::vector<std::string> written;
  for (VertexId v : graph.policies()) written.push_back(graph.node(v).id + ":" + std::to_string(counts[v]));
  EXPECT_EQ(written, (std::vector<std::string>{"a:4", "b:1", "c:2", "d:0", "e:0", "m:0", "x:1", "y:1"}));
}

}  // namespace
}  // namespace policygraph
