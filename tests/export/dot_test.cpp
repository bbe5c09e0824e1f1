// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "export/export_fixture.hpp"
#include "export/export_test_util.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;

TEST(Dot, QuotesAndEscapesIdsAndLabels) {
  Graph graph = make_export_graph();
  std::ostringstream out;
  write_dot(out, graph);
  const std::string dot = out.str();
  EXPECT_NE(dot.find("rankdir=LR"), std::string::npos);
  EXPECT_NE(dot.find("\"tag:carbon capture\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"Act \\\"A\\\" <2005> & co\\\\ \\n"), std::string::npos) << dot;
  EXPECT_EQ(dot.find('\x01'), std::string::npos);
  EXPECT_NE(dot.find("{rank=same; \"year:2005\"; \"policy:a\";}"), std::string::npos) << dot;
  // Five years apart: a break on the axis between them, not adjacent columns.
  EXPECT_NE(dot.find("\"year:2005\" -> \"gap:2005-2010\" [style=invis]"), std::string::npos);
  EXPECT_NE(dot.find("\"gap:2005-2010\" -> \"year:2010\" [style=invis]"), std::string::npos);
  // The unresolved policy is dashed, marked, and in a "date unknown" lane just before the
  // year of c, which it is the predecessor of; never in a year column.
  EXPECT_NE(dot.find("\"policy:ghost\" [label=\"ghost\\n(date unknown)\", shape=box, style=\"rounded,filled,dashed\""),
            std::string::npos);
  EXPECT_NE(dot.find("{rank=same; \"undated:2015:before\"; \"policy:ghost\";}"), std::string::npos);
  EXPECT_NE(dot.find("\"undated:2015:before\" -> \"year:2015\" [style=invis]"), std::string::npos);
  // A font list that holds a CJK font.
  EXPECT_NE(dot.find("fontname=\"Noto Sans,Noto Sans CJK SC,"), std::string::npos);
}

TEST(Dot, AnUndatedPolicyWithNoDatedRelativeGoesInTheFirstLane) {
  Graph graph = testing::make_export_graph();
  ExportOptions options;
  options.selection.vertices.assign(graph.node_count(), false);
  options.selection.vertices[*graph.find(NodeKind::policy, "ghost")] = true;
  std::ostringstream out;
  write_dot(out, graph, options);
  EXPECT_NE(out.str().find("{rank=same; \"undated:first\"; \"policy:ghost\";}"), std::string::npos) << out.str();
  EXPECT_EQ(out.str().find("year:"), std::string::npos);
}

TEST(Dot, ReduceDropsTheTransitiveEdge) {
  Graph graph = make_export_graph();
  std::ostringstream full, reduced;
  write_dot(full, graph);
  write_dot(reduced, graph, {.reduce = true});
  // c -> a is implied by c -> b -> a; lineage edges are written older -> newer.
  const std::string transitive = "\"policy:a\" -> \"policy:c\" [dir=back,";
  EXPECT_NE(full.str().find(transitive), std::string::npos);
  EXPECT_EQ(reduced.str().find(transitive), std::string::npos);
  EXPECT_NE(reduced.str().find("\"policy:b\" -> \"policy:c\" [dir=back,"), std::string::npos);
  EXPECT_NE(reduced.str().find("\"policy:a\" -> \"policy:b\" [dir=back,"), std::string::npos);
}

TEST(Dot, ReduceTerminatesOnACycle) {
  GraphBuilder builder;
  VertexId a = builder.add_node(Node{.kind = NodeKind::policy, .id = "a", .label = "a"});
  VertexId b = builder.add_node(Node{.kind = NodeKind::policy, .id = "b", .label = "b"});
  VertexId c = builder.add_node(Node{.kind = NodeKind::policy, .id = "c", .label = "c"});
  builder.add_edge(a, b, EdgeKind::supersedes);
  builder.add_edge(b, c, EdgeKind::supersedes);
  builder.add_edge(c, a, EdgeKind::supersedes);
  builder.add_edge(a, c, EdgeKind::consolidates);
  Graph graph = std::move(builder).finish();
  std::ostringstream out;
  write_dot(out, graph, {.reduce = true});
  EXPECT_NE(out.str().find("\"policy:b\" -> \"policy:a\""), std::string::npos);
}

