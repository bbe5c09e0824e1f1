// SPDX-License-Identifier: MIT
// GraphML's node ids. The schema makes them NMTOKENs: a node's id is its key where the key
// is one (`policy:eu-nzia`), else the key passed through xml_name_token
// (`tag:carbon capture` becomes `tag:carbon_x20_capture`), with `_2`, `_3`... added where
// that id is taken already. Ids are given in row (vertex) order, each the first of base,
// base_2, base_3... that no earlier row took.
//
// Nearly every key is an NMTOKEN, even in a corpus whose tags and clusters have spaces:
// only the ids that differ from their keys are held (a string for every node was a quarter
// of a second at 100,000 policies), and an id is written from its key as it is needed.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/graph.hpp"

namespace policygraph::export_detail {

class GraphmlNodeIds {
 public:
  /// The ids of `rows`: vertices of `graph` in increasing order.
  GraphmlNodeIds(const Graph& graph, const std::vector<VertexId>& rows);

  /// Whether some id differs from its node's key (GraphML then carries every key in a `key`
  /// attribute).
  bool any_changed() const { return !changed_.empty(); }
  /// The id of row vertex `v`, written into `buffer` when it is the key.
  std::string_view id(VertexId v, std::string& buffer) const;

 private:
  std::optional<VertexId> row_with_key(std::string_view text) const;

  const Graph* graph_;
  const std::vector<VertexId>* rows_;
  static constexpr std::uint32_t key_is_id = UINT32_MAX;
  std::vector<std::uint32_t> changed_of_;  // by vertex: index in changed_, or key_is_id; empty if none changed
  std::deque<std::string> changed_;
};

}  // namespace policygraph::export_detail
