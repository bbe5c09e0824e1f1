// SPDX-License-Identifier: MIT
// The columns of a dated diagram, left to right (dot.cpp draws them).
#pragma once

#include <string>
#include <vector>

#include "policygraph/export.hpp"
#include "policygraph/graph.hpp"

namespace policygraph::export_detail {

/// One column of the time axis: a year, a "date unknown" lane, or a break.
struct AxisColumn {
  enum class Type : unsigned char { year, undated, gap };
  Type type = Type::year;
  std::string key;    ///< the axis node's DOT id: `year:2005`, `undated:2005:before`, `gap:1990-2003`
  std::string label;  ///< what the axis shows: "2005", "date unknown", "⋯"
  std::string tooltip;
  std::vector<VertexId> members;  ///< the policies drawn in this column
};

/// Years at least this far apart get a break drawn between them: a long gap is no run of
/// empty columns, and no two years far apart look adjacent either.
inline constexpr int axis_gap_years = 3;

/// The axis of the selected policies, oldest first. Each dated policy is in its year's
/// column. An undated one (a policy named but not described, as a rule) belongs to no
/// year: it goes in a "date unknown" lane beside its nearest dated relative along the drawn
/// lineage edges (before that relative's year when it is the older act, after it when the
/// newer), or in a lane at the far left when it has no dated relative. O(V + E).
std::vector<AxisColumn> time_axis(const Graph& graph, const Selection& selection, const std::vector<EdgeId>& edges);

}  // namespace policygraph::export_detail
