// SPDX-License-Identifier: MIT
// export --split families (export/family_files.cpp) and the isolated policies of a lineage
// diagram (drop_isolated_policies in export/select.cpp).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "graph/test_records.hpp"
#include "policygraph/export.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;

//   a-2001 <-supersedes- b-2005 <-amends- c-2010;  D-1999 <-implements- e-2000;  f alone
Graph families_graph() {
  Record b = policy("b-2005", "2005");
  relate(b, Relation::supersedes, refs({"a-2001"}));
  Record c = policy("c-2010", "2010");
  relate(c, Relation::amends, refs({"b-2005"}));
  Record e = policy("e-2000", "2000");
  relate(e, Relation::implements, refs({"D-1999"}));
  Record d = policy("D-1999", "1999");
  d.label = "<Old> & D";
  Graph full = build({policy("a-2001", "2001"), b, c, d, e, policy("f", "2003")});
  return make_view(full, View::lineage);
}

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(DropIsolated, LeavesOutThePoliciesWithNoLineageEdge) {
  Graph lineage = families_graph();
  Selection selection;
  EXPECT_EQ(drop_isolated_policies(lineage, selection), 1u);
  EXPECT_FALSE(selection.contains(*lineage.find(NodeKind::policy, "f")));
  EXPECT_TRUE(selection.contains(*lineage.find(NodeKind::policy, "a-2001")));
  // A policy whose only relative is not drawn is alone in the drawing too.
  selection = {};
  selection.vertices.assign(lineage.node_count(), true);
  selection.vertices[*lineage.find(NodeKind::policy, "e-2000")] = false;
  EXPECT_EQ(drop_isolated_policies(lineage, selection), 2u);
  EXPECT_FALSE(selection.contains(*lineage.find(NodeKind::policy, "D-1999")));
}

TEST(ExportFamilies, OneFilePerFamilyNamedAfterItsOldestPolicyAndAnIndex) {
  Graph lineage = families_graph();
  std::random_device seed;
  const auto folder = std::filesystem::temp_directory_path() / ("policygraph-families-" + std::to_string(seed()));
  ExportOptions options;
  FamiliesWritten written = export_families(ExportFormat::dot, folder, lineage, options);
  EXPECT_EQ(written.families, 2u);
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0], "a-2001.dot");
  EXPECT_TRUE(names[1].starts_with("d-1999-")) << names[1];  // upper case: a slug and a hash
  EXPECT_EQ(names[2], "index.html");
  const std::string family = read(folder / "a-2001.dot");
  EXPECT_NE(family.find("\"policy:c-2010\""), std::string::npos);
  EXPECT_EQ(family.find("\"policy:e-2000\""), std::string::npos);  // another family
  EXPECT_EQ(family.find("\"policy:f\""), std::string::npos);
  const std::string index = read(folder / "index.html");
  EXPECT_NE(index.find("<a href=\"a-2001.dot\">Title a-2001</a>"), std::string::npos) << index;
  EXPECT_NE(index.find("&lt;Old&gt; &amp; D"), std::string::npos);  // titles escaped

  // Past the layout limits an SVG family is written as DOT, and the index says so.
  written = export_families(ExportFormat::svg, folder, lineage, options, LayoutLimits{.nodes = 2, .edges = 100});
  EXPECT_EQ(written.as_dot, 1u);
  EXPECT_TRUE(std::filesystem::exists(folder / "a-2001.dot"));
  EXPECT_FALSE(std::filesystem::exists(folder / "a-2001.svg"));
  EXPECT_NE(read(folder / "index.html").find("too large to lay out here"), std::string::npos);
  std::filesystem::remove_all(folder);
}

// Drawn by forked processes, the files are those one process draws.
TEST(ExportFamilies, DrawingInSeveralProcessesWritesTheSameFiles) {
  Graph lineage = families_graph();
  std::random_device seed;
  const auto base = std::filesystem::temp_directory_path() / ("policygraph-families-" + std::to_string(seed()));
  for (ExportFormat format : {ExportFormat::svg, ExportFormat::dot}) {
    EXPECT_EQ(export_families(format, base / "one", lineage, {}, {}, 1).families, 2u);
    EXPECT_EQ(export_families(format, base / "three", lineage, {}, {}, 3).families, 2u);
    std::size_t compared = 0;
    for (const auto& entry : std::filesystem::directory_iterator(base / "one")) {
      const auto name = entry.path().filename();
      EXPECT_EQ(read(base / "three" / name), read(entry.path())) << name;
      EXPECT_FALSE(read(entry.path()).empty()) << name;
      ++compared;
    }
    EXPECT_EQ(compared, 3u);  // two families and the index
  }
  std::filesystem::remove_all(base);
}

TEST(ExportFamilies, OnlyDiagrams) {
  Graph lineage = families_graph();
  EXPECT_THROW(export_families(ExportFormat::graphml, std::filesystem::temp_directory_path() / "x", lineage, {}),
               ExportError);
}

}  // namespace
}  // namespace policygraph
