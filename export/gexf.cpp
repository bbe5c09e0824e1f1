// SPDX-License-Identifier: MIT
// GEXF 1.3 for Gephi's timeline and Gephi Lite (MODEL.md section 4).
//
// Readers' quirks this file answers: Gephi Lite keeps only the last <attributes> block of
// a class, so there is one per class; NetworkX crashes on <viz:color hex=...>, so colours
// are r/g/b; Gephi's timeline needs `timeformat="date"` (it ignores `integer`), and Gephi
// Lite ignores time altogether, so with options.dynamic the dates are also plain `start`
// and `end` attributes. Node ids are the keys (`policy:x`): GEXF ids are free text.
//
// Dynamic mode: a policy lives from its date until the date of its first successor, the
// earliest dated policy that supersedes or consolidates it (over the whole graph, not
// only the selection: the selection changes what is drawn, not history). A successor
// dated before the policy itself (bad data) gives no end rather than an empty life.
// Nodes without a date (facilities, clusters, tags, unresolved policies) live throughout.
#include <algorithm>
#include <cmath>
#include <optional>

#include "node_attributes.hpp"
#include "palette.hpp"
#include "xml_writer.hpp"

namespace policygraph {
namespace {

using namespace export_detail;

std::string_view gexf_type(ValueType type) {
  switch (type) {
    case ValueType::boolean: return "boolean";
    case ValueType::integer: return "integer";
    case ValueType::long_integer: return "long";
    case ValueType::floating: return "double";
    case ValueType::string:
    case ValueType::string_list: return "string";
  }
  return "string";
}

std::optional<Date> first_successor_date(const Graph& graph, VertexId v) {
  std::optional<Date> first;
  for (EdgeId e : graph.in_edges(v)) {
    const Edge& edge = graph.edge(e);
    if (!is_lineage(edge.kind)) continue;
    const auto& date = graph.node(edge.source).date;
    if (date && (!first || *date < *first)) first = date;
  }
  return first;
}

}  // namespace

void write_gexf(std::ostream& out, const Graph& graph, const ExportOptions& options) {
  const AttributeTable table(graph, options);
  const std::vector<EdgeId> edges = selected_edges(graph, options.selection);

  // Lifetimes (dynamic mode only).
  struct Life {
    std::optional<Date> start, end;
  };
  std::vector<Life> lives(options.dynamic ? table.vertices().size() : 0);
  bool any_start = false, any_end = false;
  for (std::size_t row = 0; row < lives.size(); ++row) {
    VertexId v = table.vertices()[row];
    if (graph.node(v).kind != NodeKind::policy || !graph.node(v).date) continue;
    lives[row].start = graph.node(v).date;
    auto end = first_successor_date(graph, v);
    if (end && *end >= *lives[row].start) lives[row].end = end;
    any_start = true;
    any_end = any_end || lives[row].end.has_value();
  }
  const std::size_t start_attribute = table.columns().size();
  const std::size_t end_attribute = start_attribute + 1;

  // PageRank to size: sqrt so that area, not radius, follows the score.
  const std::vector<double>* pagerank =
      options.metrics != nullptr && options.metrics->pagerank ? &*options.metrics->pagerank : nullptr;
  double max_pagerank = 0;
  if (pagerank != nullptr)
    for (VertexId v : table.vertices())
      if (v < pagerank->size() && std::isfinite((*pagerank)[v])) max_pagerank = std::max(max_pagerank, (*pagerank)[v]);

  XmlWriter xml(out);
  xml.declaration();
  xml.start("gexf")
      .attribute("xmlns", "http://gexf.net/1.3")
      .attribute("xmlns:viz", "http://gexf.net/1.3/viz")
      .attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
      .attribute("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd")
      .attribute("version", "1.3");
  xml.start("meta");
  xml.element("creator", "policygraph");
  xml.end();
  xml.start("graph").attribute("defaultedgetype", "directed");
  if (options.dynamic) xml.attribute("mode", "dynamic").attribute("timeformat", "date");
  else xml.attribute("mode", "static");

  xml.start("attributes").attribute("class", "node").attribute("mode", "static");
  for (std::size_t c = 0; c < table.columns().size(); ++c)
    xml.start("attribute")
        .attribute("id", std::to_string(c))
        .attribute("title", table.columns()[c].name)
        .attribute("type", gexf_type(table.columns()[c].type))
        .end();
  if (any_start)
    xml.start("attribute").attribute("id", std::to_string(start_attribute)).attribute("title", "start");
  if (any_start) xml.attribute("type", "string").end();
  if (any_end) xml.start("attribute").attribute("id", std::to_string(end_attribute)).attribute("title", "end");
  if (any_end) xml.attribute("type", "string").end();
  xml.end();
  xml.start("attributes").attribute("class", "edge").attribute("mode", "static");
  xml.start("attribute").attribute("id", "kind").attribute("title", "kind").attribute("type", "string").end();
  xml.end();

  xml.start("nodes").attribute("count", std::to_string(table.vertices().size()));
  std::string scratch;
  std::vector<Cell> cells;
  for (std::size_t row = 0; row < table.vertices().size(); ++row) {
    const VertexId v = table.vertices()[row];
    xml.start("node").attribute("id", graph.key(v)).attribute("label", graph.node(v).label);
    if (options.dynamic) {
      if (lives[row].start) xml.attribute("start", lives[row].start->iso());
      if (lives[row].end) xml.attribute("end", lives[row].end->iso());
    }
    xml.start("attvalues");
    table.cells(row, cells);
    for (const Cell& cell : cells) {
      const std::string_view text = value_view(cell.value, scratch);
      if (!xml_can_carry(text)) continue;  // missing
      xml.start("attvalue").attribute("for", std::to_string(cell.column)).attribute("value", text).end();
    }
    if (options.dynamic && lives[row].start)
      xml.start("attvalue").attribute("for", std::to_string(start_attribute)).attribute("value", lives[row].start->iso()).end();
    if (options.dynamic && lives[row].end)
      xml.start("attvalue").attribute("for", std::to_string(end_attribute)).attribute("value", lives[row].end->iso()).end();
    xml.end();
    Rgb color = node_color(graph, v);
    xml.start("viz:color")
        .attribute("r", std::to_string(color.r))
        .attribute("g", std::to_string(color.g))
        .attribute("b", std::to_string(color.b))
        .end();
    if (pagerank != nullptr && v < pagerank->size() && max_pagerank > 0 && std::isfinite((*pagerank)[v])) {
      double size = 4.0 + 36.0 * std::sqrt(std::max(0.0, (*pagerank)[v]) / max_pagerank);
      xml.start("viz:size").attribute("value", format_double(std::round(size * 1000) / 1000)).end();
    }
    xml.end();
  }
  xml.end();

  xml.start("edges").attribute("count", std::to_string(edges.size()));
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& edge = graph.edge(edges[i]);
    xml.start("edge")
        .attribute("id", std::to_string(i))
        .attribute("source", graph.key(edge.source))
        .attribute("target", graph.key(edge.target))
        .attribute("weight", format_double(edge.weight));
    xml.start("attvalues");
    xml.start("attvalue").attribute("for", "kind").attribute("value", to_string(edge.kind)).end();
    xml.end();
    xml.end();
  }
  xml.finish();
}

}  // namespace policygraph
