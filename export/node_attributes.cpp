// SPDX-License-Identifier: MIT
#include "node_attributes.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <optional>
#include <unordered_map>
#include <utility>

#include "policygraph/evolution.hpp"
#include "support/for_each_index.hpp"

namespace policygraph::export_detail {
namespace {

constexpr std::array<std::string_view, 11> leading_columns{"kind",    "label", "resolved", "date", "state", "effective",
                                                           "expires", "tags",  "clusters", "id",   "key"};
constexpr std::array<std::string_view, 5> metric_columns{"pagerank", "betweenness", "component", "community",
                                                         "generation"};

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

/// The type of a record attribute column, folded over its values one at a time so that
/// the values need not be gathered first.
class RecordColumnType {
 public:
  void add(std::string_view value) {
    if (!all_integers_) return;  // a string already; nothing can change that
    auto parsed = parse_canonical_integer(value);
    all_integers_ = parsed.has_value();
    all_int32_ = all_int32_ && parsed && fits_int32(*parsed);
  }

  /// The type of both columns' values together.
  void merge(const RecordColumnType& other) {
    all_integers_ = all_integers_ && other.all_integers_;
    all_int32_ = all_int32_ && other.all_int32_;
  }

  ValueType type(std::string_view name) const {
    if (!all_integers_) return ValueType::string;
    if (name == "year" && all_int32_) return ValueType::integer;
    return ValueType::long_integer;
  }

