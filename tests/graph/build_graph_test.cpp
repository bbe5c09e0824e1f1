// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "graph/test_records.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
using Strings = std::vector<std::string>;

//   c --supersedes--> b --supersedes--> a
TEST(BuildGraph, ChainMakesOneNodePerRecordAndSupersedesEdges) {
  auto a = policy("a", "2000"), b = policy("b", "2005-06"), c = policy("c", "2010-03-15");
  relate(b, Relation::supersedes, refs({"a"}));
  relate(c, Relation::supersedes, refs({"b"}));
  Graph graph = build({c, a, b});  // any order in, policies by id out
  ASSERT_EQ(graph.node_count(), 3u);
  EXPECT_EQ(graph.policy_count(), 3u);
  EXPECT_EQ(ids(graph, {0, 1, 2}), (Strings{"a", "b", "c"}));
  EXPECT_EQ(edge_list(graph), (Strings{"policy:b -supersedes-> policy:a (3)", "policy:c -supersedes-> policy:b (3)"}));
  const Node& node_b = graph.node(1);
  EXPECT_TRUE(node_b.resolved);
  EXPECT_EQ(node_b.label, "Title b");
  EXPECT_EQ(node_b.date, (Date{2005, 6, 1}));
  ASSERT_NE(graph.record(1), nullptr);
  EXPECT_EQ(graph.record(1)->file, "policies/b.md");
  EXPECT_EQ(graph.node(0).date, (Date{2000, 1, 1}));  // a year alone is 1 January
}

//   new --supersedes--> old      stated only by old: supersededBy: new
TEST(BuildGraph, SupersededByOnlyLinkPointsFromNewerToOlder) {
  auto old_policy = policy("old"), new_policy = policy("new");
  relate(old_policy, Relation::supersedes, refs({"new"}), true);
  Graph graph = build({old_policy, new_policy});
  EXPECT_EQ(edge_list(graph), (Strings{"policy:new -supersedes-> policy:old (3)"}));
}

//   b --supersedes--> a      stated by b (supersedes: a) and by a (supersededBy: b): one edge
TEST(BuildGraph, LinkStatedOnBothSidesIsOneEdge) {
  auto a = policy("a"), b = policy("b");
  relate(a, Relation::supersedes, refs({"b"}), true);
  relate(b, Relation::supersedes, refs({"a"}));
  Graph graph = build({a, b});
  EXPECT_EQ(edge_list(graph), (Strings{"policy:b -supersedes-> policy:a (3)"}));
}

//   a --supersedes--> gone       gone has no record
TEST(BuildGraph, UnresolvedPredecessorIsANodeLabelledByItsId) {
  auto a = policy("a", "2001");
  relate(a, Relation::supersedes, refs({"gone"}));
  Graph graph = build({a});
  ASSERT_EQ(graph.node_count(), 2u);
  const Node& gone = graph.node(vertex(graph, "gone"));
  EXPECT_FALSE(gone.resolved);
  EXPECT_EQ(gone.label, "gone");
  EXPECT_FALSE(gone.date);
  EXPECT_EQ(gone.record, -1);
  EXPECT_EQ(graph.record(vertex(graph, "gone")), nullptr);
  EXPECT_EQ(edge_list(graph), (Strings{"policy:a -supersedes-> policy:gone (3)"}));
}

//   a --supersedes--> gone <--supersedes-- b      gone and far have no record
//   a --related_facility--> far
//   gone --related_facility--> plant              (plant's relatedPolicies)
TEST(BuildGraph, EachUnresolvedIdIsOneNoteAtItsFirstReference) {
  auto a = policy("a"), b = policy("b");
  relate(a, Relation::supersedes, {{"gone", {5, 3}}});
  a.related_facilities = {{"far", {8, 5}}};
  relate(b, Relation::supersedes, refs({"gone"}));
  auto plant = facility("plant");
  plant.related_policies = {{"gone", {4, 20}}};
  Diagnostics diagnostics;
  Graph graph = build({a, b, plant}, &diagnostics);
  EXPECT_EQ(graph.node_count(), 5u);
  Strings messages;
  for (const auto& d : diagnostics) messages.push_back(format_diagnostic(d));
  EXPECT_EQ(messages, (Strings{"policies/a.md:5:3: note: no record describes the policy 'gone', named here in "
                               "supersedes and in 2 other places; it is kept as an unresolved node; add its record, "
                               "or check the id for a typo",
                               "policies/a.md:8:5: note: no record describes the facility 'far', named here in "
                               "relatedFacilities; it is kept as an unresolved node; add its record, or check the id "
                               "for a typo"}));
}

