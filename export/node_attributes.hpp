// SPDX-License-Identifier: MIT
// The attribute table of a graph: what every exporter writes for each node. GraphML, GEXF,
// CSV and JSON all read this one table, so a value, its name and its type are the same in
// every format.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "policygraph/export.hpp"

namespace policygraph::export_detail {

/// The type of an attribute column. The set is what GraphML readers (Gephi, Gephi Lite,
/// NetworkX) all accept, plus a list of strings that formats without lists write joined
/// with ';'.
enum class ValueType : unsigned char { boolean, integer, long_integer, floating, string, string_list };

/// GraphML / GEXF type name: boolean, int, long, double, string (a list is a string).
std::string_view xml_type_name(ValueType type);

/// A cell's value. Text the graph or its records hold is viewed (std::string_view, a span
/// for a list) rather than copied: the table lives no longer than the graph, and copying
/// every field of every record doubled an export's memory.
using Value = std::variant<bool, std::int64_t, double, std::string, std::string_view, std::span<const std::string>>;

struct AttributeColumn {
  std::string name;  ///< as in the corpus: `country`, `title@zh`
  ValueType type = ValueType::string;
};

/// One attribute of one node: the column it belongs to and its value.
struct Cell {
  std::size_t column = 0;
  Value value;
};

/// The attributes of the selected nodes.
///
/// Columns, in this order: `kind`, `label`, `resolved`, `date` (ISO day), `state` (a
/// policy's legal state, normalised from its `status` in any language: `in_force`,
/// `pending`, `proposed`, `ended`, `unknown`; every policy has one, an unresolved policy
/// `unknown`), `effective` and `expires` (ISO days, where the record gives them), `tags`,
/// `clusters`, then every record attribute and every `title@<lang>` / `name@<lang>` sorted
/// by name, then the metrics that were computed (`pagerank`, `betweenness`, `component`,
/// `community`, `generation`). A column exists only when some selected node has a value.
///
/// Types: `resolved` boolean; `year` int; `pagerank`, `betweenness` double; `component`,
/// `community`, `generation` int. Any other record attribute is a string, unless every
/// value it has in the graph is a canonical decimal integer (no sign but '-', no leading
/// zero, so the text comes back unchanged) that fits 64 bits: then it is `long`. We infer
/// `long`, not `int`, because Gephi's int is 32 bits and ids or amounts may not fit. The
/// types are inferred over the whole graph, not the selection, so one corpus gets one
/// schema whatever is selected. Should `year` hold a value that is not an int, the column
/// falls back to string rather than lose the value. Decimal fractions stay strings: their
/// text would not survive a trip through a double.
///
/// Record attributes whose names we compute ourselves (`kind`, `label`, `resolved`, `date`,
/// `state`, `effective`, `expires`, `tags`, `clusters`, `id`, `key` and the metric names)
/// are left out: ours win (a record's own top-level `state`, say a US state, is not
/// exported); `id` and `key` name the node itself in JSON and GraphML.
///
/// The table holds the columns and the rows (selected vertices) but not the cells: a row's
/// cells are computed when an exporter asks for them, since holding every cell of every node
/// at once raised an export's peak memory well above the load's. The table views the graph
/// and the metrics and must not outlive them.
class AttributeTable {
 public:
  AttributeTable(const Graph& graph, const ExportOptions& options);
  AttributeTable(const Graph&& graph, const ExportOptions& options) = delete;  // would view a dead graph

  const std::vector<AttributeColumn>& columns() const { return columns_; }
  /// The selected vertices, in id order: row `i` is vertex `vertices()[i]`.
  const std::vector<VertexId>& vertices() const { return vertices_; }

  /// Clears `out` and fills it with the cells of `row`, by column index, at most one per
  /// column (of a name a record repeats, the first value). `out` is the caller's so that one
  /// buffer serves every row.
  void cells(std::size_t row, std::vector<Cell>& out) const;

 private:
  /// The column of each value we compute ourselves. One that no selected node has a value
  /// for is not added, and its index is never read, since no row has such a cell.
  struct ComputedColumns {
    std::size_t kind, label, resolved, date, state, effective, expires, tags, clusters;
    std::size_t pagerank, betweenness, component, community, generation;
  };

  std::size_t add_column(std::string_view name, ValueType type, bool used);
  void add_record_columns(const Graph& graph);
  void add_node_cells(VertexId v, std::vector<Cell>& out) const;
  void add_record_cells(VertexId v, const Record& record, std::vector<Cell>& out) const;
  void add_metric_cells(VertexId v, std::vector<Cell>& out) const;

  const Graph* graph_;
  const NodeMetrics* metrics_;
  std::vector<VertexId> vertices_;
  std::vector<AttributeColumn> columns_;
  ComputedColumns computed_{};
  /// The column of each field with a value of each record, vertex by vertex in the order the
  /// record lists them (attributes, then translations), from first_field_[v]; not_exported
  /// for the names we compute ourselves (ours win).
  std::vector<std::uint32_t> field_columns_;
  std::vector<std::uint32_t> first_field_;
  static constexpr std::uint32_t not_exported = static_cast<std::uint32_t>(-1);
};

/// The selected vertices, in increasing order: the rows of an AttributeTable.
std::vector<VertexId> selected_vertices(const Graph& graph, const Selection& selection);
/// The selected edges (both ends selected), in edge id order.
std::vector<EdgeId> selected_edges(const Graph& graph, const Selection& selection);

/// Shortest text that reads back as the same double (std::to_chars); "3" for 3.0.
std::string format_double(double value);

/// A value as text: booleans `true`/`false`, numbers as above, lists joined with `;`.
std::string value_text(const Value& value);
/// The value as text without a copy where it is text already; else formatted into `scratch`.
std::string_view value_view(const Value& value, std::string& scratch);

}  // namespace policygraph::export_detail
