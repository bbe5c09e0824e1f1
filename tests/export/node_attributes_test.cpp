// SPDX-License-Identifier: MIT
#include "node_attributes.hpp"

#include <gtest/gtest.h>

#include "export/export_fixture.hpp"

namespace policygraph::export_detail {
namespace {

using policygraph::testing::make_export_graph;
using policygraph::testing::make_export_metrics;

const AttributeColumn* find_column(const AttributeTable& table, std::string_view name) {
  for (const auto& column : table.columns)
    if (column.name == name) return &column;
  return nullptr;
}

const Value* find_value(const AttributeTable& table, std::size_t row, std::string_view name) {
  for (const Cell& cell : table.cells[row])
    if (table.columns[cell.column].name == name) return &cell.value;
  return nullptr;
}

TEST(NodeAttributes, ColumnsAndTypes) {
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  AttributeTable table = node_attribute_table(graph, {.metrics = &metrics});
  ASSERT_EQ(table.vertices.size(), graph.node_count());
  EXPECT_EQ(table.columns[0].name, "kind");
  EXPECT_EQ(table.columns[1].name, "label");
  EXPECT_EQ(table.columns[2].name, "resolved");
  EXPECT_EQ(find_column(table, "resolved")->type, ValueType::boolean);
  EXPECT_EQ(find_column(table, "year")->type, ValueType::integer);
  EXPECT_EQ(find_column(table, "legalWeight")->type, ValueType::string);  // "x1" is not a number
  EXPECT_EQ(find_column(table, "tags")->type, ValueType::string_list);
  EXPECT_EQ(find_column(table, "title@zh")->type, ValueType::string);
  EXPECT_EQ(find_column(table, "pagerank")->type, ValueType::floating);
  EXPECT_EQ(find_column(table, "component")->type, ValueType::integer);
  EXPECT_EQ(find_column(table, "betweenness"), nullptr);  // not computed
  EXPECT_EQ(table.columns.back().name, "component");
}

TEST(NodeAttributes, MissingValuesAreAbsent) {
  Graph graph = make_export_graph();
  AttributeTable table = node_attribute_table(graph, {});
  const std::size_t ghost = *graph.find(NodeKind::policy, "ghost");
  EXPECT_EQ(find_value(table, ghost, "country"), nullptr);
  EXPECT_EQ(find_value(table, ghost, "date"), nullptr);
  EXPECT_EQ(std::get<bool>(*find_value(table, ghost, "resolved")), false);
  EXPECT_EQ(std::get<std::int64_t>(*find_value(table, 0, "year")), 2005);
  EXPECT_EQ(std::get<std::string>(*find_value(table, 0, "date")), "2005-03-01");
  EXPECT_EQ(value_text(*find_value(table, 0, "tags")), "carbon capture;storage");
}

TEST(NodeAttributes, IntegersThatWouldChangeStayStrings) {
  auto records = std::make_shared<std::vector<Record>>(2);
  (*records)[0].attributes = {{"code", "007"}, {"count", "12"}};
  (*records)[1].attributes = {{"code", "8"}, {"count", "-99999999999"}};
  GraphBuilder builder(records);
  builder.add_node(Node{.kind = NodeKind::policy, .id = "a", .record = 0});
  builder.add_node(Node{.kind = NodeKind::policy, .id = "b", .record = 1});
  Graph graph = std::move(builder).finish();
  AttributeTable table = node_attribute_table(graph, {});
  EXPECT_EQ(find_column(table, "code")->type, ValueType::string);
  EXPECT_EQ(find_column(table, "count")->type, ValueType::long_integer);
  EXPECT_EQ(std::get<std::int64_t>(*find_value(table, 1, "count")), -99999999999);
}

TEST(NodeAttributes, SelectionLimitsRowsButNotTypes) {
  Graph graph = make_export_graph();
  ExportOptions options;
  options.selection.vertices.assign(graph.node_count(), false);
  options.selection.vertices[1] = true;  // policy:b
  AttributeTable table = node_attribute_table(graph, options);
  ASSERT_EQ(table.vertices.size(), 1u);
  EXPECT_EQ(find_column(table, "tags"), nullptr);
  EXPECT_EQ(find_column(table, "legalWeight")->type, ValueType::string);
}

TEST(NodeAttributes, DoublesRoundTrip) {
  EXPECT_EQ(format_double(3.0), "3");
  EXPECT_EQ(format_double(0.1), "0.1");
  EXPECT_EQ(std::stod(format_double(0.1234567890123456789)), 0.1234567890123456789);
}

}  // namespace
}  // namespace policygraph::export_detail
