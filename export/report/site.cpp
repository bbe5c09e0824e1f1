// SPDX-License-Identifier: MIT
#include "report/site.hpp"

#include <algorithm>
#include <numeric>

#include "policygraph/communities.hpp"
#include "report/html.hpp"

namespace policygraph::report_detail {
namespace {

// Earliest first, undated last, then by id (vertex order is id order).
bool older(const Graph& graph, VertexId a, VertexId b) {
  const auto& date_a = graph.node(a).date;
  const auto& date_b = graph.node(b).date;
  if (date_a.has_value() != date_b.has_value()) return date_a.has_value();
  if (date_a && *date_a != *date_b) return *date_a < *date_b;
  return a < b;
}

}  // namespace

Site::Site(const Graph& full_graph, const ReportOptions& report_options)
    : full(full_graph), options(report_options), lineage(make_view(full_graph, View::lineage)) {
  const std::size_t policies = full.policy_count();
  family_of.assign(policies, no_family);
  for (auto& group : weakly_connected_components(lineage).groups) {
    if (group.size() < 2) continue;
    Family family;
    family.members = std::move(group);
    std::sort(family.members.begin(), family.members.end(), [&](VertexId a, VertexId b) { return older(full, a, b); });
    family.oldest = family.members.front();
    family.file = page_file("family-", full.node(family.oldest).id);
    families.push_back(std::move(family));
  }
  std::sort(families.begin(), families.end(), [&](const Family& a, const Family& b) {
    if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
    return full.node(a.oldest).id < full.node(b.oldest).id;
  });
  for (std::uint32_t f = 0; f < families.size(); ++f)
    for (VertexId v : families[f].members) family_of[v] = f;

  policy_file.resize(policies);
  for (VertexId v : full.policies())
    if (full.node(v).resolved) policy_file[v] = page_file("policy-", full.node(v).id);

  rank.assign(policies, 0);
  if (options.pagerank.size() >= policies) {
    by_rank.resize(policies);
    std::iota(by_rank.begin(), by_rank.end(), VertexId{0});
    std::stable_sort(by_rank.begin(), by_rank.end(),
                     [&](VertexId a, VertexId b) { return options.pagerank[a] > options.pagerank[b]; });
    for (std::size_t i = 0; i < by_rank.size(); ++i) rank[by_rank[i]] = i + 1;
  }
}

std::string Site::policy_link(VertexId v) const {
  const Node& node = full.node(v);
  if (policy_file[v].empty()) return escape_html(node.id) + " <span class=\"muted\">(no record)</span>";
  return link(policy_file[v], node.label);
}

}  // namespace policygraph::report_detail
