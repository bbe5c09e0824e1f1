// SPDX-License-Identifier: MIT
// GEXF 1.3 for Gephi's timeline and Gephi Lite (MODEL.md section 4).
//
// Readers' quirks this file answers: Gephi Lite keeps only the last <attributes> block of
// a class, so there is one per class; NetworkX crashes on <viz:color hex=...>, so colours
// are r/g/b; Gephi's timeline needs `timeformat="date"` (it ignores `integer`), and Gephi
// Lite ignores time altogether, so with options.dynamic the dates are also plain `start`
// and `end` attributes. Node ids are the keys (`policy:x`): GEXF ids are free text.
//
// Dynamic mode: each policy lives while it is in force (MODEL.md 7.2, in_force_period):
// `start` is its effective day (`evolution.effective`, else its date), `end` the first day it
// no longer applies, the earliest of the days a `supersedes`, `consolidates` or `repeals`
// relation against it takes effect and its `expires`; no `end` while nothing ends it.
// Amendments and implementing acts end nothing. Relations count over the whole graph, not
// only the selection: the selection changes what is drawn, not history. Gephi reads both
// bounds as included, so on the day of a replacement the old act and the new one show
// together: the hand-over.
//
// A policy that was never in force has no time at all, like a facility, cluster or tag: a
// proposal (state `proposed`), a `pending` act without an effective day, an act ended on or
// before the day it was to apply, an undated or unresolved policy. GEXF cannot say "never"
// (an element without time is one that Gephi's timeline keeps in every window, unless its
// Time Interval filter's keepNull is off), and giving a proposal its publication day as a
// start would show it in force. docs/exports.md says how to hide them: by `state`, or keepNull.
#include <algorithm>
#include <cmath>
#include <optional>

#include "node_attributes.hpp"
#include "ordered_chunks.hpp"
#include "palette.hpp"
#include "policygraph/evolution.hpp"
#include "xml_writer.hpp"

namespace policygraph {
namespace {

using namespace export_detail;

// Nodes formatted per chunk on the worker threads (edges four times as many): see graphml.cpp.
constexpr std::size_t rows_per_chunk = 2048;

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

}  // namespace

void write_gexf(std::ostream& out, const Graph& graph, const ExportOptions& options) {
  const AttributeTable table(graph, options);
  const std::vector<EdgeId> edges = selected_edges(graph, options.selection);

  // Lifetimes (dynamic mode only): the periods in force.
  std::vector<std::optional<InForcePeriod>> lives(options.dynamic ? table.vertices().size() : 0);
  bool any_start = false, any_end = false;
  for (std::size_t row = 0; row < lives.size(); ++row) {
    const VertexId v = table.vertices()[row];
    if (graph.node(v).kind != NodeKind::policy) continue;
    lives[row] = in_force_period(graph, v);
    any_start = any_start || lives[row].has_value();
    any_end = any_end || (lives[row] && lives[row]->until);
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
  if (options.dynamic)
    xml.attribute("mode", "dynamic").attribute("timeformat", "date");
  else
    xml.attribute("mode", "static");

  xml.start("attributes").attribute("class", "node").attribute("mode", "static");
  for (std::size_t c = 0; c < table.columns().size(); ++c)
    xml.start("attribute")
        .attribute("id", std::to_string(c))
        .attribute("title", table.columns()[c].name)
        .attribute("type", gexf_type(table.columns()[c].type))
        .end();
  if (any_start) xml.start("attribute").attribute("id", std::to_string(start_attribute)).attribute("title", "start");
  if (any_start) xml.attribute("type", "string").end();
  if (any_end) xml.start("attribute").attribute("id", std::to_string(end_attribute)).attribute("title", "end");
  if (any_end) xml.attribute("type", "string").end();
  xml.end();
  xml.start("attributes").attribute("class", "edge").attribute("mode", "static");
  xml.start("attribute").attribute("id", "kind").attribute("title", "kind").attribute("type", "string").end();
  xml.end();

  xml.start("nodes").attribute("count", std::to_string(table.vertices().size()));
  xml.children_follow();
  write_chunks_in_order(
      out, table.vertices().size(), rows_per_chunk, [&](std::size_t begin, std::size_t end, std::string& buffer) {
        XmlWriter nodes(buffer, xml.depth());
        std::string scratch;
        std::vector<Cell> cells;
        for (std::size_t row = begin; row < end; ++row) {
          const VertexId v = table.vertices()[row];
          nodes.start("node").attribute("id", graph.key(v)).attribute("label", graph.node(v).label);
          const InForcePeriod* life = options.dynamic && lives[row] ? &*lives[row] : nullptr;
          if (life) nodes.attribute("start", life->from.iso());
          if (life && life->until) nodes.attribute("end", life->until->iso());
          nodes.start("attvalues");
          table.cells(row, cells);
          for (const Cell& cell : cells) {
            const std::string_view text = value_view(cell.value, scratch);
            if (!xml_can_carry(text)) continue;  // missing
            nodes.start("attvalue").attribute("for", std::to_string(cell.column)).attribute("value", text).end();
          }
          // The same bounds as plain attributes, for Gephi Lite, which ignores time.
          if (life)
            nodes.start("attvalue")
                .attribute("for", std::to_string(start_attribute))
                .attribute("value", life->from.iso())
                .end();
          if (life && life->until)
            nodes.start("attvalue")
                .attribute("for", std::to_string(end_attribute))
                .attribute("value", life->until->iso())
                .end();
          nodes.end();
          Rgb color = node_color(graph, v);
          nodes.start("viz:color")
              .attribute("r", std::to_string(color.r))
              .attribute("g", std::to_string(color.g))
              .attribute("b", std::to_string(color.b))
              .end();
          if (pagerank != nullptr && v < pagerank->size() && max_pagerank > 0 && std::isfinite((*pagerank)[v])) {
            double size = 4.0 + 36.0 * std::sqrt(std::max(0.0, (*pagerank)[v]) / max_pagerank);
            nodes.start("viz:size").attribute("value", format_double(std::round(size * 1000) / 1000)).end();
          }
          nodes.end();
        }
      });
  xml.end();

  xml.start("edges").attribute("count", std::to_string(edges.size()));
  xml.children_follow();
  write_chunks_in_order(
      out, edges.size(), rows_per_chunk * 4, [&](std::size_t begin, std::size_t end, std::string& buffer) {
        XmlWriter lines(buffer, xml.depth());
        std::string source_key;
        std::string target_key;
        for (std::size_t i = begin; i < end; ++i) {
          const Edge& edge = graph.edge(edges[i]);
          lines.start("edge")
              .attribute("id", std::to_string(i))
              .attribute("source", graph.key(edge.source, source_key))
              .attribute("target", graph.key(edge.target, target_key))
              .attribute("weight", format_double(edge.weight));
          lines.start("attvalues");
          lines.start("attvalue").attribute("for", "kind").attribute("value", to_string(edge.kind)).end();
          lines.end();
          lines.end();
        }
      });
  xml.finish();
}

}  // namespace policygraph
