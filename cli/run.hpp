// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "terminal.hpp"

namespace policygraph::cli {

/// The whole command line as a function: parses `args` (without the program name), runs the
/// command, prints to `out`/`err`, returns the exit code. Tests call it without a process.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Terminal& terminal);

}  // namespace policygraph::cli
