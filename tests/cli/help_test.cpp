// SPDX-License-Identifier: MIT
#include <algorithm>
#include <sstream>

#include "cli_fixture.hpp"
#include "commands/commands.hpp"
#include "parser.hpp"

namespace policygraph::cli::testing {
namespace {

// Every option the parser accepts appears in the help of the command that accepts it:
// both come from one definition, and this keeps it so.
TEST(Help, ListsEveryOptionTheParserAccepts) {
  Invocation invocation;
  auto app = make_parser(invocation);
  std::string global_help = run_cli({"--help"}).out;
  for (const CLI::Option* option : app->get_options()) {
    for (const auto& name : option->get_lnames())
      EXPECT_NE(global_help.find("--" + name), std::string::npos) << "--" << name;
  }
  for (const CLI::App* command : app->get_subcommands({})) {
    std::string help = run_cli({"help", command->get_name()}).out;
    for (const CLI::Option* option : command->get_options()) {
      for (const auto& name : option->get_lnames())
        EXPECT_NE(help.find("--" + name), std::string::npos) << command->get_name() << " --" << name;
    }
  }
}

// run() dispatches through the command table: a command the parser takes that the table
// lacked would parse and then do nothing.
TEST(CommandTable, HasEveryCommandOfTheParserInItsOrder) {
  Invocation invocation;
  auto app = make_parser(invocation);
  std::vector<std::string> parsed;
  for (const CLI::App* command : app->get_subcommands({})) parsed.push_back(command->get_name());
  std::vector<std::string> table;
  for (const Command& command : command_table()) {
    table.emplace_back(command.name);
    EXPECT_NE(command.run, nullptr) << command.name;
  }
  EXPECT_EQ(parsed, table);
  EXPECT_EQ(find_command("no-such-command"), nullptr);
  ASSERT_NE(find_command("in-force"), nullptr);
  EXPECT_EQ(find_command("in-force")->run, &run_in_force);
}

TEST(Help, EveryVisibleCommandHasExamples) {
  for (const auto& info : command_table()) {
    if (info.hidden || std::string(info.name) == "help") continue;
    std::string help = run_cli({info.name, "--help"}).out;
    EXPECT_NE(help.find("Examples:"), std::string::npos) << info.name;
    EXPECT_NE(help.find(std::string("policygraph ") + info.name), std::string::npos) << info.name;
  }
}

// The examples are what users copy first: each that runs on the sample corpus must work
// there (ids that exist, options that parse), exit 0, and write only where it says.
TEST(Help, EveryExampleOnTheSeedsRuns) {
  TempCorpus scratch;  // for the files that examples write with -o
  std::size_t run = 0;
  for (const auto& info : command_table()) {
    for (const char* example : info.examples) {
      std::istringstream words(example);
      std::vector<std::string> args;
      for (std::string word; words >> word;) args.push_back(word);
      const bool on_seeds = std::find(args.begin(), args.end(), "seeds") != args.end();
      const bool shell = std::string(example).find_first_of("|<") != std::string::npos;
      if (args.empty() || args.front() != "policygraph" || !on_seeds || shell) continue;
      args.erase(args.begin());
      for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "-C") args[i + 1] = std::string(POLICYGRAPH_SOURCE_DIR) + "/seeds";
        if (args[i] == "-o") args[i + 1] = scratch.path() + "/" + args[i + 1];
      }
      args.push_back("--no-cache");  // the source tree is left as it is
      Result result = run_cli(args);
      EXPECT_EQ(result.code, 0) << example << "\n" << result.err;
      ++run;
    }
  }
  EXPECT_GE(run, 15u) << "examples on the seeds";
}

TEST(Help, WithoutATopicIsTheGeneralHelp) {
  Result result = run_cli({"help"});
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.out, run_cli({"--help"}).out);
}

TEST(Completion, UnknownShellSaysWhichExist) {
  Result result = run_cli({"completion", "fish"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("no completion for 'fish': bash or zsh"), std::string::npos) << result.err;
}

TEST(Help, UnknownTopicSuggests) {
  Result result = run_cli({"help", "exprot"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("did you mean 'export'?"), std::string::npos) << result.err;
}

TEST(Completion, BashOffersEveryCommandAndFormat) {
  Result result = run_cli({"completion", "bash"});
  ASSERT_EQ(result.code, 0);
  for (const auto& info : command_table()) {
    if (info.hidden) continue;
    EXPECT_NE(result.out.find(info.name), std::string::npos) << info.name;
  }
  for (const auto& format : choices_of("--format")) EXPECT_NE(result.out.find(format), std::string::npos) << format;
  EXPECT_NE(result.out.find("complete -F _policygraph policygraph"), std::string::npos);
}

// --format and --kind take other values on the query commands than on export; --by and --state
// have their own.
TEST(Completion, BashOffersEachCommandsOwnValues) {
  Result result = run_cli({"completion", "bash"});
  ASSERT_EQ(result.code, 0);
  EXPECT_NE(result.out.find("--kind) case \"$command\" in export) words=\"policy facility cluster tag\" ;; lineage) "
                            "words=\"supersedes consolidates repeals amends implements\" ;; *) "
                            "words=\"policy facility\" ;; esac;"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("*) words=\"text json csv\" ;; esac;"), std::string::npos);
  EXPECT_NE(result.out.find("--by) COMPREPLY=($(compgen -W \"pagerank betweenness descendants facilities\""),
            std::string::npos);
  EXPECT_NE(result.out.find("--state) COMPREPLY=($(compgen -W \"in_force pending proposed ended unknown\""),
            std::string::npos);
}

TEST(ManPage, HasEveryCommand) {
  Result result = run_cli({"manpage"});
  ASSERT_EQ(result.code, 0);
  EXPECT_EQ(result.out.rfind(".TH POLICYGRAPH 1", 0), 0u);
  for (const auto& info : command_table()) {
    if (info.hidden) continue;
    std::string roff_name;  // roff writes a hyphen as \-
    for (char c : std::string(info.name)) roff_name += c == '-' ? std::string("\\-") : std::string(1, c);
    EXPECT_NE(result.out.find(".SS " + roff_name), std::string::npos) << info.name;
  }
}

}  // namespace
}  // namespace policygraph::cli::testing
