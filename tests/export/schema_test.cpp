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
  CommandResult result =
      run_command("xmllint --noout --nonet --schema '" + schema.string() + "' '" + (folder / name).string() + "'", folder);
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

}  // namespace
}  // namespace policygraph