/// The lines of `text` that contain `part`.
std::vector<std::string> lines_with(const std::string& text, const std::string& part) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find(part) != std::string::npos) lines.push_back(line);
  return lines;
}

// Each relation of MODEL.md 7.1 in its own style, older act first (dir=back), so the shape at
// the older act is the arrow's tail; the tooltip gives the day the relation takes effect.
TEST(Dot, EachLineageKindInItsOwnStyle) {
  std::ostringstream out;
  write_dot(out, make_export_graph());
  EXPECT_EQ(
      lines_with(out.str(), "[dir=back"),
      (std::vector<std::string>{
          "  \"policy:a\" -> \"policy:b\" [dir=back, tooltip=\"supersedes, with effect from 2010-01-01\"];",
          "  \"policy:a\" -> \"policy:c\" [dir=back, tooltip=\"supersedes, with effect from 2015-07-01\"];",
          "  \"policy:b\" -> \"policy:c\" [dir=back, tooltip=\"supersedes, with effect from 2015-07-01\"];",
          "  \"policy:ghost\" -> \"policy:c\" [dir=back, tooltip=\"supersedes, with effect from 2015-07-01\"];",
          "  \"policy:a\" -> \"policy:d\" [dir=back, arrowtail=diamond, tooltip=\"consolidates, with effect from "
          "2012-06-30\"];",
          "  \"policy:c\" -> \"policy:m\" [dir=back, style=dashed, tooltip=\"amends, with effect from 2016-05-01\"];",
          "  \"policy:c\" -> \"policy:p\" [dir=back, style=dashed, tooltip=\"amends, with effect from 2024-03-01\"];",
          "  \"policy:d\" -> \"policy:r\" [dir=back, arrowtail=tee, tooltip=\"repeals, with effect from 2019-01-01\"];",
          "  \"policy:c\" -> \"policy:t\" [dir=back, style=dotted, tooltip=\"implements, with effect from "
          "2021-01-01\"];",
          // The legend's samples, drawn the same way.
          "    \"legend:supersedes:older\" -> \"legend:supersedes\" [dir=back];",
          "    \"legend:consolidates:older\" -> \"legend:consolidates\" [dir=back, arrowtail=diamond];",
          "    \"legend:repeals:older\" -> \"legend:repeals\" [dir=back, arrowtail=tee];",
          "    \"legend:amends:older\" -> \"legend:amends\" [dir=back, style=dashed];",
          "    \"legend:implements:older\" -> \"legend:implements\" [dir=back, style=dotted];",
      }));
}

TEST(Dot, FillByStateInAnyLanguage) {
  std::ostringstream out;
  write_dot(out, make_export_graph());
  auto fill = [&](const std::string& key) {
    auto lines = lines_with(out.str(), "  \"" + key + "\" [label=");
    if (lines.size() != 1) return std::string("no node " + key);
    const std::size_t at = lines[0].find("fillcolor=\"") + 11;
    return lines[0].substr(at, 7);
  };
  EXPECT_EQ(fill("policy:c"), "#1b9e77");      // In force
  EXPECT_EQ(fill("policy:r"), "#1b9e77");      // 现行
  EXPECT_EQ(fill("policy:t"), "#56b4e9");      // 即将实施: pending
  EXPECT_EQ(fill("policy:p"), "#e6ab02");      // Draft for public comment: proposed
  EXPECT_EQ(fill("policy:b"), "#969696");      // Superseded: ended
  EXPECT_EQ(fill("policy:d"), "#377eb8");      // no status
  EXPECT_EQ(fill("policy:ghost"), "#c3d8e9");  // unresolved: pale
}

