// SPDX-License-Identifier: MIT
#include "run.hpp"

#include <algorithm>
#include <ostream>

#include "commands/commands.hpp"
#include "exit_codes.hpp"
#include "parser.hpp"
#include "policygraph/did_you_mean.hpp"

namespace policygraph::cli {
namespace {

std::vector<std::string> option_names(const CLI::App& app, const CLI::App* command) {
  std::vector<std::string> names;
  for (const CLI::App* scope : {&app, command}) {
    if (scope == nullptr) continue;
    for (const CLI::Option* option : scope->get_options()) {
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
      for (const auto& name : option->get_snames()) names.push_back("-" + name);
    }
  }
  return names;
}

// The first argument nobody took, explained with "did you mean".
CliError unexpected_argument(const CLI::App& app, const CLI::App* command, const std::string& argument) {
  if (argument.starts_with("-")) {
    std::string name = argument.substr(0, argument.find('='));
    const std::string hint = did_you_mean(name, option_names(app, command));
    std::string where = command ? "'" + command->get_name() + "'" : "policygraph";
    std::string message = "unknown option '" + name + "' for " + where;
    if (!hint.empty()) message += "; " + hint;
    message += " (see 'policygraph " + std::string(command ? "help " + command->get_name() : "--help") + "')";
    return usage_error(message);
  }
  if (command == nullptr) {
    const std::string hint = did_you_mean(argument, visible_command_names());
    std::string message = "unknown command '" + argument + "'";
    if (!hint.empty()) message += "; " + hint;
    return usage_error(message + " (see 'policygraph --help' for the commands)");
  }
  return usage_error("unexpected argument '" + argument + "' for '" + command->get_name() +
                     "' (see 'policygraph help " + command->get_name() + "')");
}

// " (see 'policygraph help COMMAND')" for the command being parsed, else the general help.
std::string help_hint(const CLI::App& app) {
  const CLI::App* command = nullptr;
  for (const CLI::App* sub : app.get_subcommands()) command = sub;
  return command ? " (see 'policygraph help " + command->get_name() + "')" : " (see 'policygraph --help')";
}

// The command given, through the table; none: the general help, and a usage error.
int dispatch(const CLI::App& app, const Invocation& invocation, std::ostream& out, std::ostream& err,
             const Terminal& terminal) {
  const Command* command = find_command(invocation.command);
  if (command == nullptr) {
    out << app.help();
    return exit_usage;
  }
  return command->run({invocation, out, err, terminal, app});
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Terminal& terminal) {
  Invocation invocation;
  std::unique_ptr<CLI::App> app = make_parser(invocation);
  try {
    try {
      std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
      app->parse(reversed);
    } catch (const CLI::CallForHelp&) {
      const CLI::App* command = nullptr;
      for (const CLI::App* sub : app->get_subcommands()) command = sub;
      out << (command ? command->help() : app->help());
      return exit_success;
    } catch (const CLI::CallForAllHelp&) {
      out << app->help("", CLI::AppFormatMode::All);
      return exit_success;
    } catch (const CLI::CallForVersion& version) {
      out << version.what() << '\n';
      return exit_success;
    } catch (const CLI::ConversionError& error) {
      // CLI11 says "Could not convert: --seed = abc"; every option that converts takes a number.
      std::string text = error.what();
      const std::string prefix = "Could not convert: ";
      const auto equals = text.find(" = ");
      if (text.starts_with(prefix) && equals != std::string::npos)
        text =
            text.substr(prefix.size(), equals - prefix.size()) + ": '" + text.substr(equals + 3) + "' is not a number";
      throw usage_error(text + help_hint(*app));
    } catch (const CLI::ParseError& error) {
      throw usage_error(error.what() + help_hint(*app));
    }
    const CLI::App* command = nullptr;
    for (const CLI::App* sub : app->get_subcommands()) command = sub;
    std::vector<std::string> extras = app->remaining(true);
    if (!extras.empty()) throw unexpected_argument(*app, command, extras.front());
    return dispatch(*app, invocation, out, err, terminal);
  } catch (const CommandStopped& stopped) {
    return stopped.code;
  } catch (const CliError& error) {
    err << styled(terminal, Style::red, "policygraph: error: ") << error.what() << '\n';
    return error.code;
  } catch (const std::exception& error) {
    return report_internal_error(error, err);
  }
}

int report_internal_error(const std::exception& error, std::ostream& err) {
  err << "policygraph: internal error: " << error.what() << " (this is a bug: please report it with the command)\n";
  return exit_internal;
}

}  // namespace policygraph::cli
