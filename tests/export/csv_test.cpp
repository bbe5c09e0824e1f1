// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <sstream>

#include "export/export_fixture.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;

/// An RFC 4180 reader: rows of fields.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, in_quotes = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') in_quotes = false;
      else field += c;
    } else if (c == '"') {
      in_quotes = quoted = true;
    } else if (c == ',') {
      row.push_back(field), field.clear(), quoted = false;
    } else if (c == '\n') {
      row.push_back(field), field.clear(), quoted = false;
      rows.push_back(row), row.clear();
    } else {
      field += c;
    }
  }
  (void)quoted;
  return rows;
}

std::size_t column(const std::vector<std::string>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  ADD_FAILURE() << "no column " << name;
  return 0;
}

TEST(Csv, NodesHaveNeo4jHeadersAndTypedColumns) {
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  std::ostringstream out;
  write_csv_nodes(out, graph, {.metrics = &metrics});
  auto rows = read_csv(out.str());
  ASSERT_EQ(rows.size(), graph.node_count() + 1);
  const auto& header = rows[0];
  EXPECT_EQ(header[0], ":ID(Node)");
  EXPECT_EQ(header[1], "id");
  EXPECT_EQ(header[2], ":LABEL");
  column(header, "year:int");
  column(header, "pagerank:double");
  column(header, "tags:string[]");
  column(header, "resolved:boolean");
  column(header, "date:date");
  column(header, "title@zh:string");
  for (const auto& row : rows) EXPECT_EQ(row.size(), header.size());
  const auto& a = rows[1];
  EXPECT_EQ(a[0], "policy:a");
  EXPECT_EQ(a[1], "a");
  EXPECT_EQ(a[2], "Policy");
  EXPECT_EQ(a[column(header, "label:string")], nasty_title);  // control character kept
  EXPECT_EQ(a[column(header, "tags:string[]")], "carbon capture;storage");
  EXPECT_EQ(a[column(header, "resolved:boolean")], "true");
  // A policy and a facility sharing the id `a` have distinct node ids.
  EXPECT_EQ(rows[6][0], "facility:a");
  EXPECT_EQ(rows[6][1], "a");
  EXPECT_EQ(rows[6][2], "Facility");
  // Missing: an empty field.
  EXPECT_EQ(rows[5][column(header, "country:string")], "");
}

TEST(Csv, QuotesAsRfc4180Says) {
  Graph graph = make_export_graph();
  std::ostringstream out;
  write_csv_nodes(out, graph);
  EXPECT_NE(out.str().find("\"B, \"\"the second\"\"\""), std::string::npos);
  EXPECT_NE(out.str().find("\"Act \"\"A\"\" <2005> & co\\ \n"), std::string::npos);
}

TEST(Csv, Edges) {
  Graph graph = make_export_graph();
  std::ostringstream out;
  write_csv_edges(out, graph);
  auto rows = read_csv(out.str());
  ASSERT_EQ(rows.size(), graph.edge_count() + 1);
  EXPECT_EQ(rows[0], (std::vector<std::string>{":START_ID(Node)", ":END_ID(Node)", ":TYPE", "kind", "weight:double"}));
  bool found = false;
  for (const auto& row : rows)
    found = found || row == std::vector<std::string>{"policy:a", "facility:a", "RELATED_FACILITY", "related_facility", "0.1"};
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace policygraph
