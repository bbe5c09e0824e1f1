// SPDX-License-Identifier: MIT
// `replaced-by ID` (MODEL.md 7.3): what replaced a policy (its successors and, following
// successors only, what stands today), what repealed it, or, when it was only amended,
// that it is not replaced and stands as amended, with the amendments by date.
#include <nlohmann/json.hpp>
#include <ostream>

#include "answer_format.hpp"
#include "commands.hpp"
#include "describe.hpp"
#include "exit_codes.hpp"
#include "lookup.hpp"
#include "policygraph/lineage.hpp"
#include "session.hpp"
#include "table.hpp"

namespace policygraph::cli {

int run_replaced_by(const CommandContext& context) {
  const AnswerFormat format = answer_format(context.invocation);
  Session& session = open_checked_session(context);
  const Graph& graph = session.graph;
  VertexId policy = find_policy_or_explain(graph, context.invocation.query.id);
  const ReplacedBy answer = replaced_by(graph, policy);
  const Evolution evolution = evolution_of(graph, policy);

  if (format != AnswerFormat::text) {
    // One row per policy of the answer, with how it stands to the one asked about: the rows
    // of the CSV, and `entries` in the JSON.
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    auto add_rows = [&](const char* relation, const std::vector<RelationEvent>& events) {
      for (const RelationEvent& event : events) {
        nlohmann::ordered_json row{{"relation", relation}};
        row.update(node_entry(graph, event.other));
        row["effective"] = day_json(event.day);
        entries.push_back(std::move(row));
      }
    };
    add_rows("replaced_by", evolution.successors);
    add_rows("repealed_by", evolution.repealed_by);
    add_rows("amended_by", evolution.amended_by);
    add_rows("proposed_amendment", evolution.proposed_amendments);
    add_rows("implemented_by", evolution.implemented_by);
    nlohmann::ordered_json current = nlohmann::ordered_json::array();
    for (VertexId v : answer.current) {
      nlohmann::ordered_json row{{"relation", "current"}};
      row.update(node_entry(graph, v));
      row["effective"] = nullptr;
      entries.push_back(row);
      current.push_back(node_entry(graph, v));
    }
    if (format == AnswerFormat::csv) {
      write_csv(context.out, entries);
      return exit_success;
    }
    const nlohmann::ordered_json asked = node_entry(graph, policy);
    nlohmann::ordered_json json{{"id", graph.node(policy).id},
                                {"replaced_by", sorted_ids(graph, answer.successors)},
                                {"current", sorted_ids(graph, answer.current)},
                                {"title", graph.node(policy).label},
                                {"state", std::string(to_string(legal_state(graph, policy)))},
                                {"successors", relation_list(graph, evolution.successors)},
                                {"repealed_by", relation_list(graph, evolution.repealed_by)},
                                {"amended_by", relation_list(graph, evolution.amended_by)},
                                {"proposed_amendments", relation_list(graph, evolution.proposed_amendments)},
                                {"implemented_by", relation_list(graph, evolution.implemented_by)},
                                {"date", asked["date"]},
                                {"country", asked["country"]},
                                {"current_entries", current},
                                {"entries", entries}};
    context.out << json.dump(2) << '\n';
    return exit_success;
  }

  const Terminal& terminal = context.terminal;
  context.out << styled(terminal, Style::bold, graph.node(policy).id) << "  " << title_text(graph, policy);
  if (graph.node(policy).resolved)
    context.out << "  (" << date_text(graph, policy) << ", " << state_text(graph, policy) << ")";
  context.out << '\n';
  auto print_relations = [&](const std::string& heading, const std::vector<RelationEvent>& events) {
    if (events.empty()) return;
    context.out << '\n' << styled(terminal, Style::bold, heading) << '\n';
    Table table({"effective", "relation", "id", "title"});
    for (const RelationEvent& event : events)
      table.add_row({day_text(event.day), std::string(relation_phrase(event.kind, true)), graph.node(event.other).id,
                     title_text(graph, event.other)});
    table.print(context.out, terminal);
  };

  if (evolution.successors.empty() && evolution.repealed_by.empty()) {
    if (evolution.amended_by.empty())
      context.out << "  not replaced: it is its own current version\n";
    else
      context.out << "  not replaced: in force as amended by " << evolution.amended_by.size() << " act"
                  << (evolution.amended_by.size() == 1 ? "" : "s") << '\n';
  } else if (evolution.successors.empty()) {
    // A repeal can take effect on a day to come: the act stands until then.
    const Date today = today_utc();
    const auto& first = evolution.repealed_by.front().day;
    if (first && *first > today)
      context.out << "  in force until " << first->iso() << ", then repealed without a successor\n";
    else
      context.out << "  repealed without a successor\n";
  }
  print_relations("replaced by", evolution.successors);
  print_relations("repealed by", evolution.repealed_by);
  print_relations("amended by", evolution.amended_by);
  print_relations("proposed amendments (not adopted)", evolution.proposed_amendments);
  print_relations("implemented by", evolution.implemented_by);
  if (!evolution.successors.empty()) {
    context.out << '\n' << styled(terminal, Style::bold, "current version (what stands today in its place)") << '\n';
    Table table({"date", "id", "title"});
    for (VertexId v : answer.current) table.add_row({date_text(graph, v), graph.node(v).id, title_text(graph, v)});
    table.print(context.out, terminal);
  }
  return exit_success;
}

}  // namespace policygraph::cli