//   m --consolidates--> a
//   m --consolidates--> b
TEST(BuildGraph, ConsolidatedFromMakesConsolidatesEdges) {
  auto a = policy("a"), b = policy("b"), m = policy("m");
  relate(m, Relation::consolidates, refs({"a", "b"}));
  Graph graph = build({a, b, m});
  EXPECT_EQ(edge_list(graph),
            (Strings{"policy:m -consolidates-> policy:a (3)", "policy:m -consolidates-> policy:b (3)"}));
}

//   a --supersedes--> a    dropped, with a warning at the reference
TEST(BuildGraph, SelfReferenceIsWarnedAndDropped) {
  auto a = policy("a"), b = policy("b");
  relate(a, Relation::supersedes, refs({"b", "a"}));
  relate(a, Relation::consolidates, {{"a", {9, 4}}});
  Diagnostics diagnostics;
  Graph graph = build({a, b}, &diagnostics);
  EXPECT_EQ(edge_list(graph), (Strings{"policy:a -supersedes-> policy:b (3)"}));
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(format_diagnostic(diagnostics[0]),
            "policies/a.md:7:13: warning: policy 'a' names itself in supersedes; the link is ignored; remove 'a' from "
            "supersedes");
  EXPECT_EQ(format_diagnostic(diagnostics[1]),
            "policies/a.md:9:4: warning: policy 'a' names itself in consolidatedFrom; the link is ignored; remove 'a' "
            "from consolidatedFrom");
}

TEST(BuildGraph, FieldsOfTheOtherKindAreNotesNotEdges) {
  auto p = policy("p"), q = policy("q");
  auto f = facility("f");
  relate(f, Relation::supersedes, {{"p", {5, 15}}});
  relate(f, Relation::consolidates, {{"q", {6, 21}}, {"p", {7, 3}}});
  p.related_policies = {{"q", {8, 20}}};
  Diagnostics diagnostics;
  Graph graph = build({p, q, f}, &diagnostics);
  EXPECT_EQ(edge_list(graph), Strings{});
  ASSERT_EQ(diagnostics.size(), 3u);
  sort_diagnostics(diagnostics);
  EXPECT_EQ(format_diagnostic(diagnostics[0]),
            "facilities/f.md:5:15: note: supersedes on facility 'f' is not used: lineage links join policies; write it "
            "in the policy's record");
  EXPECT_EQ(format_diagnostic(diagnostics[1]),
            "facilities/f.md:6:21: note: consolidatedFrom on facility 'f' is not used: lineage links join policies; "
            "write it in the policy's record");
  EXPECT_EQ(format_diagnostic(diagnostics[2]),
            "policies/p.md:8:20: note: relatedPolicies on policy 'p' is not used: a policy names its facilities in "
            "relatedFacilities");
}

// An empty id is an absent one: no edge, no node "policy:".
TEST(BuildGraph, EmptyReferenceIsAbsent) {
  auto a = policy("a");
  relate(a, Relation::supersedes, refs({""}));
  a.related_facilities = refs({""});
  auto f = facility("f");
  f.related_policies = refs({""});
  Diagnostics diagnostics;
  Graph graph = build({a, f}, &diagnostics);
  EXPECT_EQ(graph.node_count(), 2u);
  EXPECT_EQ(graph.edge_count(), 0u);
  EXPECT_TRUE(diagnostics.empty());
}

