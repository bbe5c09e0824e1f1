// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "graph/test_records.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
using Strings = std::vector<std::string>;

//   b --supersedes--> a --tagged--> t <--tagged-- b
//   c --consolidates--> a,  c --member_of--> k,  f (facility) --member_of--> k
TEST(View, LineageViewKeepsPoliciesAndLineageEdges) {
  auto a = policy("a"), b = policy("b"), c = policy("c");
  a.tags = {"t"};
  b.tags = {"t"};
  relate(b, Relation::supersedes, refs({"a"}));
  relate(c, Relation::consolidates, refs({"a"}));
  c.clusters = {"k"};
  auto f = facility("f");
  f.clusters = {"k"};
  Graph full = build({a, b, c, f});
  Graph view = make_view(full, View::lineage, ViewWeights{.supersedes = 2, .consolidates = 1});
  EXPECT_EQ(view.node_count(), 3u);
  EXPECT_EQ(view.policy_count(), 3u);
  EXPECT_EQ(edge_list(view), (Strings{"policy:b -supersedes-> policy:a (2)", "policy:c -consolidates-> policy:a (1)"}));
  EXPECT_EQ(&view.records(), &full.records());  // shared, not copied
  EXPECT_EQ(view.record(1)->id, "b");
}

//   b --amends--> a, c --repeals--> a, d --implements--> a; b and a share the tag t
TEST(View, TheRelationsOfSection7AreLineageEdgesWithTheirOwnWeights) {
  auto a = policy("a"), b = policy("b"), c = policy("c"), d = policy("d");
  a.tags = {"t"};
  b.tags = {"t"};
  relate(b, Relation::amends, refs({"a"}));
  relate(c, Relation::repeals, refs({"a"}));
  relate(d, Relation::implements, refs({"a"}));
  relate(d, Relation::supersedes, refs({"c"}));
  Graph full = build({a, b, c, d});
  const ViewWeights weights{.repeals = 5, .amends = 4, .implements = 0.5};
  EXPECT_EQ(edge_list(make_view(full, View::lineage, weights)),
            (Strings{"policy:b -amends-> policy:a (4)", "policy:c -repeals-> policy:a (5)",
                     "policy:d -supersedes-> policy:c (3)", "policy:d -implements-> policy:a (0.5)"}));
  // In the policy view an ordered pair is one edge: the amendment plus the shared tag, named
  // after the lineage kind; the tag alone joins a to b.
  EXPECT_EQ(edge_list(make_view(full, View::policy, weights)),
            (Strings{"policy:a -related-> policy:b (1)", "policy:b -amends-> policy:a (5)",
                     "policy:c -repeals-> policy:a (5)", "policy:d -supersedes-> policy:c (3)",
                     "policy:d -implements-> policy:a (0.5)"}));
}

//   a, b, c, gone (unresolved): the same vertex ids in the full graph and every view
TEST(View, PolicyVertexIdsArePreserved) {
  auto a = policy("a"), b = policy("b"), c = policy("c");
  a.tags = {"zz"};
  b.related_facilities = refs({"f"});
  relate(c, Relation::supersedes, refs({"gone"}));
  Graph full = build({a, b, c});
  for (View v : {View::full, View::lineage, View::policy}) {
    Graph view = make_view(full, v);
    ASSERT_GE(view.node_count(), 4u) << to_string(v);
    for (VertexId p : full.policies()) EXPECT_EQ(view.key(p), full.key(p)) << to_string(v);
  }
  EXPECT_EQ(make_view(full, View::full).node_count(), full.node_count());
}

// MODEL.md 5.10: a supersedes link plus one shared tag is one edge weighing 3 + 1.
//   a --supersedes(3) + related(1)--> b      kind supersedes, weight 4
//   b --related(1)--> a                      the other direction: shared tag only
//        a, b --tagged--> t
TEST(View, SupersedesPlusSharedTagIsOneEdgeWeighingFour) {
  auto a = policy("a"), b = policy("b");
  relate(a, Relation::supersedes, refs({"b"}));
  a.tags = {"t"};
  b.tags = {"T"};
  Graph full = build({a, b});
  ViewReport report;
  Graph view = make_view(full, View::policy, {}, &report);
  EXPECT_EQ(view.node_count(), 2u);
  EXPECT_EQ(edge_list(view), (Strings{"policy:a -supersedes-> policy:b (4)", "policy:b -related-> policy:a (1)"}));
  EXPECT_EQ(report.related_pairs, 1u);
}

