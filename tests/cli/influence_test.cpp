// SPDX-License-Identifier: MIT
// `influence`: the notions of importance (--by), ties shown as ties, and what each entry
// carries for a person.
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace policygraph::cli::testing {
namespace {

// c-2010 and d-2012 both replace b-2005 and nothing points at them: the same rank, 0.15 / 4
// (queries_test.cpp works the others out), so they share the third place and are listed by id.
TEST(InfluenceTies, EqualRanksShareAPlaceListedById) {
  const BranchingCorpus corpus;
  Result result = corpus.run({"influence", "--top", "0"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out,
            "4 policies by pagerank; 2 share a rank in 1 tie (=N: equal to 1e-12, listed by id)\n"
            " #  pagerank  betweenness  in  out  id      title\n"
            " 1   0.47973       1.0000   2    1  b-2005  Carbon Act Amendment\n"
            " 2   0.44527       0.0000   1    0  a-2001  First Carbon Act\n"
            "=3   0.03750       0.0000   0    1  c-2010  Carbon Pricing Act\n"
            "=3   0.03750       0.0000   0    1  d-2012  Storage Regulation\n"
            "in/out: lineage edges from newer policies / to the policies it builds on. 4 of 4 policies shown\n");

  const auto json = json_of(corpus.run({"influence", "--json"}));
  EXPECT_EQ(json["ties"], (nlohmann::json{{"policies", 2}, {"groups", 1}}));
  std::vector<std::string> ranks;
  for (const auto& entry : json["policies"])
    ranks.push_back(entry["id"].get<std::string>() + (entry["tied"] ? " =" : " ") +
                    std::to_string(entry["rank"].get<int>()));
  EXPECT_EQ(ranks, (std::vector<std::string>{"b-2005 1", "a-2001 2", "c-2010 =3", "d-2012 =3"}));
}

// The case of issue 16: a facility that lists every policy of a country makes a clique of
// identical neighbourhoods, whose PageRanks differ only by floating-point noise. Written in
// an order that is not the ids', they still come out by id, tied.
TEST(InfluenceTies, ACliqueOfOneFacilityIsOneTieInIdOrder) {
  TempCorpus corpus;
  for (const char* id : {"th-draft-bill", "th-act", "th-roadmap", "th-decree", "th-budget"})
    corpus.write(std::string("policies/") + id + ".md", std::string("---\nid: ") + id + "\ntitle: " + id +
                                                            "\ncountry: Thailand\nrelatedFacilities: [grid]\n---\n");
  corpus.write("facilities/grid.md", "---\nid: grid\nname: National Grid\n---\n");
  corpus.write("policies/us.md", "---\nid: us-45q\ntitle: 45Q\ncountry: United States\n---\n");
  const auto json = json_of(corpus.run({"influence", "--json"}));
  std::vector<std::string> ranks;
  for (const auto& entry : json["policies"])
    ranks.push_back(entry["id"].get<std::string>() + (entry["tied"] ? " =" : " ") +
                    std::to_string(entry["rank"].get<int>()));
  EXPECT_EQ(ranks, (std::vector<std::string>{"th-act =1", "th-budget =1", "th-decree =1", "th-draft-bill =1",
                                             "th-roadmap =1", "us-45q 6"}));
  EXPECT_EQ(json["ties"], (nlohmann::json{{"policies", 5}, {"groups", 1}}));
  // --top that cuts the tie says how much of it is left out.
  Result text = corpus.run({"influence", "--top", "3"});
  EXPECT_NE(text.out.find("3 of 6 policies shown; the tie at =1 has 2 more below (--top 0 for all)\n"),
            std::string::npos)
      << text.out;
}

// b, c and d build on a (c and d through b); c and d on b.
TEST(InfluenceBy, DescendantsCountsLaterPoliciesThroughLineage) {
  const BranchingCorpus corpus;
  Result result = corpus.run({"influence", "--by", "descendants"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out,
            "4 policies by descendants; 2 share a rank in 1 tie (=N: equal to 1e-12, listed by id)\n"
            " #  descendants  pagerank  betweenness  in  out  id      title\n"
            " 1            3   0.44527       0.0000   1    0  a-2001  First Carbon Act\n"
            " 2            2   0.47973       1.0000   2    1  b-2005  Carbon Act Amendment\n"
            "=3            0   0.03750       0.0000   0    1  c-2010  Carbon Pricing Act\n"
            "=3            0   0.03750       0.0000   0    1  d-2012  Storage Regulation\n"
            "in/out: lineage edges from newer policies / to the policies it builds on. descendants: later policies "
            "that build on it through lineage. 4 of 4 policies shown\n");
}

// a names two facilities, c is named by one (relatedPolicies), b and d by none.
TEST(InfluenceBy, FacilitiesCountsTheFacilitiesAPolicyGoverns) {
  const BranchingCorpus corpus;
  corpus.write(
      "policies/en/a.md",
      "---\nid: a-2001\ntitle: First Carbon Act\nyear: 2001\ntags: [carbon]\nrelatedFacilities: [f1, f2]\n---\n");
  corpus.write("facilities/f1.md", "---\nid: f1\nname: F1\nrelatedPolicies: [c-2010]\n---\n");
  const auto json = json_of(corpus.run({"influence", "--by", "facilities", "--json"}));
  EXPECT_EQ(json["by"], "facilities");
  std::vector<std::string> ranks;
  for (const auto& entry : json["policies"])
    ranks.push_back(entry["id"].get<std::string>() + " " + std::to_string(entry["facilities"].get<int>()) + " " +
                    (entry["tied"] ? "=" : "") + std::to_string(entry["rank"].get<int>()));
  EXPECT_EQ(ranks, (std::vector<std::string>{"a-2001 2 1", "c-2010 1 2", "b-2005 0 =3", "d-2012 0 =3"}));
}

TEST(InfluenceBy, UnknownNotionSuggestsOne) {
  TempCorpus corpus;
  Result result = run_cli({"influence", "-C", corpus.path(), "--by", "pagerenk"});
  EXPECT_EQ(result.code, 2);
  EXPECT_EQ(result.err,
            "policygraph: error: --by: unknown value 'pagerenk'; did you mean 'pagerank'? (one of pagerank, "
            "betweenness, descendants, facilities)\n");
}

TEST(InfluenceEntries, CarryWhatAPersonReads) {
  TempCorpus corpus;
  corpus.write("policies/a.md", "---\nid: a\ntitle: Act A\npubDate: 2010-05\ncountry: Norway\nstatus: Active\n---\n");
  corpus.write("policies/b.md",
               "---\nid: b\ntitle: Bill B\ncountry: Norway\nstatus: Draft\nevolution: {amends: a}\n---\n");
  const auto json = json_of(corpus.run({"influence", "--json"}));
  ASSERT_EQ(json["policies"].size(), 2u);
  const auto& first = json["policies"][0];
  EXPECT_EQ(first["id"], "a");
  EXPECT_EQ(first["title"], "Act A");
  EXPECT_EQ(first["date"], "2010-05-01");
  EXPECT_EQ(first["country"], "Norway");
  EXPECT_EQ(first["state"], "in_force");
  EXPECT_EQ(first["descendants"], 1);
  EXPECT_EQ(json["policies"][1]["state"], "proposed");
  EXPECT_TRUE(json["policies"][1]["date"].is_null());
}

}  // namespace
}  // namespace policygraph::cli::testing
