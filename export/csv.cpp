// SPDX-License-Identifier: MIT
// CSV for `neo4j-admin database import` and for spreadsheets (MODEL.md section 4).
//
// Id spaces. MODEL.md asks for an id space per kind (`:ID(Policy)`, `:ID(Facility)`),
// because a policy and a facility may share an id. neo4j-admin takes one `:ID` column (one
// id space) per node file and one `:START_ID` / `:END_ID` id space per relationship file,
// so an id space per kind means a node file per kind and a relationship file per edge type
// and pair of end kinds. An export to a folder (`-o DIR`) therefore writes:
//
//   nodes.csv      every node, one id space `Node` whose ids are the node keys
//   edges.csv      (`policy:x`, `facility:x`, unique by construction); for a spreadsheet,
//                  or a Neo4j import with one id space:
//                    :ID(Node),id,:LABEL,kind:string,label:string,...
//                    :START_ID(Node),:END_ID(Node),:TYPE,kind,weight:double
//   <kind>.nodes.csv                  the nodes of one kind, in the id space named by the
//                                     label (Policy, Facility, Cluster, Tag), their plain
//                                     id kept as the property `id`; only the property
//                                     columns that kind has:
//                                       id:ID(Policy),:LABEL,kind:string,label:string,...
//   <type>.<start>-<end>.edges.csv    the edges of one type between two kinds, e.g.
//                                     supersedes.policy-policy.edges.csv,
//                                     member_of.facility-cluster.edges.csv:
//                                       :START_ID(Facility),:END_ID(Cluster),:TYPE,kind,weight:double
//   import.sh      the neo4j-admin command for the per-kind files (below)
//   README.txt     three lines saying which files are which
//
// Kinds and types are the lowercase names of the graph (`policy`, `related_facility`),
// the only characters in a file name are [a-z_.-]: nothing to quote in a shell, nothing
// that neo4j-admin's file patterns (regular expressions by default) read otherwise, bar
// '.' which matches itself too. A per-kind file is written only when it has rows;
// nodes.csv and edges.csv always are. import.sh runs, in its own folder:
//
//   neo4j-admin database import full policygraph --array-delimiter=';'
//     --multiline-fields=true --nodes=policy.nodes.csv ... --relationships=...
//
// Neo4j 5 syntax: the database name comes before the file lists (from 5.19 a name after
// them is read as one more file). `--multiline-fields` because a title may hold a newline;
// `--array-delimiter=';'` is the default, spelt out because `tags:string[]` depends on it.
// The database must not exist; afterwards `CREATE DATABASE policygraph` (Enterprise) or,
// on Community, `./import.sh neo4j` into the stopped default database.
//
// Columns are typed from the attribute table (node_attributes.hpp): `resolved:boolean`,
// `year:int`, `date:date` (`effective:date`, `expires:date` too), `pagerank:double`,
// `tags:string[]` (items joined with ';', neo4j-admin's default array delimiter), inferred
// `long`, else `string`. A missing value is an empty field (neo4j-admin then sets no
// property). Fields are quoted as RFC 4180 says: a field holding a comma, a quote, CR or LF
// is quoted and its quotes doubled. Control characters are kept. Rows end with LF.
//
// To a stream (stdout) the export is nodes.csv, a blank line, then edges.csv.
#include <array>
#include <charconv>
#include <map>
#include <memory>
#include <ostream>
#include <tuple>

#include "csv_folder.hpp"
#include "node_attributes.hpp"
#include "ordered_chunks.hpp"

