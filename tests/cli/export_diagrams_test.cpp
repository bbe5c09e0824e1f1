// SPDX-License-Identifier: MIT
// Lineage diagrams on the command line: lone policies left out (and said), one drawing per
// family, and layouts too large for Graphviz refused with what to do instead.
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace policygraph::cli::testing {
namespace {

TEST(ExportDiagrams, ALineageDiagramLeavesOutLonePoliciesAndSaysHowMany) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  corpus.write("policies/en/lone.md", "---\nid: lone\ntitle: Lone Act\nyear: 2003\n---\n");
  Result result = run_cli({"export", "-C", corpus.path(), "--format", "dot", "--view", "lineage", "--no-cache"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out.find("policy:lone"), std::string::npos);
  EXPECT_NE(result.err.find("left out 1 policy with no lineage relation (--isolated keeps them)"), std::string::npos)
      << result.err;
  result = run_cli({"export", "-C", corpus.path(), "--format", "dot", "--view", "lineage", "--isolated", "--no-cache"});
  EXPECT_NE(result.out.find("policy:lone"), std::string::npos);
  EXPECT_EQ(result.err.find("left out"), std::string::npos);
}

TEST(ExportDiagrams, SplitFamiliesWritesAFolderWithAnIndex) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  const std::string folder = corpus.path() + "/out/families";
  Result result = run_cli({"export", "-C", corpus.path(), "--format", "dot", "--view", "lineage", "--split", "families",
                           "-o", folder, "--no-cache"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out, "wrote " + folder + "/index.html and 1 family (dot)\n");
  EXPECT_TRUE(std::filesystem::exists(folder + "/a-2001.dot"));

  Result wrong = run_cli({"export", "-C", corpus.path(), "--format", "dot", "--view", "full", "--split", "families",
                          "-o", folder, "--no-cache"});
  EXPECT_EQ(wrong.code, 2);
  EXPECT_NE(wrong.err.find("--split families draws the lineage view"), std::string::npos) << wrong.err;
}

TEST(ExportDiagrams, ALayoutPastTheLimitsIsRefusedWithWhatToDoInstead) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result result = run_cli({"export", "-C", corpus.path(), "--format", "svg", "--view", "full", "--max-layout-nodes",
                           "3", "-o", corpus.path() + "/x.svg", "--no-cache"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("past 3 nodes or 4000 edges, which Graphviz's dot would take minutes to lay out; draw "
                            "less: --focus ID --depth 2, --view lineage --split families -o DIR"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(std::filesystem::exists(corpus.path() + "/x.svg"));
  // DOT is laid out elsewhere: a warning, and the file.
  result = run_cli(
      {"export", "-C", corpus.path(), "--format", "dot", "--view", "full", "--max-layout-nodes", "3", "--no-cache"});
  EXPECT_EQ(result.code, 0);
  EXPECT_NE(result.err.find("warning: this drawing has"), std::string::npos);
}

}  // namespace
}  // namespace policygraph::cli::testing
