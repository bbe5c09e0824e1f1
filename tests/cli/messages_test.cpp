// SPDX-License-Identifier: MIT
// Issue 18, point 7: bad numbers refused, and messages that say what happened: no records,
// a flood of notes of one kind, no colour on a dumb terminal, completion after an option
// that takes a value, an internal error's own exit code.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_fixture.hpp"
#include "exit_codes.hpp"

namespace policygraph::cli::testing {
namespace {

namespace fs = std::filesystem;

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

TEST(BadNumbers, AWeightMustBeANumberZeroOrMore) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  for (const char* option : {"--supersedes-weight", "--consolidates-weight", "--repeals-weight", "--amends-weight",
                             "--implements-weight", "--tag-weight", "--cluster-weight", "--facility-weight"}) {
    for (const char* value : {"-1", "-0.5", "nan", "NaN", "inf", "-inf", "1e999"}) {
      Result result = run_cli({"influence", "-C", corpus.path(), option, value});
      EXPECT_EQ(result.code, 2) << option << " " << value;
      EXPECT_NE(result.err.find(std::string(option) + ": '" + value +
                                "' is not a weight: give a number, 0 or more, such as 0.5"),
                std::string::npos)
          << result.err;
    }
    EXPECT_EQ(run_cli({"influence", "-C", corpus.path(), option, "0"}).code, 0) << option;
    EXPECT_EQ(run_cli({"influence", "-C", corpus.path(), option, "2.5"}).code, 0) << option;
  }
  EXPECT_EQ(run_cli({"clusters", "-C", corpus.path(), "--tag-weight", "-1"}).code, 2);
  EXPECT_EQ(run_cli({"export", "-C", corpus.path(), "-f", "json", "--facility-weight", "nan"}).code, 2);
}

TEST(BadNumbers, ANegativeSeedIsRefused) {
  for (const char* command : {"influence", "clusters"}) {
    Result result = run_cli({command, "--seed", "-1"});
    EXPECT_EQ(result.code, 2) << command;
    EXPECT_NE(result.err.find("--seed: must be 0 or more"), std::string::npos) << result.err;
  }
}

TEST(NoRecords, AnEmptyFolderIsAWarningNotOk) {
  TempCorpus corpus;
  Result result = run_cli({"validate", "-C", corpus.path()});
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.out,
            ".: warning: no records found: no file here has a record ending (.md, .markdown, .yaml, .yml, .json, "
            ".jsonl, .ndjson); give the folder of your records with -C\n"
            "0 records in 0 files: 0 errors, 1 warning or note\n");
  Result stats = run_cli({"stats", "-C", corpus.path()});
  EXPECT_NE(stats.err.find("policygraph: warning: no records found"), std::string::npos) << stats.err;
}

TEST(NoRecords, AFolderBesideTheRecordsSuggestsTheFolderAbove) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  corpus.write("docs/notes.md", "# Notes\n");
  Result result = run_cli({"validate", "-C", corpus.path() + "/docs"});
  EXPECT_EQ(result.code, 0);
  EXPECT_NE(result.out.find(".: warning: no records found in the 1 file read; the folder above, '" +
                            fs::canonical(corpus.path()).string() + "', holds policies/: give it with -C"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("ok"), std::string::npos) << result.out;
}

TEST(GroupedNotes, ManyNotesOfOneKindShowTheFirstFewAndACount) {
  TempCorpus corpus;
  for (int i = 0; i < 20; ++i)
    corpus.write("policies/en/p" + std::to_string(i) + ".md", "---\nid: p" + std::to_string(i) +
                                                                  "\ntitle: P\nevolution:\n  supersedes: [gone-" +
                                                                  std::to_string(i) + "]\n---\n");
  const std::string kind = "note: no record describes the policy '";
  Result grouped = run_cli({"validate", "-C", corpus.path()});
  EXPECT_EQ(grouped.code, 0);
  EXPECT_EQ(count_of(grouped.out, kind), 3u) << grouped.out;
  EXPECT_NE(grouped.out.find("note: 17 more notes like \"no record describes the policy '...\" are not shown; "
                             "--verbose lists every one\n"),
            std::string::npos)
      << grouped.out;
  Result every = run_cli({"validate", "-C", corpus.path(), "--verbose"});
  EXPECT_EQ(count_of(every.out, kind), 20u);
  EXPECT_EQ(every.out.find("more notes like"), std::string::npos);
  Result json = run_cli({"validate", "-C", corpus.path(), "--json"});
  EXPECT_EQ(count_of(json.out, "no record describes the policy"), 20u);  // machines get every one
}

TEST(Colour, ADumbTerminalGetsNone) {
  EXPECT_TRUE(colour_wanted(true, nullptr, "xterm-256color"));
  EXPECT_FALSE(colour_wanted(true, nullptr, "dumb"));
  EXPECT_FALSE(colour_wanted(true, "1", "xterm"));
  EXPECT_TRUE(colour_wanted(true, "", "xterm"));
  EXPECT_FALSE(colour_wanted(false, nullptr, "xterm"));
  EXPECT_TRUE(colour_wanted(true, nullptr, nullptr));
}

// What bash completes for the words given, the last being completed: runs the generated
// script in bash as completion would.
std::string bash_completes(const std::string& words) {
  const fs::path script = fs::temp_directory_path() / ("policygraph-completion-" + std::to_string(::getpid()));
  std::ofstream(script) << run_cli({"completion", "bash"}).out;
  const std::string command = "bash -c 'source " + script.string() + "; COMP_WORDS=(" + words +
                              "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _policygraph; echo \"${COMPREPLY[*]}\"'";
  std::string output;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, got);
    ::pclose(pipe);
  }
  fs::remove(script);
  return output;
}

TEST(Completion, AnOptionThatTakesAValueCompletesNoOption) {
  for (const char* words :
       {"policygraph in-force --at \"\"", "policygraph influence --top \"\"", "policygraph export --depth \"\"",
        "policygraph export --country \"\"", "policygraph clusters --seed \"\"", "policygraph influence --sample \"\"",
        "policygraph stats --threads \"\"", "policygraph influence --tag-weight \"\"", "policygraph stats --lang \"\""})
    EXPECT_EQ(bash_completes(words), "\n") << words;
  EXPECT_NE(bash_completes("policygraph influence \"\"").find("--top"), std::string::npos);  // options still complete
  EXPECT_NE(bash_completes("policygraph stats --json \"\"").find("--strict"), std::string::npos);  // after a flag too
  EXPECT_NE(bash_completes("policygraph export --format \"\"").find("graphml"), std::string::npos);
}

TEST(InternalError, HasItsOwnExitCode) {
  std::ostringstream err;
  EXPECT_EQ(report_internal_error(std::runtime_error("vector::_M_range_check"), err), 4);
  EXPECT_EQ(exit_internal, 4);
  EXPECT_NE(exit_internal, exit_io);
  EXPECT_EQ(err.str(),
            "policygraph: internal error: vector::_M_range_check (this is a bug: please report it with the "
            "command)\n");
}

}  // namespace
}  // namespace policygraph::cli::testing
