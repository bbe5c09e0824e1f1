// SPDX-License-Identifier: MIT
// One function per command. Each reads the invocation, calls the library and prints;
// each returns the exit code.
#pragma once

#include <iosfwd>

#include "options.hpp"
#include "terminal.hpp"

namespace policygraph::cli {

struct CommandContext {
  const Invocation& invocation;
  std::ostream& out;
  std::ostream& err;
  const Terminal& terminal;
};

int run_validate(const CommandContext& context);
int run_stats(const CommandContext& context);
int run_replaced_by(const CommandContext& context);
int run_lineage(const CommandContext& context);
int run_history(const CommandContext& context);
int run_report(const CommandContext& context);
int run_in_force(const CommandContext& context);
int run_influence(const CommandContext& context);
int run_explain_rank(const CommandContext& context);  ///< influence --explain ID
int run_clusters(const CommandContext& context);
int run_export(const CommandContext& context);
int run_ids(const CommandContext& context);

}  // namespace policygraph::cli
