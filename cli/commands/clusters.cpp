// SPDX-License-Identifier: MIT
// `clusters`: the declared clusters (policy clusters first, then the facility hubs), the
// connected components of the policy view and its Louvain communities, each member shown by
// name. The filters (--kind policy|facility, --country, ...) narrow the members listed; the
// components and communities are still those of the whole policy view.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "answer_format.hpp"
#include "commands.hpp"
#include "describe.hpp"
#include "exit_codes.hpp"
#include "filters.hpp"
#include "policygraph/communities.hpp"
#include "policygraph/evolution.hpp"
#include "session.hpp"
#include "terminal.hpp"

namespace policygraph::cli {
namespace {

// One group of an answer: a declared cluster, a component or a community.
struct Group {
  std::string name;               ///< the cluster's name; for the others, the 1-based number
  bool of_policies = true;        ///< a declared cluster with a policy member (else a facility hub)
  std::vector<VertexId> members;  ///< those the filters keep: facilities first, then by id
};

// Declared clusters whose members the filters keep some of: those with a policy member first,
// then the facility hubs, each part by name.
std::vector<Group> declared_groups(const Graph& graph, const Filter& filter) {
  std::vector<Group> groups;
  for (const DeclaredCluster& cluster : declared_clusters(graph)) {
    Group group{graph.node(cluster.cluster).label, false, {}};
    for (VertexId v : cluster.members) {
      group.of_policies = group.of_policies || graph.node(v).kind == NodeKind::policy;
      if (filter.keeps(graph, v)) group.members.push_back(v);
    }
    if (!group.members.empty()) groups.push_back(std::move(group));
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const Group& a, const Group& b) { return a.of_policies && !b.of_policies; });
  return groups;
}

// Groups of policy vertices with the members the filters keep, largest group first, then by
// first id (policy vertices are in id order), numbered in that order.
std::vector<Group> policy_groups(const Graph& graph, const std::vector<std::vector<VertexId>>& partition,
                                 const Filter& filter) {
  std::vector<Group> groups;
  for (const auto& part : partition) {
    Group group;
    for (VertexId v : part)
      if (filter.keeps(graph, v)) group.members.push_back(v);
    std::sort(group.members.begin(), group.members.end());
    if (!group.members.empty()) groups.push_back(std::move(group));
  }
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
    return a.members.size() != b.members.size() ? a.members.size() > b.members.size() : a.members[0] < b.members[0];
  });
  for (std::size_t i = 0; i < groups.size(); ++i) groups[i].name = std::to_string(i + 1);
  return groups;
}

nlohmann::ordered_json ids_of(const Graph& graph, const Group& group) {
  nlohmann::ordered_json ids = nlohmann::ordered_json::array();
  for (VertexId v : group.members) ids.push_back(graph.node(v).id);
  return ids;
}

nlohmann::ordered_json entries_of(const Graph& graph, const Group& group) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (VertexId v : group.members) {
    nlohmann::ordered_json entry{{"kind", std::string(to_string(graph.node(v).kind))}};
    entry.update(node_entry(graph, v));
    entries.push_back(std::move(entry));
  }
  return entries;
}

// The flat rows of the CSV (and of `entries` in the JSON): one per member of each group.
void add_rows(nlohmann::ordered_json& rows, const char* section, const Graph& graph, const std::vector<Group>& groups) {
  for (const Group& group : groups) {
    for (nlohmann::ordered_json& entry : entries_of(graph, group)) {
      nlohmann::ordered_json row{{"section", section}, {"group", group.name}};
      row.update(entry);
      rows.push_back(std::move(row));
    }
  }
}

std::string members_count(const Graph& graph, const Group& group) {
  std::size_t policies = 0;
  for (VertexId v : group.members) policies += graph.node(v).kind == NodeKind::policy ? 1 : 0;
  const std::size_t facilities = group.members.size() - policies;
  std::string text;
  if (policies > 0) text = std::to_string(policies) + (policies == 1 ? " policy" : " policies");
  if (facilities > 0)
    text += (text.empty() ? "" : ", ") + std::to_string(facilities) + (facilities == 1 ? " facility" : " facilities");
  return text;
}

