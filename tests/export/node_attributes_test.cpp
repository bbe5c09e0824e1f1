// SPDX-License-Identifier: MIT
#include "node_attributes.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "export/export_fixture.hpp"

namespace policygraph::export_detail {
namespace {

using policygraph::testing::make_export_graph;
using policygraph::testing::make_export_metrics;

const AttributeColumn* find_column(const AttributeTable& table, std::string_view name) {
  for (const auto& column : table.columns())
    if (column.name == name) return &column;
  return nullptr;
}

std::optional<Value> find_value(const AttributeTable& table, std::size_t row, std::string_view name) {
  std::vector<Cell> cells;
  table.cells(row, cells);
  for (const Cell& cell : cells)
    if (table.columns()[cell.column].name == name) return cell.value;
  return std::nullopt;
}

/// A row's cells as (column, text): comparable, unlike a Value that holds a span.
std::vector<std::pair<std::size_t, std::string>> cell_texts(const std::vector<Cell>& cells) {
  std::vector<std::pair<std::size_t, std::string>> texts;
  for (const Cell& cell : cells) texts.emplace_back(cell.column, value_text(cell.value));
  return texts;
}

TEST(NodeAttributes, ColumnsAndTypes) {
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  AttributeTable table(graph, {.metrics = &metrics});
  ASSERT_EQ(table.vertices().size(), graph.node_count());
  EXPECT_EQ(table.columns()[0].name, "kind");
  EXPECT_EQ(table.columns()[1].name, "label");
  EXPECT_EQ(table.columns()[2].name, "resolved");
  EXPECT_EQ(table.columns()[3].name, "date");
  EXPECT_EQ(table.columns()[4].name, "state");
  EXPECT_EQ(table.columns()[5].name, "effective");
  EXPECT_EQ(table.columns()[6].name, "expires");
  EXPECT_EQ(table.columns()[7].name, "tags");
  EXPECT_EQ(find_column(table, "resolved")->type, ValueType::boolean);
  EXPECT_EQ(find_column(table, "year")->type, ValueType::integer);
  EXPECT_EQ(find_column(table, "legalWeight")->type, ValueType::string);  // "x1" is not a number
  EXPECT_EQ(find_column(table, "tags")->type, ValueType::string_list);
  EXPECT_EQ(find_column(table, "title@zh")->type, ValueType::string);
  EXPECT_EQ(find_column(table, "pagerank")->type, ValueType::floating);
  EXPECT_EQ(find_column(table, "component")->type, ValueType::integer);
  EXPECT_EQ(find_column(table, "betweenness"), nullptr);  // not computed
  EXPECT_EQ(table.columns().back().name, "component");
}

TEST(NodeAttributes, MissingValuesAreAbsent) {
  Graph graph = make_export_graph();
  AttributeTable table(graph, {});
  const std::size_t ghost = *graph.find(NodeKind::policy, "ghost");
  EXPECT_FALSE(find_value(table, ghost, "country").has_value());
  EXPECT_FALSE(find_value(table, ghost, "date").has_value());
  EXPECT_EQ(std::get<bool>(*find_value(table, ghost, "resolved")), false);
  EXPECT_EQ(std::get<std::int64_t>(*find_value(table, 0, "year")), 2005);
  EXPECT_EQ(std::get<std::string>(*find_value(table, 0, "date")), "2005-03-01");
  EXPECT_EQ(value_text(*find_value(table, 0, "tags")), "carbon capture;storage");
}

// Every policy has a state, read from Record::state (a status in any language), an
// unresolved one `unknown`; `effective` and `expires` only where the record gives them;
// other kinds have none of the three.
TEST(NodeAttributes, StateEffectiveAndExpiresOfPolicies) {
  Graph graph = make_export_graph();
  AttributeTable table(graph, {});
  auto text = [&](const std::string& key, std::string_view name) -> std::string {
    const std::string kind = key.substr(0, key.find(':'));
    const VertexId v = *graph.find(*parse_node_kind(kind), key.substr(key.find(':') + 1));
    auto value = find_value(table, v, name);
    return value ? value_text(*value) : "(none)";
  };
  EXPECT_EQ(text("policy:a", "state"), "in_force");  // Active
  EXPECT_EQ(text("policy:b", "state"), "ended");     // Superseded
  EXPECT_EQ(text("policy:r", "state"), "in_force");  // 现行
  EXPECT_EQ(text("policy:t", "state"), "pending");   // 即将实施
  EXPECT_EQ(text("policy:p", "state"), "proposed");  // Draft for public comment
  EXPECT_EQ(text("policy:d", "state"), "unknown");   // no status
  EXPECT_EQ(text("policy:ghost", "state"), "unknown");
  EXPECT_EQ(text("facility:a", "state"), "(none)");  // Operational is a facility's own word
  EXPECT_EQ(text("policy:t", "effective"), "2021-01-01");
  EXPECT_EQ(text("policy:a", "effective"), "(none)");  // not the date: only what the record says
  EXPECT_EQ(text("policy:m", "expires"), "2026-01-01");
  EXPECT_EQ(text("policy:c", "expires"), "(none)");
  EXPECT_EQ(find_column(table, "state")->type, ValueType::string);
}

TEST(NodeAttributes, IntegersThatWouldChangeStayStrings) {
  auto records = std::make_shared<std::vector<Record>>(2);
  (*records)[0].attributes = {{"code", "007"}, {"count", "12"}};
  (*records)[1].attributes = {{"code", "8"}, {"count", "-99999999999"}};
  GraphBuilder builder(records);
  builder.add_node(Node{.kind = NodeKind::policy, .id = "a", .record = 0});
  builder.add_node(Node{.kind = NodeKind::policy, .id = "b", .record = 1});
  Graph graph = std::move(builder).finish();
  AttributeTable table(graph, {});
  EXPECT_EQ(find_column(table, "code")->type, ValueType::string);
  EXPECT_EQ(find_column(table, "count")->type, ValueType::long_integer);
  EXPECT_EQ(std::get<std::int64_t>(*find_value(table, 1, "count")), -99999999999);
}

TEST(NodeAttributes, YearBeyondInt32IsLongAndANonCanonicalValueLastMakesAString) {
  auto records = std::make_shared<std::vector<Record>>(2);
  (*records)[0].attributes = {{"year", "2005"}, {"ref", "12"}};
  (*records)[1].attributes = {{"year", "3000000000"}, {"ref", "012"}};
  GraphBuilder builder(records);
  builder.add_node(Node{.kind = NodeKind::policy, .id = "a", .record = 0});
  builder.add_node(Node{.kind = NodeKind::policy, .id = "b", .record = 1});
  Graph graph = std::move(builder).finish();
  AttributeTable table(graph, {});
  EXPECT_EQ(find_column(table, "year")->type, ValueType::long_integer);
  EXPECT_EQ(std::get<std::int64_t>(*find_value(table, 1, "year")), 3000000000);
  EXPECT_EQ(find_column(table, "ref")->type, ValueType::string);
  EXPECT_EQ(std::get<std::string_view>(*find_value(table, 0, "ref")), "12");
}

// Enough nodes that the table reads them in several ranges, taken by the cores in turn: a name's type, whether a
// selected node has it, and each field's column come out as over the whole graph at once.
TEST(NodeAttributes, ManyNodesGiveOneSchemaWhateverRangeANameIsIn) {
  constexpr int count = 20000;
  auto records = std::make_shared<std::vector<Record>>(count);
  for (int i = 0; i < count; ++i) {
    Attributes& fields = (*records)[i].attributes;
    fields.add("amount", i == count - 1 ? "many" : std::to_string(i));  // a string, last of all
    fields.add("year", i == count - 1 ? "3000000000" : "2000");         // long, by the last one
    fields.add("serial", std::to_string(i));                            // long throughout
    if (i == 0) fields.add("early", "first");
    if (i == count - 1) fields.add("late", "last");
  }
  GraphBuilder builder(records);
  for (int i = 0; i < count; ++i)
    builder.add_node(Node{.kind = NodeKind::policy, .id = "p" + std::to_string(100000 + i), .record = i});
  Graph graph = std::move(builder).finish();

  AttributeTable whole(graph, {});
  EXPECT_EQ(find_column(whole, "amount")->type, ValueType::string);
  EXPECT_EQ(find_column(whole, "year")->type, ValueType::long_integer);
  EXPECT_EQ(find_column(whole, "serial")->type, ValueType::long_integer);
  ASSERT_NE(find_column(whole, "early"), nullptr);
  ASSERT_NE(find_column(whole, "late"), nullptr);
  EXPECT_EQ(std::get<std::string_view>(*find_value(whole, 0, "early")), "first");
  EXPECT_EQ(std::get<std::string_view>(*find_value(whole, count - 1, "late")), "last");
  EXPECT_EQ(std::get<std::string_view>(*find_value(whole, count / 2, "amount")), std::to_string(count / 2));
  EXPECT_EQ(std::get<std::int64_t>(*find_value(whole, count - 1, "serial")), count - 1);
  EXPECT_EQ(std::get<std::int64_t>(*find_value(whole, count - 1, "year")), 3000000000);
  EXPECT_FALSE(find_value(whole, count / 2, "late").has_value());

  // The last node alone: its names only, typed over the whole graph.
  ExportOptions last_only;
  last_only.selection.vertices.assign(graph.node_count(), false);
  last_only.selection.vertices[count - 1] = true;
  AttributeTable last(graph, last_only);
  EXPECT_EQ(find_column(last, "early"), nullptr);
  ASSERT_NE(find_column(last, "late"), nullptr);
  EXPECT_EQ(find_column(last, "serial")->type, ValueType::long_integer);
  EXPECT_EQ(std::get<std::string_view>(*find_value(last, 0, "amount")), "many");
}

TEST(NodeAttributes, ARowAskedTwiceHasTheSameCells) {
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  AttributeTable table(graph, {.metrics = &metrics});
  std::vector<Cell> cells;
  table.cells(0, cells);
  const auto first = cell_texts(cells);
  table.cells(1, cells);  // another row in between, into the same buffer
  ASSERT_NE(cell_texts(cells), first);
  table.cells(0, cells);
  EXPECT_EQ(cell_texts(cells), first);
  EXPECT_FALSE(first.empty());
}

TEST(NodeAttributes, SelectionLimitsRowsButNotTypes) {
  Graph graph = make_export_graph();
  ExportOptions options;
  options.selection.vertices.assign(graph.node_count(), false);
  options.selection.vertices[1] = true;  // policy:b
  AttributeTable table(graph, options);
  ASSERT_EQ(table.vertices().size(), 1u);
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
