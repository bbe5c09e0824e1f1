// SPDX-License-Identifier: MIT
#include "report/site.hpp"

#include <algorithm>
#include <numeric>

#include "report/html.hpp"

namespace policygraph::report_detail {

Site::Site(const Graph& full_graph, const ReportOptions& report_options)
    : full(full_graph), options(report_options), lineage(make_view(full_graph, View::lineage)) {
  const std::size_t policies = full.policy_count();
  family_of.assign(policies, no_family);
  for (export_detail::Family& family : export_detail::lineage_families(lineage)) {
    Family& page = families.emplace_back();
    page.file = page_file("family-", full.node(family.oldest).id);
    static_cast<export_detail::Family&>(page) = std::move(family);
  }
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
