// SPDX-License-Identifier: MIT
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "policygraph/version.hpp"

namespace policygraph::cli::testing {
namespace {

TEST(Run, UnknownCommandSuggestsTheNearest) {
  Result result = run_cli({"replacd-by", "x"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("unknown command 'replacd-by'; did you mean 'replaced-by'?"), std::string::npos)
      << result.err;
}

TEST(Run, UnknownOptionSuggestsTheNearest) {
  TempCorpus corpus;
  Result result = run_cli({"stats", "-C", corpus.path(), "--jsn"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("unknown option '--jsn' for 'stats'; did you mean '--json'?"), std::string::npos)
      << result.err;
}

TEST(Run, UnknownFormatSuggestsTheNearest) {
  TempCorpus corpus;
  Result result = run_cli({"export", "-C", corpus.path(), "--format", "grapml"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("--format: unknown value 'grapml'; did you mean 'graphml'?"), std::string::npos)
      << result.err;
}

TEST(Run, OptionThatIsNotANumberSaysSo) {
  Result result = run_cli({"clusters", "--seed", "abc"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("error: --seed: 'abc' is not a number (see 'policygraph help clusters')"),
            std::string::npos)
      << result.err;
}

TEST(Run, NegativeCountIsRefused) {
  Result result = run_cli({"influence", "--top", "-3"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("must be 0 or more"), std::string::npos) << result.err;
}

TEST(Run, LanguageOfNoRecordIsAWarning) {
  TempCorpus corpus;
  corpus.write("policies/en/a.md", "---\nid: a\ntitle: A\n---\n");
  corpus.write("policies/zh/a.md", "---\nid: a\ntitle: 甲\n---\n");
  Result typo = run_cli({"stats", "-C", corpus.path(), "--lang", "cn"});
  EXPECT_EQ(typo.code, 0) << typo.err;
  EXPECT_NE(typo.err.find("warning: --lang 'cn': no record is written in it; the corpus has en, zh"), std::string::npos)
      << typo.err;
  EXPECT_EQ(run_cli({"stats", "-C", corpus.path(), "--lang", "zh"}).err, "");
}

TEST(Run, MissingCorpusIsAnInputOutputFailure) {
  Result result = run_cli({"stats", "-C", "/nonexistent/corpus"});
  EXPECT_EQ(result.code, 3);
  EXPECT_NE(result.err.find("cannot read the corpus folder '/nonexistent/corpus'"), std::string::npos) << result.err;
}

TEST(Run, VersionPrintsTheVersion) {
  Result result = run_cli({"--version"});
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.out, std::string("policygraph ") + POLICYGRAPH_VERSION + "\n");
}

TEST(Validate, CleanCorpusExitsZero) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result result = run_cli({"validate", "-C", corpus.path()});
  EXPECT_EQ(result.code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("ok: 4 records in 5 files, no problems"), std::string::npos) << result.out;
}

TEST(Validate, ErrorsGiveExitOneAndTheJsonShape) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  corpus.write("policies/en/broken.md", "---\ntitle: No id here\n---\n");
  Result result = run_cli({"validate", "-C", corpus.path(), "--json"});
  EXPECT_EQ(result.code, 1);
  auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json["diagnostics"].size(), 1u) << result.out;
  const auto& diagnostic = json["diagnostics"][0];
  EXPECT_EQ(diagnostic["file"], "policies/en/broken.md");
  EXPECT_EQ(diagnostic["severity"], "error");
  for (const char* key : {"file", "line", "column", "severity", "message"})
    EXPECT_TRUE(diagnostic.contains(key)) << key;
}

TEST(Validate, StrictMakesWarningsFail) {
  TempCorpus corpus;
  corpus.write("policies/en/untitled.md", "---\nid: untitled\n---\n");  // no title: a warning
  EXPECT_EQ(run_cli({"validate", "-C", corpus.path()}).code, 0);
  EXPECT_EQ(run_cli({"validate", "-C", corpus.path(), "--strict"}).code, 1);
}

TEST(Stats, JsonCountsEveryKind) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  corpus.write("facilities/en/plant.md",
               "---\nid: plant\nname: Capture Plant\nhub: North Hub\nrelatedPolicies: [c-2010, ghost]\n---\n");
  Result result = run_cli({"stats", "-C", corpus.path(), "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["records"]["policy"], 4);
  EXPECT_EQ(json["records"]["facility"], 1);
  EXPECT_EQ(json["nodes"]["policy"], 5);  // four records and the unresolved "ghost"
  EXPECT_EQ(json["nodes"]["cluster"], 1);
  EXPECT_EQ(json["nodes"]["tag"], 1);
  EXPECT_EQ(json["unresolved"]["policy"], 1);
  EXPECT_EQ(json["edges"]["supersedes"], 3);
  EXPECT_EQ(json["edges"]["related_facility"], 2);
  EXPECT_EQ(json["edges"]["member_of"], 1);
  EXPECT_EQ(json["edges"]["tagged"], 2);
  EXPECT_EQ(json["diagnostics"], 1);  // a note: no record describes "ghost"
}

TEST(Stats, HumanTableHasNoTrailingSpaces) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result result = run_cli({"stats", "-C", corpus.path()});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("\nfiles read                  5\n"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find(" \n"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace policygraph::cli::testing
