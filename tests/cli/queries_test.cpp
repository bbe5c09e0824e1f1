// SPDX-License-Identifier: MIT
#include <iterator>
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace policygraph::cli::testing {
namespace {

TEST(ReplacedBy, JsonListsSuccessorsAndCurrentVersions) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result result = run_cli({"replaced-by", "a-2001", "-C", corpus.path(), "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["id"], "a-2001");
  EXPECT_EQ(json["replaced_by"], nlohmann::json::array({"b-2005"}));
  EXPECT_EQ(json["current"], nlohmann::json::array({"c-2010", "d-2012"}));
}

TEST(ReplacedBy, HumanOutputShowsBothChains) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result result = run_cli({"replaced-by", "b-2005", "-C", corpus.path()});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("c-2010"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("d-2012"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("current version"), std::string::npos) << result.out;
}

TEST(ReplacedBy, UnknownIdSuggestsIdsAndTitlesAndExitsOne) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result typo = run_cli({"replaced-by", "b-2006", "-C", corpus.path()});
  EXPECT_EQ(typo.code, 1);
  EXPECT_NE(typo.err.find("no policy has the id 'b-2006'"), std::string::npos) << typo.err;
  EXPECT_NE(typo.err.find("did you mean:"), std::string::npos) << typo.err;
  EXPECT_NE(typo.err.find("b-2005"), std::string::npos) << typo.err;

  Result words = run_cli({"replaced-by", "carbon pricing", "-C", corpus.path()});
  EXPECT_EQ(words.code, 1);
  EXPECT_NE(words.err.find("policies whose title has those words:"), std::string::npos) << words.err;
  EXPECT_NE(words.err.find("c-2010  Carbon Pricing Act"), std::string::npos) << words.err;

  Result chinese = run_cli({"replaced-by", "碳法", "-C", corpus.path()});
  EXPECT_EQ(chinese.code, 1);
  EXPECT_NE(chinese.err.find("a-2001"), std::string::npos) << "titles in every language are searched: " << chinese.err;
}

TEST(ReplacedBy, PartOfAnIdSuggestsTheIdsThatContainIt) {
  TempCorpus corpus;
  corpus.write("policies/en/m.md", "---\nid: cn-ccer-measures-2023\ntitle: Voluntary Trading Measures\n---\n");
  corpus.write("policies/en/n.md", "---\nid: cn-ccer-interim-measures-2012\ntitle: Interim Measures\n---\n");
  corpus.write("policies/en/o.md", "---\nid: eu-ets-directive-2003\ntitle: Emissions Trading\n---\n");
  Result result = run_cli({"lineage", "CCER", "-C", corpus.path()});
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.err.find("did you mean:\n    cn-ccer-interim-measures-2012  Interim Measures\n"
                            "    cn-ccer-measures-2023  Voluntary Trading Measures"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(result.err.find("eu-ets-directive-2003"), std::string::npos) << result.err;
}

TEST(Lineage, JsonGivesGenerationsAndEdges) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result result = run_cli({"lineage", "b-2005", "-C", corpus.path(), "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json["nodes"].size(), 4u);
  EXPECT_EQ(json["nodes"][0]["id"], "a-2001");
  EXPECT_EQ(json["nodes"][0]["generation"], -1);
  EXPECT_EQ(json["nodes"][0]["date"], "2001-01-01");
  EXPECT_EQ(json["nodes"][1]["id"], "b-2005");
  EXPECT_EQ(json["nodes"][1]["generation"], 0);
  EXPECT_EQ(json["nodes"][1]["date"], "2005-03-01");
  EXPECT_EQ(json["nodes"][2]["generation"], 1);
  EXPECT_EQ(json["edges"].size(), 3u);
}

TEST(InForce, ListsThePoliciesStandingOnADay) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  auto at = [&](const char* day) {
    Result result = run_cli({"in-force", "--at", day, "-C", corpus.path(), "--json"});
    EXPECT_EQ(result.code, 0) << result.err;
    return nlohmann::json::parse(result.out)["policies"];
  };
  EXPECT_EQ(at("2000"), nlohmann::json::array());
  EXPECT_EQ(at("2004-12-31"), nlohmann::json::array({"a-2001"}));
  EXPECT_EQ(at("2005-03-01"), nlohmann::json::array({"b-2005"}));
  EXPECT_EQ(at("2011"), nlohmann::json::array({"c-2010"}));
  EXPECT_EQ(at("2020"), nlohmann::json::array({"c-2010", "d-2012"}));
}

TEST(InForce, ADateThatIsNotADateIsAUsageError) {
  TempCorpus corpus;
  Result result = run_cli({"in-force", "--at", "2005-02-30", "-C", corpus.path()});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("--at '2005-02-30' is not a date"), std::string::npos) << result.err;
}

TEST(Influence, JsonRanksEveryPolicy) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result result = run_cli({"influence", "-C", corpus.path(), "--json", "--top", "0"});
  ASSERT_EQ(result.code, 0) << result.err;
  auto policies = nlohmann::json::parse(result.out)["policies"];
  ASSERT_EQ(policies.size(), 4u);
  double sum = 0;
  for (const auto& policy : policies) sum += policy["pagerank"].get<double>();
  EXPECT_NEAR(sum, 1.0, 1e-9);
  // Worked by hand. Policy view: c→b 3, d→b 3, b→a 3+1 (supersedes + shared tag), a→b 1.
  // c and d have no in-edges: x_c = x_d = 0.15/4. Then x_a = 0.0375 + 0.85 x_b and
  // x_b = 0.0375 + 0.85 (x_a + x_c + x_d), so x_b = 0.133125 / 0.2775 and x_a follows.
  EXPECT_EQ(policies[0]["id"], "b-2005");
  EXPECT_NEAR(policies[0]["pagerank"].get<double>(), 0.133125 / 0.2775, 1e-9);
  EXPECT_EQ(policies[1]["id"], "a-2001");
  EXPECT_NEAR(policies[1]["pagerank"].get<double>(), 0.0375 + 0.85 * 0.133125 / 0.2775, 1e-9);
  EXPECT_NEAR(policies[2]["pagerank"].get<double>(), 0.0375, 1e-9);
  EXPECT_EQ(policies[0]["in_degree"], 2);  // c and d supersede b
  EXPECT_EQ(policies[0]["out_degree"], 1);
}

TEST(Clusters, JsonHasTheThreeParts) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result result = run_cli({"clusters", "-C", corpus.path(), "--json", "--seed", "3"});
  ASSERT_EQ(result.code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["components"],
            nlohmann::json::array({nlohmann::json::array({"a-2001", "b-2005", "c-2010", "d-2012"})}));
  EXPECT_EQ(json["communities"]["seed"], 3);
  EXPECT_TRUE(json["communities"]["modularity"].is_number());
  EXPECT_TRUE(json["declared"].is_array());
}