// The legend names what the drawing holds: the lineage kinds drawn, the states of the
// policies drawn, and the unresolved fill when an unresolved policy is drawn; nothing else.
TEST(Dot, LegendListsTheKindsAndStatesDrawn) {
  Graph graph = make_export_graph();
  std::ostringstream full;
  write_dot(full, graph);
  const std::string text = full.str();
  const std::size_t legend = text.find("  subgraph cluster_legend {\n");
  ASSERT_NE(legend, std::string::npos);
  EXPECT_EQ(
      text.substr(legend),
      "  subgraph cluster_legend {\n"
      "    graph [label=\"Legend (lines end at the older act)\", fontsize=10, color=\"#bbbbbb\", style=rounded];\n"
      "    node [shape=plaintext, style=\"\", fontsize=9, width=0, height=0.25, margin=\"0.05,0\"];\n"
      "    \"legend:supersedes:older\" [label=\"\"];\n"
      "    \"legend:supersedes\" [label=\"supersedes (replaces it)\"];\n"
      "    \"legend:supersedes:older\" -> \"legend:supersedes\" [dir=back];\n"
      "    \"legend:consolidates:older\" [label=\"\"];\n"
      "    \"legend:consolidates\" [label=\"consolidates (merges it in)\"];\n"
      "    \"legend:consolidates:older\" -> \"legend:consolidates\" [dir=back, arrowtail=diamond];\n"
      "    \"legend:repeals:older\" [label=\"\"];\n"
      "    \"legend:repeals\" [label=\"repeals (ends it)\"];\n"
      "    \"legend:repeals:older\" -> \"legend:repeals\" [dir=back, arrowtail=tee];\n"
      "    \"legend:amends:older\" [label=\"\"];\n"
      "    \"legend:amends\" [label=\"amends (it stays in force)\"];\n"
      "    \"legend:amends:older\" -> \"legend:amends\" [dir=back, style=dashed];\n"
      "    \"legend:implements:older\" [label=\"\"];\n"
      "    \"legend:implements\" [label=\"implements (transposes it)\"];\n"
      "    \"legend:implements:older\" -> \"legend:implements\" [dir=back, style=dotted];\n"
      "    \"legend:states\" [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"3\">"
      "<TR><TD BGCOLOR=\"#1b9e77\">in force</TD></TR>"
      "<TR><TD BGCOLOR=\"#56b4e9\">pending (adopted, not yet applying)</TD></TR>"
      "<TR><TD BGCOLOR=\"#e6ab02\">proposed (not adopted)</TD></TR>"
      "<TR><TD BGCOLOR=\"#969696\">ended</TD></TR>"
      "<TR><TD BGCOLOR=\"#377eb8\">state unknown</TD></TR>"
      "<TR><TD BGCOLOR=\"#c3d8e9\" STYLE=\"dashed\">not in the corpus</TD></TR></TABLE>>];\n"
      "  }\n"
      "}\n");

  // a and b alone: one supersedes edge, an in-force and an ended policy.
  ExportOptions options;
  options.selection.vertices.assign(graph.node_count(), false);
  options.selection.vertices[*graph.find(NodeKind::policy, "a")] = true;
  options.selection.vertices[*graph.find(NodeKind::policy, "b")] = true;
  std::ostringstream two;
  write_dot(two, graph, options);
  EXPECT_EQ(
      lines_with(two.str(), "\"legend:"),
      (std::vector<std::string>{
          "    \"legend:supersedes:older\" [label=\"\"];",
          "    \"legend:supersedes\" [label=\"supersedes (replaces it)\"];",
          "    \"legend:supersedes:older\" -> \"legend:supersedes\" [dir=back];",
          "    \"legend:states\" [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"3\">"
          "<TR><TD BGCOLOR=\"#1b9e77\">in force</TD></TR><TR><TD BGCOLOR=\"#969696\">ended</TD></TR></TABLE>>];"}));

  // A policy alone: its colour, and no word of lines.
  std::ostringstream one;
  write_dot(one, graph,
            {.selection = select_vertices(graph, {.focus = *graph.find(NodeKind::policy, "p"), .depth = 0})});
  EXPECT_EQ(
      lines_with(one.str(), "egend"),  // Legend, legend
      (std::vector<std::string>{
          "  // The legend: a sample of each kind of relation drawn, and the fill colours of the policies.",
          "  subgraph cluster_legend {", "    graph [label=\"Legend\", fontsize=10, color=\"#bbbbbb\", style=rounded];",
          "    \"legend:states\" [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"3\">"
          "<TR><TD BGCOLOR=\"#e6ab02\">proposed (not adopted)</TD></TR></TABLE>>];"}));

  // No policy, no lineage: nothing to explain.
  std::ostringstream facilities;
  write_dot(facilities, graph, {.selection = select_vertices(graph, {.kinds = {NodeKind::facility}})});
  EXPECT_EQ(facilities.str().find("legend"), std::string::npos) << facilities.str();
}

