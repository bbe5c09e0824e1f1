// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>
#include <string>

#include "algorithms/test_graphs.hpp"
#include "graph/test_records.hpp"
#include "policygraph/influence.hpp"
#include "policygraph/loader.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;

constexpr double alpha = 0.85;

struct Ranked {
  Graph full;
  Graph view;
  PageRankResult ranks;
};

Ranked rank(std::vector<Record> records, const ViewWeights& weights = {}) {
  Ranked result{build(std::move(records), nullptr, weights), Graph(), {}};
  result.view = make_view(result.full, View::policy, weights);
  result.ranks = pagerank(result.view);
  return result;
}

double sum_of(const PageRankExplanation& explanation) {
  double sum = 0.0;
  for (const auto& part : explanation.contributions) sum += part.amount;
  return sum;
}

// (from id or "-", source) -> amount
std::map<std::pair<std::string, std::string>, double> parts_of(const Graph& graph,
                                                               const PageRankExplanation& explanation) {
  std::map<std::pair<std::string, std::string>, double> parts;
  for (const auto& part : explanation.contributions)
    parts[{part.from ? graph.node(*part.from).id : "-", std::string(to_string(part.source))}] += part.amount;
  return parts;
}

//   b --amends--> a          a and b share the tag t
//   a ~~ c                   a and c share the cluster k and the facility f
//
// Policy view: b→a 2 + 1 = 3 (amends and a tag), a→b 1, a→c = c→a = 1 + 0.1 (cluster and
// facility). b and c send everything to a; a sends 1/2.1 to b and 1.1/2.1 to c. With
// t = (1 − α)/3: x_a = α (x_b + x_c) + t and x_b + x_c = α x_a + 2t, so
// x_a = t (1 + 2α) / (1 − α²), x_b = α x_a / 2.1 + t, x_c = α x_a 1.1 / 2.1 + t.
// a's rank is then, by part: from b, α x_b × 2/3 (amends) and α x_b × 1/3 (the tag); from c,
// α x_c × 1/1.1 (the cluster) and α x_c × 0.1/1.1 (the facility); the teleport t. In numbers
// 0.140, 0.070, 0.206, 0.021 and 0.050.
TEST(ExplainPageRank, SplitsEachEdgeByWhatLinksThePair) {
  auto a = policy("a", "2000"), b = policy("b", "2001"), c = policy("c", "2002");
  relate(b, Relation::amends, refs({"a"}));
  a.tags = {"t"};
  b.tags = {"t"};
  a.clusters = {"k"};
  c.clusters = {"k"};
  a.related_facilities = refs({"f"});
  c.related_facilities = refs({"f"});
  Ranked r = rank({a, b, c, facility("f")});

  const double t = (1 - alpha) / 3;
  const double x_a = t * (1 + 2 * alpha) / (1 - alpha * alpha);
  const double x_b = alpha * x_a / 2.1 + t;
  const double x_c = alpha * x_a * 1.1 / 2.1 + t;
  PageRankExplanation explanation = explain_pagerank(r.full, r.view, r.ranks, vertex(r.full, "a"));
  EXPECT_NEAR(explanation.pagerank, x_a, 1e-10);
  auto parts = parts_of(r.full, explanation);
  ASSERT_EQ(parts.size(), 5u);
  EXPECT_NEAR((parts[{"b", "amends"}]), alpha * x_b * 2 / 3, 1e-10);
  EXPECT_NEAR((parts[{"b", "shared_tag"}]), alpha * x_b / 3, 1e-10);
  EXPECT_NEAR((parts[{"c", "shared_cluster"}]), alpha * x_c / 1.1, 1e-10);
  EXPECT_NEAR((parts[{"c", "shared_facility"}]), alpha * x_c * 0.1 / 1.1, 1e-10);
  EXPECT_DOUBLE_EQ((parts[{"-", "teleport"}]), t);
  EXPECT_EQ(explanation.dangling_count, 0u);
  EXPECT_NEAR(sum_of(explanation), explanation.pagerank, 1e-15);

  // Largest first: the cluster, the amendment, the tag, the teleport, the facility.
  std::vector<std::string> order;
  for (const auto& part : explanation.contributions) order.push_back(std::string(to_string(part.source)));
  EXPECT_EQ(order, (std::vector<std::string>{"shared_cluster", "amends", "shared_tag", "teleport", "shared_facility"}));
}

