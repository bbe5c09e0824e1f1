// SPDX-License-Identifier: MIT
#include <ostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "session.hpp"

namespace policygraph::cli {

// The policy ids of the corpus, one a line: what the shell completions offer after
// `replaced-by`, `lineage` and `--focus`.
int run_ids(const CommandContext& context) {
  Session& session = open_session(context);
  for (VertexId v : session.graph.policies())
    if (session.graph.node(v).resolved) context.out << session.graph.node(v).id << '\n';
  return exit_success;
}

}  // namespace policygraph::cli
