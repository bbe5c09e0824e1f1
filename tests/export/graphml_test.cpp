// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "export/export_fixture.hpp"
#include "export/export_test_util.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
using boost::property_tree::ptree;

struct GraphmlKey {
  std::string for_, name, type;
};
struct ReadGraphml {
  std::map<std::string, GraphmlKey> keys;                           // by id
  std::vector<std::string> order;                                   // element names under <graph>, in order
  std::map<std::string, std::map<std::string, std::string>> nodes;  // id -> attr.name -> text
  std::vector<std::map<std::string, std::string>> edges;            // with id, source, target
};

ReadGraphml read_graphml(const std::string& text) {
  ReadGraphml read;
  ptree tree = parse_xml(text);
  const ptree& root = tree.get_child("graphml");
  for (const auto& [name, child] : root) {
    if (name != "key") continue;
    read.keys[child.get<std::string>("<xmlattr>.id")] = {
        child.get<std::string>("<xmlattr>.for"), child.get<std::string>(ptree::path_type("<xmlattr>/attr.name", '/')),
        child.get<std::string>(ptree::path_type("<xmlattr>/attr.type", '/'))};
  }
  const ptree& graph = root.get_child("graph");
  EXPECT_EQ(graph.get<std::string>("<xmlattr>.edgedefault"), "directed");
  for (const auto& [name, child] : graph) {
    if (name == "<xmlattr>") continue;
    read.order.push_back(name);
    std::map<std::string, std::string> values;
    for (const auto& [data_name, data] : child) {
      if (data_name != "data") continue;
      std::string key = data.get<std::string>("<xmlattr>.key");
      EXPECT_TRUE(read.keys.count(key)) << "undeclared key " << key;
      EXPECT_EQ(read.keys[key].for_, name) << key;
      EXPECT_FALSE(values.count(read.keys[key].name)) << "twice: " << key;
      values[read.keys[key].name] = data.data();
    }
    if (name == "node") {
      read.nodes[child.get<std::string>("<xmlattr>.id")] = values;
    } else {
      values["@id"] = child.get<std::string>("<xmlattr>.id");
      values["@source"] = child.get<std::string>("<xmlattr>.source");
      values["@target"] = child.get<std::string>("<xmlattr>.target");
      read.edges.push_back(values);
    }
  }
  return read;
}

TEST(Graphml, RoundTripsNodesEdgesAndValues) {
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  std::ostringstream out;
  write_graphml(out, graph, {.metrics = &metrics});
  ReadGraphml read = read_graphml(out.str());

  ASSERT_EQ(read.nodes.size(), graph.node_count());
  ASSERT_EQ(read.edges.size(), graph.edge_count());
  const auto& a = read.nodes.at("policy:a");
  EXPECT_EQ(a.at("label"), nasty_title_xml);
  EXPECT_EQ(a.at("kind"), "policy");
  EXPECT_EQ(a.at("resolved"), "true");
  EXPECT_EQ(a.at("date"), "2005-03-01");
  EXPECT_EQ(a.at("year"), "2005");
  EXPECT_EQ(a.at("tags"), "carbon capture;storage");
  EXPECT_EQ(a.at("title_zh"), "\xE7\xA2\xB3\xE6\xB3\x95");
  EXPECT_EQ(a.at("pagerank"), "0.4");
  EXPECT_EQ(std::stod(read.nodes.at("policy:d").at("pagerank")), 0.1234567890123456789);
  EXPECT_EQ(read.nodes.at("facility:a").at("label"), "Plant A");
  EXPECT_EQ(read.nodes.at("policy:b").at("label"), "B, \"the second\"");

  // A missing value is left out, never written empty.
  const auto& ghost = read.nodes.at("policy:ghost");
  EXPECT_EQ(ghost.at("resolved"), "false");
  EXPECT_FALSE(ghost.count("country"));
  EXPECT_FALSE(ghost.count("date"));
  EXPECT_FALSE(ghost.count("pagerank") && ghost.at("pagerank").empty());
  EXPECT_EQ(out.str().find("></data>"), std::string::npos);

  // Ids that are not NMTOKENs are escaped; the true key stays in `key`.
  const auto& tag = read.nodes.at("tag:carbon_x20_capture");
  EXPECT_EQ(tag.at("key"), "tag:carbon capture");
  EXPECT_EQ(tag.at("label"), "Carbon Capture");

  std::set<std::string> edge_ids;
  std::set<std::tuple<std::string, std::string, std::string>> edges;
  for (const auto& edge : read.edges) {
    edge_ids.insert(edge.at("@id"));
    edges.insert({edge.at("@source"), edge.at("kind"), edge.at("@target")});
    EXPECT_TRUE(edge.count("weight"));
  }
  EXPECT_EQ(edge_ids.size(), read.edges.size());
  EXPECT_TRUE(edges.count({"policy:c", "supersedes", "policy:b"}));
  EXPECT_TRUE(edges.count({"policy:a", "tagged", "tag:carbon_x20_capture"}));
  EXPECT_TRUE(edges.count({"facility:a", "member_of", "cluster:north_x20_sea"}));
}