//   c --supersedes--> b --supersedes--> a        a is dangling
//
// c has no in-edge: its rank is the teleport (1−α)/3 and a's rank spread over all three,
// α x_a / 3, with x_c = s and x_a = s (1 + α + α²), s = 1 / (3 + 2α + α²).
TEST(ExplainPageRank, ADanglingPolicysRankIsSpreadOverAll) {
  auto a = policy("a", "2000"), b = policy("b", "2001"), c = policy("c", "2002");
  relate(b, Relation::supersedes, refs({"a"}));
  relate(c, Relation::supersedes, refs({"b"}));
  Ranked r = rank({a, b, c});
  const double s = 1.0 / (3 + 2 * alpha + alpha * alpha);
  PageRankExplanation explanation = explain_pagerank(r.full, r.view, r.ranks, vertex(r.full, "c"));
  EXPECT_EQ(explanation.dangling_count, 1u);
  EXPECT_EQ(explanation.vertex_count, 3u);
  ASSERT_EQ(explanation.contributions.size(), 2u);
  EXPECT_EQ(explanation.contributions[0].source, RankSource::dangling);
  EXPECT_FALSE(explanation.contributions[0].from);
  EXPECT_NEAR(explanation.contributions[0].amount, alpha * s * (1 + alpha + alpha * alpha) / 3, 1e-10);
  EXPECT_EQ(explanation.contributions[1].source, RankSource::teleport);
  EXPECT_NEAR(sum_of(explanation), s, 1e-10);
  EXPECT_NEAR(sum_of(explanation), explanation.pagerank, 1e-15);
}

