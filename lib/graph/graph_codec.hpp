// SPDX-License-Identifier: MIT
// A built graph and the diagnostics of its build as bytes, and back: what build_graph()
// keeps beside the cache of parsed records (kept_graph.cpp). The records the graph was built
// from are not in the bytes: the cache holds them, and a graph read back points into the
// records that load decoded.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/graph.hpp"

namespace policygraph::graph_detail {

struct GraphCodec {
  /// Appends the graph's nodes, edges and adjacency, then `diagnostics`, to `out`.
  static void write(std::string& out, const Graph& graph, std::span<const Diagnostic> diagnostics);
  /// The graph of `bytes` over `records`, its diagnostics appended to `diagnostics`; nullopt
  /// when the bytes do not decode exactly into a graph that fits the records: every count,
  /// index and offset is checked, the nodes must be in their order, and a node of a record
  /// must carry that record's id. Whatever the bytes, never a crash.
  static std::optional<Graph> read(std::string_view bytes, std::shared_ptr<const std::vector<Record>> records,
                                   Diagnostics& diagnostics);
};

}  // namespace policygraph::graph_detail
