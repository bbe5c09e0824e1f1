// SPDX-License-Identifier: MIT
#include <ostream>

#include "commands.hpp"
#include "describe.hpp"
#include "exit_codes.hpp"
#include "lookup.hpp"
#include "policygraph/lineage.hpp"
#include "session.hpp"
#include "table.hpp"

namespace policygraph::cli {

int run_replaced_by(const CommandContext& context) {
  const GlobalOptions& options = context.invocation.global;
  Session& session = open_session(options, context.invocation.weights, context.err, context.terminal);
  if (!report_diagnostic_count(session, options, context.err, context.terminal)) return exit_finding;
  const Graph& graph = session.graph;
  VertexId policy = find_policy_or_explain(graph, context.invocation.query.id);
  ReplacedBy answer = replaced_by(graph, policy);

  if (options.json) {
    nlohmann::ordered_json json{{"id", graph.node(policy).id},
                                {"replaced_by", sorted_ids(graph, answer.successors)},
                                {"current", sorted_ids(graph, answer.current)}};
    context.out << json.dump(2) << '\n';
    return exit_success;
  }

  const Terminal& terminal = context.terminal;
  context.out << styled(terminal, Style::bold, graph.node(policy).id) << "  " << title_text(graph, policy) << "  ("
              << date_text(graph, policy) << ")\n";
  if (answer.successors.empty()) {
    context.out << "  nothing replaced it: it is its own current version\n";
    return exit_success;
  }
  auto print_list = [&](const char* heading, const std::vector<VertexId>& list) {
    context.out << '\n' << styled(terminal, Style::bold, heading) << '\n';
    Table table({"date", "id", "title"});
    for (VertexId v : list) table.add_row({date_text(graph, v), graph.node(v).id, title_text(graph, v)});
    table.print(context.out, terminal);
  };
  print_list("replaced by", answer.successors);
  print_list("current version (what stands today in its place)", answer.current);
  return exit_success;
}

}  // namespace policygraph::cli
