// SPDX-License-Identifier: MIT
// GraphML for Gephi, Gephi Lite, NetworkX, yEd and Cytoscape (MODEL.md section 4).
//
// Written by hand rather than with Boost's write_graphml, which writes booleans as 1/0
// (Gephi Lite reads 1 as false), cannot leave a missing value out, and produces invalid
// GraphML when a property name has a space.
//
// Ids and names: the schema makes node ids, key ids and `attr.name` NMTOKENs. A node id is
// its key (`policy:eu-nzia`) passed through xml_name_token (`tag:carbon capture` becomes
// `tag:carbon_x20_capture`, a clash gets a numeric suffix: graphml_node_ids.hpp); when any
// id had to change, a node attribute `key` holds the true key of every node. An attribute name such as
// `title@zh` is written `title_zh` (every character outside [A-Za-z0-9._-] becomes '_',
// and a clash gets a numeric suffix), since Gephi shows names as column titles. Node key ids equal their names, so
// Gephi finds `label`; the edge keys are `weight` (Gephi's edge weight) and `edge_kind` (named `kind`).
#include <charconv>
#include <exception>
#include <optional>
#include <set>
#include <thread>

#include "graphml_node_ids.hpp"
#include "node_attributes.hpp"
#include "ordered_chunks.hpp"
#include "xml_writer.hpp"

namespace policygraph {
namespace {

using namespace export_detail;

// Nodes formatted per chunk (edges four times as many: they are shorter). Large enough
// that handing a chunk over costs nothing next to formatting it, small enough that the
// chunks in flight stay a few megabytes.
constexpr std::size_t rows_per_chunk = 2048;

std::string nmtoken(std::string_view name) {
  std::string token;
  for (char c : name) {
    bool keep =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    token += keep ? c : '_';
  }
  return token.empty() ? std::string("_") : token;
}

// `base`, or `base_2`, `base_3`... the first that `used` does not hold yet; it then does.
template <typename Set>
std::string unique_name(const std::string& base, Set& used) {
  std::string name = base;
  for (int suffix = 2; !used.insert(name).second; ++suffix) name = base + "_" + std::to_string(suffix);
  return name;
}

}  // namespace

void write_graphml(std::ostream& out, const Graph& graph, const ExportOptions& options) {
  // The edges and the nodes' ids read only the graph: a thread of their own finds them while
  // the attribute table's pass takes the cores (after it, they were 15 ms on one core of a
  // 0.5 s export of 10,000 policies, the other idle).
  const std::vector<VertexId> rows = selected_vertices(graph, options.selection);
  std::vector<EdgeId> edges;
  std::optional<GraphmlNodeIds> found_ids;
  std::exception_ptr failure;
  std::jthread beside([&] {
    try {
      edges = selected_edges(graph, options.selection);
      found_ids.emplace(graph, rows);
    } catch (...) {
      failure = std::current_exception();
    }
  });
  const AttributeTable table(graph, options);
  beside.join();
  if (failure) std::rethrow_exception(failure);
  const GraphmlNodeIds& node_ids = *found_ids;
  const bool ids_changed = node_ids.any_changed();  // then a `key` attribute carries each key

  std::set<std::string> used_ids{"weight", "edge_kind"};
  std::set<std::string> used_names;
  std::string key_key_id;
  if (ids_changed) {
    used_names.insert("key");
    used_ids.insert("key");
    key_key_id = "key";
  }
  std::vector<std::string> node_key_ids;
  std::vector<std::string> node_key_names;
  for (const AttributeColumn& column : table.columns()) {
    std::string name = unique_name(nmtoken(column.name), used_names);
    node_key_ids.push_back(used_ids.insert(name).second ? name : unique_name(name, used_ids));
    node_key_names.push_back(std::move(name));
  }

  XmlWriter xml(out);
  xml.declaration();
  xml.start("graphml")
      .attribute("xmlns", "http://graphml.graphdrawing.org/xmlns")
      .attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
      .attribute("xsi:schemaLocation",
                 "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  for (std::size_t c = 0; c < table.columns().size(); ++c)
    xml.start("key")
        .attribute("id", node_key_ids[c])
        .attribute("for", "node")
        .attribute("attr.name", node_key_names[c])
        .attribute("attr.type", xml_type_name(table.columns()[c].type))
        .end();
  if (ids_changed)
    xml.start("key")
        .attribute("id", key_key_id)
        .attribute("for", "node")
        .attribute("attr.name", "key")
        .attribute("attr.type", "string")
        .end();
  xml.start("key").attribute("id", "edge_kind").attribute("for", "edge").attribute("attr.name", "kind");
  xml.attribute("attr.type", "string").end();
  xml.start("key").attribute("id", "weight").attribute("for", "edge").attribute("attr.name", "weight");
  xml.attribute("attr.type", "double").end();

  xml.start("graph").attribute("id", "G").attribute("edgedefault", "directed");
  xml.children_follow();
  const std::size_t depth = xml.depth();
  std::vector<std::string> data_tags;
  data_tags.reserve(node_key_ids.size());
  for (const std::string& id : node_key_ids) data_tags.push_back(XmlWriter::start_tag("data", {{"key", id}}));
  write_chunks_in_order(
      out, table.vertices().size(), rows_per_chunk, [&](std::size_t begin, std::size_t end, std::string& buffer) {
        XmlWriter nodes(buffer, depth);
        std::string scratch;
        std::string id;
        std::vector<Cell> cells;
        for (std::size_t row = begin; row < end; ++row) {
          const VertexId v = table.vertices()[row];
          nodes.start("node").attribute("id", node_ids.id(v, id));
          if (ids_changed) nodes.start("data").attribute("key", key_key_id).text(graph.key(v, id)).end();
          table.cells(row, cells);
          for (const Cell& cell : cells)  // a value XML cannot carry is missing
            nodes.element_unless_missing(data_tags[cell.column], "data", value_view(cell.value, scratch));
          nodes.end();
        }
      });
  const std::string kind_tag = XmlWriter::start_tag("data", {{"key", "edge_kind"}});
  const std::string weight_tag = XmlWriter::start_tag("data", {{"key", "weight"}});
  write_chunks_in_order(out, edges.size(), rows_per_chunk * 4,
                        [&](std::size_t begin, std::size_t end, std::string& buffer) {
                          XmlWriter lines(buffer, depth);
                          char id[24] = {'e'};
                          char weight[32];
                          std::string source;
                          std::string target;
                          for (std::size_t i = begin; i < end; ++i) {
                            const Edge& edge = graph.edge(edges[i]);
                            const auto written = std::to_chars(id + 1, id + sizeof id, i);
                            lines.start("edge")
                                .attribute("id", std::string_view(id, static_cast<std::size_t>(written.ptr - id)))
                                .attribute("source", node_ids.id(edge.source, source))
                                .attribute("target", node_ids.id(edge.target, target));
                            const auto weight_end = std::to_chars(weight, weight + sizeof weight, edge.weight).ptr;
                            lines.element_unless_missing(kind_tag, "data", to_string(edge.kind));
                            lines.element_unless_missing(weight_tag, "data", std::string_view(weight, weight_end));
                            lines.end();
                          }
                        });
  xml.finish();
}

}  // namespace policygraph
