// SPDX-License-Identifier: MIT
// Issue 18, point 6: the command line keeps its cache of parsed records in the user's cache
// folder (the tests' is XDG_CACHE_HOME, set to the build folder by tests/CMakeLists.txt),
// and in the corpus only when asked, then with a .gitignore.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli_fixture.hpp"

namespace policygraph::cli::testing {
namespace {

namespace fs = std::filesystem;

TEST(CliCache, TheDefaultWritesNothingInTheCorpus) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  ASSERT_EQ(run_cli({"stats", "-C", corpus.path()}).code, 0);
  ASSERT_EQ(run_cli({"stats", "-C", corpus.path()}).code, 0);
  for (const auto& entry : fs::directory_iterator(corpus.path()))
    EXPECT_EQ(entry.path().filename(), "policies") << entry.path();
  const char* cache_home = std::getenv("XDG_CACHE_HOME");
  ASSERT_NE(cache_home, nullptr);
  EXPECT_TRUE(fs::is_directory(fs::path(cache_home) / "policygraph"));
}

TEST(CliCache, ACacheFolderInTheCorpusGetsAGitignore) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  const fs::path folder = fs::path(corpus.path()) / ".policygraph-cache";
  Result result = run_cli({"stats", "-C", corpus.path(), "--cache", folder.string()});
  ASSERT_EQ(result.code, 0) << result.err;
  std::ifstream in(folder / ".gitignore");
  std::string text(std::istreambuf_iterator<char>(in), {});
  EXPECT_NE(text.find("\n*\n"), std::string::npos) << text;
}

// The graph kept beside the cache (build_graph over the cache) answers as the graph built
// anew: the first run with the cache keeps it, the second reads it, and the answers,
// diagnostics of the build included, are those of a run without the cache.
TEST(CliCache, TheKeptGraphAnswersAsABuiltOne) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  corpus.write("policies/en/self.md", "---\nid: self\ntitle: Self\nevolution:\n  amends: [self, nowhere]\n---\n");
  const fs::path folder = fs::path(corpus.path()) / ".cache";
  const std::vector<std::vector<std::string>> commands{
      {"validate", "--json"},
      {"stats", "--json"},
      {"history", "b-2005", "--json"},
      {"export", "--format", "graphml", "--metrics", "pagerank,community"}};
  for (const auto& command : commands) {
    std::vector<std::string> plain = command, cached = command;
    plain.insert(plain.end(), {"-C", corpus.path(), "--no-cache"});
    cached.insert(cached.end(), {"-C", corpus.path(), "--cache", folder.string()});
    const Result expected = run_cli(plain);
    ASSERT_FALSE(expected.out.empty()) << expected.err;
    for (const char* run : {"keeps the graph", "reads it back"}) {
      const Result result = run_cli(cached);
      EXPECT_EQ(result.code, expected.code) << run;
      EXPECT_EQ(result.out, expected.out) << run;
      EXPECT_EQ(result.err, expected.err) << run;
    }
  }
  bool kept = false;
  for (const auto& entry : fs::directory_iterator(folder)) kept = kept || entry.path().extension() == ".graph";
  EXPECT_TRUE(kept);
}

// The metrics kept beside the cache (read_kept_metrics) answer as metrics computed anew: after
// an edit that changes the graph, with other weights, for the report, and when the kept file
// is damaged (then computed again and kept anew, the same bytes).
TEST(CliCache, TheKeptMetricsAnswerAsComputedOnes) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  const fs::path folder = fs::path(corpus.path()) / ".cache";
  auto same_with_and_without_cache = [&](std::vector<std::string> command, const char* when) {
    std::vector<std::string> plain = command, cached = command;
    plain.insert(plain.end(), {"-C", corpus.path(), "--no-cache"});
    cached.insert(cached.end(), {"-C", corpus.path(), "--cache", folder.string()});
    const Result expected = run_cli(plain);
    ASSERT_EQ(expected.code, 0) << expected.err;
    for (const char* run : {"keeps or reads the metrics", "reads them"}) {
      const Result result = run_cli(cached);
      EXPECT_EQ(result.out, expected.out) << when << ", " << run;
      EXPECT_EQ(result.err, expected.err) << when << ", " << run;
    }
  };
  const std::vector<std::string> all_metrics{"export", "--format", "graphml", "--metrics", "all", "--focus", "b-2005"};
  same_with_and_without_cache(all_metrics, "first");
  fs::path kept;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".metrics") kept = entry.path();
  ASSERT_FALSE(kept.empty());

  std::vector<std::string> weighted = all_metrics;
  weighted.insert(weighted.end(), {"--supersedes-weight", "0.5"});
  same_with_and_without_cache(weighted, "other weights");
  corpus.write("policies/en/e.md",
               "---\nid: e-2015\ntitle: Carbon Storage Act\nyear: 2015\ntags: [carbon]\n"
               "evolution:\n  amends: [c-2010]\n---\n");
  same_with_and_without_cache(all_metrics, "after an edit");

  std::string good;
  {
    std::ifstream in(kept, std::ios::binary);
    good.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::string bad = good;
  bad[bad.size() / 2] = static_cast<char>(bad[bad.size() / 2] ^ 0x01);
  std::ofstream(kept, std::ios::binary | std::ios::trunc) << bad;
  same_with_and_without_cache(all_metrics, "damaged");
  std::ifstream in(kept, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), good);

  const fs::path out = fs::path(corpus.path()) / "report";
  for (const char* run : {"computes", "reads"}) {
    const Result report = run_cli({"report", "-C", corpus.path(), "--cache", folder.string(), "-o", out.string()});
    EXPECT_EQ(report.code, 0) << run << ": " << report.err;
  }
}

}  // namespace
}  // namespace policygraph::cli::testing
