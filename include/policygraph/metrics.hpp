// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace policygraph {

/// Computed values that exporters write as node attributes. Each vector is indexed by the
/// vertex ids of the graph it was computed on; since every view keeps the policy ids
/// (see Graph), a vector over the `policy` view applies to the policy nodes of any view.
/// A vertex beyond a vector's end has no value.
struct NodeMetrics {
  std::optional<std::vector<double>> pagerank;
  std::optional<std::vector<double>> betweenness;
  std::optional<std::vector<std::uint32_t>> component;
  std::optional<std::vector<std::uint32_t>> community;
  /// Relative to a focus policy; `no_generation` for policies outside its lineage.
  std::optional<std::vector<std::int32_t>> generation;

  /// The generation of a policy that is neither an ancestor nor a descendant of the focus.
  static constexpr std::int32_t no_generation = std::numeric_limits<std::int32_t>::min();
};

}  // namespace policygraph
