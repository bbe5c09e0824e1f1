// SPDX-License-Identifier: MIT
// The answers of typed evolution on the command line (MODEL.md 7.3): replaced-by, history
// and in-force, as text and as JSON, on a small corpus and on the project's seeds.
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace policygraph::cli::testing {
namespace {

const std::string seeds = std::string(POLICYGRAPH_SOURCE_DIR) + "/seeds";

//   base-2003 <-amends- m-2004, <-amends {date: 2010-01-01}- m-2009, <-amends- draft-2024 (proposed)
//   old-2007  <-repeals {date: 2013-01-01}- new-2012
struct AmendedCorpus : TempCorpus {
  AmendedCorpus() {
    write("policies/base.md",
          "---\nid: base-2003\ntitle: Base Directive\npubDate: 2003-10-13\nstatus: In force\nevolution:\n"
          "  entryIntoForce: 2003-10-25\n  amendedBy: [m-2004]\n  milestones:\n"
          "    - {date: 2005-01-01, event: First trading period}\n---\n");
    write("policies/m-2004.md",
          "---\nid: m-2004\ntitle: Linking Amendment\npubDate: 2004-10-27\n"
          "evolution: {amends: base-2003}\n---\n");
    write("policies/m-2009.md",
          "---\nid: m-2009\ntitle: Phase Three Amendment\npubDate: 2009-04-23\n"
          "evolution:\n  amends: [{id: base-2003, date: 2010-01-01}]\n---\n");
    write("policies/draft.md",
          "---\nid: draft-2024\ntitle: Proposed Amendment\npubDate: 2024-01-01\n"
          "status: Proposed\nevolution: {amends: base-2003}\n---\n");
    write("policies/old.md", "---\nid: old-2007\ntitle: Old Decision\npubDate: 2007-07-18\nstatus: Repealed\n---\n");
    write("policies/new.md",
          "---\nid: new-2012\ntitle: New Regulation\npubDate: 2012-06-21\nevolution:\n"
          "  repeals:\n    - {id: old-2007, date: 2013-01-01}\n---\n");
  }
};

TEST(ReplacedByTyped, AnAmendedPolicyIsNotReplaced) {
  const AmendedCorpus corpus;
  Result result = corpus.run({"replaced-by", "base-2003"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out,
            "base-2003  Base Directive  (2003-10-13, in force)\n"
            "  not replaced: in force as amended by 2 acts\n"
            "\n"
            "amended by\n"
            "effective   relation    id      title\n"
            "2004-10-27  amended by  m-2004  Linking Amendment\n"
            "2010-01-01  amended by  m-2009  Phase Three Amendment\n"
            "\n"
            "proposed amendments (not adopted)\n"
            "effective   relation    id          title\n"
            "2024-01-01  amended by  draft-2024  Proposed Amendment\n");
}

TEST(ReplacedByTyped, JsonGivesEveryKindOfAnswerBesideTheFirstKeys) {
  const AmendedCorpus corpus;
  auto json = json_of(corpus.run({"replaced-by", "base-2003", "--json"}));
  EXPECT_EQ(json["replaced_by"], nlohmann::json::array());
  EXPECT_EQ(json["current"], nlohmann::json::array({"base-2003"}));
  EXPECT_EQ(json["state"], "in_force");
  EXPECT_EQ(json["repealed_by"], nlohmann::json::array());
  ASSERT_EQ(json["amended_by"].size(), 2u);
  EXPECT_EQ(json["amended_by"][0], (nlohmann::json{{"id", "m-2004"},
                                                   {"relation", "amends"},
                                                   {"date", "2004-10-27"},
                                                   {"title", "Linking Amendment"},
                                                   {"country", nullptr},
                                                   {"state", "unknown"},
                                                   {"published", "2004-10-27"}}));
  EXPECT_EQ(json["amended_by"][1]["date"], "2010-01-01");
  ASSERT_EQ(json["proposed_amendments"].size(), 1u);
  EXPECT_EQ(json["proposed_amendments"][0]["id"], "draft-2024");

  json = json_of(corpus.run({"replaced-by", "old-2007", "--json"}));
  EXPECT_EQ(json["replaced_by"], nlohmann::json::array());
  ASSERT_EQ(json["repealed_by"].size(), 1u);
  EXPECT_EQ(json["repealed_by"][0]["id"], "new-2012");
  EXPECT_EQ(json["repealed_by"][0]["date"], "2013-01-01");
}

TEST(ReplacedByTyped, ARepealWithoutSuccessorSaysSo) {
  const AmendedCorpus corpus;
  Result result = corpus.run({"replaced-by", "old-2007"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out,
            "old-2007  Old Decision  (2007-07-18, ended)\n"
            "  repealed without a successor\n"
            "\n"
            "repealed by\n"
            "effective   relation     id        title\n"
            "2013-01-01  repealed by  new-2012  New Regulation\n");
}

TEST(ReplacedByTyped, ARepealFromADayToComeLeavesTheActInForceUntilThen) {
  TempCorpus corpus;
  corpus.write("policies/a.md", "---\nid: a\ntitle: Levy Act\nyear: 2010\nstatus: In force\n---\n");
  corpus.write("policies/b.md",
               "---\nid: b\ntitle: Levy Repeal Act\nyear: 2020\nevolution:\n"
               "  repeals: [{id: a, date: 2999-01-01}]\n---\n");
  Result result = corpus.run({"replaced-by", "a"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out,
            "a  Levy Act  (2010-01-01, in force)\n"
            "  in force until 2999-01-01, then repealed without a successor\n"
            "\n"
            "repealed by\n"
            "effective   relation     id  title\n"
            "2999-01-01  repealed by  b   Levy Repeal Act\n");
}

TEST(History, TimelineAsTextAndJson) {
  const AmendedCorpus corpus;
  Result result = corpus.run({"history", "base-2003"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out,
            "base-2003  Base Directive  (in force)\n"
            "date        event                             title\n"
            "2003-10-13  published\n"
            "2003-10-25  enters into force\n"
            "2004-10-27  amended by m-2004                 Linking Amendment\n"
            "2005-01-01  First trading period\n"
            "2010-01-01  amended by m-2009                 Phase Three Amendment\n"
            "2024-01-01  amended by draft-2024 (proposed)  Proposed Amendment\n");

  auto json = json_of(corpus.run({"history", "base-2003", "--json"}));
  EXPECT_EQ(json["id"], "base-2003");
  ASSERT_EQ(json["events"].size(), 6u);
  EXPECT_EQ(json["events"][0], (nlohmann::json{{"date", "2003-10-13"}, {"event", "published"}}));
  EXPECT_EQ(json["events"][2]["relation"], "amends");
  EXPECT_EQ(json["events"][2]["policy"], "m-2004");
  EXPECT_EQ(json["events"][2]["direction"], "in");
  EXPECT_EQ(json["events"][3], (nlohmann::json{{"date", "2005-01-01"}, {"event", "First trading period"}}));
}

TEST(History, UnknownIdIsAFinding) {
  const AmendedCorpus corpus;
  Result result = corpus.run({"history", "base-2030"});
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.err.find("base-2003"), std::string::npos) << result.err;
}

TEST(InForceTyped, AmendmentsInEffectBesideEachPolicy) {
  const AmendedCorpus corpus;
  auto json = json_of(corpus.run({"in-force", "--at", "2012-06-30", "--json"}));
  EXPECT_EQ(json["policies"], nlohmann::json::array({"base-2003", "m-2004", "m-2009", "new-2012", "old-2007"}));
  EXPECT_EQ(json["amended_by"], (nlohmann::json{{"base-2003", {"m-2004", "m-2009"}}}));

  json = json_of(corpus.run({"in-force", "--at", "2013-01-01", "--json"}));
  EXPECT_EQ(json["policies"], nlohmann::json::array({"base-2003", "m-2004", "m-2009", "new-2012"}));  // repealed

  Result result = corpus.run({"in-force", "--at", "2009-06-30"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out,
            "4 policies in force on 2009-06-30, 1 of them as amended (↳ the amendments in effect, since the day "
            "each took effect)\n"
            "since       id          title\n"
            "2003-10-25  base-2003   Base Directive\n"
            "2004-10-27    ↳ m-2004  Linking Amendment\n"
            "2004-10-27  m-2004      Linking Amendment\n"
            "2009-04-23  m-2009      Phase Three Amendment\n"
            "2007-07-18  old-2007    Old Decision\n");
}

TEST(LineageTyped, EveryRelationIsFollowedAndNamed) {
  const AmendedCorpus corpus;
  Result result = corpus.run({"lineage", "m-2009"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out,
            "2003-10-13    -1  amended by  base-2003  Base Directive\n"
            "2009-04-23     0                m-2009  ◀  Phase Three Amendment\n");
  result = corpus.run({"lineage", "base-2003"});
  EXPECT_EQ(result.out,
            "2003-10-13     0          base-2003  ◀  Base Directive\n"
            "2004-10-27    +1  amends    m-2004  Linking Amendment\n"
            "2009-04-23    +1  amends    m-2009  Phase Three Amendment\n"
            "2024-01-01    +1  amends    draft-2024  Proposed Amendment\n");
  auto json = json_of(corpus.run({"lineage", "old-2007", "--json"}));
  ASSERT_EQ(json["edges"].size(), 1u);
  EXPECT_EQ(json["edges"][0], (nlohmann::json{{"source", "new-2012"}, {"target", "old-2007"}, {"kind", "repeals"}}));
}

TEST(StatsTyped, EdgesAreCountedByRelation) {
  const AmendedCorpus corpus;
  auto json = json_of(corpus.run({"stats", "--json"}));
  EXPECT_EQ(json["edges"]["amends"], 3);
  EXPECT_EQ(json["edges"]["repeals"], 1);
  EXPECT_EQ(json["edges"]["implements"], 0);
  EXPECT_EQ(json["edges"]["supersedes"], 0);
}

TEST(InfluenceTyped, EachRelationHasItsOwnWeight) {
  const AmendedCorpus corpus;
  auto amends_weights = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"export", "--format", "json", "--view", "policy"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<double> weights;
    const auto json = json_of(corpus.run(args));  // kept: a range-for over a temporary's member dangles
    for (const auto& edge : json["edges"])
      if (edge["kind"] == "amends") weights.push_back(edge["weight"]);
    return weights;
  };
  EXPECT_EQ(amends_weights({}), (std::vector<double>{2, 2, 2}));  // MODEL.md 7.3
  EXPECT_EQ(amends_weights({"--amends-weight", "5"}), (std::vector<double>{5, 5, 5}));

  auto rank_of_base = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"influence", "--json", "--top", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto json = json_of(corpus.run(args));
    for (const auto& entry : json["policies"])
      if (entry["id"] == "base-2003") return entry["pagerank"].get<double>();
    return -1.0;
  };
  // With no weight on amendments the amended act gets nothing from its amendments.
  EXPECT_GT(rank_of_base({}), rank_of_base({"--amends-weight", "0"}));
  EXPECT_GT(rank_of_base({"--repeals-weight", "0"}), 0);
}

// The seeds' own answers, checked against the official journals (seeds/README.md).
TEST(SeedsTyped, TheEmissionsTradingDirectiveStandsAsAmended) {
  auto json = json_of(run_on(seeds, {"replaced-by", "eu-ets-directive-2003", "--json"}));
  EXPECT_EQ(json["replaced_by"], nlohmann::json::array());
  EXPECT_EQ(json["current"], nlohmann::json::array({"eu-ets-directive-2003"}));
  EXPECT_EQ(json["state"], "in_force");
  EXPECT_EQ(ids_of(json["amended_by"]),
            (std::vector<std::string>{"eu-ets-linking-directive-2004", "eu-ets-aviation-directive-2008",
                                      "eu-ets-phase3-directive-2009", "eu-ets-phase4-directive-2018",
                                      "eu-ets-aviation-directive-2023", "eu-ets-fit-for-55-directive-2023"}));

  json = json_of(run_on(seeds, {"in-force", "--at", "2015-06-30", "--json"}));
  const auto& policies = json["policies"];
  EXPECT_NE(std::find(policies.begin(), policies.end(), "eu-ets-directive-2003"), policies.end());
  EXPECT_EQ(json["amended_by"]["eu-ets-directive-2003"],
            nlohmann::json::array(
                {"eu-ets-linking-directive-2004", "eu-ets-aviation-directive-2008", "eu-ets-phase3-directive-2009"}));
}

TEST(SeedsTyped, TheMonitoringRulesWereReplacedOnTheDaysTheRepealsTookEffect) {
  auto json = json_of(run_on(seeds, {"replaced-by", "eu-ets-mrg-decision-2004", "--json"}));
  EXPECT_EQ(json["replaced_by"], nlohmann::json::array({"eu-ets-mrg-decision-2007"}));
  EXPECT_EQ(json["successors"][0]["date"], "2008-01-01");
  EXPECT_EQ(json["current"], nlohmann::json::array({"eu-ets-mrr-2018"}));

  auto in_force_on = [&](const std::string& day) {
    auto answer = json_of(run_on(seeds, {"in-force", "--at", day, "--json"}));
    std::vector<std::string> monitoring;
    for (const std::string id : answer["policies"])
      if (id.starts_with("eu-ets-mr")) monitoring.push_back(id);
    return monitoring;
  };
  EXPECT_EQ(in_force_on("2007-12-31"), std::vector<std::string>{"eu-ets-mrg-decision-2004"});
  EXPECT_EQ(in_force_on("2012-12-31"), std::vector<std::string>{"eu-ets-mrg-decision-2007"});
  EXPECT_EQ(in_force_on("2013-01-01"), std::vector<std::string>{"eu-ets-mrr-2012"});
  EXPECT_EQ(in_force_on("2021-01-01"), std::vector<std::string>{"eu-ets-mrr-2018"});
}

TEST(SeedsTyped, SectionFortyFiveQIsAmendedNotReplaced) {
  auto json = json_of(run_on(seeds, {"replaced-by", "us-45q-eiea-2008", "--json"}));
  EXPECT_EQ(json["replaced_by"], nlohmann::json::array());
  EXPECT_EQ(ids_of(json["amended_by"]),
            (std::vector<std::string>{"us-45q-arra-2009", "us-45q-bba-2018", "us-45q-caa-2021", "us-45q-ira-2022"}));
  EXPECT_EQ(json["implemented_by"][0]["id"], "us-45q-final-regulations-2021");

  json = json_of(run_on(seeds, {"history", "us-45q-eiea-2008", "--json"}));
  EXPECT_EQ(json["events"][0]["event"], "published");
  EXPECT_EQ(json["events"][0]["date"], "2008-10-03");
  std::size_t amendment_events = 0;
  for (const auto& event : json["events"]) amendment_events += event.value("relation", "") == "amends" ? 1 : 0;
  EXPECT_EQ(amendment_events, 4u);
}

}  // namespace
}  // namespace policygraph::cli::testing
