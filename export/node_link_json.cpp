// SPDX-License-Identifier: MIT
// NetworkX node-link JSON (MODEL.md section 4): what `networkx.node_link_graph(data)` reads.
//
// NetworkX 3.6 reads the edge list under `edges` by default (`links` before 3.6, and with
// `edges="links"`); options.links writes `links`. Node ids are keys (`policy:x`), since a
// policy and a facility may share an id. `multigraph` is false unless two selected edges
// join the same ordered pair (a policy that both supersedes and consolidates another in
// the full view): then it is true and each edge carries its kind as `key`, so neither edge
// is lost. Lists (tags) stay JSON arrays; control characters are kept, escaped as JSON
// escapes them.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "node_attributes.hpp"
#include "ordered_chunks.hpp"

namespace policygraph {
namespace {

using namespace export_detail;
using Json = nlohmann::ordered_json;

Json to_json(const Value& value) {
  struct Visitor {
    Json operator()(bool b) const { return b; }
    Json operator()(std::int64_t i) const { return i; }
    Json operator()(double d) const { return d; }
    Json operator()(const std::string& s) const { return s; }
    Json operator()(std::string_view s) const { return std::string(s); }
    Json operator()(std::span<const std::string> items) const {
      return std::vector<std::string>(items.begin(), items.end());
    }
  };
  return std::visit(Visitor{}, value);
}

// One node or edge object, laid out as it would be inside the whole document dumped with an
// indent of 1 at depth 2: every line two spaces further in (a newline inside a string is
// escaped, so each '\n' here is a line break of the layout).
void append_item(std::string& out, const Json& item, bool first) {
  std::string text = item.dump(1, ' ', false, Json::error_handler_t::replace);  // bad UTF-8 -> U+FFFD
  out += first ? "\n  " : ",\n  ";
  std::size_t from = 0;
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', from)) {
    out.append(text, from, at - from);
    out += "\n  ";
    from = at + 1;
  }
  out.append(text, from);
}

// Items formatted per chunk on the worker threads (ordered_chunks.hpp).
constexpr std::size_t items_per_chunk = 4096;

}  // namespace

// Written item by item rather than as one document: the same bytes as
// `document.dump(1)`, without holding the whole graph as a JSON tree (a million nodes
// make a tree of gigabytes).
void write_node_link_json(std::ostream& out, const Graph& graph, const ExportOptions& options) {
  const AttributeTable table(graph, options);
  const std::vector<EdgeId> edges = selected_edges(graph, options.selection);

  bool multigraph = false;
  {
    std::vector<std::pair<VertexId, VertexId>> pairs;
    pairs.reserve(edges.size());
    for (EdgeId e : edges) pairs.emplace_back(graph.edge(e).source, graph.edge(e).target);
    std::sort(pairs.begin(), pairs.end());
    multigraph = std::adjacent_find(pairs.begin(), pairs.end()) != pairs.end();
  }

  out << "{\n \"directed\": true,\n \"multigraph\": " << (multigraph ? "true" : "false")
      << ",\n \"graph\": {},\n \"nodes\": [";
  write_chunks_in_order(out, table.vertices().size(), items_per_chunk,
                        [&](std::size_t begin, std::size_t end, std::string& buffer) {
                          std::vector<Cell> cells;
                          for (std::size_t row = begin; row < end; ++row) {
                            Json node;
                            node["id"] = graph.key(table.vertices()[row]);
                            table.cells(row, cells);
                            for (const Cell& cell : cells)
                              node[table.columns()[cell.column].name] = to_json(cell.value);
                            append_item(buffer, node, row == 0);
                          }
                        });
  out << (table.vertices().empty() ? "]" : "\n ]") << ",\n \"" << (options.links ? "links" : "edges") << "\": [";
  write_chunks_in_order(out, edges.size(), items_per_chunk,
                        [&](std::size_t begin, std::size_t end, std::string& buffer) {
                          for (std::size_t i = begin; i < end; ++i) {
                            const Edge& edge = graph.edge(edges[i]);
                            Json item;
                            item["source"] = graph.key(edge.source);
                            item["target"] = graph.key(edge.target);
                            if (multigraph) item["key"] = to_string(edge.kind);
                            item["kind"] = to_string(edge.kind);
                            item["weight"] = edge.weight;
                            append_item(buffer, item, i == 0);
                          }
                        });
  out << (edges.empty() ? "]" : "\n ]") << "\n}\n";
}

}  // namespace policygraph
