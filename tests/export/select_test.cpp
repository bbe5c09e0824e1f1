// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "export/export_fixture.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;

std::vector<std::string> selected_keys(const Graph& graph, const Selection& selection) {
  std::vector<std::string> keys;
  for (VertexId v : graph.vertices())
    if (selection.contains(v)) keys.push_back(graph.key(v));
  return keys;
}

TEST(SelectVertices, EverythingByDefault) {
  Graph graph = make_export_graph();
  EXPECT_TRUE(select_vertices(graph, {}).vertices.empty());
}

TEST(SelectVertices, FocusAndDepthGoBothWays) {
  Graph graph = make_export_graph();
  VertexId b = *graph.find(NodeKind::policy, "b");
  EXPECT_EQ(selected_keys(graph, select_vertices(graph, {.focus = b, .depth = 0})),
            (std::vector<std::string>{"policy:b"}));
  // Two steps: through a to d, its facility and tag; through c to ghost and the acts that
  // amend or implement c. r, which repeals d, is three steps away.
  EXPECT_EQ(selected_keys(graph, select_vertices(graph, {.focus = b, .depth = 2})),
            (std::vector<std::string>{"policy:a", "policy:b", "policy:c", "policy:d", "policy:ghost", "policy:m",
                                      "policy:p", "policy:t", "facility:a", "tag:carbon capture"}));
}

TEST(SelectVertices, KindsAndCountries) {
  Graph graph = make_export_graph();
  EXPECT_EQ(selected_keys(graph, select_vertices(graph, {.kinds = {NodeKind::facility, NodeKind::tag}})),
            (std::vector<std::string>{"facility:a", "tag:carbon capture"}));
  EXPECT_EQ(
      selected_keys(graph, select_vertices(graph, {.countries = {"NO"}})),
      (std::vector<std::string>{"policy:a", "policy:c", "facility:a", "cluster:north sea", "tag:carbon capture"}));
  EXPECT_EQ(selected_keys(graph, select_vertices(graph, {.countries = {"no"}})),
            selected_keys(graph, select_vertices(graph, {.countries = {"NO"}})))
      << "countries match whatever their ASCII case";
}

TEST(SelectVertices, CountryKeepsOnlyTheClustersAndTagsOfItsRecords) {
  Graph graph = make_export_graph();
  // b (UK) has no tag and no facility: the tag of a and the cluster of a's facility go.
  EXPECT_EQ(selected_keys(graph, select_vertices(graph, {.countries = {"UK"}})),
            (std::vector<std::string>{"policy:b"}));
}

}  // namespace
}  // namespace policygraph
