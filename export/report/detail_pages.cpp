// SPDX-License-Identifier: MIT
// A lineage family's page (its diagram and members) and a policy's page (everything the
// corpus says about it, and what the graph adds: timeline, relations, influence).
#include <sstream>

#include "policygraph/evolution.hpp"
#include "report/html.hpp"
#include "report/markdown.hpp"
#include "report/pages.hpp"

namespace policygraph::report_detail {
namespace {

std::string day(const std::optional<Date>& date) { return date ? date->iso() : "—"; }

void row(std::string& out, std::string_view name, const std::string& value_html) {
  out += "<tr><th>" + escape_html(name) + "</th><td>" + value_html + "</td></tr>\n";
}

void relations_table(std::string& out, const Site& site, VertexId policy, bool incoming) {
  const Graph& graph = site.full;
  std::string rows;
  for (EdgeId e : incoming ? graph.in_edges(policy) : graph.out_edges(policy)) {
    const Edge& edge = graph.edge(e);
    if (!is_lineage(edge.kind)) continue;
    const VertexId other = incoming ? edge.source : edge.target;
    rows += "<tr><td>" + day(takes_effect(graph, e)) + "</td><td>" + escape_html(relation_phrase(edge.kind, incoming)) +
            "</td><td>" + site.policy_link(other) + "</td></tr>\n";
  }
  if (rows.empty()) {
    out += "<p class=\"muted\">None in the corpus.</p>\n";
    return;
  }
  out += "<table>\n<thead><tr><th>takes effect</th><th>relation</th><th>policy</th></tr></thead>\n<tbody>\n" + rows +
         "</tbody>\n</table>\n";
}

std::string event_html(const Site& site, const HistoryEvent& event) {
  switch (event.type) {
    case HistoryEvent::Type::published: return "published";
    case HistoryEvent::Type::entry_into_force: return "enters into force";
    case HistoryEvent::Type::expiry: return "expires";
    case HistoryEvent::Type::milestone: return escape_html(event.event);
    case HistoryEvent::Type::relation: break;
  }
  return escape_html(relation_phrase(event.relation->kind, event.relation->incoming)) + " " +
         site.policy_link(event.relation->other);
}

}  // namespace

std::string family_page(const Site& site, const Family& family, const std::string& diagram) {
  const Graph& graph = site.full;
  std::string out;
  const std::string& oldest = graph.node(family.oldest).label;
  open_page(out, "Family of " + oldest, "Family of " + oldest);
  out += "<p>" + std::to_string(family.members.size()) +
         " policies joined by lineage relations, the oldest first. Click a policy in the diagram for its page.</p>\n";
  if (!diagram.empty()) {
    out += "<div class=\"diagram\">\n" + diagram + "</div>\n";
  } else if (site.options.max_diagram_policies == 0) {
    out += "<p class=\"muted\">The report was made without diagrams.</p>\n";
  } else {
    out += "<p class=\"muted\">This family has " + std::to_string(family.members.size()) +
           " policies, too many for one readable diagram; export part of it with <code>policygraph export "
           "--format svg --view lineage --focus ID --depth 2</code>.</p>\n";
  }
  policy_table(out, site, family.members);
  close_page(out);
  return out;
}

std::string policy_page(const Site& site, VertexId policy) {
  const Graph& graph = site.full;
  const Node& node = graph.node(policy);
  const Record* record = graph.record(policy);
  std::string out;
  open_page(out, node.label, node.label);

  out += "<table class=\"facts\">\n";
  row(out, "id", "<span class=\"id\">" + escape_html(node.id) + "</span>");
  if (record != nullptr)
    for (const auto& translation : record->translations)
      if (translation.name.starts_with("title@"))
        row(out, "title (" + std::string(translation.name.substr(6)) + ")",
            "<span lang=\"" + escape_html(translation.name.substr(6)) + "\">" + escape_html(translation.value) +
                "</span>");
  const LegalState state = legal_state(graph, policy);
  std::string state_html = state_badge(state);
  if (record != nullptr)
    if (auto status = record->attribute("status")) state_html += " (status: " + escape_html(*status) + ")";
  row(out, "legal state", state_html);
  row(out, "published", day(node.date));
  if (record != nullptr && record->effective) row(out, "in force from", record->effective->iso());
  if (record != nullptr && record->expires) row(out, "expires", record->expires->iso());
  if (site.rank[policy] > 0) {
    char score[32];
    std::snprintf(score, sizeof score, "%.5f", site.options.pagerank[policy]);
    // In a sentence a shared rank is said in words: "#=65" is a table's shorthand.
    row(out, "influence",
        "#" + std::to_string(site.rank[policy]) + " of " + std::to_string(site.by_rank.size()) +
            (site.tied[policy] ? ", tied" : "") + " (PageRank " + score + ")");
  }
  if (site.family_of[policy] != Site::no_family) {
    const Family& family = site.families[site.family_of[policy]];
    row(out, "family",
        link(family.file, "family of " + graph.node(family.oldest).label) + " (" +
            std::to_string(family.members.size()) + " policies)");
  }
  if (record != nullptr)
    for (const auto& attribute : record->attributes)
      if (attribute.name != "status" && attribute.name != "year" && attribute.name != "pubDate" &&
          attribute.name != "description")
        row(out, attribute.name,
            attribute.name == "url" &&
                    (attribute.value.starts_with("https://") || attribute.value.starts_with("http://"))
                ? link(attribute.value, attribute.value)
                : escape_html(attribute.value));
  out += "</table>\n";

  // Descriptions are written in Markdown (the CCUS Policy Hub's have headings, bold figures
  // and lists): shown as their authors meant them, below the facts, not as a table cell.
  if (record != nullptr)
    if (auto description = record->attribute("description"))
      out += "<h2>Description</h2>\n<div class=\"description\">\n" + markdown_html(*description, 3) + "</div>\n";

  out += "<h2>History</h2>\n";
  const std::vector<HistoryEvent> events = history(graph, policy);
  if (events.empty())
    out += "<p class=\"muted\">No dated event.</p>\n";
  else {
    out += "<table>\n<thead><tr><th>date</th><th>event</th></tr></thead>\n<tbody>\n";
    for (const HistoryEvent& event : events)
      out += "<tr><td>" +
             (event.date ? event.date->iso() : escape_html(event.date_text.empty() ? "—" : event.date_text)) +
             "</td><td>" + event_html(site, event) + "</td></tr>\n";
    out += "</tbody>\n</table>\n";
  }
  out += "<h2>What it does to other acts</h2>\n";
  relations_table(out, site, policy, false);
  out += "<h2>What other acts did to it</h2>\n";
  relations_table(out, site, policy, true);

  std::string facilities, clusters, tags;
  for (EdgeId e : graph.out_edges(policy)) {
    const Edge& edge = graph.edge(e);
    const Node& other = graph.node(edge.target);
    const std::string item =
        "<li>" + escape_html(other.label) +
        (edge.kind == EdgeKind::related_facility ? " <span class=\"id\">" + escape_html(other.id) + "</span>" : "") +
        "</li>\n";
    if (edge.kind == EdgeKind::related_facility) facilities += item;
    if (edge.kind == EdgeKind::member_of) clusters += item;
    if (edge.kind == EdgeKind::tagged) tags += item;
  }
  for (const auto& [heading, items] :
       {std::pair{"Facilities", &facilities}, std::pair{"Clusters", &clusters}, std::pair{"Tags", &tags}}) {
    if (items->empty()) continue;
    out += "<h2>" + std::string(heading) + "</h2>\n<ul>\n" + *items + "</ul>\n";
  }
  close_page(out);
  return out;
}

}  // namespace policygraph::report_detail
