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
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "node_attributes.hpp"

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
    Json operator()(const std::vector<std::string>& items) const { return items; }
  };
  return std::visit(Visitor{}, value);
}

}  // namespace

void write_node_link_json(std::ostream& out, const Graph& graph, const ExportOptions& options) {
  const AttributeTable table = node_attribute_table(graph, options);
  const std::vector<EdgeId> edges = selected_edges(graph, options.selection);

  bool multigraph = false;
  {
    std::set<std::pair<VertexId, VertexId>> pairs;
    for (EdgeId e : edges) multigraph = multigraph || !pairs.insert({graph.edge(e).source, graph.edge(e).target}).second;
  }

  Json document;
  document["directed"] = true;
  document["multigraph"] = multigraph;
  document["graph"] = Json::object();
  Json nodes = Json::array();
  for (std::size_t row = 0; row < table.vertices.size(); ++row) {
    Json node;
    node["id"] = graph.key(table.vertices[row]);
    for (const Cell& cell : table.cells[row]) node[table.columns[cell.column].name] = to_json(cell.value);
    nodes.push_back(std::move(node));
  }
  document["nodes"] = std::move(nodes);
  Json edge_list = Json::array();
  for (EdgeId e : edges) {
    const Edge& edge = graph.edge(e);
    Json item;
    item["source"] = graph.key(edge.source);
    item["target"] = graph.key(edge.target);
    if (multigraph) item["key"] = to_string(edge.kind);
    item["kind"] = to_string(edge.kind);
    item["weight"] = edge.weight;
    edge_list.push_back(std::move(item));
  }
  document[options.links ? "links" : "edges"] = std::move(edge_list);
  // Invalid UTF-8 becomes U+FFFD rather than an exception halfway through the output.
  out << document.dump(1, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace policygraph
