// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <sstream>

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
  EXPECT_NE(dot.find("\"year:2005\" -> \"year:2010\" [style=invis]"), std::string::npos);
  // The unresolved policy is dashed.
  EXPECT_NE(dot.find("\"policy:ghost\" [label=\"ghost\", shape=box, style=\"rounded,filled,dashed\""),
            std::string::npos);
}

TEST(Dot, ReduceDropsTheTransitiveEdge) {
  Graph graph = make_export_graph();
  std::ostringstream full, reduced;
  write_dot(full, graph);
  write_dot(reduced, graph, {.reduce = true});
  // c -> a is implied by c -> b -> a; lineage edges are written older -> newer.
  const std::string transitive = "\"policy:a\" -> \"policy:c\" [dir=back]";
  EXPECT_NE(full.str().find(transitive), std::string::npos);
  EXPECT_EQ(reduced.str().find(transitive), std::string::npos);
  EXPECT_NE(reduced.str().find("\"policy:b\" -> \"policy:c\" [dir=back]"), std::string::npos);
  EXPECT_NE(reduced.str().find("\"policy:a\" -> \"policy:b\" [dir=back]"), std::string::npos);
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
