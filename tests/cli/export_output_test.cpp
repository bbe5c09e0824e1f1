// SPDX-License-Identifier: MIT
// Issue 18, point 2, at the command line: `-o -` is standard output (it made a file named
// '-'), and an export that goes to standard output by another name gets no summary line
// after it.
#include <unistd.h>

#include <filesystem>

#include "cli_fixture.hpp"

namespace policygraph::cli::testing {
namespace {

namespace fs = std::filesystem;

TEST(ExportOutput, DashIsStandardOutput) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  const fs::path before = fs::current_path();
  fs::current_path(corpus.path());
  Result dash = run_cli({"export", "-C", ".", "--format", "json", "-o", "-"});
  Result none = run_cli({"export", "-C", ".", "--format", "json"});
  const bool made_a_file = fs::exists("-");
  fs::current_path(before);
  EXPECT_EQ(dash.code, 0) << dash.err;
  EXPECT_FALSE(made_a_file);
  EXPECT_EQ(dash.out, none.out);  // the export itself, and no "wrote -" after it
}

TEST(ExportOutput, CsvToDashIsTheStreamForm) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  Result dash = run_cli({"export", "-C", corpus.path(), "--format", "csv", "-o", "-"});
  EXPECT_EQ(dash.code, 0) << dash.err;
  EXPECT_EQ(dash.out, run_cli({"export", "-C", corpus.path(), "--format", "csv"}).out);
  EXPECT_EQ(run_cli({"export", "-C", corpus.path(), "--format", "csv", "-o", "-", "--json"}).code, 2);
}

}  // namespace
}  // namespace policygraph::cli::testing
