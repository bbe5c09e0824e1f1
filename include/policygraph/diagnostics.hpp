// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace policygraph {

enum class Severity : unsigned char { note, warning, error };

/// "note", "warning" or "error".
std::string_view to_string(Severity severity);

/// One finding about the input, compiler style. Line and column count from 1 and point at
/// the field at fault in the file; 0 means "the whole file" (an unreadable file, say).
struct Diagnostic {
  std::string file;  ///< path relative to the corpus root, '/'-separated
  int line = 0;
  int column = 0;
  Severity severity = Severity::error;
  std::string message;  ///< what is wrong and what to do about it
  bool operator==(const Diagnostic&) const = default;
};

using Diagnostics = std::vector<Diagnostic>;

/// `file:line:column: severity: message` (line and column left out where 0).
std::string format_diagnostic(const Diagnostic& diagnostic);

/// Orders diagnostics by file (byte order), line, column, then message, so reports are
/// stable whatever order the parallel loader found them in.
void sort_diagnostics(Diagnostics& diagnostics);

std::size_t count_errors(const Diagnostics& diagnostics);

}  // namespace policygraph
