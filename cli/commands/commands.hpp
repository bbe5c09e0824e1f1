// SPDX-License-Identifier: MIT
// The table of commands, and one function per command. Each reads the invocation, calls the
// library and prints; each returns the exit code. run.cpp dispatches through the table, and
// --help, `help COMMAND`, the shell completions and the man page read their names, purposes
// and examples from it.
#pragma once

#include <iosfwd>
#include <string_view>
#include <vector>

#include "options.hpp"
#include "terminal.hpp"

namespace CLI {
class App;
}

namespace policygraph::cli {

struct CommandContext {
  const Invocation& invocation;
  std::ostream& out;
  std::ostream& err;
  const Terminal& terminal;
  const CLI::App& parser;  ///< for help, the completions and the man page
};

/// One command: what --help says of it, and what runs it.
struct Command {
  const char* name;
  const char* purpose;                ///< one line, for --help and the man page
  std::vector<const char*> examples;  ///< under "Examples:" in `help COMMAND` and the man page
  int (*run)(const CommandContext& context);
  bool hidden = false;  ///< left out of --help, the completions and the man page
};

/// Every command, in the order --help lists them.
const std::vector<Command>& command_table();

/// The command named `name`, or nullptr.
const Command* find_command(std::string_view name);

/// The names of the commands --help lists: the candidates of "did you mean".
std::vector<std::string> visible_command_names();

int run_validate(const CommandContext& context);
int run_stats(const CommandContext& context);
int run_replaced_by(const CommandContext& context);
int run_lineage(const CommandContext& context);
int run_history(const CommandContext& context);
int run_report(const CommandContext& context);
int run_in_force(const CommandContext& context);
int run_influence(const CommandContext& context);
int run_explain_rank(const CommandContext& context);  ///< influence --explain ID
int run_clusters(const CommandContext& context);
int run_export(const CommandContext& context);
int run_ids(const CommandContext& context);
int run_help(const CommandContext& context);        ///< help [COMMAND]
int run_completion(const CommandContext& context);  ///< completion bash|zsh
int run_manpage(const CommandContext& context);

}  // namespace policygraph::cli
