// SPDX-License-Identifier: MIT
// What the answers carry for a person (title, date, country, state beside each id), and
// --format csv: the JSON's rows for a spreadsheet.
#include <nlohmann/json.hpp>

#include <sstream>

#include "answer_format.hpp"
#include "cli_fixture.hpp"

namespace policygraph::cli::testing {
namespace {

TEST(WriteCsv, QuotesAsRfc4180SaysAndTakesEveryKey) {
  const auto rows = nlohmann::ordered_json::parse(R"([
    {"id": "a", "title": "Plain", "date": null, "amended_by": ["x", "y"], "rank": 3, "share": 0.25},
    {"id": "b", "title": "Comma, \"quote\" and\nnewline", "tied": true}
  ])");
  std::ostringstream out;
  write_csv(out, rows);
  EXPECT_EQ(out.str(),
            "id,title,date,amended_by,rank,share,tied\n"
            "a,Plain,,x;y,3,0.25,\n"
            "b,\"Comma, \"\"quote\"\" and\nnewline\",,,,,true\n");
}

// eu-act's title holds a comma and quotes; eu-fix amends it.
void write_quoted_corpus(const TempCorpus& corpus) {
  corpus.write("policies/eu-act.md",
               "---\nid: eu-act\ntitle: 'Directive on \"trading\", allowances'\npubDate: 2003-10-13\n"
               "country: European Union\nstatus: In force\n---\n");
  corpus.write("policies/eu-fix.md",
               "---\nid: eu-fix\ntitle: Fix\npubDate: 2009-04-23\ncountry: European Union\n"
               "evolution: {amends: eu-act}\n---\n");
}

TEST(AnswerFormat, InForceAsCsv) {
  TempCorpus corpus;
  write_quoted_corpus(corpus);
  Result result = run_cli({"in-force", "--at", "2010", "-C", corpus.path(), "--no-cache", "--format", "csv"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out,
            "id,title,date,country,state,since,amended_by\n"
            "eu-act,\"Directive on \"\"trading\"\", allowances\",2003-10-13,European Union,in_force,2003-10-13,eu-fix\n"
            "eu-fix,Fix,2009-04-23,European Union,unknown,2009-04-23,\n");
}

TEST(AnswerFormat, EveryRowCommandWritesCsvWithTheIdAndWhatAPersonReads) {
  TempCorpus corpus;
  write_quoted_corpus(corpus);
  for (std::vector<std::string> command : {std::vector<std::string>{"in-force"},
                                           {"influence"},
                                           {"clusters"},
                                           {"lineage", "eu-act"},
                                           {"replaced-by", "eu-act"}}) {
    std::vector<std::string> args = command;
    for (const std::string& arg :
         {std::string("-C"), corpus.path(), std::string("--no-cache"), std::string("--format"), std::string("csv")})
      args.push_back(arg);
    Result result = run_cli(args);
    ASSERT_EQ(result.code, 0) << command[0] << ": " << result.err;
    const std::string header = result.out.substr(0, result.out.find('\n'));
    for (const char* column : {"id", "title", "date", "country", "state"})
      EXPECT_NE(("," + header + ",").find(std::string(",") + column + ","), std::string::npos)
          << command[0] << ": " << header;
    EXPECT_NE(result.out.find("\"Directive on \"\"trading\"\", allowances\""), std::string::npos) << command[0];
  }
}

TEST(AnswerFormat, JsonEntriesCarryTitleDateCountryState) {
  TempCorpus corpus;
  write_quoted_corpus(corpus);
  auto json_of = [&](std::vector<std::string> args) {
    for (const std::string& arg : {std::string("-C"), corpus.path(), std::string("--no-cache"), std::string("--json")})
      args.push_back(arg);
    Result result = run_cli(args);
    EXPECT_EQ(result.code, 0) << result.err;
    return nlohmann::json::parse(result.out);
  };
  const nlohmann::json act{{"id", "eu-act"},
                           {"title", "Directive on \"trading\", allowances"},
                           {"date", "2003-10-13"},
                           {"country", "European Union"},
                           {"state", "in_force"}};
  auto has_act = [&](const nlohmann::json& entry) {
    for (const auto& [key, value] : act.items())
      if (entry[key] != value) return false;
    return true;
  };
  const auto in_force = json_of({"in-force", "--at", "2010"});
  EXPECT_EQ(in_force["policies"], nlohmann::json::array({"eu-act", "eu-fix"}));  // the ids, as before
  EXPECT_TRUE(has_act(in_force["entries"][0])) << in_force["entries"][0];
  EXPECT_EQ(in_force["entries"][0]["amended_by"], nlohmann::json::array({"eu-fix"}));
  EXPECT_TRUE(has_act(json_of({"influence"})["policies"][0]));
  const auto lineage = json_of({"lineage", "eu-fix"});
  EXPECT_TRUE(has_act(lineage["nodes"][0])) << lineage["nodes"][0];
  EXPECT_EQ(lineage["nodes"][0]["generation"], -1);
  const auto replaced = json_of({"replaced-by", "eu-fix"});
  EXPECT_EQ(replaced["country"], "European Union");
  EXPECT_EQ(replaced["date"], "2009-04-23");
  EXPECT_EQ(replaced["current"], nlohmann::json::array({"eu-fix"}));
  EXPECT_EQ(replaced["current_entries"][0]["title"], "Fix");
  const auto amended = json_of({"replaced-by", "eu-act"});
  EXPECT_EQ(amended["amended_by"][0]["country"], "European Union");
  EXPECT_EQ(amended["amended_by"][0]["published"], "2009-04-23");
  EXPECT_EQ(amended["entries"][0]["relation"], "amended_by");
  const auto clusters = json_of({"clusters"});
  EXPECT_TRUE(has_act(clusters["component_entries"][0][0])) << clusters["component_entries"];
  EXPECT_TRUE(has_act(clusters["communities"]["group_entries"][0][0])) << clusters["communities"];
}

TEST(AnswerFormat, OneFormatAtATime) {
  TempCorpus corpus;
  Result both = run_cli({"influence", "-C", corpus.path(), "--json", "--format", "csv"});
  EXPECT_EQ(both.code, 2);
  EXPECT_EQ(both.err, "policygraph: error: --json and --format csv ask for two formats: give one\n");
  Result unknown = run_cli({"lineage", "x", "-C", corpus.path(), "--format", "cvs"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_EQ(unknown.err,
            "policygraph: error: --format: unknown value 'cvs'; did you mean 'csv'? (one of text, json, csv)\n");
  EXPECT_EQ(run_cli({"influence", "-C", corpus.path(), "--json", "--format", "json"}).code, 0);
}

}  // namespace
}  // namespace policygraph::cli::testing