//   p --related_facility--> f <--related_facility-- q     p <-> q weigh 0.1 each way
TEST(View, SharedFacilityWeighsATenthBothWays) {
  auto p = policy("p"), q = policy("q");
  p.related_facilities = refs({"f"});
  q.related_facilities = refs({"f"});
  Graph full = build({p, q});
  Graph view = make_view(full, View::policy);
  EXPECT_EQ(edge_list(view), (Strings{"policy:p -related-> policy:q (0.1)", "policy:q -related-> policy:p (0.1)"}));
}

//   p and q share tags t1, t2, cluster k and facility f: 1×2 + 1×1 + 0.1×1 = 3.1 each way
//   r shares only t1 with them: 1 each way
//   f's hub "k" makes f a member of k, but f is not a policy: no edge
TEST(View, RelatedWeightSumsEverythingShared) {
  auto p = policy("p"), q = policy("q"), r = policy("r");
  p.tags = {"t1", "t2"};
  q.tags = {"t2", "t1", "t3"};
  r.tags = {"t1"};
  p.clusters = {"k"};
  q.clusters = {"K"};
  p.related_facilities = refs({"f"});
  auto f = facility("f");
  f.related_policies = refs({"q"});
  f.clusters = {"k"};
  Graph full = build({p, q, r, f});
  ViewReport report;
  Graph view = make_view(full, View::policy, {}, &report);
  EXPECT_EQ(edge_list(view), (Strings{
                                 "policy:p -related-> policy:q (3.1)",
                                 "policy:p -related-> policy:r (1)",
                                 "policy:q -related-> policy:p (3.1)",
                                 "policy:q -related-> policy:r (1)",
                                 "policy:r -related-> policy:p (1)",
                                 "policy:r -related-> policy:q (1)",
                             }));
  EXPECT_EQ(report.related_pairs, 3u);
  EXPECT_EQ(related_pair_bound(full), 3u + 1u + 1u + 1u);  // t1: 3 pairs; t2, k, f: 1 each
  // With other weights: tag 0.5, cluster 2, facility 1 → 0.5×2 + 2 + 1 = 4.
  Graph reweighted = make_view(full, View::policy, ViewWeights{.tag = 0.5, .cluster = 2, .facility = 1});
  EXPECT_EQ(reweighted.edge(0).weight, 4.0);
}

// MODEL.md 5.11: ghost has no record; facility f names it and p.
//   ghost --related_facility--> f <--related_facility-- p      ghost <-> p, 0.1 each way
TEST(View, UnresolvedPolicyNamedByAFacilityGetsRelatedEdges) {
  auto p = policy("p");
  auto f = facility("f");
  f.related_policies = refs({"p", "ghost"});
  Graph full = build({p, f});
  Graph view = make_view(full, View::policy);
  EXPECT_EQ(view.node_count(), 2u);
  EXPECT_FALSE(view.node(0).resolved);  // ghost < p
  EXPECT_EQ(edge_list(view),
            (Strings{"policy:ghost -related-> policy:p (0.1)", "policy:p -related-> policy:ghost (0.1)"}));
}

//   b --supersedes--> a and b --consolidates--> a: one edge of kind supersedes, 3 + 3
TEST(View, SupersedesAndConsolidatesOfOnePairAreOneEdge) {
  auto a = policy("a"), b = policy("b");
  relate(b, Relation::supersedes, refs({"a"}));
  relate(b, Relation::consolidates, refs({"a"}));
  Graph full = build({a, b});
  EXPECT_EQ(make_view(full, View::lineage).edge_count(), 2u);
  EXPECT_EQ(edge_list(make_view(full, View::policy)), (Strings{"policy:b -supersedes-> policy:a (6)"}));
}

//   b --supersedes--> a --tagged--> t: the full view recomputes kind weights
TEST(View, FullViewIsACopyWithTheGivenWeights) {
  auto a = policy("a"), b = policy("b");
  relate(b, Relation::supersedes, refs({"a"}));
  a.tags = {"t"};
  a.related_facilities = refs({"f"});
  Graph full = build({a, b});
  Graph view = make_view(full, View::full, ViewWeights{.supersedes = 7, .tag = 0.5, .facility = 2});
  EXPECT_EQ(view.node_count(), full.node_count());
  EXPECT_EQ(edge_list(view), (Strings{
                                 "policy:a -related_facility-> facility:f (2)",
                                 "policy:a -tagged-> tag:t (0.5)",
                                 "policy:b -supersedes-> policy:a (7)",
                             }));
  for (VertexId v : full.vertices()) EXPECT_EQ(view.key(v), full.key(v));
}

}  // namespace
}  // namespace policygraph
