// SPDX-License-Identifier: MIT
// The first passes of every command: load the corpus, build the graph, report what went
// wrong on the way.
#pragma once

#include <iosfwd>

#include "options.hpp"
#include "policygraph/graph.hpp"
#include "policygraph/loader.hpp"
#include "terminal.hpp"

namespace policygraph::cli {

struct Session {
  Graph graph;                           ///< the full graph
  Diagnostics diagnostics;               ///< from loading and building, sorted
  std::size_t record_count[2] = {0, 0};  ///< policies, facilities
  std::size_t files_read = 0;
};

/// Loads the corpus of `options.corpus` and builds its graph. Throws CliError (exit 3) when
/// the folder cannot be read. Progress goes to stderr when it is a terminal.
///
/// The session lives until the process ends and is never destroyed: freeing a corpus's
/// records and graph one allocation at a time took a tenth of a warm run at 10,000
/// policies, and the operating system takes the memory back at once when the command
/// exits. (The command line runs one command per process.)
Session& open_session(const GlobalOptions& options, const ViewWeights& weights, std::ostream& err,
                      const Terminal& terminal);

/// For commands other than `validate`: with --strict, any diagnostic prints and stops the
/// command (exit 1); otherwise a one-line count on stderr, and the command goes on.
/// Returns false when the command must stop.
bool report_diagnostic_count(const Session& session, const GlobalOptions& options, std::ostream& err,
                             const Terminal& terminal);

}  // namespace policygraph::cli
