// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <string>

#include "graph/test_records.hpp"
#include "policygraph/influence.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;

// "vertex:rank" with "=" before a shared rank, in the ranking's order.
std::vector<std::string> written(const std::vector<RankedVertex>& ranking) {
  std::vector<std::string> result;
  for (const auto& entry : ranking)
    result.push_back(std::to_string(entry.vertex) + ":" + (entry.tied ? "=" : "") + std::to_string(entry.rank));
  return result;
}

std::vector<VertexId> all_of(std::size_t count) {
  std::vector<VertexId> vertices(count);
  for (VertexId v = 0; v < count; ++v) vertices[v] = v;
  return vertices;
}

// 2 and 4 differ from 0 by less than 1e-12 relative: the three share rank 2, by id; 5 differs
// by 3e-12 and comes after them, ranked 5 (three policies are ahead of it).
TEST(RankByScore, ScoresEqualToOneInATrillionShareARankInIdOrder) {
  const std::vector<double> scores{0.2, 0.5, 0.2 * (1 + 4e-13), 0.1, 0.2 * (1 - 5e-13), 0.2 * (1 - 3e-12)};
  EXPECT_EQ(written(rank_by_score(scores, all_of(scores.size()))),
            (std::vector<std::string>{"1:1", "0:=2", "2:=2", "4:=2", "5:5", "3:6"}));
}

// Each step is within the tolerance of the one before, but the third is not within it of the
// first: ties are measured from the highest score of the group, never chained.
TEST(RankByScore, ASlowSlopeDoesNotChainIntoOneTie) {
  const std::vector<double> scores{1.0, 1.0 - 0.9e-12, 1.0 - 1.8e-12, 1.0 - 2.7e-12};
  EXPECT_EQ(written(rank_by_score(scores, all_of(scores.size()))),
            (std::vector<std::string>{"0:=1", "1:=1", "2:=3", "3:=3"}));
}

TEST(RankByScore, RanksOnlyTheCandidatesAndZerosTie) {
  const std::vector<double> scores{0.0, 0.7, 0.0, 0.3, 0.0};
  EXPECT_EQ(written(rank_by_score(scores, {4, 3, 0})), (std::vector<std::string>{"3:1", "0:=2", "4:=2"}));
  EXPECT_EQ(written(rank_by_score(scores, {})), std::vector<std::string>{});
}

// The case of issue 16: a facility that lists every policy of a country makes them a clique
// with identical neighbourhoods, so PageRank gives them one score up to floating-point noise.
// Their order must come from their ids, not from that noise.
TEST(RankByScore, ACliqueWithIdenticalNeighbourhoodsSharesOneRank) {
  std::vector<Record> records;
  for (const char* id : {"th-e", "th-a", "th-d", "th-b", "th-c"}) {
    Record record = policy(id, "2020");
    record.related_facilities = refs({"grid"});
    records.push_back(record);
  }
  Record hub = policy("hub", "2010");
  Record newer = policy("newer", "2021");
  relate(newer, Relation::amends, refs({"hub"}));
  records.push_back(hub);
  records.push_back(newer);
  Record grid = facility("grid");
  records.push_back(grid);
  Graph full = build(records);
  PageRankResult ranks = pagerank(make_view(full, View::policy));
  std::vector<std::string> order;
  for (const auto& entry : rank_by_score(ranks.scores, all_of(full.policy_count())))
    order.push_back(full.node(entry.vertex).id + ":" + (entry.tied ? "=" : "") + std::to_string(entry.rank));
  // With r = teleport + dangling share, each clique member receives α of the clique's own
  // rank back (a quarter of each of the four others'): x = r / (1 − α) ≈ 6.7 r. hub (dangling)
  // gets r + α x_newer = 1.85 r, newer only r.
  EXPECT_EQ(order,
            (std::vector<std::string>{"th-a:=1", "th-b:=1", "th-c:=1", "th-d:=1", "th-e:=1", "hub:6", "newer:7"}));
}

// The one spelling of a rank in the influence table and the report's pages.
TEST(RankText, ASharedRankIsMarked) {
  EXPECT_EQ(rank_text(4, false), "4");
  EXPECT_EQ(rank_text(4, true), "=4");
  EXPECT_EQ(rank_text(12, true), "=12");
}

}  // namespace
}  // namespace policygraph
