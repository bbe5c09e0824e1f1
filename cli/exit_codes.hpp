// SPDX-License-Identifier: MIT
// The one catalogue of exit codes (MODEL.md section 6) and the errors that carry them.
#pragma once

#include <stdexcept>
#include <string>

namespace policygraph::cli {

enum ExitCode : int {
  exit_success = 0,
  exit_finding = 1,   ///< errors in the corpus, an unknown id: the answer is "no"
  exit_usage = 2,     ///< the command line is wrong
  exit_io = 3,        ///< a file or folder could not be read or written
  exit_internal = 4,  ///< a bug: an exception no command caught
};

/// A failure the front reports as `policygraph: error: <message>` and turns into `code`.
struct CliError : std::runtime_error {
  CliError(ExitCode exit_code, const std::string& message) : std::runtime_error(message), code(exit_code) {}
  ExitCode code;
};

/// A command that has said on stderr why it stops (--strict and a diagnostic): run() returns
/// `code` and prints nothing more.
struct CommandStopped {
  ExitCode code;
};

inline CliError usage_error(const std::string& message) { return {exit_usage, message}; }
inline CliError io_error(const std::string& message) { return {exit_io, message}; }

}  // namespace policygraph::cli
