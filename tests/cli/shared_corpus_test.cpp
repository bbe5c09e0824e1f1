// SPDX-License-Identifier: MIT
// The command line on the real corpus beside the checkout (label `shared`): the counts its
// SOURCE.md states, and its eight supersessions whose predecessors have no record.
#include <nlohmann/json.hpp>

#include <filesystem>

#include "cli_fixture.hpp"

namespace policygraph::cli::testing {
namespace {

const std::string corpus = std::string(POLICYGRAPH_SHARED_DIR) + "/corpus/ccus-policy-hub";

class SharedCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(corpus))
      GTEST_SKIP() << "the shared corpus is not at " << corpus << " (it sits beside a project checkout); skipped";
  }
};

TEST_F(SharedCorpus, StatsFindsItsRecordsAndUnresolvedPredecessors) {
  Result result = run_cli({"stats", "-C", corpus, "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["records"]["policy"], 86);
  EXPECT_EQ(json["records"]["facility"], 1017);
  EXPECT_EQ(json["edges"]["supersedes"], 8);
  EXPECT_EQ(json["unresolved"]["policy"], 8);
  EXPECT_EQ(json["errors"], 0);
}

// Each predecessor the site never described answers `replaced-by` with the one policy that
// names it, and that policy is its current version.
TEST_F(SharedCorpus, EachUnresolvedPredecessorIsReplacedByOnePolicy) {
  Result lineage_view = run_cli({"export", "-C", corpus, "--format", "json", "--view", "lineage"});
  ASSERT_EQ(lineage_view.code, 0) << lineage_view.err;
  auto graph = nlohmann::json::parse(lineage_view.out);
  std::vector<std::string> unresolved;
  for (const auto& node : graph["nodes"])
    if (node["resolved"] == false)
      unresolved.push_back(node["id"].get<std::string>().substr(std::string("policy:").size()));
  ASSERT_EQ(unresolved.size(), 8u);

  for (const auto& id : unresolved) {
    Result result = run_cli({"replaced-by", id, "-C", corpus, "--json"});
    ASSERT_EQ(result.code, 0) << id << ": " << result.err;
    auto answer = nlohmann::json::parse(result.out);
    ASSERT_EQ(answer["replaced_by"].size(), 1u) << id;
    EXPECT_EQ(answer["current"], answer["replaced_by"]) << id;
  }
  Result known = run_cli({"replaced-by", "mrr-legacy-2018", "-C", corpus, "--json"});
  EXPECT_EQ(nlohmann::json::parse(known.out)["replaced_by"], nlohmann::json::array({"eu-ets-mrr-2018"}));
}

}  // namespace
}  // namespace policygraph::cli::testing