// Each group as a heading and one line per member, "id  title", the titles cut to the width.
void print_groups(std::ostream& out, const Terminal& terminal, const Graph& graph, const std::vector<Group>& groups,
                  bool numbered) {
  for (const Group& group : groups) {
    out << "  " << (numbered ? group.name + ". " : group.name + " ") << "(" << members_count(graph, group) << ")\n";
    std::size_t id_width = 0;
    for (VertexId v : group.members) id_width = std::max(id_width, display_width(graph.node(v).id));
    for (VertexId v : group.members) {
      const std::string& id = graph.node(v).id;
      std::string line = "    " + id + std::string(id_width - display_width(id), ' ') + "  ";
      const std::size_t room = terminal.width > display_width(line) + 20 ? terminal.width - display_width(line) : 20;
      out << line << truncate_to_width(title_text(graph, v), room) << '\n';
    }
  }
}

}  // namespace

int run_clusters(const CommandContext& context) {
  const Invocation& invocation = context.invocation;
  const AnswerFormat format = answer_format(invocation);
  const Filter filter(invocation.query.filters, KindMeaning::node, today_utc());
  Session& session = open_checked_session(context);
  const Graph& graph = session.graph;
  filter.warn_if_nothing_matches(graph, context.err, context.terminal);

  const std::vector<Group> declared = declared_groups(graph, filter);
  Graph policy_view = make_view(graph, View::policy, invocation.weights);
  const std::vector<Group> components = policy_groups(graph, weakly_connected_components(policy_view).groups, filter);
  LouvainResult louvain_result = louvain(policy_view, {.seed = invocation.query.seed});
  const std::vector<Group> communities = policy_groups(graph, louvain_result.partition.groups, filter);

  if (format != AnswerFormat::text) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    add_rows(rows, "declared", graph, declared);
    add_rows(rows, "component", graph, components);
    add_rows(rows, "community", graph, communities);
    if (format == AnswerFormat::csv) {
      write_csv(context.out, rows);
      return exit_success;
    }
    nlohmann::ordered_json declared_json = nlohmann::ordered_json::array();
    for (const Group& group : declared) {
      std::vector<std::string> keys;
      for (VertexId v : group.members) keys.push_back(graph.key(v));
      std::sort(keys.begin(), keys.end());
      declared_json.push_back({{"cluster", group.name},
                               {"members", keys},
                               {"kind", group.of_policies ? "policy" : "facility"},
                               {"member_entries", entries_of(graph, group)}});
    }
    auto lists = [&](const std::vector<Group>& groups, bool entries) {
      nlohmann::ordered_json json = nlohmann::ordered_json::array();
      for (const Group& group : groups) json.push_back(entries ? entries_of(graph, group) : ids_of(graph, group));
      return json;
    };
    nlohmann::ordered_json json{{"declared", declared_json},
                                {"components", lists(components, false)},
                                {"communities",
                                 {{"seed", invocation.query.seed},
                                  {"modularity", louvain_result.modularity},
                                  {"groups", lists(communities, false)},
                                  {"group_entries", lists(communities, true)}}},
                                {"component_entries", lists(components, true)},
                                {"entries", rows}};
    if (filter.active()) json["filters"] = filter.to_json();
    context.out << json.dump(2) << '\n';
    return exit_success;
  }

  const Terminal& terminal = context.terminal;
  std::ostream& out = context.out;
  if (filter.active()) out << "Members " << filter.description() << '\n';
  const auto hubs = std::find_if(declared.begin(), declared.end(), [](const Group& g) { return !g.of_policies; });
  const std::vector<Group> policy_clusters(declared.begin(), hubs), facility_hubs(hubs, declared.end());
  // The sections --kind leaves nothing in are left out.
  const bool policies = filter.keeps_kind(NodeKind::policy);
  const bool facilities = filter.keeps_kind(NodeKind::facility);
  out << styled(terminal, Style::bold, "Declared policy clusters") << " (" << policy_clusters.size() << ")\n";
  print_groups(out, terminal, graph, policy_clusters, false);
  if (facilities) {
    out << '\n'
        << styled(terminal, Style::bold, "Facility hubs") << " (" << facility_hubs.size()
        << ", clusters of facilities alone)\n";
    print_groups(out, terminal, graph, facility_hubs, false);
  }
  if (!policies) return exit_success;
  out << '\n'
      << styled(terminal, Style::bold, "Connected components") << " of the policy view (" << components.size() << ")\n";
  print_groups(out, terminal, graph, components, true);
  char modularity[32];
  std::snprintf(modularity, sizeof modularity, "%.4f", louvain_result.modularity);
  out << '\n'
      << styled(terminal, Style::bold, "Louvain communities") << " (" << communities.size() << ", modularity "
      << modularity << ", seed " << invocation.query.seed << ")\n";
  print_groups(out, terminal, graph, communities, true);
  return exit_success;
}

}  // namespace policygraph::cli
