// SPDX-License-Identifier: MIT
// Which diagnostics a person is shown. A partial corpus (one that names hundreds of policies
// it does not hold) made hundreds of notes of one kind, and the errors drowned in them: the
// notes of a kind beyond a few are counted instead of listed, unless --verbose. Errors and
// warnings are always listed, and --json always lists everything.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "policygraph/diagnostics.hpp"

namespace policygraph::cli {

struct DiagnosticList {
  std::vector<const Diagnostic*> shown;  ///< in the order given
  /// One line per kind of note cut short: `17 more notes like "no record describes the
  /// policy '..." are not shown; --verbose lists every one`.
  std::vector<std::string> more;
};

/// Notes of a kind (the words of a message before its first quote, where the names begin)
/// that number more than 5: the first 3 shown, the rest counted. With `verbose`, everything.
DiagnosticList list_diagnostics(const Diagnostics& diagnostics, bool verbose);

/// Every diagnostic as `validate --json` writes it: {"diagnostics": [{"file", "line",
/// "column", "severity", "message"}, ...]}, indented by 2, and a newline. Here rather than in
/// the command, so that only this file compiles nlohmann's JSON for it.
void write_diagnostics_json(std::ostream& out, const Diagnostics& diagnostics);

}  // namespace policygraph::cli
