// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "export/export_fixture.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
using nlohmann::json;

json export_json(const Graph& graph, const ExportOptions& options = {}) {
  std::ostringstream out;
  write_node_link_json(out, graph, options);
  return json::parse(out.str());
}

// Enough nodes and edges that they are formatted in many chunks, on worker threads.
Graph make_large_graph() {
  GraphBuilder builder(std::make_shared<std::vector<Record>>());
  const std::size_t nodes = 9000, edges = 30000;
  for (std::size_t v = 0; v < nodes; ++v)
    builder.add_node(Node{.kind = NodeKind::policy, .id = "p" + std::to_string(v), .label = "P"});
  for (std::size_t e = 0; e < edges; ++e)
    builder.add_edge(static_cast<VertexId>((e * 7) % nodes), static_cast<VertexId>((e * 13 + 1) % nodes),
                     EdgeKind::related, 0.5 * static_cast<double>(e % 5));
  return std::move(builder).finish();
}

// The writer streams item by item; its bytes must be those of the whole document dumped
// at once with an indent of 1 (what it wrote before, and what the golden file holds).
TEST(NodeLinkJson, SameBytesAsTheWholeDocumentDumped) {
  NodeMetrics metrics = make_export_metrics();
  for (const Graph& graph : {make_export_graph(), Graph{}, make_large_graph()}) {
    for (bool links : {false, true}) {
      std::ostringstream out;
      write_node_link_json(out, graph, {.metrics = &metrics, .links = links});
      EXPECT_EQ(out.str(), nlohmann::ordered_json::parse(out.str()).dump(1) + "\n");
    }
  }
}

TEST(NodeLinkJson, RoundTripsNodesEdgesAndValues) {
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  json data = export_json(graph, {.metrics = &metrics});
  EXPECT_EQ(data["directed"], true);
  EXPECT_EQ(data["multigraph"], false);
  EXPECT_TRUE(data["graph"].is_object());
  ASSERT_EQ(data["nodes"].size(), graph.node_count());
  ASSERT_EQ(data["edges"].size(), graph.edge_count());
  EXPECT_FALSE(data.contains("links"));
  const json& a = data["nodes"][0];
  EXPECT_EQ(a["id"], "policy:a");
  EXPECT_EQ(a["label"], nasty_title);  // control character kept
  EXPECT_EQ(a["resolved"], true);
  EXPECT_EQ(a["year"], 2005);
  EXPECT_EQ(a["tags"], json::array({"carbon capture", "storage"}));
  EXPECT_EQ(a["title@zh"], "\xE7\xA2\xB3\xE6\xB3\x95");
  EXPECT_EQ(a["pagerank"].get<double>(), 0.4);
  EXPECT_EQ(data["nodes"][3]["pagerank"].get<double>(), 0.1234567890123456789);
  const json& ghost = data["nodes"][4];
  EXPECT_EQ(ghost["id"], "policy:ghost");
  EXPECT_EQ(ghost["resolved"], false);
  EXPECT_FALSE(ghost.contains("country"));
  std::set<std::tuple<std::string, std::string, std::string>> edges;
  for (const json& edge : data["edges"]) {
    edges.insert(
        {edge["source"].get<std::string>(), edge["kind"].get<std::string>(), edge["target"].get<std::string>()});
    EXPECT_TRUE(edge["weight"].is_number());
  }
  EXPECT_TRUE(edges.count({"policy:a", "related_facility", "facility:a"}));
}

TEST(NodeLinkJson, LinksOption) {
  Graph graph = make_export_graph();
  json data = export_json(graph, {.links = true});
  EXPECT_EQ(data["links"].size(), graph.edge_count());
  EXPECT_FALSE(data.contains("edges"));
}

TEST(NodeLinkJson, ParallelEdgesMakeAMultigraph) {
  GraphBuilder builder;
  VertexId a = builder.add_node(Node{.kind = NodeKind::policy, .id = "a", .label = "a"});
  VertexId b = builder.add_node(Node{.kind = NodeKind::policy, .id = "b", .label = "b"});
  builder.add_edge(b, a, EdgeKind::supersedes, 3);
  builder.add_edge(b, a, EdgeKind::consolidates, 3);
  json data = export_json(std::move(builder).finish());
  EXPECT_EQ(data["multigraph"], true);
  EXPECT_EQ(data["edges"][0]["key"], "supersedes");
  EXPECT_EQ(data["edges"][1]["key"], "consolidates");
}

TEST(NodeLinkJson, InvalidUtf8DoesNotThrow) {
  GraphBuilder builder;
  builder.add_node(Node{.kind = NodeKind::policy, .id = "a", .label = "bad \xFF byte"});
  json data = export_json(std::move(builder).finish());
  EXPECT_EQ(data["nodes"][0]["label"], "bad \xEF\xBF\xBD byte");
}

}  // namespace
}  // namespace policygraph
