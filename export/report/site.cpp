// SPDX-License-Identifier: MIT
#include "report/site.hpp"

#include <algorithm>
#include <numeric>

#include "policygraph/evolution.hpp"
#include "policygraph/influence.hpp"
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

  // The ranks `influence` gives: equal scores share one ("=4"), in id order.
  rank.assign(policies, 0);
  tied.assign(policies, false);
  if (options.pagerank.size() >= policies) {
    std::vector<VertexId> all(policies);
    std::iota(all.begin(), all.end(), VertexId{0});
    for (const RankedVertex& ranked : rank_by_score(options.pagerank, std::move(all))) {
      by_rank.push_back(ranked.vertex);
      rank[ranked.vertex] = ranked.rank;
      tied[ranked.vertex] = ranked.tied;
    }
  }
}

std::string Site::policy_link(VertexId v) const {
  const Node& node = full.node(v);
  if (policy_file[v].empty()) return escape_html(node.id) + " <span class=\"muted\">(no record)</span>";
  return link(policy_file[v], node.label);
}

namespace {

std::string state_cell(const Graph& graph, VertexId v) {
  if (!graph.node(v).resolved) return "no record";
  return state_badge(legal_state(graph, v));
}

}  // namespace

std::string date_cell(const Graph& graph, VertexId v) {
  const auto& date = graph.node(v).date;
  return date ? date->iso() : "—";
}

void policy_table(std::string& out, const Site& site, const std::vector<VertexId>& policies) {
  out += "<table>\n<thead><tr><th>date</th><th>state</th><th>title</th><th>id</th></tr></thead>\n<tbody>\n";
  for (VertexId v : policies)
    out += "<tr><td>" + date_cell(site.full, v) + "</td><td>" + state_cell(site.full, v) + "</td><td>" +
           site.policy_link(v) + "</td><td class=\"id\">" + escape_html(site.full.node(v).id) + "</td></tr>\n";
  out += "</tbody>\n</table>\n";
}

}  // namespace policygraph::report_detail