namespace policygraph {

namespace export_detail {
namespace {

/// write_csv_field, appended to `out`.
void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace
}  // namespace export_detail

void write_csv_field(std::ostream& out, std::string_view field) {
  std::string text;
  export_detail::append_csv_field(text, field);
  out << text;
}

namespace export_detail {
namespace {

constexpr std::string_view nodes_suffix = ".nodes.csv";
constexpr std::string_view edges_suffix = ".edges.csv";
constexpr std::string_view database_name = "policygraph";

std::string_view neo4j_type(const AttributeColumn& column) {
  // Our own days, YYYY-MM-DD: neo4j's date. (A record's field of these names is not exported.)
  if (column.name == "date" || column.name == "effective" || column.name == "expires") return "date";
  switch (column.type) {
    case ValueType::boolean: return "boolean";
    case ValueType::integer: return "int";
    case ValueType::long_integer: return "long";
    case ValueType::floating: return "double";
    case ValueType::string: return "string";
    case ValueType::string_list: return "string[]";
  }
  return "string";
}

/// A header name neo4j-admin cannot misread: ':' separates name and type.
std::string property_name(std::string_view name) {
  std::string safe(name);
  for (char& c : safe)
    if (c == ':') c = '_';
  return safe;
}

/// The names of the kinds [0, count) of an enum, each respelled by `respell(name)` once:
/// labels and relationship types are asked for by every row.
template <typename Kind, std::size_t count, typename Respell>
std::array<std::string, count> respelled_kind_names(Respell respell) {
  std::array<std::string, count> names;
  for (std::size_t k = 0; k < count; ++k) {
    names[k] = to_string(static_cast<Kind>(k));
    respell(names[k]);
  }
  return names;
}

/// The label of a kind, which is also its id space: Policy, Facility, Cluster, Tag.
std::string_view neo4j_label(NodeKind kind) {
  static const auto labels = respelled_kind_names<NodeKind, static_cast<std::size_t>(NodeKind::tag) + 1>(
      [](std::string& name) { name[0] = static_cast<char>(name[0] - 'a' + 'A'); });
  return labels[static_cast<std::size_t>(kind)];
}

/// The relationship type of an edge kind: the kind upper-cased.
std::string_view neo4j_type(EdgeKind kind) {
  static const auto types =
      respelled_kind_names<EdgeKind, static_cast<std::size_t>(EdgeKind::implements) + 1>([](std::string& name) {
        for (char& c : name)
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      });
  return types[static_cast<std::size_t>(kind)];
}

/// The header field of a property column: `name:type`.
std::string column_header(const AttributeColumn& column) {
  return property_name(column.name) + ":" + std::string(neo4j_type(column));
}

/// The cells of a row in `columns` (ascending), empty fields where a cell is missing.
void append_cells(std::string& out, const std::vector<Cell>& cells, const std::vector<std::size_t>& columns,
                  std::string& scratch) {
  auto cell = cells.begin();
  for (std::size_t column : columns) {
    out += ',';
    while (cell != cells.end() && cell->column < column) ++cell;
    if (cell != cells.end() && cell->column == column) append_csv_field(out, value_view(cell->value, scratch));
  }
}

// Rows formatted per chunk, on every core (ordered_chunks.hpp), as GraphML's are.
constexpr std::size_t rows_per_chunk = 4096;

std::vector<std::size_t> all_columns(const AttributeTable& table) {
  std::vector<std::size_t> columns(table.columns().size());
  for (std::size_t i = 0; i < columns.size(); ++i) columns[i] = i;
  return columns;
}

void write_all_nodes(std::ostream& out, const Graph& graph, const AttributeTable& table) {
  std::string header = ":ID(Node),id,:LABEL";
  for (const AttributeColumn& column : table.columns()) {
    header += ',';
    append_csv_field(header, column_header(column));
  }
  out << header << '\n';
  const std::vector<std::size_t> columns = all_columns(table);
  write_chunks_in_order(out, table.vertices().size(), rows_per_chunk,
                        [&](std::size_t begin, std::size_t end, std::string& text) {
                          std::vector<Cell> cells;
                          std::string scratch;
                          for (std::size_t row = begin; row < end; ++row) {
                            const VertexId v = table.vertices()[row];
                            append_csv_field(text, graph.key(v, scratch));
                            text += ',';
                            append_csv_field(text, graph.node(v).id);
                            text += ',';
                            text += neo4j_label(graph.node(v).kind);
                            table.cells(row, cells);
                            append_cells(text, cells, columns, scratch);
                            text += '\n';
                          }
                        });
}

/// One edge's row after its two ends: `,TYPE,kind,weight`.
void append_edge_tail(std::string& text, EdgeKind kind, double weight) {
  text += ',';
  text += neo4j_type(kind);
  text += ',';
  text += to_string(kind);
  text += ',';
  char number[32];
  text.append(number, std::to_chars(number, number + sizeof number, weight).ptr);
  text += '\n';
}

void write_all_edges(std::ostream& out, const Graph& graph, const std::vector<EdgeId>& edges) {
  out << ":START_ID(Node),:END_ID(Node),:TYPE,kind,weight:double\n";
  write_chunks_in_order(out, edges.size(), rows_per_chunk * 4,
                        [&](std::size_t begin, std::size_t end, std::string& text) {
                          std::string key;
                          for (std::size_t i = begin; i < end; ++i) {
                            const Edge& edge = graph.edge(edges[i]);
                            append_csv_field(text, graph.key(edge.source, key));
                            text += ',';
                            append_csv_field(text, graph.key(edge.target, key));
                            append_edge_tail(text, edge.kind, edge.weight);
                          }
                        });
}

/// The node file of one kind: its rows of the table, and the columns they have a value in.
struct KindNodes {
  std::vector<std::size_t> rows;
  std::vector<std::size_t> columns;
};

void write_kind_nodes(std::ostream& out, const Graph& graph, const AttributeTable& table, NodeKind kind,
                      const KindNodes& part) {
  std::string header = "id:ID(" + std::string(neo4j_label(kind)) + "),:LABEL";
  for (std::size_t column : part.columns) {
    header += ',';
    append_csv_field(header, column_header(table.columns()[column]));
  }
  out << header << '\n';
  const std::string_view label = neo4j_label(kind);
  write_chunks_in_order(out, part.rows.size(), rows_per_chunk,
                        [&](std::size_t begin, std::size_t end, std::string& text) {
                          std::vector<Cell> cells;
                          std::string scratch;
                          for (std::size_t i = begin; i < end; ++i) {
                            const std::size_t row = part.rows[i];
                            append_csv_field(text, graph.node(table.vertices()[row]).id);
                            text += ',';
                            text += label;
                            table.cells(row, cells);
                            append_cells(text, cells, part.columns, scratch);
                            text += '\n';
                          }
                        });
}

/// The rows of each kind and the columns they have a value in.
std::map<NodeKind, KindNodes> nodes_by_kind(const Graph& graph, const AttributeTable& table) {
  std::map<NodeKind, KindNodes> kinds;
  // A flag per column rather than a list of every row's columns, which would hold an entry
  // per cell of the graph: the memory the table no longer spends.
  std::map<NodeKind, std::vector<bool>> has_column;
  std::vector<Cell> cells;
  for (std::size_t row = 0; row < table.vertices().size(); ++row) {
    const NodeKind kind = graph.node(table.vertices()[row]).kind;
    kinds[kind].rows.push_back(row);
    std::vector<bool>& used = has_column.try_emplace(kind, table.columns().size()).first->second;
    table.cells(row, cells);
    for (const Cell& cell : cells) used[cell.column] = true;
  }
  for (auto& [kind, part] : kinds)
    for (std::size_t column = 0; column < table.columns().size(); ++column)
      if (has_column[kind][column]) part.columns.push_back(column);
  return kinds;
}

/// The relationship file of one edge type between two kinds.
using EdgeGroup = std::tuple<EdgeKind, NodeKind, NodeKind>;

void write_group_edges(std::ostream& out, const Graph& graph, const EdgeGroup& group,
                       const std::vector<EdgeId>& edges) {
  // Not a structured binding: clang before 16 cannot capture one in the lambda below.
  const EdgeKind type = std::get<0>(group);
  out << ":START_ID(" << neo4j_label(std::get<1>(group)) << "),:END_ID(" << neo4j_label(std::get<2>(group))
      << "),:TYPE,kind,weight:double\n";
  write_chunks_in_order(out, edges.size(), rows_per_chunk * 4,
                        [&](std::size_t first, std::size_t last, std::string& text) {
                          for (std::size_t i = first; i < last; ++i) {
                            const Edge& edge = graph.edge(edges[i]);
                            append_csv_field(text, graph.node(edge.source).id);
                            text += ',';
                            append_csv_field(text, graph.node(edge.target).id);
                            append_edge_tail(text, type, edge.weight);
                          }
                        });
}

std::string node_file_name(NodeKind kind) { return std::string(to_string(kind)) + std::string(nodes_suffix); }

std::string edge_file_name(const EdgeGroup& group) {
  const auto& [type, start, end] = group;
  return std::string(to_string(type)) + "." + std::string(to_string(start)) + "-" + std::string(to_string(end)) +
         std::string(edges_suffix);
}

void write_import_script(std::ostream& out, const std::vector<std::string>& node_files,
                         const std::vector<std::string>& edge_files) {
  out << "#!/bin/sh\n"
         "# Imports this folder into a new Neo4j 5 database, one id space per node kind.\n"
         "# Usage: ./import.sh [database]   (default "
      << database_name
      << "; NEO4J_ADMIN names the neo4j-admin to run).\n"
         "# The database must not exist; then CREATE DATABASE it (Enterprise), or on Community\n"
         "# import into the stopped default database: ./import.sh neo4j\n"
         "set -e\n"
         "cd \"$(dirname \"$0\")\"\n"
         "exec \"${NEO4J_ADMIN:-neo4j-admin}\" database import full \"${1:-"
      << database_name
      << "}\" \\\n"
         "  --array-delimiter=';' \\\n"
         "  --multiline-fields=true";
  for (const std::string& name : node_files) out << " \\\n  --nodes=" << name;
  for (const std::string& name : edge_files) out << " \\\n  --relationships=" << name;
  out << '\n';
}

void write_readme(std::ostream& out) {
  out << "nodes.csv, edges.csv: every node and every edge, one table each (a spreadsheet, or a Neo4j import "
         "with one id space: the node keys such as policy:x).\n"
         "<kind>.nodes.csv, <type>.<start kind>-<end kind>.edges.csv: the same graph for Neo4j, one id space "
         "per node kind (Policy, Facility, Cluster, Tag).\n"
         "import.sh [database]: neo4j-admin database import full of those per-kind files into a new Neo4j 5 "
         "database (default "
      << database_name << ").\n";
}

/// A lowercase name of the graph: [a-z_]+.
bool is_kind_name(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  return true;
}

}  // namespace

std::vector<FolderFile> csv_folder_files(const Graph& graph, const ExportOptions& options) {
  // Shared by the writers, which run one after another after this returns.
  auto table = std::make_shared<const AttributeTable>(graph, options);
  auto edges = std::make_shared<const std::vector<EdgeId>>(selected_edges(graph, options.selection));

  std::map<NodeKind, KindNodes> kinds = nodes_by_kind(graph, *table);
  std::map<EdgeGroup, std::vector<EdgeId>> groups;
  for (EdgeId e : *edges) {
    const Edge& edge = graph.edge(e);
    groups[{edge.kind, graph.node(edge.source).kind, graph.node(edge.target).kind}].push_back(e);
  }

  std::vector<FolderFile> files;
  files.push_back({"nodes.csv", [&graph, table](std::ostream& out) { write_all_nodes(out, graph, *table); }, false});
  files.push_back({"edges.csv", [&graph, edges](std::ostream& out) { write_all_edges(out, graph, *edges); }, false});
  std::vector<std::string> node_files, edge_files;
  for (auto& [kind, part] : kinds) {
    node_files.push_back(node_file_name(kind));
    files.push_back({node_files.back(),
                     [&graph, table, kind = kind, part = std::move(part)](std::ostream& out) {
                       write_kind_nodes(out, graph, *table, kind, part);
                     },
                     false});
  }
  for (auto& [group, group_edges] : groups) {
    edge_files.push_back(edge_file_name(group));
    files.push_back({edge_files.back(),
                     [&graph, group = group, group_edges = std::move(group_edges)](std::ostream& out) {
                       write_group_edges(out, graph, group, group_edges);
                     },
                     false});
  }
  files.push_back({"import.sh",
                   [node_files, edge_files](std::ostream& out) { write_import_script(out, node_files, edge_files); },
                   true});
  files.push_back({"README.txt", [](std::ostream& out) { write_readme(out); }, false});
  return files;
}

bool is_csv_folder_file_name(std::string_view name) {
  // write_file_atomically's temporary file: `.<name>.tmp-XXXXXX`.
  if (name.starts_with('.')) {
    const std::size_t tmp = name.rfind(".tmp-");
    if (tmp == std::string_view::npos || tmp == 0) return false;
    name = name.substr(1, tmp - 1);
  }
  if (name == "nodes.csv" || name == "edges.csv" || name == "import.sh" || name == "README.txt") return true;
  if (name.ends_with(nodes_suffix)) {
    return parse_node_kind(name.substr(0, name.size() - nodes_suffix.size())).has_value();
  }
  if (name.ends_with(edges_suffix)) {
    // <type>.<start>-<end>
    std::string_view stem = name.substr(0, name.size() - edges_suffix.size());
    const std::size_t dot = stem.find('.');
    const std::size_t dash = stem.find('-');
    if (dot == std::string_view::npos || dash == std::string_view::npos || dash < dot) return false;
    return is_kind_name(stem.substr(0, dot)) && parse_node_kind(stem.substr(dot + 1, dash - dot - 1)).has_value() &&
           parse_node_kind(stem.substr(dash + 1)).has_value();
  }
  return false;
}

}  // namespace export_detail

void write_csv_nodes(std::ostream& out, const Graph& graph, const ExportOptions& options) {
  export_detail::write_all_nodes(out, graph, export_detail::AttributeTable(graph, options));
}

void write_csv_edges(std::ostream& out, const Graph& graph, const ExportOptions& options) {
  export_detail::write_all_edges(out, graph, export_detail::selected_edges(graph, options.selection));
}

}  // namespace policygraph
