// SPDX-License-Identifier: MIT
#include <ostream>

#include "commands.hpp"
#include "diagnostic_list.hpp"
#include "exit_codes.hpp"
#include "session.hpp"

namespace policygraph::cli {

int run_validate(const CommandContext& context) {
  const GlobalOptions& options = context.invocation.global;
  Session& session = open_session(context);
  const Diagnostics& diagnostics = session.diagnostics;
  std::size_t errors = count_errors(diagnostics);
  bool failed = errors > 0 || (options.strict && !diagnostics.empty());

  if (options.json) {
    write_diagnostics_json(context.out, diagnostics);
    return failed ? exit_finding : exit_success;
  }

  const DiagnosticList list = list_diagnostics(diagnostics, options.verbose);
  for (const Diagnostic* d : list.shown) {
    Style style = d->severity == Severity::error     ? Style::red
                  : d->severity == Severity::warning ? Style::yellow
                                                     : Style::cyan;
    std::string location = d->file;
    if (d->line > 0) location += ':' + std::to_string(d->line) + (d->column > 0 ? ':' + std::to_string(d->column) : "");
    context.out << styled(context.terminal, Style::bold, location) << ": "
                << styled(context.terminal, style, std::string(to_string(d->severity))) << ": " << d->message << '\n';
  }
  for (const std::string& more : list.more)
    context.out << styled(context.terminal, Style::cyan, "note") << ": " << more << '\n';
  std::size_t records = session.record_count[0] + session.record_count[1];
  std::size_t warnings = diagnostics.size() - errors;
  if (diagnostics.empty()) {
    context.out << styled(context.terminal, Style::green, "ok") << ": " << records << " record"
                << (records == 1 ? "" : "s") << " in " << session.files_read << " file"
                << (session.files_read == 1 ? "" : "s") << ", no problems\n";
  } else {
    context.out << records << " record" << (records == 1 ? "" : "s") << " in " << session.files_read << " file"
                << (session.files_read == 1 ? "" : "s") << ": " << errors << " error" << (errors == 1 ? "" : "s")
                << ", " << warnings << " warning" << (warnings == 1 ? "" : "s") << " or note"
                << (warnings == 1 ? "" : "s") << '\n';
  }
  return failed ? exit_finding : exit_success;
}

}  // namespace policygraph::cli
