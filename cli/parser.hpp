// SPDX-License-Identifier: MIT
// The CLI11 parser of the command line: every command of the table (commands/commands.hpp)
// with its options, writing into the plain option structs of options.hpp. --help,
// `help COMMAND`, the shell completions and the man page are all generated from it. Only
// run.cpp, the generated documentation and the commands that print it include CLI11.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>

#include "options.hpp"

namespace policygraph::cli {

/// Builds the parser; options write into `invocation`, which must outlive it.
std::unique_ptr<CLI::App> make_parser(Invocation& invocation);

}  // namespace policygraph::cli
