// SPDX-License-Identifier: MIT
#pragma once

#include <exception>
#include <iosfwd>
#include <string>
#include <vector>

#include "terminal.hpp"

namespace policygraph::cli {

/// The whole command line as a function: parses `args` (without the program name), runs the
/// command, prints to `out`/`err`, returns the exit code. Tests call it without a process.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Terminal& terminal);

/// What run() does with an exception no command caught (a bug): says so on `err` and
/// returns the exit code.
int report_internal_error(const std::exception& error, std::ostream& err);

}  // namespace policygraph::cli
