// SPDX-License-Identifier: MIT
// CSV for `neo4j-admin database import` and for spreadsheets (MODEL.md section 4).
//
// Id spaces. neo4j-admin takes one `:ID` column per node file, and every `:START_ID` /
// `:END_ID` column of a relationship file names one id space; so id spaces per kind
// (`:ID(Policy)`, `:ID(Facility)`) mean one node file per kind and one relationship file
// per pair of kinds. We keep the two files MODEL.md and users ask for, and still keep
// a policy and a facility that share an id apart: both files use one id space, `Node`,
// whose ids are the node keys (`policy:x`, `facility:x`), unique in the graph by
// construction. The plain id is the property `id`, the kind the `:LABEL` (Policy,
// Facility, Cluster, Tag). Import with
//
//   neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv
//     --multiline-fields=true neo4j
//
// (`--multiline-fields` because a title may hold a newline).
//
// Columns are typed from the attribute table (node_attributes.hpp): `resolved:boolean`,
// `year:int`, `date:date`, `pagerank:double`, `tags:string[]` (items joined with ';',
// neo4j-admin's default array delimiter), inferred `long`, else `string`. A missing value
// is an empty field (neo4j-admin then sets no property). Fields are quoted as RFC 4180
// says: a field holding a comma, a quote, CR or LF is quoted and its quotes doubled.
// Control characters are kept. Rows end with LF.
#include <ostream>

#include "node_attributes.hpp"

namespace policygraph {
namespace {

using namespace export_detail;

void write_field(std::ostream& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << field;
    return;
  }
  out << '"';
  for (char c : field) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

std::string_view neo4j_type(const AttributeColumn& column) {
  if (column.name == "date") return "date";  // YYYY-MM-DD, neo4j's date
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

std::string neo4j_label(NodeKind kind) {
  std::string label(to_string(kind));
  label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

std::string neo4j_type(EdgeKind kind) {
  std::string type(to_string(kind));
  for (char& c : type)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return type;
}

}  // namespace

void write_csv_nodes(std::ostream& out, const Graph& graph, const ExportOptions& options) {
  const AttributeTable table = node_attribute_table(graph, options);
  out << ":ID(Node),id,:LABEL";
  for (const AttributeColumn& column : table.columns) {
    out << ',';
    write_field(out, property_name(column.name) + ":" + std::string(neo4j_type(column)));
  }
  out << '\n';
  for (std::size_t row = 0; row < table.vertices.size(); ++row) {
    const VertexId v = table.vertices[row];
    write_field(out, graph.key(v));
    out << ',';
    write_field(out, graph.node(v).id);
    out << ',' << neo4j_label(graph.node(v).kind);
    const std::vector<Cell>& cells = table.cells[row];
    auto cell = cells.begin();
    for (std::size_t column = 0; column < table.columns.size(); ++column) {
      out << ',';
      if (cell != cells.end() && cell->column == column) {
        write_field(out, value_text(cell->value));
        ++cell;
      }
    }
    out << '\n';
  }
}

void write_csv_edges(std::ostream& out, const Graph& graph, const ExportOptions& options) {
  out << ":START_ID(Node),:END_ID(Node),:TYPE,kind,weight:double\n";
  for (EdgeId e : selected_edges(graph, options.selection)) {
    const Edge& edge = graph.edge(e);
    write_field(out, graph.key(edge.source));
    out << ',';
    write_field(out, graph.key(edge.target));
    out << ',' << neo4j_type(edge.kind) << ',' << to_string(edge.kind) << ',' << format_double(edge.weight) << '\n';
  }
}

}  // namespace policygraph
