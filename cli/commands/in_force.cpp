// SPDX-License-Identifier: MIT
// `in-force [--at DATE]` (MODEL.md 7.2, 7.3): the policies in force on a day, each with the
// amendments in effect then; today without --at.
#include <nlohmann/json.hpp>
#include <ostream>

#include "answer_format.hpp"
#include "commands.hpp"
#include "describe.hpp"
#include "exit_codes.hpp"
#include "filters.hpp"
#include "policygraph/evolution.hpp"
#include "session.hpp"
#include "table.hpp"
#include "typed_dates.hpp"

namespace policygraph::cli {

int run_in_force(const CommandContext& context) {
  const Invocation& invocation = context.invocation;
  const AnswerFormat format = answer_format(invocation);
  const Date today = today_utc();
  const Date day = parse_typed_date("--at", invocation.query.at, today).first;
  const Filter filter(invocation.query.filters, KindMeaning::none, today);

  Session& session = open_checked_session(context);
  const Graph& graph = session.graph;
  filter.warn_if_nothing_matches(graph, context.err, context.terminal);
  std::vector<VertexId> policies;
  for (VertexId v : in_force(graph, day))
    if (filter.keeps(graph, v)) policies.push_back(v);

  // The amendments in effect on the day, with the day each took effect.
  std::vector<std::vector<RelationEvent>> amendments;
  amendments.reserve(policies.size());
  std::size_t amended = 0;
  for (VertexId v : policies) {
    amended += amendments.emplace_back(amendments_in_effect(graph, v, day)).empty() ? 0 : 1;
  }

  if (format != AnswerFormat::text) {
    nlohmann::ordered_json amended_by = nlohmann::ordered_json::object();
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < policies.size(); ++i) {
      nlohmann::ordered_json ids = nlohmann::ordered_json::array();
      for (const RelationEvent& a : amendments[i])
        ids.push_back(graph.node(a.other).id);  // by the day they took effect
      nlohmann::ordered_json entry = node_entry(graph, policies[i]);
      entry["since"] = day_json(effective_day(graph, policies[i]));
      entry["amended_by"] = ids;
      entries.push_back(std::move(entry));
      if (!amendments[i].empty()) amended_by[graph.node(policies[i]).id] = std::move(ids);
    }
    if (format == AnswerFormat::csv) {
      write_csv(context.out, entries);
      return exit_success;
    }
    nlohmann::ordered_json json{{"date", day.iso()},
                                {"policies", sorted_ids(graph, policies)},
                                {"amended_by", amended_by},
                                {"entries", entries}};
    if (filter.active()) json["filters"] = filter.to_json();
    context.out << json.dump(2) << '\n';
    return exit_success;
  }
  context.out << policies.size() << " polic" << (policies.size() == 1 ? "y" : "ies") << " in force on " << day.iso();
  if (filter.active()) context.out << " (" << filter.description() << ")";
  if (amended > 0)
    context.out << ", " << amended
                << " of them as amended (↳ the amendments in effect, since the day each took effect)";
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
