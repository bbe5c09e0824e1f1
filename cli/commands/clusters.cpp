// SPDX-License-Identifier: MIT
#include <algorithm>
#include <cstdio>
#include <ostream>

#include "commands.hpp"
#include "describe.hpp"
#include "exit_codes.hpp"
#include "policygraph/communities.hpp"
#include "session.hpp"
#include "terminal.hpp"

namespace policygraph::cli {
namespace {

// Groups of policy vertices as sorted id lists, largest group first, then by first id.
std::vector<std::vector<std::string>> id_groups(const Graph& graph, const std::vector<std::vector<VertexId>>& groups) {
  std::vector<std::vector<std::string>> result;
  for (const auto& group : groups) {
    std::vector<std::string> ids;
    for (VertexId v : group) ids.push_back(graph.node(v).id);
    std::sort(ids.begin(), ids.end());
    result.push_back(std::move(ids));
  }
  std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
  });
  return result;
}

void print_groups(std::ostream& out, const Terminal& terminal, const std::vector<std::vector<std::string>>& groups) {
  for (std::size_t i = 0; i < groups.size(); ++i) {
    std::string line;
    for (const auto& id : groups[i]) line += (line.empty() ? "" : ", ") + id;
    std::string head = "  " + std::to_string(i + 1) + ". (" + std::to_string(groups[i].size()) + ") ";
    out << head << truncate_to_width(line, terminal.width > head.size() + 20 ? terminal.width - head.size() : 20)
        << '\n';
  }
}

}  // namespace

int run_clusters(const CommandContext& context) {
  const Invocation& invocation = context.invocation;
  const GlobalOptions& options = invocation.global;
  Session& session = open_session(options, invocation.weights, context.err, context.terminal);
  if (!report_diagnostic_count(session, options, context.err, context.terminal)) return exit_finding;
  const Graph& graph = session.graph;

  std::vector<DeclaredCluster> declared = declared_clusters(graph);
  Graph policy_view = make_view(graph, View::policy, invocation.weights);
  Partition components = weakly_connected_components(policy_view);
  LouvainResult communities = louvain(policy_view, {.seed = invocation.query.seed});
  auto component_ids = id_groups(graph, components.groups);
  auto community_ids = id_groups(graph, communities.partition.groups);

  if (options.json) {
    nlohmann::ordered_json declared_json = nlohmann::ordered_json::array();
    for (const auto& cluster : declared) {
      std::vector<std::string> keys;
      for (VertexId v : cluster.members) keys.push_back(graph.key(v));
      std::sort(keys.begin(), keys.end());
      declared_json.push_back({{"cluster", graph.node(cluster.cluster).label}, {"members", keys}});
    }
    nlohmann::ordered_json json{{"declared", declared_json},
                                {"components", component_ids},
                                {"communities",
                                 {{"seed", invocation.query.seed},
                                  {"modularity", communities.modularity},
                                  {"groups", community_ids}}}};
    context.out << json.dump(2) << '\n';
    return exit_success;
  }

  const Terminal& terminal = context.terminal;
  std::ostream& out = context.out;
  out << styled(terminal, Style::bold, "Declared clusters") << " (" << declared.size() << ")\n";
  for (const auto& cluster : declared) {
    std::string members;
    for (VertexId v : cluster.members) members += (members.empty() ? "" : ", ") + graph.node(v).id;
    std::string head = "  " + graph.node(cluster.cluster).label + " (" + std::to_string(cluster.members.size()) + "): ";
    out << head << truncate_to_width(members, terminal.width > display_width(head) + 20 ? terminal.width - display_width(head) : 20)
        << '\n';
  }
  out << '\n' << styled(terminal, Style::bold, "Connected components") << " of the policy view ("
      << component_ids.size() << ")\n";
  print_groups(out, terminal, component_ids);
  char modularity[32];
  std::snprintf(modularity, sizeof modularity, "%.4f", communities.modularity);
  out << '\n' << styled(terminal, Style::bold, "Louvain communities") << " (" << community_ids.size()
      << ", modularity " << modularity << ", seed " << invocation.query.seed << ")\n";
  print_groups(out, terminal, community_ids);
  return exit_success;
}

}  // namespace policygraph::cli
