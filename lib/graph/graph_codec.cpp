// SPDX-License-Identifier: MIT
// The layout: the node count and the policy count; each node (kind, resolved, date, record
// index, id, label); the edge count and each edge (source, target, kind, weight's bits); the
// out- and in-adjacency (offsets, then edge ids, each a count and fixed 32-bit ids); the
// diagnostics as the cache of parsed records encodes them. Integers as byte_codec.hpp has
// them. The reader checks what every graph of build_graph() holds to, so that a graph read
// back can be trusted by every view and algorithm as a built one is.
#include "graph/graph_codec.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <iterator>
#include <tuple>

#include "records/byte_codec.hpp"
#include "records/record_codec.hpp"
#include "support/xxhash64.hpp"

namespace policygraph::graph_detail {
namespace {

using records::ByteReader;
using records::ByteWriter;

constexpr std::size_t least_node_bytes = 6;   // kind, resolved, date flag, record, two empty strings
constexpr std::size_t least_edge_bytes = 17;  // source, target, kind, weight
constexpr std::uint64_t most_edge_kind = static_cast<std::uint64_t>(EdgeKind::implements);
constexpr std::uint64_t most_node_kind = static_cast<std::uint64_t>(NodeKind::tag);

void write_ids(ByteWriter& out, const std::vector<EdgeId>& ids) {
  out.varint(ids.size());
  for (EdgeId id : ids) out.fixed32(id);
}

void read_ids(ByteReader& in, std::vector<EdgeId>& ids) {
  ids.resize(in.count(4));
  for (EdgeId& id : ids) id = in.fixed32();
}

bool read_node(ByteReader& in, const std::vector<Record>& records, Node& node) {
  const std::uint64_t kind = in.varint();
  const std::uint64_t resolved = in.varint();
  const std::uint64_t has_date = in.varint();
  if (kind > most_node_kind || resolved > 1 || has_date > 1) return false;
  node.kind = static_cast<NodeKind>(kind);
  node.resolved = resolved == 1;
  if (has_date == 1) {
    Date date;
    date.year = in.small_int();
    date.month = in.small_int();
    date.day = in.small_int();
    node.date = date;
  }
  const std::int64_t record = in.signed_varint();
  if (record < -1 || record >= static_cast<std::int64_t>(records.size())) return false;
  node.record = static_cast<std::int32_t>(record);
  node.id = in.string();
  node.label = in.string();
  return in.ok() && (record < 0 || records[static_cast<std::size_t>(record)].id == node.id);
}

// Offsets that cut `list` into one run per vertex, each of edges that have that vertex as
// their `end` (source or target).
template <typename End>
bool adjacency_fits(const std::vector<EdgeId>& offsets, const std::vector<EdgeId>& list, const std::vector<Edge>& edges,
                    std::size_t vertices, End end) {
  if (list.size() != edges.size()) return false;
  if (offsets.empty()) return vertices == 0 && edges.empty();
  if (offsets.size() != vertices + 1 || offsets.front() != 0 || offsets.back() != list.size() ||
      !std::is_sorted(offsets.begin(), offsets.end()))
    return false;
  for (std::size_t v = 0; v < vertices; ++v)
    for (std::size_t i = offsets[v]; i < offsets[v + 1]; ++i)
      if (list[i] >= edges.size() || end(edges[list[i]]) != v) return false;
  return true;
}

}  // namespace

void GraphCodec::write(std::string& out_bytes, const Graph& graph, std::span<const Diagnostic> diagnostics) {
  ByteWriter out(out_bytes);
  out.varint(graph.nodes_.size());
  out.varint(graph.policy_count_);
  for (const Node& node : graph.nodes_) {
    out.varint(static_cast<std::uint64_t>(node.kind));
    out.varint(node.resolved ? 1 : 0);
    out.varint(node.date ? 1 : 0);
    if (node.date) {
      out.signed_varint(node.date->year);
      out.signed_varint(node.date->month);
      out.signed_varint(node.date->day);
    }
    out.signed_varint(node.record);
    out.string(node.id);
    out.string(node.label);
  }
  out.varint(graph.edges_.size());
  for (const Edge& edge : graph.edges_) {
    out.fixed32(edge.source);
    out.fixed32(edge.target);
    out.varint(static_cast<std::uint64_t>(edge.kind));
    out.fixed64(std::bit_cast<std::uint64_t>(edge.weight));
  }
  write_ids(out, graph.out_offsets_);
  write_ids(out, graph.out_list_);
  write_ids(out, graph.in_offsets_);
  write_ids(out, graph.in_list_);
  out.string(records::encode_records({}, diagnostics, {}));
}

std::optional<Graph> GraphCodec::read(std::string_view bytes, std::shared_ptr<const std::vector<Record>> records,
                                      Diagnostics& diagnostics) {
  ByteReader in(bytes);
  Graph graph;
  graph.nodes_.resize(in.count(least_node_bytes));
  graph.policy_count_ = static_cast<std::size_t>(in.varint());
  const std::size_t vertices = graph.nodes_.size();
  if (graph.policy_count_ > vertices) return std::nullopt;
  for (std::size_t v = 0; v < vertices; ++v) {
    const Node& node = graph.nodes_[v];
    if (!read_node(in, *records, graph.nodes_[v]) || (node.kind == NodeKind::policy) != (v < graph.policy_count_))
      return std::nullopt;
    // In (kind, id) order, each key once: Graph::find searches them so.
    if (v > 0 && !(std::tie(graph.nodes_[v - 1].kind, graph.nodes_[v - 1].id) < std::tie(node.kind, node.id)))
      return std::nullopt;
  }
  graph.edges_.resize(in.count(least_edge_bytes));
  for (Edge& edge : graph.edges_) {
    edge.source = in.fixed32();
    edge.target = in.fixed32();
    const std::uint64_t kind = in.varint();
    edge.weight = std::bit_cast<double>(in.fixed64());
    if (edge.source >= vertices || edge.target >= vertices || kind > most_edge_kind) return std::nullopt;
    edge.kind = static_cast<EdgeKind>(kind);
  }
  read_ids(in, graph.out_offsets_);
  read_ids(in, graph.out_list_);
  read_ids(in, graph.in_offsets_);
  read_ids(in, graph.in_list_);
  if (!in.ok() ||
      !adjacency_fits(graph.out_offsets_, graph.out_list_, graph.edges_, vertices,
                      [](const Edge& edge) { return edge.source; }) ||
      !adjacency_fits(graph.in_offsets_, graph.in_list_, graph.edges_, vertices,
                      [](const Edge& edge) { return edge.target; }))
    return std::nullopt;
  const std::string_view diagnostic_bytes = in.string_view();
  if (!in.ok() || !in.at_end()) return std::nullopt;
  std::optional<ParseResult> built =
      records::decode_parse_result(diagnostic_bytes, support::xxhash64(diagnostic_bytes), {});
  if (!built || !built->records.empty()) return std::nullopt;
  graph.records_ = std::move(records);
  std::move(built->diagnostics.begin(), built->diagnostics.end(), std::back_inserter(diagnostics));
  return graph;
}

}  // namespace policygraph::graph_detail
