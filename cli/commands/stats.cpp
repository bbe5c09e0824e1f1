// SPDX-License-Identifier: MIT
#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "filters.hpp"
#include "policygraph/evolution.hpp"
#include "session.hpp"
#include "table.hpp"

namespace policygraph::cli {
namespace {

struct Counts {
  std::size_t records[2] = {};  ///< policy and facility records: the resolved nodes
  std::size_t nodes[4] = {};
  std::size_t unresolved[2] = {};
  std::size_t edges[9] = {};
};

// Counts what the filters keep: the policies and facilities that pass, the clusters and tags
// one of those links to, and the edges between what is kept.
Counts count(const Graph& graph, const Filter& filter) {
  std::vector<bool> kept(graph.node_count(), false);
  for (VertexId v : graph.vertices()) {
    const NodeKind kind = graph.node(v).kind;
    if ((kind == NodeKind::policy || kind == NodeKind::facility) && filter.keeps(graph, v)) kept[v] = true;
  }
  for (const Edge& edge : graph.edges()) {
    const NodeKind target = graph.node(edge.target).kind;
    if (kept[edge.source] && (target == NodeKind::cluster || target == NodeKind::tag)) kept[edge.target] = true;
  }
  Counts counts;
  for (VertexId v : graph.vertices()) {
    if (!kept[v]) continue;
    const Node& node = graph.node(v);
    ++counts.nodes[static_cast<int>(node.kind)];
    if (node.kind <= NodeKind::facility)
      ++(node.resolved ? counts.records : counts.unresolved)[static_cast<int>(node.kind)];
  }
  for (const Edge& edge : graph.edges())
    if (kept[edge.source] && kept[edge.target]) ++counts.edges[static_cast<int>(edge.kind)];
  return counts;
}

}  // namespace

int run_stats(const CommandContext& context) {
  const GlobalOptions& options = context.invocation.global;
  const Filter filter(context.invocation.query.filters, KindMeaning::node, today_utc());
  Session& session = open_checked_session(context);
  filter.warn_if_nothing_matches(session.graph, context.err, context.terminal);
  Counts counts = count(session.graph, filter);
  constexpr EdgeKind full_edge_kinds[] = {EdgeKind::supersedes,       EdgeKind::consolidates, EdgeKind::repeals,
                                          EdgeKind::amends,           EdgeKind::implements,   EdgeKind::member_of,
                                          EdgeKind::related_facility, EdgeKind::tagged};

  if (options.json) {
    nlohmann::ordered_json json;
    json["records"] = {{"policy", counts.records[0]}, {"facility", counts.records[1]}};
    json["nodes"] = nlohmann::ordered_json::object();
    for (int k = 0; k < 4; ++k) json["nodes"][std::string(to_string(static_cast<NodeKind>(k)))] = counts.nodes[k];
    json["unresolved"] = {{"policy", counts.unresolved[0]}, {"facility", counts.unresolved[1]}};
    json["edges"] = nlohmann::ordered_json::object();
    for (EdgeKind kind : full_edge_kinds)
      json["edges"][std::string(to_string(kind))] = counts.edges[static_cast<int>(kind)];
    json["diagnostics"] = session.diagnostics.size();
    json["errors"] = count_errors(session.diagnostics);
    json["files"] = session.files_read;
    if (filter.active()) json["filters"] = filter.to_json();
    context.out << json.dump(2) << '\n';
    return exit_success;
  }

  // Files and diagnostics are the whole corpus's, whatever the filters.
  if (filter.active()) context.out << "Counting what the filters keep: " << filter.description() << '\n';
  auto number = [](std::size_t n) { return std::to_string(n); };
  Table table({"", "count", "of which"}, {Table::Align::left, Table::Align::right, Table::Align::left});
  table.add_row({"files read", number(session.files_read), ""});
  table.add_row({"policy records", number(counts.records[0]), ""});
  table.add_row({"facility records", number(counts.records[1]), ""});
  table.add_row({"policy nodes", number(counts.nodes[0]), number(counts.unresolved[0]) + " unresolved"});
  table.add_row({"facility nodes", number(counts.nodes[1]), number(counts.unresolved[1]) + " unresolved"});
  table.add_row({"cluster nodes", number(counts.nodes[2]), ""});
  table.add_row({"tag nodes", number(counts.nodes[3]), ""});
  for (EdgeKind kind : full_edge_kinds)
    table.add_row({std::string(to_string(kind)) + " edges", number(counts.edges[static_cast<int>(kind)]), ""});
  table.add_row(
      {"diagnostics", number(session.diagnostics.size()), number(count_errors(session.diagnostics)) + " errors"});
  table.print(context.out, context.terminal);
  return exit_success;
}

}  // namespace policygraph::cli