// Cluster and tag names: trimmed, white space folded, ASCII letters lower-cased, other
// letters untouched (MODEL.md 5.6).
//   p1 --member_of--> cluster "carbon pricing" <--member_of-- p2
//   p3 --member_of--> cluster "Île" <--member_of-- p4     ÎLE and Île: only L, E are ASCII
//   p5 --member_of--> cluster "île"                         î is not Î: a cluster of its own
//
// MODEL.md 5.6 gives "ÎLE and Île stay different" as its example, but by its own rule
// (lower-case ASCII letters only) ÎLE folds to Île: the rule is what is implemented, and
// the example that does stay apart is Île / île.
TEST(BuildGraph, ClusterAndTagNamesFoldAsciiLettersOnly) {
  auto p1 = policy("p1"), p2 = policy("p2"), p3 = policy("p3"), p4 = policy("p4"), p5 = policy("p5");
  p1.clusters = {"  Carbon   Pricing"};
  p2.clusters = {"carbon pricing", "   "};  // a blank name is absent
  p3.clusters = {"\u00ceLE"};
  p4.clusters = {"\u00cele"};
  p5.clusters = {"\u00eele"};
  p1.tags = {"CCS\tHub"};
  p2.tags = {"ccs hub"};
  Graph graph = build({p5, p4, p3, p2, p1});  // reversed: the labels are still the first by id
  EXPECT_EQ(graph.node_count(), 5u + 3u + 1u);
  const Node& carbon = graph.node(vertex(graph, "carbon pricing", NodeKind::cluster));
  EXPECT_EQ(carbon.label, "Carbon   Pricing");  // as first seen (p1 is first by id), trimmed
  EXPECT_EQ(graph.in_edges(vertex(graph, "carbon pricing", NodeKind::cluster)).size(), 2u);
  const VertexId ile = vertex(graph, "\u00cele", NodeKind::cluster);
  EXPECT_EQ(graph.node(ile).label, "\u00ceLE");  // p3 came first
  EXPECT_EQ(graph.in_edges(ile).size(), 2u);
  EXPECT_EQ(graph.in_edges(vertex(graph, "\u00eele", NodeKind::cluster)).size(), 1u);
  EXPECT_EQ(graph.node(vertex(graph, "ccs hub", NodeKind::tag)).label, "CCS\tHub");
  EXPECT_EQ(graph.in_edges(vertex(graph, "ccs hub", NodeKind::tag)).size(), 2u);
}

TEST(FoldName, TrimsFoldsAndLowerCasesAscii) {
  EXPECT_EQ(fold_name("  Carbon \t\n Pricing  "), "carbon pricing");
  EXPECT_EQ(fold_name("\u00ceLE"), "\u00cele");  // ÎLE: Î is not ASCII, L and E are
  EXPECT_EQ(fold_name("\u00eele"), "\u00eele");  // île stays apart from Île
  EXPECT_EQ(fold_name(" \t "), "");
}

//   f (hub "North Sea") --member_of--> cluster "north sea" <--member_of-- p
TEST(BuildGraph, FacilityHubIsACluster) {
  auto f = facility("f");
  f.clusters = {"North Sea"};
  auto p = policy("p");
  p.clusters = {"north  sea"};
  Graph graph = build({f, p});
  EXPECT_EQ(edge_list(graph),
            (Strings{"policy:p -member_of-> cluster:north sea (1)", "facility:f -member_of-> cluster:north sea (1)"}));
  // Policies are walked before facilities, so the label is p's spelling.
  EXPECT_EQ(graph.node(vertex(graph, "north sea", NodeKind::cluster)).label, "north  sea");
}

//   p --related_facility--> f1     stated by p and by f1: one edge
//   p --related_facility--> f2     stated by f2 only (relatedPolicies)
//   p --related_facility--> nofac  no such facility: unresolved
//   ghost --related_facility--> f2 no such policy: unresolved
TEST(BuildGraph, RelatedFacilityFromEitherSide) {
  auto p = policy("p");
  p.related_facilities = refs({"f1", "nofac"});
  auto f1 = facility("f1"), f2 = facility("f2");
  f1.related_policies = refs({"p"});
  f2.related_policies = refs({"p", "ghost"});
  Graph graph = build({f1, f2, p});
  EXPECT_EQ(edge_list(graph), (Strings{
                                  "policy:ghost -related_facility-> facility:f2 (0.1)",
                                  "policy:p -related_facility-> facility:f1 (0.1)",
                                  "policy:p -related_facility-> facility:f2 (0.1)",
                                  "policy:p -related_facility-> facility:nofac (0.1)",
                              }));
  EXPECT_FALSE(graph.node(vertex(graph, "ghost")).resolved);
  EXPECT_FALSE(graph.node(vertex(graph, "nofac", NodeKind::facility)).resolved);
  EXPECT_TRUE(graph.node(vertex(graph, "f1", NodeKind::facility)).resolved);
  EXPECT_EQ(graph.node(vertex(graph, "f1", NodeKind::facility)).label, "Name f1");
  EXPECT_FALSE(graph.node(vertex(graph, "f1", NodeKind::facility)).date);
}

