// SPDX-License-Identifier: MIT
// GraphML and GEXF validated against the schemas in the shared folder (MODEL.md section 4).
#include <gtest/gtest.h>

#include <sstream>

#include "export/export_fixture.hpp"
#include "export/export_test_util.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
namespace fs = std::filesystem;

const fs::path schemas = fs::path(POLICYGRAPH_SHARED_DIR) / "schemas";

void validate(const std::string& name, const std::string& document, const fs::path& schema) {
  if (!fs::exists(schema)) GTEST_SKIP() << "no schema at " << schema << " (POLICYGRAPH_SHARED_DIR/schemas absent)";
  if (!have_program("xmllint")) GTEST_SKIP() << "xmllint is not installed: schema validation not checked";
  auto folder = scratch_folder("schema-" + name);
  write_text(folder / name, document);
  CommandResult result = run_command(
      "xmllint --noout --nonet --schema '" + schema.string() + "' '" + (folder / name).string() + "'", folder);
  EXPECT_EQ(result.status, 0) << result.err;
}

TEST(Schema, GraphmlValidates) {
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  std::ostringstream out;
  write_graphml(out, graph, {.metrics = &metrics});
  validate("graph.graphml", out.str(), schemas / "graphml" / "graphml.xsd");
}

TEST(Schema, GexfValidates) {
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  std::ostringstream out;
  write_gexf(out, graph, {.metrics = &metrics});
  validate("graph.gexf", out.str(), schemas / "gexf-1.3-xsd-fixed" / "gexf.xsd");
}

TEST(Schema, DynamicGexfValidates) {
  Graph graph = make_export_graph();
  std::ostringstream out;
  write_gexf(out, graph, {.dynamic = true});
  validate("dynamic.gexf", out.str(), schemas / "gexf-1.3-xsd-fixed" / "gexf.xsd");
}

// Ids GraphML cannot take as they are (spaces, '@', '<', '#', an emoji, '×', an em dash) and
// Chinese, which it can.
TEST(Schema, GraphmlValidatesWithAwkwardIds) {
  GraphBuilder builder;
  VertexId a = builder.add_node(Node{.kind = NodeKind::policy, .id = "1 a@b<c>#\"d\"", .label = "x"});
  VertexId b = builder.add_node(Node{.kind = NodeKind::tag, .id = "\xE7\xA2\xB3 \xF0\x9F\x8C\x8D", .label = "y"});
  VertexId c = builder.add_node(Node{.kind = NodeKind::tag, .id = "\xC3\x97\xE2\x80\x94", .label = "z"});
  builder.add_edge(a, b, EdgeKind::tagged);
  builder.add_edge(a, c, EdgeKind::tagged);
  Graph graph = std::move(builder).finish();
  std::ostringstream out;
  write_graphml(out, graph);
  EXPECT_NE(out.str().find("id=\"tag:\xE7\xA2\xB3_x20__x01F30D_\""), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("id=\"tag:_xD7__x2014_\""), std::string::npos) << out.str();
  validate("awkward.graphml", out.str(), schemas / "graphml" / "graphml.xsd");
}

}  // namespace
}  // namespace policygraph
