// SPDX-License-Identifier: MIT
#include <ostream>

#include "commands.hpp"
#include "describe.hpp"
#include "exit_codes.hpp"
#include "policygraph/lineage.hpp"
#include "session.hpp"
#include "table.hpp"

namespace policygraph::cli {

int run_in_force(const CommandContext& context) {
  const GlobalOptions& options = context.invocation.global;
  const std::string& at = context.invocation.query.at;
  std::optional<Date> day = parse_date(at);
  if (!day) throw usage_error("--at '" + at + "' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. --at 2015-06-30");

  Session& session = open_session(options, context.invocation.weights, context.err, context.terminal);
  if (!report_diagnostic_count(session, options, context.err, context.terminal)) return exit_finding;
  const Graph& graph = session.graph;
  std::vector<VertexId> policies = in_force(graph, *day);

  if (options.json) {
    context.out << nlohmann::ordered_json{{"date", day->iso()}, {"policies", sorted_ids(graph, policies)}}.dump(2)
                << '\n';
    return exit_success;
  }
  context.out << policies.size() << " polic" << (policies.size() == 1 ? "y" : "ies") << " in force on " << day->iso()
              << '\n';
  Table table({"since", "id", "title"});
  for (VertexId v : policies) table.add_row({date_text(graph, v), graph.node(v).id, title_text(graph, v)});
  if (!table.empty()) table.print(context.out, context.terminal);
  return exit_success;
}

}  // namespace policygraph::cli
