// SPDX-License-Identifier: MIT
#include "node_attributes.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace policygraph::export_detail {
namespace {

constexpr std::array<std::string_view, 8> leading_columns{"kind", "label", "resolved", "date", "tags", "clusters", "id", "key"};
constexpr std::array<std::string_view, 5> metric_columns{"pagerank", "betweenness", "component", "community",
                                                         "generation"};

bool is_reserved(std::string_view name) {
  return std::find(leading_columns.begin(), leading_columns.end(), name) != leading_columns.end() ||
         std::find(metric_columns.begin(), metric_columns.end(), name) != metric_columns.end();
}

/// A canonical decimal integer: what std::to_chars would write back for its value.
std::optional<std::int64_t> parse_canonical_integer(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  char buffer[24];
  auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (std::string_view(buffer, static_cast<std::size_t>(written.ptr - buffer)) != text) return std::nullopt;
  return value;
}

bool fits_int32(std::int64_t value) {
  return value >= std::numeric_limits<std::int32_t>::min() && value <= std::numeric_limits<std::int32_t>::max();
}

/// The type of a record attribute column, from every value it has in the graph.
ValueType infer_type(std::string_view name, const std::vector<std::string_view>& values) {
  bool all_integers = true, all_int32 = true;
  for (std::string_view value : values) {
    auto parsed = parse_canonical_integer(value);
    if (!parsed) {
      all_integers = false;
      break;
    }
    all_int32 = all_int32 && fits_int32(*parsed);
  }
  if (!all_integers) return ValueType::string;
  if (name == "year" && all_int32) return ValueType::integer;
  return ValueType::long_integer;
}

// Calls visit(field) for each of a record's attributes and translations that is exported:
// not a name we compute ourselves, not empty. The views live as long as the record.
template <typename Visit>
void for_each_exported_field(const Record& record, Visit&& visit) {
  for (const Attributes* fields : {&record.attributes, &record.translations})
    for (const Attribute field : *fields)
      if (!is_reserved(field.name) && !field.value.empty()) visit(field);
}

template <typename T>
const T* metric_value(const std::optional<std::vector<T>>& metric, VertexId v) {
  if (!metric || v >= metric->size()) return nullptr;
  return &(*metric)[v];
}

}  // namespace

std::string_view xml_type_name(ValueType type) {
  switch (type) {
    case ValueType::boolean: return "boolean";
    case ValueType::integer: return "int";
    case ValueType::long_integer: return "long";
    case ValueType::floating: return "double";
    case ValueType::string:
    case ValueType::string_list: return "string";
  }
  return "string";
}

std::string format_double(double value) {
  char buffer[32];
  auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, written.ptr);
}

std::string_view value_view(const Value& value, std::string& scratch) {
  struct Visitor {
    std::string& scratch;
    std::string_view operator()(bool b) const { return b ? "true" : "false"; }
    std::string_view operator()(std::int64_t i) const { return scratch = std::to_string(i); }
    std::string_view operator()(double d) const { return scratch = format_double(d); }
    std::string_view operator()(const std::string& s) const { return s; }
    std::string_view operator()(std::string_view s) const { return s; }
    std::string_view operator()(std::span<const std::string> items) const {
      scratch.clear();
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) scratch += ';';
        scratch += items[i];
      }
      return scratch;
    }
  };
  return std::visit(Visitor{scratch}, value);
}

std::string value_text(const Value& value) {
  std::string scratch;
  return std::string(value_view(value, scratch));
}

std::vector<EdgeId> selected_edges(const Graph& graph, const Selection& selection) {
  std::vector<EdgeId> edges;
  edges.reserve(graph.edge_count());
  for (EdgeId e = 0; e < graph.edge_count(); ++e) {
    const Edge& edge = graph.edge(e);
    if (selection.contains(edge.source) && selection.contains(edge.target)) edges.push_back(e);
  }
  return edges;
}

