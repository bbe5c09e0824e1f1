// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "graph/test_records.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
using Strings = std::vector<std::string>;

std::vector<std::string> successors_of(const Graph& graph, const std::string& id) {
  return ids(graph, replaced_by(graph, vertex(graph, id)).successors);
}
std::vector<std::string> current_of(const Graph& graph, const std::string& id) {
  return ids(graph, replaced_by(graph, vertex(graph, id)).current);
}

// "id:generation" for each member, in the lineage's order.
std::vector<std::string> members_of(const Graph& graph, const std::string& id) {
  std::vector<std::string> result;
  for (const auto& member : lineage(graph, vertex(graph, id)).members)
    result.push_back(graph.node(member.policy).id + ":" + std::to_string(member.generation));
  return result;
}

//   c --> b --> a          (newer --> older)
TEST(ReplacedBy, ChainLeadsToTheNewest) {
  auto a = policy("a", "2000"), b = policy("b", "2005"), c = policy("c", "2010");
  relate(b, Relation::supersedes, refs({"a"}));
  relate(a, Relation::supersedes, refs({"b"}), true);  // both sides: one edge
  relate(c, Relation::supersedes, refs({"b"}));
  Graph graph = build({a, b, c});
  EXPECT_EQ(successors_of(graph, "a"), (Strings{"b"}));
  EXPECT_EQ(current_of(graph, "a"), (Strings{"c"}));
  EXPECT_EQ(current_of(graph, "b"), (Strings{"c"}));
  EXPECT_EQ(successors_of(graph, "c"), Strings{});
  EXPECT_EQ(current_of(graph, "c"), (Strings{"c"}));  // no successor: its own current version
  // The lineage view gives the same answers.
  Graph view = make_view(graph, View::lineage);
  EXPECT_EQ(current_of(view, "a"), (Strings{"c"}));
}

//        a
//      ^   ^
//     b1    c1
//     ^     ^
//     b2    c2
TEST(ReplacedBy, BranchGivesBothChains) {
  auto a = policy("a"), b1 = policy("b1"), b2 = policy("b2"), c1 = policy("c1"), c2 = policy("c2");
  relate(b1, Relation::supersedes, refs({"a"}));
  relate(c1, Relation::supersedes, refs({"a"}));
  relate(b2, Relation::supersedes, refs({"b1"}));
  relate(c2, Relation::supersedes, refs({"c1"}));
  Graph graph = build({a, b1, b2, c1, c2});
  EXPECT_EQ(successors_of(graph, "a"), (Strings{"b1", "c1"}));
  EXPECT_EQ(current_of(graph, "a"), (Strings{"b2", "c2"}));
  EXPECT_EQ(current_of(graph, "c1"), (Strings{"c2"}));
}

//   m --consolidates--> a,  m --consolidates--> b,  n --supersedes--> m
TEST(ReplacedBy, ConsolidationMergesIntoOne) {
  auto a = policy("a"), b = policy("b"), m = policy("m"), n = policy("n");
  relate(m, Relation::consolidates, refs({"a", "b"}));
  relate(n, Relation::supersedes, refs({"m"}));
  Graph graph = build({a, b, m, n});
  EXPECT_EQ(successors_of(graph, "a"), (Strings{"m"}));
  EXPECT_EQ(successors_of(graph, "b"), (Strings{"m"}));
  EXPECT_EQ(current_of(graph, "a"), (Strings{"n"}));
  EXPECT_EQ(current_of(graph, "b"), (Strings{"n"}));
}

//   next --> old      next has no record (old: supersededBy: next)
TEST(ReplacedBy, UnresolvedSuccessorIsCurrent) {
  auto old_policy = policy("old", "1999");
  relate(old_policy, Relation::supersedes, refs({"next"}), true);
  Graph graph = build({old_policy});
  EXPECT_EQ(successors_of(graph, "old"), (Strings{"next"}));
  EXPECT_EQ(current_of(graph, "old"), (Strings{"next"}));
}