TEST(Export, MetricsGivesTheChosenNodeAttributes) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  auto node_keys = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"export", "-C", corpus.path(), "--format", "json", "--view", "policy"};
    args.insert(args.end(), extra.begin(), extra.end());
    Result result = run_cli(args);
    EXPECT_EQ(result.code, 0) << result.err;
    auto node = nlohmann::json::parse(result.out)["nodes"][0];
    return std::vector<bool>{node.contains("pagerank"), node.contains("community"), node.contains("betweenness")};
  };
  EXPECT_EQ(node_keys({}), (std::vector<bool>{false, false, false}));
  EXPECT_EQ(node_keys({"--metrics", "pagerank,community"}), (std::vector<bool>{true, true, false}));
  EXPECT_EQ(node_keys({"--metrics"}), (std::vector<bool>{true, true, true}));
  EXPECT_EQ(node_keys({"--metrics", "all"}), (std::vector<bool>{true, true, true}));
  Result wrong = run_cli({"export", "-C", corpus.path(), "--format", "json", "--metrics", "pagrank"});
  EXPECT_EQ(wrong.code, 2);
  EXPECT_NE(wrong.err.find("unknown metric 'pagrank'; did you mean 'pagerank'?"), std::string::npos) << wrong.err;
}

TEST(Export, SummaryCountsTheEdgesTheReducedDiagramDraws) {
  TempCorpus corpus;  // x-1 <- y-2 <- z-3, and z-3 also names x-1: the reduction drops that one
  corpus.write("policies/en/x.md", "---\nid: x-1\ntitle: X\nyear: 2001\n---\n");
  corpus.write("policies/en/y.md", "---\nid: y-2\ntitle: Y\nyear: 2002\nevolution:\n  supersedes: [x-1]\n---\n");
  corpus.write("policies/en/z.md", "---\nid: z-3\ntitle: Z\nyear: 2003\nevolution:\n  supersedes: [y-2, x-1]\n---\n");
  const std::string file = corpus.path() + "/out/lineage.dot";
  auto summary = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"export", "-C",      corpus.path(), "--format", "dot",
                                  "--view", "lineage", "-o",          file,       "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    Result result = run_cli(args);
    EXPECT_EQ(result.code, 0) << result.err;
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t arrows = 0;
    // Edges between policies; the invisible year-to-year edges that order the ranks are not ours.
    for (auto at = text.find("\"policy:"); at != std::string::npos; at = text.find("\"policy:", at + 1))
      arrows += text.compare(text.find('"', at + 1) + 1, 4, " -> ") == 0;
    return std::pair{nlohmann::json::parse(result.out)["edges"].get<std::size_t>(), arrows};
  };
  EXPECT_EQ(summary({}), (std::pair<std::size_t, std::size_t>{3, 3}));
  EXPECT_EQ(summary({"--reduce"}), (std::pair<std::size_t, std::size_t>{2, 2}));
}

TEST(Export, CountryOfNoRecordIsAWarningThatListsTheCountries) {
  TempCorpus corpus;
  corpus.write("policies/en/n.md", "---\nid: n-1\ntitle: N\ncountry: Norway\n---\n");
  corpus.write("policies/en/u.md", "---\nid: u-1\ntitle: U\ncountry: United Kingdom\n---\n");
  Result typo = run_cli({"export", "-C", corpus.path(), "--format", "json", "--country", "Narnia"});
  EXPECT_EQ(typo.code, 0) << typo.err;
  EXPECT_NE(typo.err.find("warning: --country 'Narnia' is the country of no record; the corpus has: Norway, "
                          "United Kingdom (quote names with spaces: --country 'United Kingdom')"),
            std::string::npos)
      << typo.err;
  Result lower = run_cli({"export", "-C", corpus.path(), "--format", "json", "--country", "norway"});
  EXPECT_EQ(lower.err.find("warning"), std::string::npos) << lower.err;
  EXPECT_EQ(nlohmann::json::parse(lower.out)["nodes"].size(), 1u);
}

TEST(Export, FocusOnAFacilitySaysItIsOne) {
  TempCorpus corpus;
  corpus.write("policies/en/p.md", "---\nid: p-1\ntitle: P\nrelatedFacilities: [sleipner]\n---\n");
  corpus.write("facilities/en/s.md", "---\nid: sleipner\nname: Sleipner\n---\n");
  Result result = run_cli({"export", "-C", corpus.path(), "--format", "json", "--focus", "sleipner"});
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.err.find("no policy has the id 'sleipner' ('sleipner' is a facility: give a policy id)"),
            std::string::npos)
      << result.err;
}

}  // namespace
}  // namespace policygraph::cli::testing
