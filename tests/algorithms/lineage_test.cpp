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

//   p --> q --> p        p and q supersede each other (a cycle)
//   q --> r              r is older than q, hence than p
//
// q is p's successor (+1, the side that wins a tie) and predecessor (-1); r is an ancestor
// of p through q, and stays one although q was claimed by the successor side.
TEST(Lineage, CycleDoesNotHideTheAncestorsBehindIt) {
  auto p = policy("p"), q = policy("q"), r = policy("r");
  relate(p, Relation::supersedes, refs({"q"}));
  relate(q, Relation::supersedes, refs({"p", "r"}));
  Graph graph = build({p, q, r});
  EXPECT_EQ(members_of(graph, "p"), (Strings{"r:-2", "p:0", "q:1"}));
  EXPECT_EQ(members_of(graph, "r"), (Strings{"r:0", "q:1", "p:2"}));
  EXPECT_EQ(lineage(graph, vertex(graph, "p")).edges.size(), 3u);
}

//   gone (unresolved) <-- a --> ...   an unresolved predecessor is in the lineage, undated
TEST(Lineage, UnresolvedPredecessorIsAMember) {
  auto a = policy("a", "2001");
  relate(a, Relation::supersedes, refs({"gone"}));
  Graph graph = build({a});
  EXPECT_EQ(members_of(graph, "a"), (Strings{"a:0", "gone:-1"}));
}

//   a --amends--> b --repeals--> a                    a cycle of two kinds
//   a --implements--> d --supersedes--> e --consolidates--> d
//   c alone; f and g share a tag (in the policy view, `related` both ways)
//
// Tarjan completes {d, e} before {a, b}; the cycles come in order of their smallest id.
// `related` and `tagged` edges are not lineage: f and g are on no cycle.
TEST(LineageCycles, OneListPerStrongComponentInOrderOfSmallestId) {
  auto a = policy("a"), b = policy("b"), c = policy("c"), d = policy("d"), e = policy("e"), f = policy("f"),
       g = policy("g");
  relate(a, Relation::amends, refs({"b"}));
  relate(b, Relation::repeals, refs({"a"}));
  relate(a, Relation::implements, refs({"d"}));
  relate(d, Relation::supersedes, refs({"e"}));
  relate(e, Relation::consolidates, refs({"d"}));
  f.tags = g.tags = {"shared"};
  Graph graph = build({a, b, c, d, e, f, g});
  auto cycles_of = [](const Graph& view) {
    std::vector<Strings> result;
    for (const auto& cycle : lineage_cycles(view)) result.push_back(ids(view, cycle));
    return result;
  };
  const std::vector<Strings> expected{{"a", "b"}, {"d", "e"}};
  EXPECT_EQ(cycles_of(graph), expected);
  EXPECT_EQ(cycles_of(make_view(graph, View::policy)), expected);
  EXPECT_EQ(cycles_of(make_view(graph, View::lineage)), expected);
}

}  // namespace
}  // namespace policygraph
