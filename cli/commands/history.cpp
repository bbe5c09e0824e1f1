// SPDX-License-Identifier: MIT
// `history ID` (MODEL.md 7.3): a policy's timeline, oldest first.
#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.hpp"
#include "describe.hpp"
#include "exit_codes.hpp"
#include "lookup.hpp"
#include "policygraph/evolution.hpp"
#include "session.hpp"
#include "table.hpp"

namespace policygraph::cli {
namespace {

// What happened, in words: "published", "amended by eu-ets-linking-directive-2004", ...
std::string event_text(const Graph& graph, const HistoryEvent& event) {
  switch (event.type) {
    case HistoryEvent::Type::published: return "published";
    case HistoryEvent::Type::entry_into_force: return "enters into force";
    case HistoryEvent::Type::expiry: return "expires";
    case HistoryEvent::Type::milestone: return event.event.empty() ? std::string("milestone") : event.event;
    case HistoryEvent::Type::relation: break;
  }
  const RelationEvent& relation = *event.relation;
  std::string text =
      std::string(relation_phrase(relation.kind, relation.incoming)) + " " + graph.node(relation.other).id;
  // An act still proposed has done nothing yet: say so rather than let it read as done.
  if (relation.incoming && legal_state(graph, relation.other) == LegalState::proposed) text += " (proposed)";
  return text;
}

std::string event_date(const HistoryEvent& event) {
  if (event.date) return event.date->iso();
  return event.date_text.empty() ? "—" : event.date_text;
}

}  // namespace

int run_history(const CommandContext& context) {
  const GlobalOptions& options = context.invocation.global;
  Session& session = open_checked_session(context);
  const Graph& graph = session.graph;
  VertexId policy = find_policy_or_explain(graph, context.invocation.query.id);
  const std::vector<HistoryEvent> events = history(graph, policy);

  if (options.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const HistoryEvent& event : events) {
      nlohmann::ordered_json entry{{"date", event.date                ? nlohmann::ordered_json(event.date->iso())
                                            : event.date_text.empty() ? nlohmann::ordered_json()
                                                                      : nlohmann::ordered_json(event.date_text)},
                                   {"event", event_text(graph, event)}};
      if (event.relation) {
        entry["relation"] = std::string(to_string(event.relation->kind));
        entry["policy"] = graph.node(event.relation->other).id;
        entry["direction"] = event.relation->incoming ? "in" : "out";
        entry["title"] = graph.node(event.relation->other).label;
      }
      list.push_back(std::move(entry));
    }
    context.out << nlohmann::ordered_json{{"id", graph.node(policy).id},
                                          {"title", graph.node(policy).label},
                                          {"state", std::string(to_string(legal_state(graph, policy)))},
                                          {"events", list}}
                       .dump(2)
                << '\n';
    return exit_success;
  }

  const Terminal& terminal = context.terminal;
  context.out << styled(terminal, Style::bold, graph.node(policy).id) << "  " << title_text(graph, policy);
  if (graph.node(policy).resolved) context.out << "  (" << state_text(graph, policy) << ")";
  context.out << '\n';
  if (events.empty()) {
    context.out << "  no dated event: the record has no date, relation or milestone\n";
    return exit_success;
  }
  Table table({"date", "event", "title"});
  for (const HistoryEvent& event : events)
    table.add_row({event_date(event), event_text(graph, event),
                   event.relation ? title_text(graph, event.relation->other) : std::string()});
  table.print(context.out, terminal);
  return exit_success;
}

}  // namespace policygraph::cli