 private:
  bool all_integers_ = true;
  bool all_int32_ = true;
};

// Calls visit(field) for each of a record's attributes and translations that has a value.
// The views live as long as the record.
template <typename Visit>
void for_each_field_with_value(const Record& record, Visit&& visit) {
  for (const Attributes* fields : {&record.attributes, &record.translations})
    for (const Attribute field : *fields)
      if (!field.value.empty()) visit(field);
}

template <typename T>
const T* metric_value(const std::optional<std::vector<T>>& metric, VertexId v) {
  if (!metric || v >= metric->size()) return nullptr;
  return &(*metric)[v];
}

template <typename T>
bool metric_used(const std::optional<std::vector<T>>& metric, const std::vector<VertexId>& vertices) {
  return metric && std::any_of(vertices.begin(), vertices.end(), [&](VertexId v) { return v < metric->size(); });
}

/// Which of the columns that not every node has the selected nodes have a value in.
struct ColumnsInUse {
  bool date = false, state = false, effective = false, expires = false, tags = false, clusters = false;
};

ColumnsInUse columns_in_use(const Graph& graph, const std::vector<VertexId>& vertices) {
  ColumnsInUse use;
  for (VertexId v : vertices) {
    use.date = use.date || graph.node(v).date.has_value();
    use.state = use.state || graph.node(v).kind == NodeKind::policy;
    const Record* record = graph.record(v);
    if (record == nullptr) continue;
    use.effective = use.effective || record->effective.has_value();
    use.expires = use.expires || record->expires.has_value();
    use.tags = use.tags || !record->tags.empty();
    use.clusters = use.clusters || !record->clusters.empty();
  }
  return use;
}

/// A record attribute's name as the table meets it: its type over the whole graph, whether
/// a selected node has it, and (once the columns are made) its column.
struct RecordName {
  RecordColumnType type;
  bool selected = false;
  std::uint32_t column = std::numeric_limits<std::uint32_t>::max();
};

constexpr std::uint32_t not_exported_entry = std::numeric_limits<std::uint32_t>::max();

/// The record attribute names of one range of vertices: each name's entry (not_exported_entry
/// for the names we compute ourselves), what the range says of it, and the entry of each
/// field with a value, vertex by vertex (first_field, relative to the range).
struct RangeNames {
  std::unordered_map<std::string_view, std::uint32_t> entry_of;  // the names view the records
  std::vector<RecordName> names;
  std::vector<std::uint32_t> field_entries;
  std::vector<std::uint32_t> first_field;
};

RangeNames names_in_range(const Graph& graph, VertexId first, VertexId last, const std::vector<bool>& selected) {
  RangeNames range;
  for (std::string_view name : leading_columns) range.entry_of.emplace(name, not_exported_entry);
  for (std::string_view name : metric_columns) range.entry_of.emplace(name, not_exported_entry);
  range.first_field.reserve(last - first);
  for (VertexId v = first; v < last; ++v) {
    range.first_field.push_back(static_cast<std::uint32_t>(range.field_entries.size()));
    const Record* record = graph.record(v);
    if (record == nullptr) continue;
    for_each_field_with_value(*record, [&](Attribute field) {
      auto [entry, added] = range.entry_of.try_emplace(field.name, static_cast<std::uint32_t>(range.names.size()));
      if (added) range.names.emplace_back();
      range.field_entries.push_back(entry->second);
      if (entry->second == not_exported_entry) return;
      RecordName& name = range.names[entry->second];
      name.type.add(field.value);
      name.selected = name.selected || selected[v];
    });
  }
  return range;
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

std::vector<VertexId> selected_vertices(const Graph& graph, const Selection& selection) {
  std::vector<VertexId> vertices;
  for (VertexId v : graph.vertices())
    if (selection.contains(v)) vertices.push_back(v);
  return vertices;
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

AttributeTable::AttributeTable(const Graph& graph, const ExportOptions& options)
    : graph_(&graph), metrics_(options.metrics), vertices_(selected_vertices(graph, options.selection)) {
  const ColumnsInUse use = columns_in_use(graph, vertices_);
  const bool any_vertex = !vertices_.empty();
  computed_.kind = add_column("kind", ValueType::string, any_vertex);
  computed_.label = add_column("label", ValueType::string, any_vertex);
  computed_.resolved = add_column("resolved", ValueType::boolean, any_vertex);
  computed_.date = add_column("date", ValueType::string, use.date);
  computed_.state = add_column("state", ValueType::string, use.state);
  computed_.effective = add_column("effective", ValueType::string, use.effective);
  computed_.expires = add_column("expires", ValueType::string, use.expires);
  computed_.tags = add_column("tags", ValueType::string_list, use.tags);
  computed_.clusters = add_column("clusters", ValueType::string_list, use.clusters);
  add_record_columns(graph);
  const bool have_metrics = metrics_ != nullptr;
  computed_.pagerank =
      add_column("pagerank", ValueType::floating, have_metrics && metric_used(metrics_->pagerank, vertices_));
  computed_.betweenness =
      add_column("betweenness", ValueType::floating, have_metrics && metric_used(metrics_->betweenness, vertices_));
  computed_.component =
      add_column("component", ValueType::integer, have_metrics && metric_used(metrics_->component, vertices_));
  computed_.community =
      add_column("community", ValueType::integer, have_metrics && metric_used(metrics_->community, vertices_));
  computed_.generation =
      add_column("generation", ValueType::integer, have_metrics && metric_used(metrics_->generation, vertices_));
}

// One pass over every field of every record, one hash lookup each: the type of each name
// over the whole graph, whether a selected node has it, and (kept for cells()) the column
// of each field, so that rows look nothing up. (Sets and maps ordered by name here, and a
// lookup per field per row, were a third of a GraphML export of 10,000 policies.) The pass
// runs on every core over ranges of vertices, each thread taking the next as it is done;
// the ranges' names are merged after. Many ranges, not one per thread: the work is uneven
// over the vertices (policies and facilities have records, the tags and clusters after
// them none), and with one range each a thread sat idle for a third of the pass.
void AttributeTable::add_record_columns(const Graph& graph) {
  static_assert(not_exported == not_exported_entry);
  std::vector<bool> selected(graph.node_count(), false);
  for (VertexId v : vertices_) selected[v] = true;
  constexpr std::size_t vertices_per_range = 4096;
  const unsigned threads = support::default_threads();
  const support::IndexRanges vertex_ranges{graph.node_count(), vertices_per_range};
  const std::size_t range_count = vertex_ranges.number();
  std::vector<RangeNames> ranges(range_count);
  support::for_each_range(vertex_ranges, threads, [&](std::size_t r, std::size_t first, std::size_t last) {
    ranges[r] = names_in_range(graph, static_cast<VertexId>(first), static_cast<VertexId>(last), selected);
  });

  // One entry per name over all ranges, and each range's entries in it.
  std::unordered_map<std::string_view, std::uint32_t> entry_of;
  std::vector<RecordName> names;
  std::vector<std::vector<std::uint32_t>> merged_entry(range_count);
  for (std::size_t r = 0; r < range_count; ++r) {
    merged_entry[r].assign(ranges[r].names.size(), not_exported);
    for (const auto& [name, local] : ranges[r].entry_of) {
      if (local == not_exported_entry) continue;
      auto [entry, added] = entry_of.try_emplace(name, static_cast<std::uint32_t>(names.size()));
      if (added) names.emplace_back();
      names[entry->second].type.merge(ranges[r].names[local].type);
      names[entry->second].selected = names[entry->second].selected || ranges[r].names[local].selected;
      merged_entry[r][local] = entry->second;
    }
  }
  // Columns in name order.
  std::vector<std::pair<std::string_view, std::uint32_t>> sorted;
  for (const auto& [name, entry] : entry_of)
    if (names[entry].selected) sorted.emplace_back(name, entry);
  std::sort(sorted.begin(), sorted.end());
  for (const auto& [name, entry] : sorted)
    names[entry].column = static_cast<std::uint32_t>(add_column(name, names[entry].type.type(name), true));

  // Each field's column, the ranges one after the other.
  std::vector<std::size_t> range_base(range_count + 1, 0);
  for (std::size_t r = 0; r < range_count; ++r) range_base[r + 1] = range_base[r] + ranges[r].field_entries.size();
  field_columns_.resize(range_base.back());
  first_field_.assign(graph.node_count() + 1, 0);
  first_field_[graph.node_count()] = static_cast<std::uint32_t>(range_base.back());
  support::for_each_range(vertex_ranges, threads, [&](std::size_t r, std::size_t first, std::size_t) {
    const RangeNames& range = ranges[r];
    for (std::size_t i = 0; i < range.first_field.size(); ++i)
      first_field_[first + i] = static_cast<std::uint32_t>(range_base[r] + range.first_field[i]);
    std::uint32_t* column = field_columns_.data() + range_base[r];
    for (std::uint32_t local : range.field_entries)
      *column++ = local == not_exported_entry ? not_exported : names[merged_entry[r][local]].column;
  });
}

std::size_t AttributeTable::add_column(std::string_view name, ValueType type, bool used) {
  if (!used) return std::numeric_limits<std::size_t>::max();
  columns_.push_back({std::string(name), type});
  return columns_.size() - 1;
}

void AttributeTable::cells(std::size_t row, std::vector<Cell>& out) const {
  out.clear();
  const VertexId v = vertices_[row];
  add_node_cells(v, out);
  if (const Record* record = graph_->record(v)) add_record_cells(v, *record, out);
  if (metrics_ != nullptr) add_metric_cells(v, out);
  // A record may repeat a name across attributes and translations; keep the first.
  // An insertion sort: stable, no allocation, and the cells are nearly in order already.
  for (std::size_t i = 1; i < out.size(); ++i)
    for (std::size_t j = i; j > 0 && out[j].column < out[j - 1].column; --j) std::swap(out[j], out[j - 1]);
  out.erase(std::unique(out.begin(), out.end(), [](const Cell& a, const Cell& b) { return a.column == b.column; }),
            out.end());
}

void AttributeTable::add_node_cells(VertexId v, std::vector<Cell>& out) const {
  const Node& node = graph_->node(v);
  out.push_back({computed_.kind, to_string(node.kind)});
  out.push_back({computed_.label, std::string_view(node.label)});
  out.push_back({computed_.resolved, node.resolved});
  if (node.date) out.push_back({computed_.date, node.date->iso()});
  if (node.kind == NodeKind::policy) out.push_back({computed_.state, to_string(legal_state(*graph_, v))});
}

void AttributeTable::add_record_cells(VertexId v, const Record& record, std::vector<Cell>& out) const {
  if (record.effective) out.push_back({computed_.effective, record.effective->iso()});
  if (record.expires) out.push_back({computed_.expires, record.expires->iso()});
  if (!record.tags.empty()) out.push_back({computed_.tags, std::span<const std::string>(record.tags)});
  if (!record.clusters.empty()) out.push_back({computed_.clusters, std::span<const std::string>(record.clusters)});
  const std::uint32_t* field_column = field_columns_.data() + first_field_[v];
  for_each_field_with_value(record, [&](Attribute field) {
    const std::uint32_t column = *field_column++;
    if (column == not_exported) return;
    if (columns_[column].type == ValueType::string)
      out.push_back({column, field.value});
    else
      out.push_back({column, *parse_canonical_integer(field.value)});
  });
}

void AttributeTable::add_metric_cells(VertexId v, std::vector<Cell>& out) const {
  if (auto* value = metric_value(metrics_->pagerank, v)) out.push_back({computed_.pagerank, *value});
  if (auto* value = metric_value(metrics_->betweenness, v)) out.push_back({computed_.betweenness, *value});
  if (auto* value = metric_value(metrics_->component, v))
    out.push_back({computed_.component, static_cast<std::int64_t>(*value)});
  if (auto* value = metric_value(metrics_->community, v))
    out.push_back({computed_.community, static_cast<std::int64_t>(*value)});
  if (auto* value = metric_value(metrics_->generation, v); value && *value != NodeMetrics::no_generation)
    out.push_back({computed_.generation, static_cast<std::int64_t>(*value)});
}

}  // namespace policygraph::export_detail
