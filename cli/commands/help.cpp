// SPDX-License-Identifier: MIT
// The commands that print the documentation: `help [COMMAND]`, `completion bash|zsh` and
// `manpage`, all read from the parser and the command table.
#include <ostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "generated_docs.hpp"
#include "parser.hpp"
#include "policygraph/did_you_mean.hpp"

namespace policygraph::cli {

int run_help(const CommandContext& context) {
  const CLI::App& app = context.parser;
  const std::string& topic = context.invocation.help_topic;
  if (topic.empty()) {
    // app.help() would show the help of the command parsed last: `help` itself.
    context.out << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
    return exit_success;
  }
  if (find_command(topic) != nullptr) {
    context.out << app.get_subcommand(topic)->help();
    return exit_success;
  }
  const std::string hint = did_you_mean(topic, visible_command_names());
  throw usage_error("no command '" + topic + "'" + (hint.empty() ? "" : "; " + hint) + " (see 'policygraph --help')");
}

int run_completion(const CommandContext& context) {
  const bool zsh = context.invocation.shell == "zsh";
  context.out << (zsh ? zsh_completion(context.parser) : bash_completion(context.parser));
  return exit_success;
}

int run_manpage(const CommandContext& context) {
  context.out << man_page(context.parser);
  return exit_success;
}

}  // namespace policygraph::cli
