// SPDX-License-Identifier: MIT
// The first passes of every command: load the corpus, build the graph, report what went
// wrong on the way.
#pragma once

#include <iosfwd>

#include "policygraph/graph.hpp"
#include "policygraph/loader.hpp"

namespace policygraph::cli {

struct CommandContext;

struct Session {
  Graph graph;                           ///< the full graph
  Diagnostics diagnostics;               ///< from loading and building, sorted
  std::size_t record_count[2] = {0, 0};  ///< policies, facilities
  std::size_t files_read = 0;
  CacheReport cache;  ///< the load's: where what is computed from the graph may be kept
};

/// Loads the corpus the command line names (-C) with its options and builds its graph, with
/// the weights given. Throws CliError (exit 3) when the folder cannot be read. Progress goes
/// to stderr when it is a terminal. `validate` and `ids` open the corpus so; the others
/// through open_checked_session().
///
/// The session lives until the process ends and is never destroyed: freeing a corpus's
/// records and graph one allocation at a time took a tenth of a warm run at 10,000
/// policies, and the operating system takes the memory back at once when the command
/// exits. (The command line runs one command per process.)
Session& open_session(const CommandContext& context);

/// The opening of every command that answers from the corpus: open_session(), then its
/// diagnostics in short. With --strict, any diagnostic prints and stops the command (exit 1,
/// by throwing CommandStopped); otherwise a one-line count of errors and warnings on stderr,
/// and the command goes on.
Session& open_checked_session(const CommandContext& context);

}  // namespace policygraph::cli
