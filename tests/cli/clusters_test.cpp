// SPDX-License-Identifier: MIT
// `clusters` as a person reads it: policy clusters first, facility hubs after, members by name.
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace policygraph::cli::testing {
namespace {

//   cluster "Zero Carbon": the policy p-a and the facility f-one (its hub)
//   hub "Alpha Hub", first by name but of facilities alone: f-two and f-three
//   p-a and p-b share the tag `ccs`; p-c stands alone
void write_clustered_corpus(const TempCorpus& corpus) {
  corpus.write("policies/p-a.md",
               "---\nid: p-a\ntitle: Alpha Act\nyear: 2001\ncountry: Norway\ntags: [ccs]\n"
               "evolution: {clusters: [Zero Carbon]}\n---\n");
  corpus.write("policies/p-b.md", "---\nid: p-b\ntitle: Beta Bill\nyear: 2002\ncountry: Canada\ntags: [ccs]\n---\n");
  corpus.write("policies/p-c.md", "---\nid: p-c\ntitle: Gamma Guidance\nyear: 2003\ncountry: Norway\n---\n");
  corpus.write("facilities/f-one.md",
               "---\nid: f-one\nname: First Storage Site\ncountry: Norway\nhub: Zero Carbon\n---\n");
  corpus.write("facilities/f-two.md",
               "---\nid: f-two\nname: Second Storage Site\ncountry: Canada\nhub: Alpha Hub\n---\n");
  corpus.write("facilities/f-three.md",
               "---\nid: f-three\nname: Third Storage Site\ncountry: Norway\nhub: Alpha Hub\n---\n");
}

TEST(ClustersReadable, PolicyClustersFirstThenHubsMembersByName) {
  TempCorpus corpus;
  write_clustered_corpus(corpus);
  Result result = run_cli({"clusters", "-C", corpus.path(), "--no-cache"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find("\nConnected components")),
            "Declared policy clusters (1)\n"
            "  Zero Carbon (1 policy, 1 facility)\n"
            "    f-one  First Storage Site\n"
            "    p-a    Alpha Act\n"
            "\n"
            "Facility hubs (1, clusters of facilities alone)\n"
            "  Alpha Hub (2 facilities)\n"
            "    f-three  Third Storage Site\n"
            "    f-two    Second Storage Site\n");
  EXPECT_NE(result.out.find("Connected components of the policy view (2)\n"
                            "  1. (2 policies)\n"
                            "    p-a  Alpha Act\n"
                            "    p-b  Beta Bill\n"
                            "  2. (1 policy)\n"
                            "    p-c  Gamma Guidance\n"),
            std::string::npos)
      << result.out;
}

TEST(ClustersReadable, KindAndCountryNarrowTheMembers) {
  TempCorpus corpus;
  write_clustered_corpus(corpus);
  Result facilities = run_cli({"clusters", "-C", corpus.path(), "--no-cache", "--kind", "facility"});
  ASSERT_EQ(facilities.code, 0) << facilities.err;
  EXPECT_EQ(facilities.out,
            "Members kind facility\n"
            "Declared policy clusters (1)\n"
            "  Zero Carbon (1 facility)\n"
            "    f-one  First Storage Site\n"
            "\n"
            "Facility hubs (1, clusters of facilities alone)\n"
            "  Alpha Hub (2 facilities)\n"
            "    f-three  Third Storage Site\n"
            "    f-two    Second Storage Site\n");
  const auto json = nlohmann::json::parse(
      run_cli({"clusters", "-C", corpus.path(), "--no-cache", "--json", "--country", "canada"}).out);
  ASSERT_EQ(json["declared"].size(), 1u);
  EXPECT_EQ(json["declared"][0]["cluster"], "Alpha Hub");
  EXPECT_EQ(json["declared"][0]["kind"], "facility");
  EXPECT_EQ(json["declared"][0]["members"], nlohmann::json::array({"facility:f-two"}));
  EXPECT_EQ(json["declared"][0]["member_entries"][0]["title"], "Second Storage Site");
  EXPECT_EQ(json["components"], nlohmann::json::array({nlohmann::json::array({"p-b"})}));
}

TEST(ClustersReadable, CsvHasARowPerMemberOfEachSection) {
  TempCorpus corpus;
  write_clustered_corpus(corpus);
  Result result = run_cli({"clusters", "-C", corpus.path(), "--no-cache", "--format", "csv", "--kind", "policy"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find("community")),
            "section,group,kind,id,title,date,country,state\n"
            "declared,Zero Carbon,policy,p-a,Alpha Act,2001-01-01,Norway,unknown\n"
            "component,1,policy,p-a,Alpha Act,2001-01-01,Norway,unknown\n"
            "component,1,policy,p-b,Beta Bill,2002-01-01,Canada,unknown\n"
            "component,2,policy,p-c,Gamma Guidance,2003-01-01,Norway,unknown\n");
}

TEST(ClustersReadable, KindTakesPolicyOrFacility) {
  TempCorpus corpus;
  Result result = run_cli({"clusters", "-C", corpus.path(), "--kind", "tag"});
  EXPECT_EQ(result.code, 2);
  EXPECT_EQ(result.err, "policygraph: error: --kind: unknown value 'tag' (one of policy, facility)\n");
}

}  // namespace
}  // namespace policygraph::cli::testing
