// SPDX-License-Identifier: MIT
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <ostream>

#include "commands.hpp"
#include "describe.hpp"
#include "exit_codes.hpp"
#include "policygraph/influence.hpp"
#include "session.hpp"
#include "table.hpp"

namespace policygraph::cli {
namespace {

std::string fixed(double value, int digits) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

}  // namespace

int run_influence(const CommandContext& context) {
  const Invocation& invocation = context.invocation;
  const GlobalOptions& options = invocation.global;
  Session& session = open_session(options, invocation.weights, context.err, context.terminal);
  if (!report_diagnostic_count(session, options, context.err, context.terminal)) return exit_finding;
  const Graph& graph = session.graph;

  ViewReport report;
  Graph policy_view = make_view(graph, View::policy, invocation.weights, &report);
  if (report.related_pairs > 10'000'000)
    context.err << "policygraph: the policy view links " << report.related_pairs
                << " pairs of policies through shared tags, clusters and facilities; this takes a while\n";
  PageRankResult ranks = pagerank(policy_view);
  BetweennessResult between =
      betweenness(policy_view, {.sample_sources = invocation.query.sample, .seed = invocation.query.seed});
  LineageDegrees degrees = lineage_degrees(graph);

  std::vector<VertexId> order(graph.policy_count());
  std::iota(order.begin(), order.end(), VertexId{0});
  // Highest PageRank first; ties by id, so the order is stable.
  std::stable_sort(order.begin(), order.end(),
                   [&](VertexId a, VertexId b) { return ranks.scores[a] > ranks.scores[b]; });
  std::size_t shown = invocation.query.top == 0 ? order.size() : std::min(invocation.query.top, order.size());

  if (options.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < shown; ++i) {
      VertexId v = order[i];
      list.push_back({{"id", graph.node(v).id},
                      {"pagerank", ranks.scores[v]},
                      {"betweenness", between.scores[v]},
                      {"in_degree", degrees.in[v]},
                      {"out_degree", degrees.out[v]}});
    }
    nlohmann::ordered_json json{{"policies", list}};
    json["pagerank"] = {{"iterations", ranks.iterations}, {"converged", ranks.converged}};
    json["betweenness"] = {{"sampled", between.sampled}, {"sources", between.sources}};
    context.out << json.dump(2) << '\n';
    return exit_success;
  }

  Table table({"#", "pagerank", "betweenness", "in", "out", "id", "title"},
              {Table::Align::right, Table::Align::right, Table::Align::right, Table::Align::right,
               Table::Align::right, Table::Align::left, Table::Align::left});
  for (std::size_t i = 0; i < shown; ++i) {
    VertexId v = order[i];
    table.add_row({std::to_string(i + 1), fixed(ranks.scores[v], 5), fixed(between.scores[v], 4),
                   std::to_string(degrees.in[v]), std::to_string(degrees.out[v]), graph.node(v).id,
                   title_text(graph, v)});
  }
  table.print(context.out, context.terminal);
  if (!ranks.converged)
    context.err << "policygraph: PageRank did not converge in " << ranks.iterations << " iterations\n";
  if (between.sampled)
    context.out << "betweenness estimated from " << between.sources << " sampled sources (--sample)\n";
  context.out << "in/out: lineage edges from newer policies / to the policies it builds on. "
              << shown << " of " << order.size() << " policies shown";
  if (shown < order.size()) context.out << " (--top 0 for all)";
  context.out << '\n';
  return exit_success;
}

}  // namespace policygraph::cli
