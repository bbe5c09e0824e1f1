// SPDX-License-Identifier: MIT
// The filters of the query commands (cli/filters.hpp): --country, --since, --until, --state,
// --kind, on in-force, influence, clusters, lineage and stats.
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace policygraph::cli::testing {
namespace {

//   no-1990 (Norway, Active)  <-amends-  no-2014 (Norway, 2014-06-01)     sleipner (a Norwegian facility) names no-2014
//   uk-2010 (United Kingdom, 2010-12-15, Active)      uk-2021 (United Kingdom, 2021-03, Draft: proposed)
//   eu-2003 (European Union, In force)  <-amends-  eu-2009
struct CountriesCorpus : TempCorpus {
  CountriesCorpus() {
    write("policies/no-1990.md",
          "---\nid: no-1990\ntitle: CO2 Tax Act\nyear: 1990\ncountry: Norway\nstatus: Active\n"
          "evolution: {clusters: [north sea]}\n---\n");
    write("policies/no-2014.md",
          "---\nid: no-2014\ntitle: Storage Regulations\npubDate: 2014-06-01\ncountry: Norway\n"
          "evolution: {amends: no-1990, clusters: [north sea]}\n---\n");
    write("policies/uk-2010.md",
          "---\nid: uk-2010\ntitle: Energy Act\npubDate: 2010-12-15\n"
          "country: United Kingdom\nstatus: Active\nevolution: {clusters: [north sea]}\n---\n");
    write("policies/uk-2021.md",
          "---\nid: uk-2021\ntitle: Net Zero Bill\npubDate: 2021-03\ncountry: United Kingdom\nstatus: Draft\n---\n");
    write("policies/eu-2003.md",
          "---\nid: eu-2003\ntitle: ETS Directive\npubDate: 2003-10-13\n"
          "country: European Union\nstatus: In force\n---\n");
    write("policies/eu-2009.md",
          "---\nid: eu-2009\ntitle: Phase Three\npubDate: 2009-04-23\n"
          "country: European Union\nevolution: {amends: eu-2003}\n---\n");
    write("facilities/sleipner.md",
          "---\nid: sleipner\nname: Sleipner\ncountry: Norway\nrelatedPolicies: [no-2014]\n---\n");
  }
};

std::vector<std::string> in_force_ids(const TempCorpus& corpus, std::vector<std::string> filters) {
  std::vector<std::string> args{"in-force", "--at", "2022", "--json"};
  args.insert(args.end(), filters.begin(), filters.end());
  return json_of(corpus.run(args))["policies"].get<std::vector<std::string>>();
}

using Ids = std::vector<std::string>;

TEST(Filters, CountryIsMatchedWhateverItsCase) {
  const CountriesCorpus corpus;
  EXPECT_EQ(in_force_ids(corpus, {}), (Ids{"eu-2003", "eu-2009", "no-1990", "no-2014", "uk-2010"}));
  EXPECT_EQ(in_force_ids(corpus, {"--country", "norway"}), (Ids{"no-1990", "no-2014"}));
  EXPECT_EQ(in_force_ids(corpus, {"--country", "NORWAY,european union"}),
            (Ids{"eu-2003", "eu-2009", "no-1990", "no-2014"}));
}

// --until 2010 runs to 31 December 2010, so it takes uk-2010 (15 December); --until 2010-11
// does not. --since 2009-04 starts on 1 April, --since 2009-04-24 after eu-2009.
TEST(Filters, DatesTakeEveryDayOfThePeriodTheyName) {
  const CountriesCorpus corpus;
  EXPECT_EQ(in_force_ids(corpus, {"--since", "2005", "--until", "2010"}), (Ids{"eu-2009", "uk-2010"}));
  EXPECT_EQ(in_force_ids(corpus, {"--since", "2005", "--until", "2010-11"}), (Ids{"eu-2009"}));
  EXPECT_EQ(in_force_ids(corpus, {"--since", "2009-04", "--until", "2009-04-23"}), (Ids{"eu-2009"}));
  EXPECT_EQ(in_force_ids(corpus, {"--since", "2009-04-24", "--until", "2010-12-14"}), Ids{});
}

TEST(Filters, StateIsTheNormalisedLegalState) {
  const CountriesCorpus corpus;
  auto influence_ids = [&](std::vector<std::string> filters) {
    std::vector<std::string> args{"influence", "--json"};
    args.insert(args.end(), filters.begin(), filters.end());
    Ids ids = ids_of(json_of(corpus.run(args))["policies"]);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  EXPECT_EQ(influence_ids({"--state", "proposed"}), Ids{"uk-2021"});
  EXPECT_EQ(influence_ids({"--state", "In-Force"}), (Ids{"eu-2003", "no-1990", "uk-2010"}));
  EXPECT_EQ(influence_ids({"--state", "in force,proposed", "--country", "United Kingdom"}),
            (Ids{"uk-2010", "uk-2021"}));
  Result wrong = run_cli({"influence", "-C", corpus.path(), "--state", "endd"});
  EXPECT_EQ(wrong.code, 2);
  EXPECT_EQ(wrong.err,
            "policygraph: error: --state: unknown value 'endd'; did you mean 'ended'? (one of in_force, pending, "
            "proposed, ended, unknown)\n");
}

// One module serves every query command: the same filter, the same warning.
TEST(Filters, EveryQueryCommandTakesThemAndWarnsTheSameWay) {
  const CountriesCorpus corpus;
  const std::string warning =
      "policygraph: warning: --country 'Norwy' is the country of no record (did you mean 'Norway'?); the corpus "
      "has: European Union, Norway, United Kingdom (quote names with spaces: --country 'United Kingdom')\n";
  for (std::vector<std::string> command :
       {std::vector<std::string>{"in-force"}, {"influence"}, {"clusters"}, {"lineage", "no-1990"}, {"stats"}}) {
    std::vector<std::string> args = command;
    for (const std::string& arg :
         {std::string("-C"), corpus.path(), std::string("--no-cache"), std::string("--country"), std::string("Norwy"),
          std::string("--since"), std::string("1990"), std::string("--until"), std::string("today")})
      args.push_back(arg);
    Result result = run_cli(args);
    EXPECT_EQ(result.code, 0) << command[0] << ": " << result.err;
    EXPECT_EQ(result.err, warning) << command[0];
    args.push_back("--state");
    args.push_back("ended");
    EXPECT_EQ(run_cli(args).code, 0) << command[0];
  }
}

TEST(Filters, NothingMatchedIsAWarningWithTheNearestValues) {
  const CountriesCorpus corpus;
  auto warning_of = [&](std::vector<std::string> filters) {
    std::vector<std::string> args{"influence", "-C", corpus.path(), "--no-cache", "--json"};
    args.insert(args.end(), filters.begin(), filters.end());
    Result result = run_cli(args);
    EXPECT_EQ(result.code, 0) << result.err;
    return result.err;
  };
  EXPECT_EQ(warning_of({"--since", "2030"}),
            "policygraph: warning: --since 2030: no policy is dated on or after 2030-01-01; the nearest date is "
            "2021-03-01 (uk-2021) before\n");
  EXPECT_EQ(warning_of({"--since", "1995", "--until", "2000"}),
            "policygraph: warning: --since 1995 --until 2000: no policy is dated from 1995-01-01 to 2000-12-31; the "
            "nearest dates are 1990-01-01 (no-1990) before and 2003-10-13 (eu-2003) after\n");
  EXPECT_EQ(warning_of({"--state", "pending"}),
            "policygraph: warning: --state pending: no policy is in that state; the states there are in_force (3), "
            "unknown (2), proposed (1)\n");
  // Each matches some policy alone, none together: what would match, beside each.
  EXPECT_EQ(warning_of({"--country", "Norway", "--state", "proposed"}),
            "policygraph: warning: nothing passes --country Norway and --state proposed at once, though each alone "
            "matches some; among what the other filters keep: for --country Norway, the countries there are United "
            "Kingdom (1); for --state proposed, the states there are in_force (1), unknown (1)\n");
  EXPECT_EQ(warning_of({"--country", "Norway", "--state", "in_force"}), "");
  // One country of several that is no record's is still a warning.
  EXPECT_EQ(warning_of({"--country", "Norway,Narnia"}),
            "policygraph: warning: --country 'Narnia' is the country of no record; the corpus has: European Union, "
            "Norway, United Kingdom (quote names with spaces: --country 'United Kingdom')\n");
}

TEST(Filters, LineageFollowsTheKindsAskedAndHidesWhatOtherFiltersLeaveOut) {
  const CountriesCorpus corpus;
  corpus.write("policies/no-2020.md",
               "---\nid: no-2020\ntitle: Longship\npubDate: 2020-09-21\ncountry: Norway\n"
               "evolution: {supersedes: no-2014}\n---\n");
  auto members = [&](std::vector<std::string> filters) {
    std::vector<std::string> args{"lineage", "no-1990", "--json"};
    args.insert(args.end(), filters.begin(), filters.end());
    Ids ids;
    const auto json = json_of(corpus.run(args));
    for (const auto& node : json["nodes"])
      ids.push_back(node["id"].get<std::string>() + ":" + std::to_string(node["generation"].get<int>()));
    return ids;
  };
  EXPECT_EQ(members({}), (Ids{"no-1990:0", "no-2014:1", "no-2020:2"}));
  EXPECT_EQ(members({"--kind", "amends"}), (Ids{"no-1990:0", "no-2014:1"}));
  EXPECT_EQ(members({"--kind", "supersedes"}), (Ids{"no-1990:0"}));
  // A filter hides members but keeps their generations, and the policy asked about.
  EXPECT_EQ(members({"--since", "2015"}), (Ids{"no-1990:0", "no-2020:2"}));
  Result text = corpus.run({"lineage", "no-1990", "--since", "2015"});
  EXPECT_NE(text.out.find("  1 more of its lineage not shown (dated on or after 2015-01-01); generations count them\n"),
            std::string::npos)
      << text.out;
  Result wrong = run_cli({"lineage", "no-1990", "-C", corpus.path(), "--kind", "amended"});
  EXPECT_EQ(wrong.code, 2);
  EXPECT_EQ(wrong.err,
            "policygraph: error: --kind: unknown value 'amended'; did you mean 'amends'? (one of supersedes, "
            "consolidates, repeals, amends, implements)\n");
}

// Stats counts what the filters keep: Norway's two policies and its facility, the cluster they
// are members of, and the edges between what is kept (the amendment, two memberships, the
// facility's link); files and diagnostics stay the corpus's.
TEST(Filters, StatsCountsWhatTheFiltersKeep) {
  const CountriesCorpus corpus;
  const auto json = json_of(corpus.run({"stats", "--json", "--country", "norway"}));
  EXPECT_EQ(json["records"], (nlohmann::json{{"policy", 2}, {"facility", 1}}));
  EXPECT_EQ(json["nodes"], (nlohmann::json{{"policy", 2}, {"facility", 1}, {"cluster", 1}, {"tag", 0}}));
  EXPECT_EQ(json["edges"]["amends"], 1);
  EXPECT_EQ(json["edges"]["member_of"], 2);
  EXPECT_EQ(json["edges"]["related_facility"], 1);
  EXPECT_EQ(json["files"], 7);
  EXPECT_EQ(json["filters"], (nlohmann::json{{"country", {"norway"}}}));

  const auto facilities = json_of(corpus.run({"stats", "--json", "--kind", "facility"}));
  EXPECT_EQ(facilities["records"], (nlohmann::json{{"policy", 0}, {"facility", 1}}));
  EXPECT_EQ(facilities["edges"]["related_facility"], 0);  // its policy is not kept

  const auto all = json_of(corpus.run({"stats", "--json"}));
  EXPECT_EQ(all["records"], (nlohmann::json{{"policy", 6}, {"facility", 1}}));
  EXPECT_FALSE(all.contains("filters"));
}

}  // namespace
}  // namespace policygraph::cli::testing
