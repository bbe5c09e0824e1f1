// SPDX-License-Identifier: MIT
// Private to lib/algorithms/: turning arbitrary group labels into a canonical Partition.
#pragma once

#include <cstdint>
#include <vector>

#include "policygraph/communities.hpp"

namespace policygraph::detail {

/// Renumbers `labels` (any values, one per vertex) so that groups are numbered 0.. in order
/// of their smallest vertex, and lists each group's vertices in ascending order. O(V).
Partition canonical_partition(const std::vector<std::uint32_t>& labels);

}  // namespace policygraph::detail