//   b --supersedes--> a, c --consolidates--> a, b --tagged--> t, b --member_of--> k, b --related_facility--> f
TEST(BuildGraph, EdgeWeightsFollowTheKindWeights) {
  auto a = policy("a"), b = policy("b"), c = policy("c");
  relate(b, Relation::supersedes, refs({"a"}));
  relate(c, Relation::consolidates, refs({"a"}));
  b.tags = {"t"};
  b.clusters = {"k"};
  b.related_facilities = refs({"f"});
  Graph graph = build({a, b, c}, nullptr,
                      ViewWeights{.supersedes = 5, .consolidates = 4, .tag = 2, .cluster = 1.5, .facility = 0.25});
  EXPECT_EQ(edge_list(graph), (Strings{
                                  "policy:b -supersedes-> policy:a (5)",
                                  "policy:b -member_of-> cluster:k (1.5)",
                                  "policy:b -related_facility-> facility:f (0.25)",
                                  "policy:b -tagged-> tag:t (2)",
                                  "policy:c -consolidates-> policy:a (4)",
                              }));
}

//   a --> b --> c --> a      one cycle of three
//   d <--> e                 one cycle of two (e unresolved, named by d's supersededBy)
//   f --> a                  not on a cycle
TEST(Cycle, OneErrorPerCycleNamingItsPoliciesAndFiles) {
  auto a = policy("a"), b = policy("b"), c = policy("c"), d = policy("d"), f = policy("f");
  relate(a, Relation::supersedes, refs({"b"}));
  relate(b, Relation::supersedes, refs({"c"}));
  relate(c, Relation::supersedes, {{"a", {4, 9}}});
  relate(d, Relation::supersedes, {{"e", {5, 3}}});
  relate(d, Relation::supersedes, {{"e", {6, 3}}}, true);
  relate(f, Relation::supersedes, refs({"a"}));
  Diagnostics diagnostics;
  Graph graph = build({a, b, c, d, f}, &diagnostics);
  ASSERT_EQ(diagnostics.size(), 3u);
  EXPECT_EQ(format_diagnostic(diagnostics[0]),
            "policies/d.md:5:3: note: no record describes the policy 'e', named here in supersedes and in 1 other "
            "place; it is kept as an unresolved node; add its record, or check the id for a typo");
  EXPECT_EQ(format_diagnostic(diagnostics[1]),
            "policies/a.md:7:3: error: lineage cycle among 3 policies: 'a' (policies/a.md), 'b' (policies/b.md), "
            "'c' (policies/c.md); the relations of 'evolution' (supersedes, amends, repeals, ...) must not lead back "
            "to a policy");
  EXPECT_EQ(format_diagnostic(diagnostics[2]),
            "policies/d.md:5:3: error: lineage cycle among 2 policies: 'd' (policies/d.md), 'e' (no record); "
            "the relations of 'evolution' (supersedes, amends, repeals, ...) must not lead back to a policy");
  auto cycles = lineage_cycles(graph);
  ASSERT_EQ(cycles.size(), 2u);
  EXPECT_EQ(ids(graph, cycles[0]), (Strings{"a", "b", "c"}));
  EXPECT_EQ(ids(graph, cycles[1]), (Strings{"d", "e"}));
}

TEST(Cycle, NoneOnADag) {
  auto a = policy("a"), b = policy("b"), c = policy("c");
  relate(b, Relation::supersedes, refs({"a"}));
  relate(c, Relation::supersedes, refs({"a", "b"}));
  Diagnostics diagnostics;
  Graph graph = build({a, b, c}, &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_TRUE(lineage_cycles(graph).empty());
}

}  // namespace
}  // namespace policygraph