TEST(Graphml, KeysFollowTheRules) {
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  std::ostringstream out;
  write_graphml(out, graph, {.metrics = &metrics});
  ReadGraphml read = read_graphml(out.str());
  const std::set<std::string> types{"boolean", "int", "long", "float", "double", "string"};
  bool node_label = false, edge_weight = false, edge_kind = false;
  for (const auto& [id, key] : read.keys) {
    EXPECT_TRUE(key.for_ == "node" || key.for_ == "edge") << id;
    EXPECT_TRUE(types.count(key.type)) << id;
    EXPECT_EQ(key.name.find_first_of(" @"), std::string::npos) << key.name;
    node_label = node_label || (key.for_ == "node" && key.name == "label" && id == "label");
    edge_weight = edge_weight || (key.for_ == "edge" && key.name == "weight" && key.type == "double");
    edge_kind = edge_kind || (key.for_ == "edge" && key.name == "kind");
  }
  EXPECT_TRUE(node_label && edge_weight && edge_kind);
  EXPECT_EQ(read.keys.at("resolved").type, "boolean");
  EXPECT_EQ(read.keys.at("year").type, "int");
  EXPECT_EQ(read.keys.at("pagerank").type, "double");
  // All nodes before edges.
  auto first_edge = std::find(read.order.begin(), read.order.end(), "edge");
  EXPECT_EQ(std::find(first_edge, read.order.end(), "node"), read.order.end());
  EXPECT_NE(out.str().find("edgedefault=\"directed\""), std::string::npos);
}

TEST(Graphml, IsDeterministic) {
  Graph graph = make_export_graph();
  std::ostringstream first, second;
  write_graphml(first, graph);
  write_graphml(second, graph);
  EXPECT_EQ(first.str(), second.str());
}

// A graph large enough that nodes and edges are formatted in many chunks, on worker
// threads: every node and edge is written once, in id order, with its own ends.
TEST(Graphml, ALargeGraphIsWrittenWholeAndInOrder) {
  GraphBuilder builder(std::make_shared<std::vector<Record>>());
  const std::size_t nodes = 9000, edges = 40000;
  for (std::size_t v = 0; v < nodes; ++v)
    builder.add_node(Node{.kind = NodeKind::policy, .id = "p" + std::to_string(v), .label = "P"});
  for (std::size_t e = 0; e < edges; ++e)
    builder.add_edge(static_cast<VertexId>((e * 7) % nodes), static_cast<VertexId>((e * 13 + 1) % nodes),
                     EdgeKind::related, 1.0 + static_cast<double>(e % 5));
  const Graph graph = std::move(builder).finish();
  std::ostringstream out;
  write_graphml(out, graph);
  const std::string text = out.str();

  std::size_t at = 0;
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    at = text.find("<node id=\"" + graph.key(static_cast<VertexId>(v)) + "\">", at);
    ASSERT_NE(at, std::string::npos) << "node " << v << " missing or out of order";
  }
  for (std::size_t e = 0; e < graph.edge_count(); ++e) {
    const Edge& edge = graph.edge(static_cast<EdgeId>(e));
    const std::string expected = "<edge id=\"e" + std::to_string(e) + "\" source=\"" + graph.key(edge.source) +
                                 "\" target=\"" + graph.key(edge.target) + "\">";
    at = text.find(expected, at);
    ASSERT_NE(at, std::string::npos) << "edge " << e << " missing or out of order";
  }
  EXPECT_EQ(text.substr(text.size() - 22), "  </graph>\n</graphml>\n");
}

TEST(Graphml, SelectionWritesOnlyEdgesBetweenSelectedNodes) {
  Graph graph = make_export_graph();
  ExportOptions options;
  options.selection = select_vertices(graph, {.focus = *graph.find(NodeKind::policy, "b"), .depth = 1});
  std::ostringstream out;
  write_graphml(out, graph, options);
  ReadGraphml read = read_graphml(out.str());
  std::set<std::string> ids;
  for (const auto& [id, values] : read.nodes) ids.insert(id);
  EXPECT_EQ(ids, (std::set<std::string>{"policy:a", "policy:b", "policy:c"}));
  EXPECT_EQ(read.edges.size(), 3u);  // c->b, b->a, c->a
}

}  // namespace
}  // namespace policygraph
