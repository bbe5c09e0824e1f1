// SPDX-License-Identifier: MIT
// Lineage families, for drawings of one family each (export --split families, the report).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "policygraph/export.hpp"
#include "policygraph/graph.hpp"

namespace policygraph::export_detail {

/// A lineage family: a weakly connected component of two or more selected policies of a
/// lineage view, named after its oldest policy (earliest date, undated last, then id).
struct Family {
  VertexId oldest = 0;
  std::vector<VertexId> members;  ///< by date (undated last), then id
};

/// The families of the selected policies of `lineage` (a lineage view), largest first, then
/// by their oldest policy's id. O(V + E + V log V).
std::vector<Family> lineage_families(const Graph& lineage, const Selection& selection = {});

/// A file name for `id`, unique for distinct ids and safe on every file system:
/// `<prefix><id><extension>` for an id of lower-case ASCII letters, digits, '.', '_' and '-'
/// (not starting with '.'); else a readable slug of it and a hash of the whole id (so that `A`
/// and `a`, or `x/y` and `x-y`, never share a file, even on a case-insensitive file system).
std::string file_name_for(std::string_view prefix, std::string_view id, std::string_view extension);

}  // namespace policygraph::export_detail
