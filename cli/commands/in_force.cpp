// SPDX-License-Identifier: MIT
#include <ostream>

#include "commands.hpp"
#include "describe.hpp"
#include "exit_codes.hpp"
#include "policygraph/evolution.hpp"
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

  // The amendments in effect on the day, with the day each took effect.
  std::vector<std::vector<RelationEvent>> amendments;
  amendments.reserve(policies.size());
  std::size_t amended = 0;
  for (VertexId v : policies) {
    amended += amendments.emplace_back(amendments_in_effect(graph, v, *day)).empty() ? 0 : 1;
  }

  if (options.json) {
    nlohmann::ordered_json amended_by = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < policies.size(); ++i) {
      if (amendments[i].empty()) continue;
      nlohmann::ordered_json ids = nlohmann::ordered_json::array();
      for (const RelationEvent& a : amendments[i]) ids.push_back(graph.node(a.other).id);  // by the day they took effect
      amended_by[graph.node(policies[i]).id] = std::move(ids);
    }
    context.out << nlohmann::ordered_json{{"date", day->iso()},
                                          {"policies", sorted_ids(graph, policies)},
                                          {"amended_by", amended_by}}
                       .dump(2)
                << '\n';
    return exit_success;
  }
  context.out << policies.size() << " polic" << (policies.size() == 1 ? "y" : "ies") << " in force on " << day->iso();
  if (amended > 0) context.out << ", " << amended << " of them as amended (↳ the amendments in effect, since the day each took effect)";
  context.out << '\n';
  // Each amendment in effect on a line of its own under the policy it amends, so that the
  // title column (the one cut to the terminal's width) never hides one.
  Table table({"since", "id", "title"});
  for (std::size_t i = 0; i < policies.size(); ++i) {
    const VertexId v = policies[i];
    table.add_row({day_text(effective_day(graph, v)), graph.node(v).id, title_text(graph, v)});
    for (const RelationEvent& a : amendments[i])
      table.add_row({day_text(a.day), "  ↳ " + graph.node(a.other).id, title_text(graph, a.other)});
  }
  if (!table.empty()) table.print(context.out, context.terminal);
  return exit_success;
}

}  // namespace policygraph::cli