AttributeTable node_attribute_table(const Graph& graph, const ExportOptions& options) {
  AttributeTable table;
  for (VertexId v : graph.vertices())
    if (options.selection.contains(v)) table.vertices.push_back(v);

  // Record attributes and translations over the whole graph: their names and types.
  std::map<std::string_view, std::vector<std::string_view>> record_values;
  for (VertexId v : graph.vertices())
    if (const Record* record = graph.record(v))
      for_each_exported_field(*record, [&](Attribute field) { record_values[field.name].push_back(field.value); });

  // Which columns the selection uses.
  bool any_date = false, any_tags = false, any_clusters = false;
  std::set<std::string_view> used_record_columns;
  for (VertexId v : table.vertices) {
    any_date = any_date || graph.node(v).date.has_value();
    const Record* record = graph.record(v);
    if (record == nullptr) continue;
    any_tags = any_tags || !record->tags.empty();
    any_clusters = any_clusters || !record->clusters.empty();
    for_each_exported_field(*record, [&](Attribute field) { used_record_columns.insert(field.name); });
  }
  const NodeMetrics* metrics = options.metrics;
  auto metric_used = [&](const auto& metric) {
    return metric && std::any_of(table.vertices.begin(), table.vertices.end(),
                                 [&](VertexId v) { return v < metric->size(); });
  };

  constexpr std::size_t absent = std::numeric_limits<std::size_t>::max();
  auto add_column = [&](std::string name, ValueType type, bool used) {
    if (!used) return absent;
    table.columns.push_back({std::move(name), type});
    return table.columns.size() - 1;
  };
  const bool any_vertex = !table.vertices.empty();
  const std::size_t kind_column = add_column("kind", ValueType::string, any_vertex);
  const std::size_t label_column = add_column("label", ValueType::string, any_vertex);
  const std::size_t resolved_column = add_column("resolved", ValueType::boolean, any_vertex);
  const std::size_t date_column = add_column("date", ValueType::string, any_date);
  const std::size_t tags_column = add_column("tags", ValueType::string_list, any_tags);
  const std::size_t clusters_column = add_column("clusters", ValueType::string_list, any_clusters);
  std::map<std::string_view, std::size_t, std::less<>> record_columns;
  for (std::string_view name : used_record_columns)
    record_columns[name] = add_column(std::string(name), infer_type(name, record_values[name]), true);
  const bool have_metrics = metrics != nullptr;
  const std::size_t pagerank_column =
      add_column("pagerank", ValueType::floating, have_metrics && metric_used(metrics->pagerank));
  const std::size_t betweenness_column =
      add_column("betweenness", ValueType::floating, have_metrics && metric_used(metrics->betweenness));
  const std::size_t component_column =
      add_column("component", ValueType::integer, have_metrics && metric_used(metrics->component));
  const std::size_t community_column =
      add_column("community", ValueType::integer, have_metrics && metric_used(metrics->community));
  const std::size_t generation_column =
      add_column("generation", ValueType::integer, have_metrics && metric_used(metrics->generation));

  table.cells.reserve(table.vertices.size());
  for (VertexId v : table.vertices) {
    std::vector<Cell> cells;
    const Node& node = graph.node(v);
    cells.push_back({kind_column, to_string(node.kind)});
    cells.push_back({label_column, std::string_view(node.label)});
    cells.push_back({resolved_column, node.resolved});
    if (node.date) cells.push_back({date_column, node.date->iso()});
    if (const Record* record = graph.record(v)) {
      if (!record->tags.empty()) cells.push_back({tags_column, std::span<const std::string>(record->tags)});
      if (!record->clusters.empty())
        cells.push_back({clusters_column, std::span<const std::string>(record->clusters)});
      for_each_exported_field(*record, [&](Attribute field) {
        std::size_t column = record_columns.find(field.name)->second;
        if (table.columns[column].type == ValueType::string)
          cells.push_back({column, field.value});
        else
          cells.push_back({column, *parse_canonical_integer(field.value)});
      });
    }
    if (have_metrics) {
      if (auto* value = metric_value(metrics->pagerank, v)) cells.push_back({pagerank_column, *value});
      if (auto* value = metric_value(metrics->betweenness, v)) cells.push_back({betweenness_column, *value});
      if (auto* value = metric_value(metrics->component, v))
        cells.push_back({component_column, static_cast<std::int64_t>(*value)});
      if (auto* value = metric_value(metrics->community, v))
        cells.push_back({community_column, static_cast<std::int64_t>(*value)});
      if (auto* value = metric_value(metrics->generation, v); value && *value != NodeMetrics::no_generation)
        cells.push_back({generation_column, static_cast<std::int64_t>(*value)});
    }
    // A record may repeat a name across attributes and translations; keep the first.
    std::stable_sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.column < b.column; });
    cells.erase(std::unique(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.column == b.column; }),
                cells.end());
    table.cells.push_back(std::move(cells));
  }
  return table;
}

}  // namespace policygraph::export_detail
