// SPDX-License-Identifier: MIT
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <unordered_map>

#include "answer_format.hpp"
#include "commands.hpp"
#include "describe.hpp"
#include "exit_codes.hpp"
#include "filters.hpp"
#include "lookup.hpp"
#include "policygraph/evolution.hpp"
#include "policygraph/lineage.hpp"
#include "session.hpp"

namespace policygraph::cli {

int run_lineage(const CommandContext& context) {
  const Invocation& invocation = context.invocation;
  const AnswerFormat format = answer_format(invocation);
  const Filter filter(invocation.query.filters, KindMeaning::relation, today_utc());
  Session& session = open_checked_session(context);
  const Graph& graph = session.graph;
  VertexId policy = find_policy_or_explain(graph, invocation.query.id);
  filter.warn_if_nothing_matches(graph, context.err, context.terminal);
  Lineage answer = lineage(graph, policy, filter.relation_kinds());
  // The filters hide members, never the policy asked about, and never change the
  // generations: the links through a hidden member still count.
  auto shown = [&](VertexId v) { return v == policy || filter.keeps(graph, v); };

  if (format != AnswerFormat::text) {
    nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
    for (const auto& member : answer.members) {
      if (!shown(member.policy)) continue;
      const Node& node = graph.node(member.policy);
      const nlohmann::ordered_json entry = node_entry(graph, member.policy);
      nodes.push_back({{"id", node.id},
                       {"generation", member.generation},
                       {"date", entry["date"]},
                       {"resolved", node.resolved},
                       {"title", node.label},
                       {"country", entry["country"]},
                       {"state", entry["state"]}});
    }
    if (format == AnswerFormat::csv) {
      write_csv(context.out, nodes);
      return exit_success;
    }
    nlohmann::ordered_json edges = nlohmann::ordered_json::array();
    for (EdgeId e : answer.edges) {
      const Edge& edge = graph.edge(e);
      if (!shown(edge.source) || !shown(edge.target)) continue;
      edges.push_back({{"source", graph.node(edge.source).id},
                       {"target", graph.node(edge.target).id},
                       {"kind", std::string(to_string(edge.kind))}});
    }
    nlohmann::ordered_json json{{"id", graph.node(policy).id}, {"nodes", nodes}, {"edges", edges}};
    if (!filter.to_json().empty()) json["filters"] = filter.to_json();
    context.out << json.dump(2) << '\n';
    return exit_success;
  }

  // An indented tree read top to bottom by date: the oldest ancestor at the left margin,
  // each generation two spaces further in, the policy asked about marked.
  const Terminal& terminal = context.terminal;
  int first_generation = 0;
  for (const auto& member : answer.members) first_generation = std::min(first_generation, member.generation);
  // The relation that links each member to the tree, one generation nearer the policy asked
  // about: "amends" on a later act, "amended by" on an earlier one.
  std::unordered_map<VertexId, int> generation_of;
  for (const auto& member : answer.members) generation_of[member.policy] = member.generation;
  auto link_of = [&](const LineageMember& member) -> std::string {
    for (EdgeId e : answer.edges) {
      const Edge& edge = graph.edge(e);
      if (member.generation > 0 && edge.source == member.policy && generation_of[edge.target] == member.generation - 1)
        return std::string(relation_phrase(edge.kind, false));
      if (member.generation < 0 && edge.target == member.policy && generation_of[edge.source] == member.generation + 1)
        return std::string(relation_phrase(edge.kind, true));
    }
    return "";
  };
  std::size_t link_width = 0;
  for (const auto& member : answer.members) link_width = std::max(link_width, display_width(link_of(member)));
  std::size_t hidden = 0;
  for (const auto& member : answer.members) {
    if (!shown(member.policy)) {
      ++hidden;
      continue;
    }
    std::string indent(static_cast<std::size_t>(member.generation - first_generation) * 2, ' ');
    const std::string generation = (member.generation > 0 ? "+" : "") + std::to_string(member.generation);
    std::string id = graph.node(member.policy).id;
    if (member.policy == policy) id = styled(terminal, Style::bold, id.append("  ◀"));
    std::string date = date_text(graph, member.policy);
    date += std::string(10 - std::min<std::size_t>(10, display_width(date)), ' ');  // "—" fills the date column
    std::string link = link_of(member);
    link += std::string(link_width - display_width(link), ' ');
    // date, generation (right-aligned in 4), link, then the id indented by its generation
    std::string line = date;
    line.append(2 + 4 - std::min<std::size_t>(4, generation.size()), ' ');
    line.append(generation).append("  ").append(link).append("  ").append(indent).append(id).append("  ");
    context.out << line
                << truncate_to_width(title_text(graph, member.policy), terminal.width > display_width(line) + 20
                                                                           ? terminal.width - display_width(line)
                                                                           : 20)
                << '\n';
  }
  if (answer.members.size() == 1) context.out << "  no predecessor and no successor\n";
  if (hidden > 0)
    context.out << "  " << hidden << " more of its lineage not shown (" << filter.description()
                << "); generations count them\n";
  return exit_success;
}

}  // namespace policygraph::cli
