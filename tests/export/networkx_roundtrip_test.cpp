// SPDX-License-Identifier: MIT
// Our exports read by their most common reader, NetworkX, through
// tests/export/networkx_roundtrip.py.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "export/export_fixture.hpp"
#include "export/export_test_util.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
using nlohmann::json;

bool have_networkx() { return std::system("python3 -c 'import networkx' >/dev/null 2>&1") == 0; }

/// What NetworkX must see; `node` names the nodes as the format does.
json expectation(const Graph& graph, const std::function<std::string(std::string)>& node, bool xml, bool json_types) {
  json title = xml ? nasty_title_xml : nasty_title;
  json a = {{"label", title},       {"kind", "policy"}, {"resolved", true},
            {"date", "2005-03-01"}, {"year", 2005},     {"pagerank", 0.4}};
  a[xml ? "title_zh" : "title@zh"] = "\xE7\xA2\xB3\xE6\xB3\x95";
  if (json_types)
    a["tags"] = json::array({"carbon capture", "storage"});
  else
    a["tags"] = "carbon capture;storage";
  json ghost = {{"resolved", false}, {"country", nullptr}, {"date", nullptr}};
  json d = {{"pagerank", 0.1234567890123456789}};
  return {{"nodes", graph.node_count()},
          {"edges", graph.edge_count()},
          {"node_values", {{node("policy:a"), a}, {node("policy:ghost"), ghost}, {node("policy:d"), d}}},
          {"edges_present",
           {{node("policy:c"), node("policy:b"), "supersedes"},
            {node("policy:a"), node("tag:carbon capture"), "tagged"},
            {node("facility:a"), node("cluster:north sea"), "member_of"}}}};
}

void check_with_networkx(ExportFormat format, const json& expected) {
  if (!have_networkx()) GTEST_SKIP() << "python3 with networkx is not available: NetworkX round trip not checked";
  auto folder = scratch_folder("networkx-" + std::string(to_string(format)));
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  auto file = folder / ("graph." + std::string(to_string(format)));
  export_to_path(format, file, graph, {.metrics = &metrics});
  write_text(folder / "expected.json", expected.dump());
  CommandResult result = run_command(std::string("python3 '") + POLICYGRAPH_EXPORT_TEST_DIR +
                                         "/networkx_roundtrip.py' " + std::string(to_string(format)) + " '" +
                                         file.string() + "' '" + (folder / "expected.json").string() + "'",
                                     folder);
  EXPECT_EQ(result.status, 0) << result.out << result.err;
}

TEST(NetworkxRoundTrip, Graphml) {
  Graph graph = make_export_graph();
  auto node = [](std::string key) {
    for (char& c : key)
      if (c == ' ') c = '#';
    std::string id;
    for (char c : key) id += c == '#' ? std::string("_x20_") : std::string(1, c);
    return id;
  };
  check_with_networkx(ExportFormat::graphml, expectation(graph, node, true, false));
}

TEST(NetworkxRoundTrip, Gexf) {
  Graph graph = make_export_graph();
  json expected = expectation(
      graph, [](std::string key) { return key; }, true, false);
  // GEXF keeps attribute titles as they are.
  auto& a = expected["node_values"]["policy:a"];
  a["title@zh"] = a["title_zh"];
  a.erase("title_zh");
  check_with_networkx(ExportFormat::gexf, expected);
}

TEST(NetworkxRoundTrip, NodeLinkJson) {
  Graph graph = make_export_graph();
  check_with_networkx(ExportFormat::json, expectation(
                                              graph, [](std::string key) { return key; }, false, true));
}

}  // namespace
}  // namespace policygraph
