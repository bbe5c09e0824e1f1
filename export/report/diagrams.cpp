// SPDX-License-Identifier: MIT
#include "report/diagrams.hpp"

#include <cmath>
#include <cstdlib>
#include <sstream>

#include "drawing_processes.hpp"
#include "policygraph/export.hpp"

namespace policygraph::report_detail {
namespace {

// Erases every ` name="..."` attribute of `name` from `text`.
void erase_attribute(std::string& text, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
    const std::size_t end = text.find('"', at + key.size());
    if (end == std::string::npos) return;
    text.erase(at, end + 1 - at);
  }
}

// Graphviz's SVG as HTML5 takes it inline: no XML declaration or doctype; `href` for the
// links (SVG 2) instead of xlink:href, no xlink:title (each node has its <title>) or target;
// the size in CSS pixels (a unit in `width` is not HTML's) so that the diagram keeps its
// scale and its frame scrolls.
std::string inline_svg(std::string svg) {
  const std::size_t start = svg.find("<svg");
  if (start == std::string::npos) return {};
  svg.erase(0, start);
  erase_attribute(svg, "xmlns:xlink");
  erase_attribute(svg, "xlink:title");
  erase_attribute(svg, "target");
  for (std::size_t at = svg.find(" xlink:href="); at != std::string::npos; at = svg.find(" xlink:href=", at))
    svg.erase(at + 1, 6);
  const std::size_t tag_end = svg.find('>');
  for (std::string_view dimension : {"width", "height"}) {
    const std::string key = " " + std::string(dimension) + "=\"";
    const std::size_t at = svg.find(key);
    if (at == std::string::npos || at > tag_end) continue;
    const std::size_t value = at + key.size();
    const std::size_t end = svg.find('"', value);
    const double points = std::strtod(svg.c_str() + value, nullptr);
    svg.replace(value, end - value, std::to_string(std::lround(points * 4 / 3)));
  }
  return svg;
}

// The family's lineage drawn by Graphviz, its nodes linked to the policies' pages.
std::string family_diagram(const Site& site, const Family& family) {
  ExportOptions options;
  options.selection.vertices.assign(site.lineage.node_count(), false);
  for (VertexId v : family.members) options.selection.vertices[v] = true;
  options.node_url = [&](VertexId v) { return v < site.policy_file.size() ? site.policy_file[v] : std::string(); };
  std::ostringstream svg;
  write_svg(svg, site.lineage, options);
  return inline_svg(svg.str());
}

bool wanted(const Site& site, const Family& family) {
  return family.members.size() <= site.options.max_diagram_policies;
}

}  // namespace

std::vector<std::string> draw_families(const Site& site) {
  return export_detail::draw_in_processes(
      site.families.size(), site.options.processes, [&](std::size_t f) { return wanted(site, site.families[f]); },
      [&](std::size_t f) { return family_diagram(site, site.families[f]); });
}

}  // namespace policygraph::report_detail
