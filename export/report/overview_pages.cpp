// SPDX-License-Identifier: MIT
// The overview (index.html), the lists of every policy and family, and the search index.
#include <nlohmann/json.hpp>

#include <array>

#include "policygraph/evolution.hpp"
#include "report/html.hpp"
#include "report/pages.hpp"

namespace policygraph::report_detail {
namespace {

void family_table(std::string& out, const Site& site, std::size_t limit) {
  out += "<table>\n<thead><tr><th>policies</th><th>oldest</th><th>family of</th></tr></thead>\n<tbody>\n";
  for (std::size_t f = 0; f < site.families.size() && f < limit; ++f) {
    const Family& family = site.families[f];
    out += "<tr><td class=\"number\">" + std::to_string(family.members.size()) + "</td><td>" +
           date_cell(site.full, family.oldest) + "</td><td>" + link(family.file, site.full.node(family.oldest).label) +
           "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

}  // namespace

std::string overview_page(const Site& site) {
  const Graph& graph = site.full;
  std::string out;
  open_page(out, "Overview", "Policy corpus report");
  out += "<p class=\"muted\">Made on " + site.options.today.iso() +
         ". Every page opens from the file system; nothing is fetched.</p>\n";
  out +=
      "<section>\n<h2>Search</h2>\n<input id=\"search\" type=\"search\" "
      "placeholder=\"Words of a title (any language) or an id\" aria-label=\"Search policies\">\n"
      "<ol id=\"results\"></ol>\n</section>\n";

  std::size_t described = 0, unresolved = 0, facilities = 0;
  for (VertexId v : graph.vertices()) {
    const Node& node = graph.node(v);
    if (node.kind == NodeKind::policy) (node.resolved ? described : unresolved) += 1;
    if (node.kind == NodeKind::facility && node.resolved) ++facilities;
  }
  std::array<std::size_t, 9> edges{};
  for (const Edge& edge : graph.edges()) ++edges[static_cast<std::size_t>(edge.kind)];
  const std::vector<VertexId> today = in_force(graph, site.options.today);
  out += "<section>\n<h2>The corpus</h2>\n<table class=\"counts\">\n";
  auto count_row = [&](std::string_view what, std::size_t n) {
    out += "<tr><th>" + std::string(what) + "</th><td class=\"number\">" + std::to_string(n) + "</td></tr>\n";
  };
  count_row("policies", described);
  count_row("policies named but not described", unresolved);
  count_row("facilities", facilities);
  count_row("lineage families (two policies or more)", site.families.size());
  count_row("in force today", today.size());
  for (EdgeKind kind :
       {EdgeKind::supersedes, EdgeKind::consolidates, EdgeKind::repeals, EdgeKind::amends, EdgeKind::implements})
    count_row(std::string(to_string(kind)) + " relations", edges[static_cast<std::size_t>(kind)]);
  out += "</table>\n</section>\n";

  if (!site.by_rank.empty()) {
    out +=
        "<section>\n<h2>The most influential policies</h2>\n<p class=\"muted\">By PageRank on the policy "
        "graph: lineage relations and shared tags, clusters and facilities.</p>\n<table>\n<thead><tr><th>#</th>"
        "<th>pagerank</th><th>title</th><th>id</th></tr></thead>\n<tbody>\n";
    char score[32];
    for (std::size_t i = 0; i < site.by_rank.size() && i < 10; ++i) {
      const VertexId v = site.by_rank[i];
      std::snprintf(score, sizeof score, "%.4f", site.options.pagerank[v]);
      out += "<tr><td class=\"number\">" + site.rank_text(v) + "</td><td class=\"number\">" + score + "</td><td>" +
             site.policy_link(v) + "</td><td class=\"id\">" + escape_html(graph.node(v).id) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
  }

  out += "<section>\n<h2>In force today (" + std::to_string(today.size()) + ")</h2>\n";
  constexpr std::size_t shown = 100;
  std::vector<VertexId> first(today.begin(),
                              today.begin() + static_cast<std::ptrdiff_t>(std::min(shown, today.size())));
  policy_table(out, site, first);
  if (today.size() > shown)
    out += "<p>… and " + std::to_string(today.size() - shown) + " more: see " + link("policies.html", "every policy") +
           ".</p>\n";
  out += "</section>\n";

  out += "<section>\n<h2>Lineage families</h2>\n";
  if (site.families.empty())
    out += "<p>No two policies of the corpus are related by a lineage relation.</p>\n";
  else
    family_table(out, site, 30);
  if (site.families.size() > 30) out += "<p>" + link("families.html", "Every family") + "</p>\n";
  out += "</section>\n";
  close_page(out, "<script src=\"search-index.js\"></script>\n<script src=\"search.js\"></script>\n");
  return out;
}

std::string policies_page(const Site& site) {
  std::string out;
  open_page(out, "Policies", "Every policy");
  std::vector<VertexId> all;
  for (VertexId v : site.full.policies()) all.push_back(v);
  policy_table(out, site, all);
  close_page(out);
  return out;
}

std::string families_page(const Site& site) {
  std::string out;
  open_page(out, "Families", "Every lineage family");
  out +=
      "<p>A family is a group of policies joined by lineage relations (replaces, consolidates, repeals, amends, "
      "implements), named after its oldest policy.</p>\n";
  family_table(out, site, site.families.size());
  close_page(out);
  return out;
}

std::string search_index_script(const Site& site) {
  nlohmann::json entries = nlohmann::json::array();
  for (VertexId v : site.full.policies()) {
    if (site.policy_file[v].empty()) continue;
    std::string titles = site.full.node(v).label;
    if (const Record* record = site.full.record(v))
      for (const auto& translation : record->translations)
        if (translation.name.starts_with("title@")) titles += " · " + std::string(translation.value);
    entries.push_back({site.full.node(v).id, titles, site.policy_file[v]});
  }
  // dump() escapes what a script needs escaped; '<' too, so "</script>" in a title stays text.
  std::string json = entries.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out = "window.POLICYGRAPH_INDEX = ";
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  out += ";\n";
  return out;
}

}  // namespace policygraph::report_detail