/// One node of `dot -Tplain` output: its name and centre.
struct PlainNode {
  std::string name;
  double x = 0, y = 0;
};

/// The nodes of `dot -Tplain` output (names unquoted; ours never hold a quote).
std::vector<PlainNode> plain_nodes(const std::string& plain) {
  std::vector<PlainNode> nodes;
  std::istringstream in(plain);
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("node ")) continue;
    std::istringstream fields(line.substr(5));
    PlainNode node;
    if (fields.peek() == '"') {
      fields.get();
      std::getline(fields, node.name, '"');
    } else {
      fields >> node.name;
    }
    fields >> node.x >> node.y;
    nodes.push_back(node);
  }
  return nodes;
}

// The legend is a component of its own: each policy is still drawn in the column of its
// year, and the years left to right, as dot lays them out.
TEST(Dot, TheLegendLeavesOneColumnPerYear) {
  if (!have_program("dot")) GTEST_SKIP() << "Graphviz `dot` is not installed: cannot lay the drawing out";
  auto folder = scratch_folder("dot-legend-ranks");
  Graph graph = make_export_graph();
  std::ostringstream out;
  write_dot(out, graph);
  write_text(folder / "graph.dot", out.str());
  CommandResult result = run_command("dot -Tplain '" + (folder / "graph.dot").string() + "'", folder);
  ASSERT_EQ(result.status, 0) << result.err;
  std::map<std::string, double> x;
  for (const PlainNode& node : plain_nodes(result.out)) x[node.name] = node.x;
  ASSERT_TRUE(x.count("legend:states")) << result.out;
  double previous = -1;
  for (VertexId v : graph.policies()) {
    const Node& node = graph.node(v);
    if (!node.date) continue;
    EXPECT_EQ(x.at(graph.key(v)), x.at("year:" + std::to_string(node.date->year))) << graph.key(v);
  }
  for (int year : {2005, 2010, 2012, 2015, 2016, 2018, 2020, 2024}) {
    EXPECT_GT(x.at("year:" + std::to_string(year)), previous) << year;
    previous = x.at("year:" + std::to_string(year));
  }
}

// dir=back draws the arrow at the edge's tail: the bar of a repeal must be at the repealed
// act, d, not at r. In xdot, the drawing of an edge's tail end is `_tdraw_`, its head's
// `_hdraw_`.
TEST(Dot, TheRepealBarIsDrawnAtTheRepealedAct) {
  if (!have_program("dot")) GTEST_SKIP() << "Graphviz `dot` is not installed: cannot lay the drawing out";
  auto folder = scratch_folder("dot-repeal-bar");
  std::ostringstream out;
  write_dot(out, make_export_graph());
  write_text(folder / "graph.dot", out.str());
  CommandResult result = run_command("dot -Txdot '" + (folder / "graph.dot").string() + "'", folder);
  ASSERT_EQ(result.status, 0) << result.err;
  // The edge's statement, its attributes over several lines.
  const std::size_t from = result.out.find("\"policy:d\" -> \"policy:r\"");
  ASSERT_NE(from, std::string::npos) << result.out;
  const std::string edge = result.out.substr(from, result.out.find("];", from) - from);
  EXPECT_NE(edge.find("arrowtail=tee"), std::string::npos) << edge;
  EXPECT_NE(edge.find("_tdraw_="), std::string::npos) << edge;
  EXPECT_EQ(edge.find("_hdraw_="), std::string::npos) << edge;
}

TEST(Dot, RendersWithoutWarnings) {
  if (!have_program("dot")) GTEST_SKIP() << "Graphviz `dot` is not installed: cannot check the rendering";
  auto folder = scratch_folder("dot-renders");
  Graph graph = make_export_graph();
  for (bool reduce : {false, true}) {
    std::ostringstream out;
    write_dot(out, graph, {.reduce = reduce});
    write_text(folder / "graph.dot", out.str());
    CommandResult result = run_command("dot -Tsvg '" + (folder / "graph.dot").string() + "'", folder);
    EXPECT_EQ(result.status, 0);
    EXPECT_EQ(result.err, "") << out.str();
    EXPECT_NE(result.out.find("<svg"), std::string::npos);
    EXPECT_NE(result.out.find("Act &quot;A&quot; &lt;2005&gt; &amp; co\\"), std::string::npos);
  }
}

}  // namespace
}  // namespace policygraph