TEST(ExplainPageRank, TotalsBySourceCountEachNeighbourOnce) {
  auto a = policy("a"), b = policy("b"), c = policy("c"), d = policy("d");
  relate(b, Relation::amends, refs({"a"}));
  relate(c, Relation::amends, refs({"a"}));
  for (Record* record : {&a, &b, &c, &d}) record->tags = {"t", "u"};
  Ranked r = rank({a, b, c, d});
  PageRankExplanation explanation = explain_pagerank(r.full, r.view, r.ranks, vertex(r.full, "a"));
  std::vector<RankSourceTotal> totals = totals_by_source(explanation);
  ASSERT_EQ(totals.size(), 3u);
  // amends: b and c, 2 each; shared tags: b, c and d, 2 tags each; the teleport.
  std::map<std::string, std::vector<std::string>> from;
  double sum = 0.0;
  for (const auto& total : totals) {
    from[std::string(to_string(total.source))] = ids(r.full, total.from);
    sum += total.amount;
  }
  EXPECT_EQ(from["amends"], (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(from["shared_tag"], (std::vector<std::string>{"b", "c", "d"}));
  EXPECT_EQ(from["teleport"], std::vector<std::string>{});
  EXPECT_NEAR(sum, explanation.pagerank, 1e-15);
  for (std::size_t i = 1; i < totals.size(); ++i) EXPECT_GE(totals[i - 1].amount, totals[i].amount);
}

// Every part of an explanation is accounted for: the parts add up to the rank, and the parts
// from one neighbour add up to what the view's merged edge carries, α x'[u] w(u→v) / out(u).
// Returns the sources seen, so that a corpus can show it exercised every one.
std::set<RankSource> expect_explanations_add_up(const Ranked& r, const ViewWeights& weights,
                                                const std::string& corpus) {
  EXPECT_TRUE(r.ranks.converged);
  std::set<RankSource> seen;
  double worst = 0.0;
  for (VertexId v : r.view.policies()) {
    PageRankExplanation explanation = explain_pagerank(r.full, r.view, r.ranks, v, weights);
    worst = std::max(worst, std::abs(sum_of(explanation) - r.ranks.scores[v]));
    std::map<VertexId, double> by_neighbour;
    for (const auto& part : explanation.contributions) {
      if (part.from) by_neighbour[*part.from] += part.amount;
      seen.insert(part.source);
    }
    for (EdgeId e : r.view.in_edges(v)) {
      const VertexId u = r.view.edge(e).source;
      double out = 0.0;
      for (EdgeId f : r.view.out_edges(u)) out += r.view.edge(f).weight;
      const double carried = alpha * r.ranks.previous_scores[u] * r.view.edge(e).weight / out;
      EXPECT_NEAR(by_neighbour[u], carried, 1e-15) << corpus << ": " << r.view.key(u) << " -> " << r.view.key(v);
    }
  }
  EXPECT_LT(worst, 1e-9) << corpus;
  ::testing::Test::RecordProperty("worst_sum_error_" + corpus, scientific(worst));
  return seen;
}

TEST(ExplainPageRank, PartsAddUpToTheRankOnTheSeeds) {
  LoadOptions load;
  load.use_cache = false;
  Corpus corpus = load_corpus(std::string(POLICYGRAPH_SOURCE_DIR) + "/seeds", load);
  ASSERT_GT(corpus.records.size(), 50u);
  expect_explanations_add_up(rank(corpus.records), {}, "seeds");
  const ViewWeights other{.amends = 1, .implements = 0.5, .tag = 2, .cluster = 0.3, .facility = 0.7};
  expect_explanations_add_up(rank(std::move(corpus.records), other), other, "seeds-other-weights");
}

// A random corpus in the shape of the real one: families of versions linked by the five
// relations, tags from a small vocabulary, clusters, facilities that list their policies,
// references to policies with no record; seeded, so a failure repeats.
std::vector<Record> random_corpus(std::uint64_t seed, int policy_count) {
  std::mt19937_64 random(seed);
  auto below = [&](std::uint64_t n) { return static_cast<int>(random() % n); };
  std::vector<Record> records;
  constexpr Relation relations[] = {Relation::supersedes, Relation::consolidates, Relation::repeals, Relation::amends,
                                    Relation::implements};
  for (int i = 0; i < policy_count; ++i) {
    Record record = policy("p" + std::to_string(i), std::to_string(1990 + below(35)));
    for (int k = below(3); k > 0; --k) record.tags.push_back("tag" + std::to_string(below(30)));
    if (below(2) == 0) record.clusters.push_back("cluster" + std::to_string(below(8)));
    for (int k = below(3); k > 0; --k) record.related_facilities.push_back({"f" + std::to_string(below(40)), {1, 1}});
    if (i > 0 && below(3) > 0) relate(record, relations[below(5)], refs({"p" + std::to_string(below(i))}));
    if (below(25) == 0) relate(record, Relation::supersedes, refs({"gone" + std::to_string(below(5))}));
    records.push_back(std::move(record));
  }
  for (int f = 0; f < 40; ++f) {
    Record record = facility("f" + std::to_string(f));
    if (below(4) == 0) record.related_policies.push_back({"p" + std::to_string(below(policy_count)), {1, 1}});
    if (below(4) == 0) record.clusters.push_back("cluster" + std::to_string(below(8)));  // a hub
    records.push_back(std::move(record));
  }
  return records;
}

TEST(ExplainPageRank, PartsAddUpToTheRankOnARandomCorpus) {
  std::set<RankSource> seen;
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    seen.merge(expect_explanations_add_up(rank(random_corpus(seed, 300)), {}, "random-" + std::to_string(seed)));
  }
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(RankSource::dangling) + 1) << "every source of rank, exercised";
}

}  // namespace
}  // namespace policygraph