//   a --> b --> a       a cycle nothing replaces: current is the whole cycle
//   x --> y --> x, z --> y     a cycle z replaces: current is z
TEST(ReplacedBy, CyclesTerminate) {
  auto a = policy("a"), b = policy("b"), x = policy("x"), y = policy("y"), z = policy("z");
  relate(a, Relation::supersedes, refs({"b"}));
  relate(b, Relation::supersedes, refs({"a"}));
  relate(x, Relation::supersedes, refs({"y"}));
  relate(y, Relation::supersedes, refs({"x"}));
  relate(z, Relation::supersedes, refs({"y"}));
  Graph graph = build({a, b, x, y, z});
  EXPECT_EQ(successors_of(graph, "a"), (Strings{"b"}));
  EXPECT_EQ(current_of(graph, "a"), (Strings{"a", "b"}));
  EXPECT_EQ(current_of(graph, "x"), (Strings{"z"}));
  EXPECT_EQ(successors_of(graph, "y"), (Strings{"x", "z"}));
  EXPECT_EQ(members_of(graph, "a"), (Strings{"a:0", "b:1"}));  // b is +1 and -1: the successor side wins
}

//   p99999 --> ... --> p00001 --> p00000      a chain of 100,000: no recursion, no overflow
TEST(ReplacedBy, LongChainDoesNotOverflowTheStack) {
  constexpr int length = 100000;
  std::vector<Record> records;
  auto name = [](int i) {
    std::string digits = std::to_string(i);
    return "p" + std::string(5 - digits.size(), '0') + digits;
  };
  for (int i = 0; i < length; ++i) {
    records.push_back(policy(name(i)));
    if (i > 0) relate(records.back(), Relation::supersedes, refs({name(i - 1)}));
  }
  relate(records.front(), Relation::supersedes, refs({name(length - 1)}));  // and close it into one big cycle
  Diagnostics diagnostics;
  Graph graph = build(std::move(records), &diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(lineage_cycles(graph).front().size(), static_cast<std::size_t>(length));
  EXPECT_EQ(replaced_by(graph, 0).current.size(), static_cast<std::size_t>(length));
  auto members = lineage(graph, 0).members;
  ASSERT_EQ(members.size(), static_cast<std::size_t>(length));
}

//            e (2012)
//            |
//            v
//            d (2010)
//          /    \      (d supersedes b and c)
//         v      v
//   b (2004)    c (undated)
//         \      /     (b and c supersede a)
//          v    v
//          a (2000)     a year alone
//
//   plus x --> a (2001), a sibling branch that is neither b's ancestor nor descendant
TEST(Lineage, DiamondGenerationsAreShortestDistances) {
  auto a = policy("a", "2000"), b = policy("b", "2004"), c = policy("c"), d = policy("d", "2010-05"),
       e = policy("e", "2012-01-31"), x = policy("x", "2001");
  relate(b, Relation::supersedes, refs({"a"}));
  relate(c, Relation::supersedes, refs({"a"}));
  relate(d, Relation::supersedes, refs({"b", "c"}));
  relate(e, Relation::supersedes, refs({"d"}));
  relate(x, Relation::supersedes, refs({"a"}));
  Graph graph = build({a, b, c, d, e, x});
  // By date, undated last (c).
  EXPECT_EQ(members_of(graph, "a"), (Strings{"a:0", "x:1", "b:1", "d:2", "e:3", "c:1"}));
  EXPECT_EQ(members_of(graph, "b"), (Strings{"a:-1", "b:0", "d:1", "e:2"}));
  EXPECT_EQ(members_of(graph, "d"), (Strings{"a:-2", "b:-1", "d:0", "e:1", "c:-1"}));
  EXPECT_EQ(members_of(graph, "e"), (Strings{"a:-3", "b:-2", "d:-1", "e:0", "c:-2"}));

  // The edges between members of b's lineage: b->a, d->b, e->d (not d->c, c->a, x->a).
  Lineage of_b = lineage(graph, vertex(graph, "b"));
  std::vector<std::string> edges;
  for (EdgeId id : of_b.edges)
    edges.push_back(graph.key(graph.edge(id).source) + ">" + graph.key(graph.edge(id).target));
  EXPECT_EQ(edges, (Strings{"policy:b>policy:a", "policy:d>policy:b", "policy:e>policy:d"}));
}

//   c --> b --> a, and c --> a directly: c is one generation from a, not two
//   all undated: ordered by generation, then id
TEST(Lineage, ShortcutGivesTheShortestGeneration) {
  auto a = policy("a"), b = policy("b"), c = policy("c"), z = policy("z");
  relate(b, Relation::supersedes, refs({"a"}));
  relate(c, Relation::supersedes, refs({"b", "a"}));
  relate(z, Relation::supersedes, refs({"a"}));
  Graph graph = build({a, b, c, z});
  EXPECT_EQ(members_of(graph, "a"), (Strings{"a:0", "b:1", "c:1", "z:1"}));
  EXPECT_EQ(members_of(graph, "c"), (Strings{"a:-1", "b:-1", "c:0"}));
}

//   m1 --amends--> a <--supersedes-- b <--amends-- m2      (newer --> older)
//
// Following amendments only, a's lineage is m1 (b replaces it, and m2 amends b, which is
// not reached); following succession only, b; every kind, all four.
TEST(Lineage, FollowsOnlyTheKindsAsked) {
  auto a = policy("a", "2000"), b = policy("b", "2005"), m1 = policy("m1", "2002"), m2 = policy("m2", "2007");
  relate(m1, Relation::amends, refs({"a"}));
  relate(b, Relation::supersedes, refs({"a"}));
  relate(m2, Relation::amends, refs({"b"}));
  Graph graph = build({a, b, m1, m2});
  auto members = [&](const std::string& id, std::vector<EdgeKind> kinds) {
    std::vector<std::string> result;
    for (const auto& member : lineage(graph, vertex(graph, id), kinds).members)
      result.push_back(graph.node(member.policy).id + ":" + std::to_string(member.generation));
    return result;
  };
  EXPECT_EQ(members("a", {EdgeKind::amends}), (Strings{"a:0", "m1:1"}));
  EXPECT_EQ(members("a", {EdgeKind::supersedes}), (Strings{"a:0", "b:1"}));
  EXPECT_EQ(members("a", {}), (Strings{"a:0", "m1:1", "b:1", "m2:2"}));
  EXPECT_EQ(members("m2", {EdgeKind::amends, EdgeKind::supersedes}), (Strings{"a:-2", "b:-1", "m2:0"}));
  Lineage amendments = lineage(graph, vertex(graph, "a"), {EdgeKind::amends});
  ASSERT_EQ(amendments.edges.size(), 1u);
  EXPECT_EQ(graph.edge(amendments.edges[0]).kind, EdgeKind::amends);
}

//   gone (unresolved) <-- a --> ...   an unresolved predecessor is in the lineage, undated
TEST(Lineage, UnresolvedPredecessorIsAMember) {
  auto a = policy("a", "2001");
  relate(a, Relation::supersedes, refs({"gone"}));
  Graph graph = build({a});
  EXPECT_EQ(members_of(graph, "a"), (Strings{"a:0", "gone:-1"}));
}

//   c (2010-03-15) --> b (2005-06) --> a (2000)
//   m (2008) --consolidates--> d (2003)
//   next (no record, no date) --> d      never supersedes "before D"
TEST(InForce, OnSeveralDates) {
  auto a = policy("a", "2000"), b = policy("b", "2005-06"), c = policy("c", "2010-03-15"), d = policy("d", "2003"),
       m = policy("m", "2008");
  relate(b, Relation::supersedes, refs({"a"}));
  relate(c, Relation::supersedes, refs({"b"}));
  relate(d, Relation::supersedes, refs({"next"}), true);
  relate(m, Relation::consolidates, refs({"d"}));
  Graph graph = build({a, b, c, d, m});
  auto on = [&](const Graph& g, const std::string& day) { return ids(g, in_force(g, *parse_date(day))); };
  EXPECT_EQ(on(graph, "1999-12-31"), Strings{});
  EXPECT_EQ(on(graph, "2000-01-01"), (Strings{"a"}));  // "2000" means 1 January 2000
  EXPECT_EQ(on(graph, "2005-05-31"), (Strings{"a", "d"}));
  EXPECT_EQ(on(graph, "2005-06-01"), (Strings{"b", "d"}));
  EXPECT_EQ(on(graph, "2008-01-01"), (Strings{"b", "m"}));
  EXPECT_EQ(on(graph, "2010-03-14"), (Strings{"b", "m"}));
  EXPECT_EQ(on(graph, "2010-03-15"), (Strings{"c", "m"}));
  EXPECT_EQ(on(make_view(graph, View::lineage), "2030"), (Strings{"c", "m"}));
}

}  // namespace
}  // namespace policygraph
