// SPDX-License-Identifier: MIT
// `influence --explain ID`: where a PageRank comes from, as text, JSON and CSV.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "cli_fixture.hpp"

namespace policygraph::cli::testing {
namespace {

const std::string seeds = std::string(POLICYGRAPH_SOURCE_DIR) + "/seeds";

// The branching corpus, worked by hand (queries_test.cpp, Influence.JsonRanksEveryPolicy):
// x_b = 0.133125 / 0.2775 = 0.47973, x_a = 0.0375 + 0.85 x_b = 0.44527, x_c = x_d = 0.0375.
// b's rank: a sends it everything (their one shared tag), α x_a = 0.378480; c and d send it
// everything (they replace it), α × 0.0375 = 0.031875 each; the teleport 0.15 / 4 = 0.0375.
// Nobody is dangling. The equal parts of c and d are listed by id.
TEST(Explain, TextSaysWhereTheRankComesFrom) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result result = run_cli({"influence", "--explain", "b-2005", "-C", corpus.path(), "--no-cache"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out,
            "b-2005  Carbon Act Amendment\n"
            "PageRank 0.47973, ranked #1 of 4. Where it comes from:\n"
            "  78.9%  from shared tags with 1 policy\n"
            "  13.3%  from 2 policies that replace it\n"
            "   7.8%  from the teleport: every policy gets (1 − 0.85) / 4\n"
            "\n"
            "Largest parts (4 of 4; they add up to the PageRank)\n"
            "  amount  share  kind        from    title\n"
            "0.378480  78.9%  shared tag  a-2001  First Carbon Act\n"
            "0.037500   7.8%  teleport    —\n"
            "0.031875   6.6%  supersedes  c-2010  Carbon Pricing Act\n"
            "0.031875   6.6%  supersedes  d-2012  Storage Regulation\n");
}

//   uk-1, uk-2, uk-3 and no-1 all name the facility `hub`; uk-1 also amends uk-2.
TEST(Explain, SentencesNameTheCountriesOfThePoliciesBehindEachPart) {
  TempCorpus corpus;
  for (const char* id : {"uk-1", "uk-2", "uk-3"})
    corpus.write(std::string("policies/") + id + ".md",
                 std::string("---\nid: ") + id + "\ntitle: T " + id +
                     "\ncountry: United Kingdom\nrelatedFacilities: [hub]\n" +
                     (std::string(id) == "uk-1" ? "evolution: {amends: uk-2}\n" : "") + "---\n");
  corpus.write("policies/no-1.md", "---\nid: no-1\ntitle: T no-1\ncountry: Norway\nrelatedFacilities: [hub]\n---\n");
  corpus.write("facilities/hub.md", "---\nid: hub\nname: Hub\n---\n");
  Result result = run_cli({"influence", "--explain", "uk-2", "-C", corpus.path(), "--no-cache"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("%  from 1 United Kingdom policy that amends it\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("%  from shared facilities with 3 policies (2 United Kingdom, 1 Norway)\n"),
            std::string::npos)
      << result.out;
  result = run_cli({"influence", "--explain", "no-1", "-C", corpus.path(), "--no-cache"});
  EXPECT_NE(result.out.find("%  from shared facilities with 3 United Kingdom policies\n"), std::string::npos)
      << result.out;
}

TEST(Explain, JsonListsEveryPartAndTheyAddUpOnTheSeeds) {
  for (const char* id : {"eu-ets-directive-2003", "us-45q-eiea-2008", "au-accu-ccs-method-2021", "ab-sger-2007"}) {
    Result result = run_cli({"influence", "--explain", id, "-C", seeds, "--no-cache", "--json"});
    ASSERT_EQ(result.code, 0) << result.err;
    const auto json = nlohmann::json::parse(result.out);
    EXPECT_EQ(json["id"], id);
    double sum = 0.0;
    std::set<std::string> kinds;
    for (const auto& part : json["contributions"]) {
      sum += part["amount"].get<double>();
      kinds.insert(part["kind"].get<std::string>());
      EXPECT_EQ(part["from"].is_null(), part["kind"] == "teleport" || part["kind"] == "dangling") << part;
    }
    EXPECT_NEAR(sum, json["pagerank"].get<double>(), 1e-9) << id;
    EXPECT_TRUE(kinds.contains("teleport")) << id;
    // The rank listed by `influence` is the one explained.
    const auto ranking =
        nlohmann::json::parse(run_cli({"influence", "-C", seeds, "--no-cache", "--json", "--top", "0"}).out);
    for (const auto& entry : ranking["policies"])
      if (entry["id"] == id) {
        EXPECT_EQ(entry["pagerank"], json["pagerank"]) << id;
        EXPECT_EQ(entry["rank"], json["rank"]) << id;
      }
  }
  // The directive: amended by six acts, implemented by three, and linked through tags and clusters.
  const auto json = nlohmann::json::parse(
      run_cli({"influence", "--explain", "eu-ets-directive-2003", "-C", seeds, "--no-cache", "--json"}).out);
  std::set<std::string> kinds;
  for (const auto& total : json["by_kind"]) kinds.insert(total["kind"].get<std::string>());
  EXPECT_EQ(kinds,
            (std::set<std::string>{"amends", "implements", "shared_tag", "shared_cluster", "teleport", "dangling"}));
  EXPECT_EQ(json["title"],
            "Directive 2003/87/EC establishing a scheme for greenhouse gas emission allowance trading "
            "within the Community");
  EXPECT_EQ(json["country"], "European Union");
}

TEST(Explain, CsvHasARowPerPart) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result result = run_cli({"influence", "--explain", "b-2005", "-C", corpus.path(), "--no-cache", "--format", "csv"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')), "from,kind,amount,share,title,date,country,state");
  EXPECT_NE(result.out.find("\n,teleport,0.0375"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\nc-2010,supersedes,0.031875"), std::string::npos) << result.out;
  EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 5);
}

TEST(Explain, RefusesWhatItCannotExplain) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result by = run_cli({"influence", "--explain", "b-2005", "--by", "betweenness", "-C", corpus.path()});
  EXPECT_EQ(by.code, 2);
  EXPECT_EQ(by.err, "policygraph: error: --explain explains a PageRank; drop --by betweenness\n");
  Result filtered = run_cli({"influence", "--explain", "b-2005", "--country", "Norway", "-C", corpus.path()});
  EXPECT_EQ(filtered.code, 2);
  EXPECT_EQ(
      filtered.err,
      "policygraph: error: --explain takes no filter: it lists every part of the rank, so that they add up to it\n");
  Result unknown = run_cli({"influence", "--explain", "b-2006", "-C", corpus.path(), "--no-cache"});
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.err.find("no policy has the id 'b-2006'"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace policygraph::cli::testing
