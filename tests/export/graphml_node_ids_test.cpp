// SPDX-License-Identifier: MIT
#include "graphml_node_ids.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "xml_writer.hpp"

namespace policygraph::export_detail {
namespace {

// The ids as the rule says, made the plain way: every key through xml_name_token, then, when
// any changed, each id in row order the first of base, base_2... not taken before it.
std::vector<std::string> reference_ids(const Graph& graph, const std::vector<VertexId>& rows) {
  std::vector<std::string> ids;
  bool changed = false;
  for (VertexId v : rows) {
    ids.push_back(xml_name_token(graph.key(v)));
    changed = changed || ids.back() != graph.key(v);
  }
  if (!changed) return ids;
  std::unordered_set<std::string> used;
  for (std::string& id : ids) {
    const std::string base = id;
    for (int suffix = 2; !used.insert(id).second; ++suffix) id = base + "_" + std::to_string(suffix);
  }
  return ids;
}

Graph graph_of(const std::set<std::pair<NodeKind, std::string>>& keys) {
  GraphBuilder builder;
  for (const auto& [kind, id] : keys) builder.add_node(Node{.kind = kind, .id = id, .label = id});
  return std::move(builder).finish();
}

void expect_reference_ids(const Graph& graph, const std::vector<VertexId>& rows) {
  const GraphmlNodeIds ids(graph, rows);
  const std::vector<std::string> expected = reference_ids(graph, rows);
  bool any_changed = false;
  std::string buffer;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    EXPECT_EQ(ids.id(rows[row], buffer), expected[row]) << graph.key(rows[row]);
    any_changed = any_changed || expected[row] != graph.key(rows[row]);
  }
  EXPECT_EQ(ids.any_changed(), any_changed);
}

std::vector<VertexId> every_vertex(const Graph& graph) {
  std::vector<VertexId> rows;
  for (VertexId v : graph.vertices()) rows.push_back(v);
  return rows;
}

TEST(GraphmlNodeIds, KeysThatAreNameTokensAreTheirIds) {
  const Graph graph = graph_of({{NodeKind::policy, "eu-nzia"}, {NodeKind::tag, "ccs"}});
  const GraphmlNodeIds ids(graph, every_vertex(graph));
  std::string buffer;
  EXPECT_FALSE(ids.any_changed());
  EXPECT_EQ(ids.id(0, buffer), "policy:eu-nzia");
  EXPECT_EQ(ids.id(1, buffer), "tag:ccs");
}

TEST(GraphmlNodeIds, AMadeIdTakesTheKeyOfALaterNodeWhichIsThenSuffixed) {
  // `a b` sorts before `a_x20_b` (a space before '_'): its made id comes first.
  const Graph graph = graph_of({{NodeKind::tag, "a b"}, {NodeKind::tag, "a_x20_b"}, {NodeKind::tag, "a_x20_b_2"}});
  const GraphmlNodeIds ids(graph, every_vertex(graph));
  std::string buffer;
  EXPECT_TRUE(ids.any_changed());
  EXPECT_EQ(ids.id(0, buffer), "tag:a_x20_b");
  EXPECT_EQ(ids.id(1, buffer), "tag:a_x20_b_2");
  EXPECT_EQ(ids.id(2, buffer), "tag:a_x20_b_2_2");
}

TEST(GraphmlNodeIds, AnEarlierKeyKeepsItsIdAndTheMadeOneIsSuffixed) {
  // `a_x20AC_` sorts before `a€` ('_' before the euro sign's first byte).
  const Graph graph = graph_of({{NodeKind::tag, "a_x20AC_"}, {NodeKind::tag, "a\xE2\x82\xAC"}});
  const GraphmlNodeIds ids(graph, every_vertex(graph));
  std::string buffer;
  EXPECT_EQ(ids.id(0, buffer), "tag:a_x20AC_");
  EXPECT_EQ(ids.id(1, buffer), "tag:a_x20AC__2");
  expect_reference_ids(graph, every_vertex(graph));
}

TEST(GraphmlNodeIds, AgreesWithTheRuleOnRandomKeysAndSelections) {
  // Keys from pieces chosen to clash: spaces and their escapes, suffixes, a euro sign and
  // its escape, a colon inside the id, an invalid byte.
  const std::vector<std::string> pieces = {"a", "b", " ", "_x20_", "_2", "_3", "\xE2\x82\xAC", "_x20AC_", ":", "\xC3"};
  const std::vector<NodeKind> kinds = {NodeKind::policy, NodeKind::cluster, NodeKind::tag};
  std::mt19937 random(41);
  for (int round = 0; round < 300; ++round) {
    std::set<std::pair<NodeKind, std::string>> keys;
    const int count = 1 + static_cast<int>(random() % 30);
    for (int k = 0; k < count; ++k) {
      std::string id;
      const int length = 1 + static_cast<int>(random() % 4);
      for (int p = 0; p < length; ++p) id += pieces[random() % pieces.size()];
      keys.emplace(kinds[random() % kinds.size()], id);
    }
    const Graph graph = graph_of(keys);
    std::vector<VertexId> rows;
    for (VertexId v : graph.vertices())
      if (random() % 4 != 0) rows.push_back(v);  // a selection: some nodes left out
    expect_reference_ids(graph, rows);
    if (testing::Test::HasFailure()) return;
  }
}

}  // namespace
}  // namespace policygraph::export_detail
