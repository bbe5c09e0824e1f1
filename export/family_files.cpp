// SPDX-License-Identifier: MIT
// `export --split families`: a drawing per lineage family, and an index.html of them.
#include <sstream>

#include "drawing_processes.hpp"
#include "families.hpp"
#include "policygraph/export.hpp"
#include "report/html.hpp"

namespace policygraph {

using namespace export_detail;

namespace {

bool is_family_file(std::string_view name) {
  return name == "index.html" || name.ends_with(".svg") || name.ends_with(".dot") ||
         (name.starts_with(".") && name.find(".tmp-") != std::string_view::npos);
}

std::size_t drawn_edge_count(const Graph& lineage, const Selection& selection) {
  std::size_t count = 0;
  for (const Edge& edge : lineage.edges()) count += selection.contains(edge.source) && selection.contains(edge.target);
  return count;
}

}  // namespace

FamiliesWritten export_families(ExportFormat format, const std::filesystem::path& folder, const Graph& lineage,
                                const ExportOptions& options, const LayoutLimits& limits, std::size_t processes) {
  if (format != ExportFormat::dot && format != ExportFormat::svg)
    throw ExportError("--split families draws diagrams: use --format svg or --format dot");
  const std::vector<Family> families = lineage_families(lineage, options.selection);
  FamiliesWritten written;
  std::vector<FolderFile> files;
  std::string index;
  report_detail::open_page(index, "Lineage families", "Lineage families", report_detail::PageKind::standalone);
  index +=
      "<p>" + std::to_string(families.size()) +
      " families: groups of policies joined by lineage relations, each named after its oldest policy.</p>\n"
      "<table>\n<thead><tr><th>policies</th><th>oldest</th><th>family of</th><th>file</th></tr></thead>\n<tbody>\n";
  // What each family's file holds, decided here and drawn below, all at once.
  std::vector<ExportOptions> selections;
  std::vector<ExportFormat> formats;
  for (const Family& family : families) {
    ExportOptions one = options;
    one.selection.vertices.assign(lineage.node_count(), false);
    for (VertexId v : family.members) one.selection.vertices[v] = true;
    const bool too_large =
        family.members.size() > limits.nodes || drawn_edge_count(lineage, one.selection) > limits.edges;
    const ExportFormat drawn = format == ExportFormat::svg && !too_large ? ExportFormat::svg : ExportFormat::dot;
    selections.push_back(std::move(one));
    formats.push_back(drawn);
    const std::string& oldest = lineage.node(family.oldest).id;
    std::string name = file_name_for("", oldest, drawn == ExportFormat::svg ? ".svg" : ".dot");
    files.push_back({name, {}, false});
    const auto& date = lineage.node(family.oldest).date;
    index += "<tr><td>" + std::to_string(family.members.size()) + "</td><td>" + (date ? date->iso() : "—") +
             "</td><td>" + report_detail::link(name, lineage.node(family.oldest).label) + "</td><td>" +
             report_detail::escape_html(name) +
             (format == ExportFormat::svg && too_large ? " (too large to lay out here: DOT for Graphviz)" : "") +
             "</td></tr>\n";
    ++written.families;
    written.as_dot += format == ExportFormat::svg && too_large ? 1 : 0;
  }
  index += "</tbody>\n</table>\n";
  const std::vector<std::string> drawings = draw_in_processes(
      families.size(), processes, [](std::size_t) { return true; },
      [&](std::size_t f) {
        std::ostringstream out;
        export_to_stream(formats[f], out, lineage, selections[f]);
        return out.str();
      });
  for (std::size_t f = 0; f < families.size(); ++f)
    files[f].write = [&drawings, f](std::ostream& out) { out << drawings[f]; };
  report_detail::close_page(index);
  files.push_back({"index.html", [index](std::ostream& out) { out << index; }, false});
  write_folder_atomically(folder, files, is_family_file);
  return written;
}

}  // namespace policygraph
